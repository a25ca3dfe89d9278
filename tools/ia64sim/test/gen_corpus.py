#!/usr/bin/env python3
"""Writes the decoder differential corpus: every instruction form the
simulator decodes, with register, predicate and immediate edge values, as
one gas source file (assembled with -xexplicit; see decoder_diff.py).

Each instruction is placed alone in a bundle of its unit's template, with
nops in the other slots, so the corpus covers every form independently of
template packing; a second part packs instructions with stops into every
template."""
import sys

GR = [0, 1, 2, 15, 16, 31, 32, 63, 64, 127]
GRW = [1, 2, 15, 16, 31, 32, 100, 127]          # targets (r0 is illegal)
PR = [(1, 2), (6, 7), (15, 16), (62, 63), (63, 1)]
QP = [0, 1, 15, 16, 63]
BR = [0, 1, 6, 7]
FR = [0, 1, 2, 31, 32, 127]
FRW = [2, 6, 31, 32, 100, 127]
AR_M = ["ar.k0", "ar.k7", "ar.rsc", "ar.bsp", "ar.bspstore", "ar.rnat", "ar.ccv", "ar.unat",
        "ar.fpsr", "ar.itc", "ar.fcr", "ar.eflag", "ar.csd", "ar.ssd", "ar.cflg", "ar.fsr",
        "ar.fir", "ar.fdr"]
AR_I = ["ar.pfs", "ar.lc", "ar.ec"]
CR = ["cr.dcr", "cr.itm", "cr.iva", "cr.pta", "cr.ipsr", "cr.isr", "cr.iip", "cr.ifa", "cr.itir",
      "cr.iipa", "cr.ifs", "cr.iim", "cr.iha", "cr.lid", "cr.ivr", "cr.tpr", "cr.eoi", "cr.irr0",
      "cr.irr1", "cr.irr2", "cr.irr3", "cr.itv", "cr.pmv", "cr.cmcv", "cr.lrr0", "cr.lrr1"]
IMM8 = [-128, -1, 0, 1, 127]
IMM14 = [-8192, -1, 1, 8191]
IMM22 = [-2097152, -1, 0, 1, 2097151]
IMM9 = [-256, -1, 1, 255]
IMM21 = [0, 1, 0x1234, 0x1fffff]

out = []


def unit_bundle(unit, insn):
    """One instruction in a bundle whose other slots are nops."""
    if unit == "I":
        out.append(f"{{ .mii\n nop.m 0\n {insn}\n nop.i 0\n}}")
    elif unit == "M" or unit == "A":
        out.append(f"{{ .mmi\n {insn}\n nop.m 0\n nop.i 0\n}}")
    elif unit == "B":
        out.append(f"{{ .mib\n nop.m 0\n nop.i 0\n {insn}\n}}")
    elif unit == "F":
        out.append(f"{{ .mfi\n nop.m 0\n {insn}\n nop.i 0\n}}")
    elif unit == "X":
        out.append(f"{{ .mlx\n nop.m 0\n {insn}\n}}")


def pred(q):
    return f"(p{q}) " if q else ""


