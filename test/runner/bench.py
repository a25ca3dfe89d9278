"""Benchmark results: parse the bench task's "BENCH <name> <value>" lines,
check them, and write the table, a JSON and a CSV file and an SVG plot.

The figures are instructions per operation under QEMU icount (DESIGN.md
section 7).  Checks catch a broken benchmark, never a slow kernel: every
expected figure must be there, positive and below a sanity bound, and a
series must not get cheaper with more data.
"""
import json
import os
import re

BENCH_LINE = re.compile(r"^BENCH (\S+) (\d+)\s*$", re.M)
MR_COUNTS = [0, 1, 2, 3, 4, 8, 16, 32, 63]
STRING_SIZES = [4, 64, 256, 1024, 4096, 16384, 65536]
IPC_KINDS = ["ipc_inter", "ipc_intra", "lipc"]
SANITY_LIMIT = 10_000_000


XCPU_NAMES = ["ipc_xcpu_mr0", "ipc_xcpu_mr8"]   # the bench task on two CPUs


def expected_names(smp=1):
    if smp > 1:
        return XCPU_NAMES
    names = ["null_ipc", "system_clock", "map_one_page", "unmap_one_page", "thread_create_delete",
             "bench_loop_overhead", "ipc_intra_global_mr0"]
    names += [f"{k}_mr{n}" for k in IPC_KINDS for n in MR_COUNTS]
    names += [f"string_inter_{s}" for s in STRING_SIZES]
    return names


def parse(text):
    return {m.group(1): int(m.group(2)) for m in BENCH_LINE.finditer(text)}


def problems_of(results, smp=1):
    """What is wrong with a result set (empty when it is usable)."""
    problems = []
    for name in expected_names(smp):
        v = results.get(name)
        if v is None:
            problems.append(f"{name} missing")
        elif v <= 0 or v > SANITY_LIMIT:
            problems.append(f"{name} = {v} is not a plausible instruction count")
    series = [[f"{k}_mr{n}" for n in MR_COUNTS] for k in IPC_KINDS]
    series.append([f"string_inter_{s}" for s in STRING_SIZES])
    for names in series:
        if all(n in results for n in names) and results[names[-1]] < results[names[0]]:
            problems.append(f"{names[-1]} < {names[0]}: more data cannot cost less")
    return problems


def table(config, results):
    lines = [f"benchmark results for {config} (instructions per operation, QEMU icount)"]
    lines.append(f"  {'MRs':>4} " + "".join(f"{k:>12}" for k in IPC_KINDS))
    for n in MR_COUNTS:
        lines.append(f"  {n:>4} " + "".join(f"{results.get(f'{k}_mr{n}', 0):>12}" for k in IPC_KINDS))
    if all(f"{k}_mr{n}" in results for k in IPC_KINDS for n in (0, 63)):
        lines.append("  per MR " + "".join(
            f"{(results[f'{k}_mr63'] - results[f'{k}_mr0']) / 63:>12.2f}" for k in IPC_KINDS))
    lines.append(f"  {'string bytes':>12} {'one-way':>10}")
    for s in STRING_SIZES:
        lines.append(f"  {s:>12} {results.get(f'string_inter_{s}', 0):>10}")
    for name in ["ipc_intra_global_mr0", "null_ipc", "system_clock", "map_one_page", "unmap_one_page",
                 "thread_create_delete", "bench_loop_overhead"] + [n for n in XCPU_NAMES if n in results]:
        lines.append(f"  {name:<24} {results.get(name, 0):>10}")
    return "\n".join(lines)


def svg_plot(config, results):
    """Two panels: one-way IPC vs untyped MRs per kind, string IPC vs bytes (log x)."""
    w, h, pad = 900, 380, 55
    panel_w = (w - 3 * pad) / 2
    colours = {"ipc_inter": "#b5483b", "ipc_intra": "#3b6fb5", "lipc": "#3b9b55", "string_inter": "#8a5bb5"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="18" text-anchor="middle" font-size="14">Chestnut {config}: instructions per one-way IPC (QEMU icount)</text>']

    def panel(x0, title, xs, series, xlabel, log_x):
        top, bottom = 40, h - pad
        ymax = max([v for _, pts in series for _, v in pts] + [1]) * 1.1
        if log_x:
            import math
            fx = lambda x: x0 + (math.log2(x) - math.log2(xs[0])) / (math.log2(xs[-1]) - math.log2(xs[0])) * panel_w
        else:
            fx = lambda x: x0 + (x - xs[0]) / (xs[-1] - xs[0]) * panel_w
        fy = lambda y: bottom - y / ymax * (bottom - top)
        out.append(f'<text x="{x0 + panel_w / 2}" y="34" text-anchor="middle">{title}</text>')
        out.append(f'<line x1="{x0}" y1="{bottom}" x2="{x0 + panel_w}" y2="{bottom}" stroke="black"/>')
        out.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{bottom}" stroke="black"/>')
        for i in range(6):
            y = ymax * i / 5
            out.append(f'<text x="{x0 - 4}" y="{fy(y) + 4}" text-anchor="end">{int(y)}</text>')
            out.append(f'<line x1="{x0}" y1="{fy(y)}" x2="{x0 + panel_w}" y2="{fy(y)}" stroke="#ddd"/>')
        for x in xs:
            out.append(f'<text x="{fx(x)}" y="{bottom + 14}" text-anchor="middle">{x}</text>')
        out.append(f'<text x="{x0 + panel_w / 2}" y="{bottom + 30}" text-anchor="middle">{xlabel}</text>')
        for i, (name, pts) in enumerate(series):
            c = colours[name]
            path = " ".join(f"{fx(x):.1f},{fy(v):.1f}" for x, v in pts)
            out.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
            out.append(f'<text x="{x0 + 8}" y="{top + 14 + 14 * i}" fill="{c}">{name}</text>')

    ipc = [(k, [(n, results[f"{k}_mr{n}"]) for n in MR_COUNTS if f"{k}_mr{n}" in results]) for k in IPC_KINDS]
    panel(pad, "untyped message registers", MR_COUNTS, ipc, "MRs", False)
    strings = [("string_inter", [(s, results[f"string_inter_{s}"]) for s in STRING_SIZES
                                 if f"string_inter_{s}" in results])]
    panel(2 * pad + panel_w, "one string item, between spaces", STRING_SIZES, strings, "bytes (log scale)", True)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(results_dir, config, build_mode, results):
    os.makedirs(results_dir, exist_ok=True)
    base = os.path.join(results_dir, config)
    with open(base + ".json", "w") as f:
        json.dump({"config": config, "build": build_mode, "unit": "instructions per operation (QEMU icount)",
                   "results": dict(sorted(results.items()))}, f, indent=1)
        f.write("\n")
    with open(base + ".csv", "w") as f:
        f.write("name,instructions\n")
        for k, v in sorted(results.items()):
            f.write(f"{k},{v}\n")
    with open(base + ".svg", "w") as f:
        f.write(svg_plot(config, results))
    return [base + ".json", base + ".csv", base + ".svg"]
