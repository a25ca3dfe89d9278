// The kernel interface page (X.2 reference manual, "Kernel Interface
// Page"; DESIGN.md section 4: 32-bit offsets double on 64-bit machines).
// One kernel page mapped read-only at KIP_BASE in every space; its
// system-call fields are KIP-relative offsets of the stubs in the gate
// page that follows it (gate.s), so KipAreaInfo covers both pages.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"

	.macro	STUB label
	data8	\label - KIP_BASE
	.endm

	.data
	.align	16384
	.global	kip_page
kip_page:
	data1	'L', '4', 0xe6, 'K', 0, 0, 0, 0	// 0x000 magic
	data8	(0x84 << 24) | (5 << 16)		// 0x008 API version: X.2, subversion 5
	data8	1 << 2					// 0x010 API flags: little endian, 64-bit
	data8	kip_kernel_desc - kip_page		// 0x018 kernel descriptor
	.skip	0x0a8 - 0x020				// kdebug, sigma0, sigma1, root server: none
	data8	0					// 0x0a8 MemoryInfo: no descriptors
	.skip	0x150 - 0x0b0
	data8	1 | (10 << 10) | (PAGE_SHIFT << 16)	// 0x150 UtcbInfo: 1 KiB UTCBs, one page
	data8	KIP_AREA_LOG2				// 0x158 KipAreaInfo
	.skip	0x170 - 0x160
	data8	0					// 0x170 BootInfo
	data8	kip_processor_desc - kip_page		// 0x178 processor descriptors
	data8	(156 << 16) | 1				// 0x180 ClockInfo: read 1 us, schedule ~156 us
	data8	32 | (64 << 8) | (USER_BASE << 20)	// 0x188 ThreadInfo: t, SystemBase, UserBase
	data8	(1 << PAGE_SHIFT) | 7			// 0x190 PageInfo: 16 KiB pages, rwx
	data8	(5 << 60) | 0				// 0x198 ProcessorInfo: one CPU, 32-byte descriptors
	STUB	kip_unimplemented			// 0x1a0 SpaceControl
	STUB	kip_unimplemented			// 0x1a8 ThreadControl
	STUB	kip_unimplemented			// 0x1b0 ProcessorControl
	STUB	kip_unimplemented			// 0x1b8 MemoryControl
	STUB	kip_ipc					// 0x1c0 Ipc
	STUB	kip_ipc					// 0x1c8 Lipc: Ipc
	STUB	kip_unmap				// 0x1d0 Unmap
	STUB	kip_unimplemented			// 0x1d8 ExchangeRegisters
	STUB	kip_system_clock			// 0x1e0 SystemClock
	STUB	kip_thread_switch			// 0x1e8 ThreadSwitch
	STUB	kip_unimplemented			// 0x1f0 Schedule
	.skip	0x300 - 0x1f8
	.global	kip_kernel_desc
kip_kernel_desc:
	data8	KIP_KERNEL_ID
	data8	0					// generation date
	data8	(0 << 24) | (1 << 16)			// version 0.1
	data1	'C', 'N', 'U', 'T', 0, 0, 0, 0		// supplier
	.asciz	"Chestnut IA-64 (ia64sim)"
	.align	32
kip_processor_desc:
	data8	128000, 128000, 0, 0			// external, internal kHz (ITC rate)
	.align	16384