def a_forms():
    for i, (r1, r2, r3) in enumerate(zip(GRW * 2, GR + GR, reversed(GR + GR))):
        q = QP[i % len(QP)]
        for op in ["add", "sub", "addp4", "and", "andcm", "or", "xor"]:
            unit_bundle("A", f"{pred(q)}{op} r{r1}=r{r2},r{r3}")
        unit_bundle("A", f"add r{r1}=r{r2},r{r3},1")
        unit_bundle("A", f"sub r{r1}=r{r2},r{r3},1")
        for c in (1, 2, 3, 4):
            unit_bundle("A", f"shladd r{r1}=r{r2},{c},r{r3}")
            unit_bundle("A", f"shladdp4 r{r1}=r{r2},{c},r{r3}")
    for imm in IMM8:
        for op in ["sub", "and", "andcm", "or", "xor"]:
            unit_bundle("A", f"{op} r5={imm},r9")
    for imm in IMM14 + [0]:
        for r3 in (0, 7, 127):
            unit_bundle("A", f"adds r3={imm},r{r3}")
            unit_bundle("A", f"addp4 r3={imm},r{r3}")
    for imm in IMM22:
        for r3 in range(4):
            unit_bundle("A", f"addl r8={imm},r{r3}")
    rels = ["lt", "ltu", "eq", "ne", "gt", "le", "ge", "gtu", "leu", "geu"]
    for w in ("cmp", "cmp4"):
        for rel in rels:
            for suf in ("", ".unc"):
                for (p1, p2), (r2, r3) in zip(PR, [(1, 2), (0, 127), (32, 5), (63, 64), (3, 3)]):
                    unit_bundle("A", f"{w}.{rel}{suf} p{p1},p{p2}=r{r2},r{r3}")
                if rel not in ("gtu", "leu", "geu", "gt", "le"):
                    for imm in IMM8:
                        unit_bundle("A", f"{w}.{rel}{suf} p6,p7={imm},r9")
        for rel in ("eq", "ne"):
            for t in (".and", ".or", ".or.andcm"):
                unit_bundle("A", f"{w}.{rel}{t} p6,p7=r4,r5")
                unit_bundle("A", f"{w}.{rel}{t} p1,p63=-7,r5")
        for rel in ("gt", "le", "ge", "lt"):
            for t in (".and", ".or", ".or.andcm"):
                unit_bundle("A", f"{w}.{rel}{t} p6,p7=r0,r{GR[len(rel) + 4]}")


def i_forms():
    for imm in IMM21:
        unit_bundle("I", f"break.i {imm:#x}")
        unit_bundle("I", f"nop.i {imm:#x}")
    for b in BR:
        for r in (0, 5, 127):
            unit_bundle("I", f"mov b{b}=r{r}")
            unit_bundle("I", f"mov r{r if r else 1}=b{b}")
    for mask in (0x1fffe, 0x2, 0x10000, 0xff00, 0xfe):
        unit_bundle("I", f"mov pr=r9,{mask:#x}")
    for imm in (0x10000, 0xffff0000, -0x10000, 0x7ff0000000):
        unit_bundle("I", f"mov pr.rot={imm}")
    for r in GRW[:4]:
        unit_bundle("I", f"mov r{r}=ip")
        unit_bundle("I", f"mov r{r}=pr")
    for ar in AR_I:
        unit_bundle("I", f"mov.i {ar}=r7")
        unit_bundle("I", f"mov.i r7={ar}")
        for imm in IMM8:
            unit_bundle("I", f"mov.i {ar}={imm}")
    for op in ["zxt1", "zxt2", "zxt4", "sxt1", "sxt2", "sxt4", "popcnt"]:
        unit_bundle("I", f"{op} r9=r127")
        unit_bundle("I", f"(p3) {op} r127=r0")
    for pos, ln in [(0, 1), (63, 1), (4, 16), (48, 16), (60, 4), (1, 15)]:
        unit_bundle("I", f"dep r1=r2,r3,{pos},{ln}")
    for pos, ln in [(0, 1), (0, 64), (63, 1), (4, 60), (3, 5), (32, 32), (10, 20)]:
        unit_bundle("I", f"extr r1=r2,{pos},{ln}")
        unit_bundle("I", f"extr.u r1=r2,{pos},{ln}")
        unit_bundle("I", f"dep.z r1=r2,{pos},{ln}")
        for imm in IMM8:
            unit_bundle("I", f"dep.z r1={imm},{pos},{ln}")
        for imm in (0, -1):
            unit_bundle("I", f"dep r1={imm},r3,{pos},{ln}")
    for c in (0, 1, 33, 63):
        unit_bundle("I", f"shrp r1=r2,r3,{c}")
        unit_bundle("I", f"shl r4=r5,{c}")
        unit_bundle("I", f"shr r4=r5,{c}")
        unit_bundle("I", f"shr.u r4=r5,{c}")
    unit_bundle("I", "shl r4=r5,r6")
    unit_bundle("I", "shr r4=r5,r6")
    unit_bundle("I", "shr.u r4=r5,r6")
    for t in ["", ".unc", ".and", ".or", ".or.andcm"]:
        for z in (".z", ".nz"):
            for (p1, p2) in PR[:3]:
                unit_bundle("I", f"tbit{z}{t} p{p1},p{p2}=r9,{p1}")
                unit_bundle("I", f"tnat{z}{t} p{p1},p{p2}=r{p2}")


