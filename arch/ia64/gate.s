// The gate page (seed 003, "Kernel Entry": epc instead of an exception).
// Mapped in every space at GATE_BASE, right after the KIP page, as an
// execute-only promotion page of privilege level 0 (TLB.ar = 7, TLB.pl =
// 0: SDM vol 2 sec 4.1.1.6): user code can execute it but not read it,
// and epc in it raises PSR.cpl to 0 (vol 3 "epc").  The KIP's system-call
// fields (kip.s) point at these stubs; user code reaches them with
// br.call, so PFS.ppl = 3 and the final br.ret of gate_exit demotes back
// to PL 3 (vol 3 "br", return).
//
// Register contract of each epc stub: the system call's (docs/abi.md,
// IA-64) plus r17 = the caller's ar.rsc and r18 = its ar.unat, read
// still at PL 3, for the kernel entry (syscall.s).  Before epc the stub
// is ordinary user code; between epc and rsm, and between ssm and br.ret
// in gate_exit, the thread runs at PL 0 on its own state with interrupts
// on, which is why ivt.s treats interruptions with IIP in this page as
// coming from the thread.  A thread that branches anywhere else in the
// page runs it at PL 3 and faults on the first privileged instruction
// (the unused rest of the page is zero: break 0).
	.explicit
	.include "layout.inc"
	.include "cpu.inc"

	.macro	EPC_STUB entry
	{ .mmb
	mov	r17 = ar.rsc
	mov	r18 = ar.unat
	epc
	;;
	}
	{ .mlx
	rsm	PSR_I
	brl.sptk.few \entry
	;;
	}
	.endm

	.section .gate, "ax"
	.global	gate_page
gate_page:

// Ipc and Lipc: r14 = to, r15 = FromSpecifier, r16 = Timeouts,
// out0-out7 = MR0-MR7.
	.global	kip_ipc
kip_ipc:
	EPC_STUB ipc_entry

// ThreadSwitch: r14 = dest.
	.global	kip_thread_switch
kip_thread_switch:
	EPC_STUB thread_switch_entry

// Unmap: r14 = control, out0-out7 = the fpages (MR0-MR7).
	.global	kip_unmap
kip_unmap:
	EPC_STUB unmap_entry

// SystemClock needs no kernel entry: r8 = ar.itc / 2^CLOCK_SHIFT
// microseconds (ar.itc counts retired instructions on ia64sim; the KIP's
// processor descriptor gives the same rate).
	.global	kip_system_clock
kip_system_clock:
	mov.m	r8 = ar.itc
	;;
	shr.u	r8 = r8, CLOCK_SHIFT
	br.ret.sptk.many b0
	;;

// The system calls this kernel does not implement return 0 (failure for
// each of them) at user level.
	.global	kip_unimplemented
kip_unimplemented:
	mov	r8 = r0
	br.ret.sptk.many b0
	;;

// The common exit of the epc system calls: interrupts back on, then
// br.ret demotes to the caller's PL (PFS.ppl) and restores its frame.
	.global	gate_exit
gate_exit:
	{ .mib
	ssm	PSR_I
	nop.i	0
	br.ret.sptk.many b0
	;;
	}
