#!/usr/bin/env python3
"""Writes a self-checking IA-64 program of random integer operations whose
expected results come from the Python model below (the SDM vol 3
instruction pages, restated).  The program exits 0 when every result
matches; otherwise it writes the failed case's number to the device page's
CHECKPOINT register and exits 1.

  gen_alu_model.py SEED COUNT > program.s"""
import random
import sys

M = (1 << 64) - 1


def sx(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def u(v):
    return v & M


def interesting(rng):
    """64-bit operands biased towards the edges."""
    pick = rng.randrange(6)
    if pick == 0:
        return rng.choice([0, 1, M, 1 << 63, (1 << 63) - 1, 0xffffffff, 1 << 32, 0x80000000, 0x7fffffff])
    if pick == 1:
        return u(rng.randrange(-300, 300))
    if pick == 2:
        return rng.getrandbits(32)
    return rng.getrandbits(64)


def cases(rng):
    """Yields (assembly computing r10 from r8 and r9, a, b, expected r10)."""
    while True:
        a, b = interesting(rng), interesting(rng)
        kind = rng.randrange(17)
        if kind == 0:
            op = rng.choice(["add", "sub", "and", "or", "xor", "andcm"])
            f = {"add": a + b, "sub": a - b, "and": a & b, "or": a | b, "xor": a ^ b, "andcm": a & ~b}[op]
            yield f"{op} r10 = r8, r9", a, b, u(f)
        elif kind == 1:
            one = rng.choice(["add", "sub"])
            yield f"{one} r10 = r8, r9, 1", a, b, u(a + b + 1 if one == "add" else a - b - 1)
        elif kind == 2:
            c = rng.randint(1, 4)
            yield f"shladd r10 = r8, {c}, r9", a, b, u((a << c) + b)
        elif kind == 3:
            b = rng.choice([b, b & 63, rng.randrange(70)])
            yield "shl r10 = r8, r9", a, b, 0 if b > 63 else u(a << b)
        elif kind == 4:
            b = rng.choice([b, b & 63, rng.randrange(70)])
            yield "shr.u r10 = r8, r9", a, b, 0 if b > 63 else a >> b
        elif kind == 5:
            b = rng.choice([b, b & 63, rng.randrange(70)])
            yield "shr r10 = r8, r9", a, b, u(sx(a, 64) >> min(b, 63))
        elif kind == 6:
            pos, ln = rng.randrange(64), rng.randint(1, 64)
            field = (a >> pos) & ((1 << min(ln, 64 - pos)) - 1)
            yield f"extr.u r10 = r8, {pos}, {ln}", a, b, field
        elif kind == 7:
            pos, ln = rng.randrange(64), rng.randint(1, 64)
            width = min(ln, 64 - pos)
            yield f"extr r10 = r8, {pos}, {ln}", a, b, u(sx(a >> pos, width))
        elif kind == 8:
            pos, ln = rng.randrange(64), rng.randint(1, 64)
            yield f"dep.z r10 = r8, {pos}, {ln}", a, b, u((a & ((1 << ln) - 1)) << pos)
        elif kind == 9:
            pos, ln = rng.randrange(64), rng.randint(1, 16)
            width = min(ln, 64 - pos)
            m = ((1 << width) - 1) << pos
            yield f"dep r10 = r8, r9, {pos}, {ln}", a, b, (b & ~m & M) | ((a << pos) & m)
        elif kind == 10:
            c = rng.randrange(64)
            yield f"shrp r10 = r8, r9, {c}", a, b, u(((a << 64) | b) >> c)
        elif kind == 11:
            n = rng.choice([1, 2, 4])
            s = rng.choice(["sxt", "zxt"])
            v = u(sx(a, 8 * n)) if s == "sxt" else a & ((1 << (8 * n)) - 1)
            yield f"{s}{n} r10 = r8", a, b, v
        elif kind == 12:
            yield "popcnt r10 = r8", a, b, bin(a).count("1")
        elif kind in (13, 14):
            width = rng.choice(["cmp", "cmp4"])
            rel = rng.choice(["lt", "ltu", "eq", "ne", "gt", "le", "ge", "gtu", "leu", "geu"])
            if rng.randrange(3) == 0:
                b = a
            x, y = (a, b) if width == "cmp" else (a & 0xffffffff, b & 0xffffffff)
            sx_, sy = (sx(x, 64), sx(y, 64)) if width == "cmp" else (sx(x, 32), sx(y, 32))
            r = {"lt": sx_ < sy, "ltu": x < y, "eq": x == y, "ne": x != y, "gt": sx_ > sy, "le": sx_ <= sy,
                 "ge": sx_ >= sy, "gtu": x > y, "leu": x <= y, "geu": x >= y}[rel]
            yield (f"{width}.{rel} p6, p7 = r8, r9\n\t;;\n(p6)\tmov r10 = 1\n(p7)\tmov r10 = 0", a, b, int(r))
        elif kind == 15:
            pos = rng.randrange(64)
            yield (f"tbit.nz p6, p7 = r8, {pos}\n\t;;\n(p6)\tmov r10 = 1\n(p7)\tmov r10 = 0", a, b,
                   (a >> pos) & 1)
        else:
            form = rng.choice(["l", "hu", "h"])
            if form == "l":
                v = u(a * b)
            elif form == "hu":
                v = (a * b) >> 64
            else:
                v = u((sx(a, 64) * sx(b, 64)) >> 64)
            yield (f"setf.sig f6 = r8\n\tsetf.sig f7 = r9\n\t;;\n\txmpy.{form} f8 = f6, f7\n\t;;\n"
                   f"\tgetf.sig r10 = f8", a, b, v)


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    out = ['\t.include "common.inc"', "\t.text", "\t.global _start", "_start:"]
    gen = cases(rng)
    for n in range(1, count + 1):
        code, a, b, expect = next(gen)
        out += [f"// case {n}", f"\tmovl r8 = {a:#x}", f"\tmovl r9 = {b:#x}", "\tmov r10 = -1", "\t;;",
                f"\t{code}", "\t;;", f"\tmovl r11 = {expect:#x}", "\t;;", "\tcmp.eq p6, p7 = r10, r11",
                f"\taddl r20 = {n}, r0", "\t;;", "(p7)\tbr.cond.dpnt.few fail", "\t;;"]
    out += ["\tPRINT ok", "\tEXIT 0",
            "fail:\tmovl r21 = DEV_BASE + DEV_CHECKPOINT", "\t;;", "\tst8 [r21] = r20", "\tEXIT 1",
            "\t.data", f'ok:\t.asciz "alu model: {count} cases ok\\n"']
    print("\n".join(out))


if __name__ == "__main__":
    main()