def m_forms():
    for op in ["invala", "fwb", "mf", "mf.a", "srlz.d", "srlz.i", "sync.i"]:
        unit_bundle("M", op)
    out.append("{ .mmi\n flushrs\n nop.m 0\n nop.i 0\n}")
    out.append("{ .mmi\n loadrs\n nop.m 0\n nop.i 0\n}")
    for imm in IMM21:
        unit_bundle("M", f"break.m {imm:#x}")
        unit_bundle("M", f"nop.m {imm:#x}")
    for imm in (0, 1, 0x6000, 0xffffff, 0x800000):
        for op in ("sum", "rum", "ssm", "rsm"):
            unit_bundle("M", f"{op} {imm:#x}")
    for ar in AR_M:
        unit_bundle("M", f"mov.m {ar}=r9")
        unit_bundle("M", f"mov.m r9={ar}")
        unit_bundle("M", f"mov.m {ar}=-3")
    for cr in CR:
        unit_bundle("M", f"mov {cr}=r10")
        unit_bundle("M", f"mov r10={cr}")
    for n in range(128):   # every register number, named or not
        unit_bundle("M", f"mov r10=cr{n}")
        unit_bundle("M" if n < 64 else "I", f"mov.{'m' if n < 64 else 'i'} r10=ar{n}")
    for i, l, o, r in [(0, 0, 0, 0), (3, 2, 0, 0), (8, 8, 8, 16), (0, 0, 96, 96), (96, 0, 0, 0), (1, 1, 1, 0)]:
        out.append(f"{{ .mmi\n alloc r{32 + i + l - 1 if i + l else 2}=ar.pfs,{i},{l},{o},{r}\n nop.m 0\n nop.i 0\n}}")
    for r in (1, 32, 127):
        unit_bundle("M", f"mov psr.l=r{r}")
        unit_bundle("M", f"mov psr.um=r{r}")
        unit_bundle("M", f"mov r{r}=psr")
        unit_bundle("M", f"mov r{r}=psr.um")
        unit_bundle("M", f"itc.d r{r}")
        unit_bundle("M", f"itc.i r{r}")
        unit_bundle("M", f"mov rr[r{r}]=r3")
        unit_bundle("M", f"itr.d dtr[r{r}]=r3")
        unit_bundle("M", f"itr.i itr[r{r}]=r3")
        unit_bundle("M", f"mov r3=rr[r{r}]")
        unit_bundle("M", f"mov r3=cpuid[r{r}]")
        for op in ("ptc.l", "ptc.g", "ptc.ga", "ptr.d", "ptr.i"):
            unit_bundle("M", f"{op} r{r},r4")
        unit_bundle("M", f"tpa r4=r{r}")
        for rw in ("r", "w"):
            unit_bundle("M", f"probe.{rw} r4=r{r},r5")
            for lvl in range(4):
                unit_bundle("M", f"probe.{rw} r4=r{r},{lvl}")
        for kind in ("r", "w", "rw"):
            unit_bundle("M", f"probe.{kind}.fault r{r},{r % 4}")
        unit_bundle("M", f"tak r4=r{r}")
        unit_bundle("M", f"fc r{r}")
        unit_bundle("M", f"ptc.e r{r}")
    for sz in (1, 2, 4, 8):
        for sem in ("", ".acq", ".bias"):
            for hint in ("", ".nt1", ".nta"):
                unit_bundle("M", f"ld{sz}{sem}{hint} r5=[r6]")
                unit_bundle("M", f"ld{sz}{sem}{hint} r127=[r0],r127")
                for imm in IMM9:
                    unit_bundle("M", f"ld{sz}{sem}{hint} r5=[r6],{imm}")
        for sem in ("", ".rel"):
            for hint in ("", ".nta"):
                unit_bundle("M", f"st{sz}{sem}{hint} [r6]=r5")
                for imm in IMM9:
                    unit_bundle("M", f"st{sz}{sem}{hint} [r6]=r5,{imm}")
        for sem in (".acq", ".rel"):
            unit_bundle("M", f"cmpxchg{sz}{sem} r1=[r2],r3,ar.ccv")
            unit_bundle("M", f"cmpxchg{sz}{sem}.nt1 r1=[r2],r3,ar.ccv")
        unit_bundle("M", f"xchg{sz} r1=[r2],r3")
        unit_bundle("M", f"xchg{sz}.nta r1=[r2],r3")
    for hint in ("", ".nt1", ".nta"):
        unit_bundle("M", f"ld8.fill{hint} r5=[r6]")
        unit_bundle("M", f"ld8.fill{hint} r5=[r6],r7")
        unit_bundle("M", f"ld8.fill{hint} r5=[r6],-256")
    for hint in ("", ".nta"):
        unit_bundle("M", f"st8.spill{hint} [r6]=r5")
        unit_bundle("M", f"st8.spill{hint} [r6]=r5,255")
    for sz in (4, 8):
        for sem in (".acq", ".rel"):
            for inc in (-16, -8, -4, -1, 1, 4, 8, 16):
                unit_bundle("M", f"fetchadd{sz}{sem} r1=[r2],{inc}")
    for f in FR:
        for fmt in ("e", "8", "s", "d", ".fill"):
            for hint in ("", ".nt1", ".nta"):
                if f >= 2:
                    unit_bundle("M", f"ldf{fmt}{hint} f{f}=[r3]")
                    unit_bundle("M", f"ldf{fmt}{hint} f{f}=[r3],r4")
                    unit_bundle("M", f"ldf{fmt}{hint} f{f}=[r3],-256")
            for hint in ("", ".nta"):
                st = "stf.spill" if fmt == ".fill" else f"stf{fmt}"
                unit_bundle("M", f"{st}{hint} [r3]=f{f}")
                unit_bundle("M", f"{st}{hint} [r3]=f{f},255")
        for x in ("sig", "exp", "s", "d"):
            if f >= 2:
                unit_bundle("M", f"setf.{x} f{f}=r9")
            unit_bundle("M", f"getf.{x} r9=f{f}")


def b_forms():
    for wh in ("sptk", "spnt", "dptk", "dpnt"):
        for ph in ("few", "many"):
            for dh in ("", ".clr"):
                c = f".{wh}.{ph}{dh}"
                for b in BR:
                    unit_bundle("B", f"br.cond{c} b{b}")
                    unit_bundle("B", f"br.ia{c} b{b}")
                    unit_bundle("B", f"br.ret{c} b{b}")
                    unit_bundle("B", f"br.call{c} b{b}=b{7 - b}")
                    unit_bundle("B", f"br.call{c} b{b}=.+{16 * b}")
                for t in ("cond", "wexit", "wtop", "cloop", "cexit", "ctop"):
                    for off in ("0", "-16", "+0x1000", "-0xfff0"):
                        unit_bundle("B", f"br.{t}{c} .{off}" if off != "0" else f"br.{t}{c} .")
                unit_bundle("X", f"brl.cond{c} .+0x123450")
                unit_bundle("X", f"brl.call{c} b3=.-0x10")
    for q in QP:
        unit_bundle("B", f"{pred(q)}br.cond.sptk.few b1")
    for op in ("cover", "clrrrb", "clrrrb.pr", "rfi", "bsw.0", "bsw.1", "epc"):
        unit_bundle("B", op)
    for imm in IMM21:
        unit_bundle("B", f"break.b {imm:#x}")
        unit_bundle("B", f"nop.b {imm:#x}")
        unit_bundle("F", f"break.f {imm:#x}")
        unit_bundle("F", f"nop.f {imm:#x}")
    for f1, f2, f3 in [(2, 3, 4), (127, 0, 1), (32, 32, 32), (6, 0, 7)]:
        for op in ("fmerge.s", "fmerge.ns", "fmerge.se"):
            unit_bundle("F", f"{op} f{f1}=f{f2},f{f3}")
        for op in ("xma.l", "xma.h", "xma.hu"):
            unit_bundle("F", f"{pred(f1 % 64)}{op} f{f1}=f{f3},f{f2},f{(f1 + f2) % 128}")
            unit_bundle("F", f"{op} f{f1}=f{f3},f{f2},f0")


def x_forms():
    for imm in (0, 1, 0x123456789abcdef0, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff):
        for r in (1, 32, 127):
            unit_bundle("X", f"movl r{r}={imm:#x}")
    for imm in (0, 1, 0x3fffffffffffffff, 0x2000000000000000):
        unit_bundle("X", f"break.x {imm:#x}")
        unit_bundle("X", f"nop.x {imm:#x}")


def predicated_forms():
    """A qualifying predicate on a sample of every unit's forms."""
    for q in (1, 15, 16, 47, 63):
        unit_bundle("I", f"(p{q}) dep r1=r2,r3,4,8")
        unit_bundle("I", f"(p{q}) tbit.z.unc p6,p7=r9,3")
        unit_bundle("I", f"(p{q}) mov.i ar.lc=r{q}")
        unit_bundle("I", f"(p{q}) mov r{q}=b{q % 8}")
        unit_bundle("M", f"(p{q}) ld8 r{q}=[r{q + 1}],{q}")
        unit_bundle("M", f"(p{q}) st4.rel [r{q}]=r{q + 2},-{q}")
        unit_bundle("M", f"(p{q}) cmpxchg8.acq r1=[r2],r3,ar.ccv")
        unit_bundle("M", f"(p{q}) mov cr.itm=r{q}")
        unit_bundle("M", f"(p{q}) itc.d r{q}")
        unit_bundle("M", f"(p{q}) ldf.fill f{q + 2}=[r{q}]")
        unit_bundle("M", f"(p{q}) break.m {q:#x}")
        unit_bundle("B", f"(p{q}) br.call.dptk.many b{q % 8}=.")
        unit_bundle("B", f"(p{q}) br.ret.sptk.few b{q % 8}")
        unit_bundle("B", f"(p{q}) br.wtop.sptk.few .")
        unit_bundle("F", f"(p{q}) fmerge.ns f{q + 2}=f{q},f{q + 1}")
        unit_bundle("X", f"(p{q}) movl r{q}=0x{q:x}{q:x}")
        unit_bundle("X", f"(p{q}) brl.call.dptk.many b{q % 8}=.")


def templates():
    """Every template, with stops inside and at the end."""
    forms = [(".mii", "add r1=r2,r3", "adds r4=1,r5", "shl r6=r7,3"),
             (".mlx", "ld8 r1=[r2]", "movl r3=0x1234", None),
             (".mmi", "st8 [r1]=r2", "ld4 r3=[r4]", "sxt4 r5=r6"),
             (".mfi", "nop.m 1", "nop.f 2", "nop.i 3"),
             (".mmf", "nop.m 1", "nop.m 2", "nop.f 3"),
             (".mib", "nop.m 1", "nop.i 2", "nop.b 3"),
             (".mbb", "nop.m 1", "nop.b 2", "nop.b 3"),
             (".bbb", "nop.b 1", "nop.b 2", "nop.b 3"),
             (".mmb", "nop.m 1", "nop.m 2", "nop.b 3"),
             (".mfb", "nop.m 1", "nop.f 2", "nop.b 3")]
    for t, a, b, c in forms:
        for stop_mid in ((None, 0) if t in (".mii",) else (None, 1) if t == ".mmi" else (None,)):
            for stop_end in (False, True):
                lines = [a, b] + ([c] if c else [])
                if stop_mid is not None:
                    if t == ".mii":
                        lines[1] += " ;;"
                    else:
                        lines[0] += " ;;"
                if stop_end:
                    lines[-1] += " ;;"
                out.append("{ " + t + "\n " + "\n ".join(lines) + "\n}")


def main():
    a_forms()
    i_forms()
    m_forms()
    b_forms()
    x_forms()
    predicated_forms()
    templates()
    sys.stdout.write("\t.text\n\t.explicit\n" + "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
