"""The ia64sim platform's suites: the IA-64 simulator's decoder checked
against binutils (a generated corpus and random bundles), the semantic test
programs, the speed benchmark, and the IA-64 kernel's suites (boot images
of arch/ia64 with the test programs of test/ia64).  runner.py runs the jobs
sequential(cfg) and parallel(cfg) return; a job returns (passed, failed,
verdict line), where a case is one program, one seed's image or one test
case a kernel suite prints (the line counts slots).  The speed target and
the kernel's instruction counts are reported by `bench` only: tests assert
no timings."""
import json
import os
import random
import re
import subprocess
import tempfile
import time

import verdict  # shared with runner.py

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIMDIR = os.path.join(SRCDIR, "tools", "ia64sim")
FUZZ_SEEDS = (1, 2, 3, 4)
FUZZ_BUNDLES = 25000
SPEED_TARGET = 20e6          # simulated instructions per second
SEMANTIC_TIMEOUT = 60


def _objdump_text(binary):
    """The text column of objdump's disassembly of a raw IA-64 image, one
    entry per slot line (continuation lines of MLX bundles carry no text)."""
    out = subprocess.run(["ia64-linux-gnu-objdump", "-D", "-b", "binary", "-m", "ia64", binary],
                         capture_output=True, text=True, check=True).stdout
    return [l.split("\t")[2] for l in out.splitlines() if re.match(r"^\s+[0-9a-f]+:\t", l) and l.count("\t") >= 2]


def _sim_text(cfg, binary):
    out = subprocess.run([cfg.path("ia64sim"), "--disasm", binary], capture_output=True, text=True,
                         check=True).stdout
    return out.splitlines()


def _compare(cfg, binary):
    """(matched, rejected, mismatches) over the slot lines of binary."""
    theirs, mine = _objdump_text(binary), _sim_text(cfg, binary)
    if len(theirs) != len(mine):
        return 0, 0, [f"line count differs: objdump {len(theirs)}, ia64sim {len(mine)}"]
    matched = rejected = 0
    bad = []
    for n, (t, m) in enumerate(zip(theirs, mine)):
        m = m.lstrip("?")
        if m[12:].rstrip(";").strip() == "":   # a slot the simulator does not implement
            rejected += 1
        elif m == t:
            matched += 1
        else:
            bad.append(f"slot line {n}: objdump '{t.strip()}' ia64sim '{m.strip()}'")
    return matched, rejected, bad


def _line(cfg, name, passed, failed, extra, detail=()):
    verdict = "ok" if failed == 0 and passed > 0 else "FAILED"
    line = f"[{cfg.name}] {name}: {passed} passed, {failed} failed ({extra}) {verdict}"
    return line + "".join(f"\n    {d}" for d in list(detail)[:20])


def _assemble_corpus(work):
    """Generates and assembles the corpus in work; returns the raw image's path."""
    os.makedirs(work, exist_ok=True)
    src, obj, binary = (os.path.join(work, n) for n in ("corpus.s", "corpus.o", "corpus.bin"))
    with open(src, "w") as f:
        subprocess.run(["python3", os.path.join(SIMDIR, "test", "gen_corpus.py")], stdout=f, check=True)
    subprocess.run(["ia64-linux-gnu-as", "-xexplicit", "-W", src, "-o", obj], check=True)
    subprocess.run(["ia64-linux-gnu-objcopy", "-O", "binary", obj, binary], check=True)
    return binary


def decoder_diff(cfg):
    binary = _assemble_corpus(cfg.path("ia64sim-decoder"))
    matched, rejected, bad = _compare(cfg, binary)
    # Every corpus instruction is one the simulator implements: a rejected line is a failure too.
    if rejected:
        bad.append(f"{rejected} corpus slot lines not decoded by ia64sim")
    ok = not bad and matched > 0
    return int(ok), int(not ok), _line(cfg, "ia64sim-decoder", int(ok), int(not ok),
                                       f"{matched} corpus slot lines identical to objdump", bad)


def _random_image(path, seed, corpus):
    """Half random bundles, half corpus bundles with one to three slot bits
    flipped: the neighbours of every implemented encoding."""
    rng = random.Random(seed)
    bundles = [int.from_bytes(corpus[i:i + 16], "little") for i in range(0, len(corpus), 16)]
    with open(path, "wb") as f:
        for n in range(FUZZ_BUNDLES):
            if n % 2:
                b = rng.getrandbits(128)
            else:
                b = rng.choice(bundles)
                for _ in range(rng.randint(1, 3)):
                    b ^= 1 << rng.randrange(5, 128)
            f.write(b.to_bytes(16, "little"))


def fuzz(cfg):
    matched = rejected = 0
    passed = failed = 0
    bad = []
    with tempfile.TemporaryDirectory(prefix="ia64sim-fuzz-") as work:
        corpus = open(_assemble_corpus(work), "rb").read()
        for seed in FUZZ_SEEDS:
            binary = os.path.join(work, f"random-{seed}.bin")
            _random_image(binary, seed, corpus)
            m, r, b = _compare(cfg, binary)
            matched, rejected = matched + m, rejected + r
            bad += [f"seed {seed}: {x}" for x in b]
            passed, failed = (passed, failed + 1) if b else (passed + 1, failed)
    return passed, failed, _line(cfg, "ia64sim-fuzz", passed, failed,
                                 f"{len(FUZZ_SEEDS) * FUZZ_BUNDLES} random and mutated bundles: {matched} slots "
                                 f"identical to objdump, {rejected} rejected as unimplemented", bad)


ALU_SEEDS = (1, 2, 3, 4)
ALU_CASES = 500


def alu_model(cfg):
    """Random integer operations checked against the Python model in
    test/gen_alu_model.py, one self-checking program per seed."""
    work = cfg.path("ia64sim-alu-model")
    os.makedirs(work, exist_ok=True)
    semdir = os.path.join(SIMDIR, "test", "semantic")
    passed = failed = 0
    detail = []
    for seed in ALU_SEEDS:
        src, obj, elf = (os.path.join(work, f"seed{seed}.{e}") for e in ("s", "o", "elf"))
        with open(src, "w") as f:
            subprocess.run(["python3", os.path.join(SIMDIR, "test", "gen_alu_model.py"), str(seed), str(ALU_CASES)],
                           stdout=f, check=True)
        subprocess.run(["ia64-linux-gnu-as", "-xexplicit", "--fatal-warnings", "-I", semdir, "-I",
                        os.path.join(SRCDIR, "platform", "ia64sim"), src, "-o", obj], check=True)
        subprocess.run(["ia64-linux-gnu-ld", "--no-warn-rwx-segments", "-T", os.path.join(semdir, "link.ld"), obj,
                        "-o", elf], check=True)
        # --dump shows CHECKPOINT, where the program leaves the failed case's number.
        proc = subprocess.run([cfg.path("ia64sim"), "--dump", "--max-insns", "10000000", elf], capture_output=True,
                              text=True, timeout=SEMANTIC_TIMEOUT, stdin=subprocess.DEVNULL)
        if proc.returncode == 0 and "cases ok" in proc.stdout:
            passed += 1
            continue
        failed += 1
        m = re.search(r"checkpoint (0x[0-9a-f]+)", proc.stderr)
        case = int(m.group(1), 16) if m else 0
        text = open(src).read()
        where = text.find(f"// case {case}\n")
        detail.append(f"seed {seed}: case {case} failed (exit {proc.returncode}); see {src}")
        if where >= 0:
            detail += ["  " + l for l in text[where:].splitlines()[1:8]]
    return passed, failed, _line(cfg, "ia64sim-alu-model", passed, failed,
                                 f"{len(ALU_SEEDS)} x {ALU_CASES} random operations vs the Python model", detail)


def _semantic_tests(cfg):
    d = cfg.path("ia64sim-tests")
    return sorted(f[:-4] for f in os.listdir(d) if f.endswith(".elf")) if os.path.isdir(d) else []


def semantic(cfg):
    passed = failed = 0
    detail = []
    for name in _semantic_tests(cfg):
        elf = cfg.path("ia64sim-tests", name + ".elf")
        try:
            proc = subprocess.run([cfg.path("ia64sim"), "--max-insns", "50000000", elf], capture_output=True,
                                  text=True, timeout=SEMANTIC_TIMEOUT, stdin=subprocess.DEVNULL)
            ok = proc.returncode == 0 and f"{name}: ok" in proc.stdout
            why = f"exit status {proc.returncode} (the number of the failed check)"
            tail = (proc.stdout + proc.stderr).strip().splitlines()[:6]
        except subprocess.TimeoutExpired:
            ok, why, tail = False, f"no exit within {SEMANTIC_TIMEOUT} s", []
        if ok:
            passed += 1
        else:
            failed += 1
            detail.append(f"FAIL {name}: {why}")
            detail += ["  " + t for t in tail]
    return passed, failed, _line(cfg, "ia64sim-semantic", passed, failed, "self-checking programs", detail)


def _best_speed(cfg, name, runs):
    """(instructions, best instructions per CPU second) of a benchmark, or
    (0, 0.0) if it failed.  CPU time, not wall time: other work on the
    machine (parallel suites, other builds) must not fail the check."""
    elf = cfg.path("ia64sim-bench", name + ".elf")
    best = 0.0
    insns = 0
    for _ in range(runs):
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen([cfg.path("ia64sim"), "--stats", elf], stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)   # reaps it, with its own CPU times
            proc.returncode = rc = os.waitstatus_to_exitcode(status)
            err.seek(0)
            m = re.search(r"instructions: (\d+)", err.read().decode())
        cpu = usage.ru_utime + usage.ru_stime
        if rc != 0 or not m or cpu <= 0:
            return 0, 0.0
        insns = int(m.group(1))
        best = max(best, insns / cpu)
    return insns, best


def benchmarks(cfg):
    """check: the benchmark programs run to completion (their speed is
    reported, not judged: that is `bench`'s)."""
    insns, best = _best_speed(cfg, "straight", 1)
    vinsns, virtual = _best_speed(cfg, "virtual", 1)
    ok = insns > 0 and vinsns > 0
    return int(ok), int(not ok), _line(cfg, "ia64sim-benchmarks", int(ok), int(not ok),
                                       f"straight line {best / 1e6:.0f} M/s, virtual mode {virtual / 1e6:.0f} M/s "
                                       "of CPU time")


def bench(cfg):
    """bench: the straight-line benchmark, best of three, against the
    SPEED_TARGET of issue 8 (the virtual-mode figure is only reported), then
    the kernel's figures (kernel_bench)."""
    insns, best = _best_speed(cfg, "straight", 3)
    _, virtual = _best_speed(cfg, "virtual", 1)
    ok = best >= SPEED_TARGET
    print(f"[{cfg.name}] ia64sim speed: {insns} instructions, {best / 1e6:.0f} M/s of CPU time (target "
          f"{SPEED_TARGET / 1e6:.0f} M/s) {'ok' if ok else 'BELOW TARGET'}; virtual mode {virtual / 1e6:.0f} M/s")
    return (0 if ok else 1) | kernel_bench(cfg)


# ---------------------------------------------------------------- the kernel

STATS = re.compile(r"instructions: (\d+)")


class KernelSuite:
    """A boot image of the IA-64 kernel run to its end in the simulator."""

    def __init__(self, name, image, timeout=120, max_insns=100_000_000, expect_summary=True, expect_exit=0,
                 expect_text=()):
        self.name, self.image, self.timeout, self.max_insns = name, image, timeout, max_insns
        self.expect_summary, self.expect_exit, self.expect_text = expect_summary, expect_exit, list(expect_text)


# What the faults suite's victims (test/ia64/faults_victims.s) must be
# stopped with, thread by thread.
FAULT_MESSAGES = [
    "thread 129.1 stopped: privileged operation at ip",
    "thread 130.1 stopped: data access rights fault at 0xe000000000100000 (kernel memory)",
    "thread 131.1 stopped: data access rights fault at 0xe000000000118000 (kernel memory)",
    "thread 132.1 stopped: privileged operation in the gate page (not a system-call entry)",
    "thread 133.1 stopped: instruction access rights fault at 0xe000000000100000 (kernel memory)",
    "thread 134.1 stopped: illegal operation in the gate page (not a system-call entry)",
    "thread 135.1 stopped: unknown or privileged break",
    "thread 136.1 stopped: unknown or privileged break",
    "thread 137.1 stopped: NaT consumption",
    "thread 138.1 stopped: privileged operation at ip",
    "thread 139.1 stopped: page fault at 0x",
    "thread 140.1 stopped: unaligned data reference",
    "thread 141.1 stopped: page fault at 0x6000000000000000",
    "thread 142.1 stopped: data access rights fault at 0xc0000000 at",
    "thread 143.1 stopped: data access rights fault at 0xc0004000 at",
]

KERNEL_SUITES = [
    KernelSuite("ia64-pingpong", "kernel-pingpong.elf", timeout=600, max_insns=2_000_000_000),
    KernelSuite("ia64-preempt", "kernel-preempt.elf", timeout=300, max_insns=500_000_000),
    KernelSuite("ia64-faults", "kernel-faults.elf", expect_text=FAULT_MESSAGES),
    KernelSuite("ia64-demo", "kernel-demo.elf", expect_summary=False,
                expect_text=["ping 8 -> pong answers 80 from thread 129", "demo: done"]),
    KernelSuite("ia64-bench-figures", "kernel-bench.elf", expect_summary=False, expect_text=["bench: done"]),
]


def _run_kernel(cfg, suite):
    """(passed, failed, line, output) of one kernel suite."""
    elf = cfg.path(suite.image)
    log = cfg.path("test-logs", suite.name + ".log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    start = time.time()
    problems = []
    try:
        proc = subprocess.run([cfg.path("ia64sim"), "--stats", "--max-insns", str(suite.max_insns), elf],
                              capture_output=True, text=True, timeout=suite.timeout, stdin=subprocess.DEVNULL)
        out, status = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as e:
        out, status = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or ""), None
        problems.append(f"no exit within {suite.timeout} s")
    with open(log, "w") as f:
        f.write(out)
    if status is not None and status != suite.expect_exit:
        problems.append(f"exit status {status}, expected {suite.expect_exit}")
    problems += [f"message '{t}' missing" for t in suite.expect_text if t not in out]
    passed, failed, problems = verdict.judge(out, suite.expect_summary, problems)
    insns = int(s.group(1)) if (s := STATS.search(out)) else 0
    line = verdict.line(f"[{cfg.name}] {suite.name}", passed, failed,
                        f"{time.time() - start:.1f} s, {insns / 1e6:.1f} M instructions", problems, out, log,
                        ["PANIC", "stopped:"])
    return passed, failed, line, out


def _kernel_job(suite):
    def job(cfg):
        return _run_kernel(cfg, suite)[:3]
    job.__name__ = suite.name
    return job


def sequential(cfg):
    """Jobs to run before the parallel suites start."""
    return [benchmarks] if cfg.platform == "ia64sim" else []


def parallel(cfg):
    """Jobs that may run alongside the other configs' suites (the longest first)."""
    if cfg.platform != "ia64sim":
        return []
    return [_kernel_job(s) for s in KERNEL_SUITES] + [decoder_diff, fuzz, semantic, alu_model]


def suite_names(cfg):
    names = ["ia64sim-benchmarks", "ia64sim-decoder", "ia64sim-fuzz", "ia64sim-semantic", "ia64sim-alu-model"]
    names += [s.name for s in KERNEL_SUITES]
    return names if cfg.platform == "ia64sim" else []


# Boot images `run` knows by name (`./chestnut boot ia64` asks for hello).
RUN_IMAGES = {"hello": "kernel-demo.elf", "demo": "kernel-demo.elf"}


def run_program(cfg, program):
    """`run PROGRAM`: a kernel boot image (demo, pingpong, preempt, faults,
    bench), a semantic test or simulator benchmark by name, or an ELF path."""
    candidates = [program, cfg.path(RUN_IMAGES.get(program, f"kernel-{program}.elf")),
                  cfg.path("ia64sim-tests", program + ".elf"), cfg.path("ia64sim-bench", program + ".elf")]
    for c in candidates:
        if os.path.isfile(c):
            return subprocess.call([cfg.path("ia64sim"), c])
    images = sorted(f[len("kernel-"):-4] for f in os.listdir(cfg.builddir) if f.startswith("kernel-") and
                    f.endswith(".elf"))
    raise SystemExit(f"runner: no ia64sim program '{program}'; try one of: {' '.join(images + _semantic_tests(cfg))}")


# ---------------------------------------------------------------- kernel figures
#
# Instructions are the simulator's retired slots (ar.itc counts them):
# nops of half-empty bundles and predicated-off instructions included,
# as on the hardware's issue slots.  The bench image (test/ia64/bench.s)
# prints loop figures measured with ar.itc; a trace of its warm-up splits
# the kernel's paths by the symbols the instructions belong to.

BENCH_LINE = re.compile(r"^BENCH (\S+) (\d+)\s*$", re.M)
BENCH_FIGURES = ["ipc_inter_round_trip", "ipc_intra_round_trip", "thread_switch_round_trip", "loop_overhead"]
TRACE_INSNS = 700_000
# The Ipc path's parts, in order, by the symbols the trace passes through.
IPC_PARTS = [("gate stub (kip_ipc: epc, interrupts off)", ["kip_ipc"]),
             ("entry, backing store switch, all checks (ipc_entry)", ["ipc_entry"]),
             ("message into the receiver's TCB, states (ipc_fast_deliver)", ["ipc_fast_deliver"]),
             ("thread switch (switch_to, do_switch)", ["switch_to", "do_switch"]),
             ("exit: register stack back, MRs, scrub (syscall_exit_resumed)", ["syscall_exit_resumed"]),
             ("gate exit (gate_exit: interrupts on, br.ret)", ["gate_exit"])]


def _symbols(elf):
    out = subprocess.run(["ia64-linux-gnu-nm", "-n", elf], capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tT":
            syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    return syms


def _trace_runs(cfg, elf):
    """The traced warm-up as (kind, [(symbol, slots, useful)...]) runs: one
    per stretch of kernel or gate code, kind "ipc", "thread_switch",
    "interrupt" (external interrupt), "refill" (alternate TLB miss) or
    "other"; useful counts the slots
    that are neither nops nor predicated off."""
    import bisect
    syms = _symbols(elf)
    addrs = [a for a, _ in syms]
    proc = subprocess.Popen([cfg.path("ia64sim"), "--trace", "--max-insns", str(TRACE_INSNS), elf],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    runs, cur, kind, pending = [], None, None, None
    for line in proc.stderr:
        if line.startswith("interruption:"):
            pending = line.split()[2]
            continue
        parts = line.split()
        if len(parts) < 3 or not parts[0].isdigit():
            continue
        ip = int(parts[1].split(".")[0], 16)
        kernel = ip >= 0xe000000000000000 or 0xc0004000 <= ip < 0xc0008000
        if not kernel:
            if cur:
                runs.append((kind, cur))
            cur, kind, pending = None, None, None
            continue
        i = bisect.bisect_right(addrs, ip) - 1
        name = syms[i][1] if i >= 0 else "?"
        useful = int(not (parts[2] == "[skipped]" or parts[2].startswith("nop.")))
        if cur is None:
            cur = []
            kind = ("interrupt" if pending == "0x3000" else "refill" if pending in ("0xc00", "0x1000") else
                    "ipc" if name == "kip_ipc" else "thread_switch" if name == "kip_thread_switch" else "other")
        if cur and cur[-1][0] == name:
            cur[-1] = (name, cur[-1][1] + 1, cur[-1][2] + useful)
        else:
            cur.append((name, 1, useful))
    proc.wait()
    return runs


def _least(values):
    return min(values) if values else 0


def kernel_figures(cfg):
    """(figures dict, table text) of the kernel benchmark, or (None, why)."""
    elf = cfg.path("kernel-bench.elf")
    proc = subprocess.run([cfg.path("ia64sim"), elf], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    figures = {m.group(1): int(m.group(2)) for m in BENCH_LINE.finditer(proc.stdout)}
    missing = [f for f in BENCH_FIGURES if f not in figures]
    if proc.returncode != 0 or missing:
        return None, f"bench image failed (exit {proc.returncode}, missing {missing})"
    runs = _trace_runs(cfg, elf)

    def total(run, names=None):
        return sum(n for s, n, _ in run if names is None or s in names)

    def useful(run, names=None):
        return sum(u for s, _, u in run if names is None or s in names)
    # Ipc one-way with a direct hand-over: a call or reply that switched.
    ipc = [r for k, r in runs if k == "ipc" and any(s == "ipc_fast_deliver" for s, _, _ in r)]
    switches = [r for k, r in runs if k == "thread_switch" and any(s == "do_switch" for s, _, _ in r)]
    preempt = [r for k, r in runs if k == "interrupt" and any(s == "do_switch" for s, _, _ in r)]
    if not ipc or not switches or not preempt:
        return None, "the trace holds no switching Ipc, ThreadSwitch or preemption"
    best = min(ipc, key=total)
    figures["ipc_oneway_kernel"] = total(best)
    figures["ipc_oneway_kernel_useful"] = useful(best)
    for label, names in IPC_PARTS:
        figures["ipc_part_" + names[0]] = total(best, names)
        figures["ipc_part_" + names[0] + "_useful"] = useful(best, names)
    figures["switch_to"] = _least([total(r, ["switch_to", "do_switch"]) for r in ipc])
    figures["switch_to_useful"] = _least([useful(r, ["switch_to", "do_switch"]) for r in ipc])
    figures["do_switch"] = _least([total(r, ["do_switch"]) for r in ipc])
    figures["do_switch_useful"] = _least([useful(r, ["do_switch"]) for r in ipc])
    figures["thread_switch_kernel"] = _least([total(r) for r in switches])
    figures["preemption_kernel"] = _least([total(r) for r in preempt])
    figures["preemption_full_entry"] = _least([total(r, ["full_entry", "interruption"]) for r in preempt])
    refills = [r for k, r in runs if k == "refill" and not any(s == "full_entry" for s, _, _ in r)]
    figures["tlb_refill"] = _least([total(r) for r in refills]) if refills else 0
    resumed = [r for k, r in runs if k == "thread_switch" and any(s == "full_exit" for s, _, _ in r)]
    figures["preemption_full_exit"] = _least([total(r, ["full_exit"]) for r in resumed])
    inter = figures["ipc_inter_round_trip"]
    lines = [f"[{cfg.name}] kernel figures (instructions = retired slots, nops included)",
             f"  one-way Ipc between spaces (half a round trip)   {inter / 2:8.1f}",
             f"    minus the user loop ({figures['loop_overhead']} a round trip)           "
             f"{(inter - figures['loop_overhead']) / 2:8.1f}",
             f"  one-way Ipc within a space                        {figures['ipc_intra_round_trip'] / 2:8.1f}",
             f"  ThreadSwitch to another space (half a round trip) "
             f"{figures['thread_switch_round_trip'] / 2:8.1f}",
             f"  the kernel's one-way Ipc path (gate to gate), traced: {figures['ipc_oneway_kernel']} slots, "
             f"{figures['ipc_oneway_kernel_useful']} not nops"]
    for label, names in IPC_PARTS:
        lines.append(f"    {label:<62} {figures['ipc_part_' + names[0]]:4d} "
                     f"{figures['ipc_part_' + names[0] + '_useful']:4d}")
    lines += [f"  switch_to (callee-saved registers + do_switch)   {figures['switch_to']:8d} "
              f"({figures['switch_to_useful']} not nops)",
              f"    do_switch (flushrs, backing stores, ar.k5-k7, rr0) {figures['do_switch']:5d} "
              f"({figures['do_switch_useful']} not nops)",
              f"  ThreadSwitch kernel path (gate to gate), traced   {figures['thread_switch_kernel']:8d}",
              f"  preemption: interrupt to the next thread's user code {figures['preemption_kernel']:5d}",
              f"    full entry (0.5 KiB frame saved)                {figures['preemption_full_entry']:8d}",
              f"    full exit (restored, rfi)                       {figures['preemption_full_exit']:8d}",
              f"  TLB refill from the page table (vector to rfi)    {figures['tlb_refill']:8d}"]
    return figures, "\n".join(lines)


def kernel_bench(cfg):
    """Prints the kernel's figures and writes test/bench/results/<config>.{json,csv}."""
    figures, text = kernel_figures(cfg)
    if figures is None:
        print(f"[{cfg.name}] kernel bench: {text}")
        return 1
    print(text)
    base = os.path.join(SRCDIR, "test", "bench", "results", cfg.name)
    os.makedirs(os.path.dirname(base), exist_ok=True)
    with open(base + ".json", "w") as f:
        json.dump({"config": cfg.name, "build": cfg.mode, "unit": "instructions (ia64sim retired slots)",
                   "results": dict(sorted(figures.items()))}, f, indent=1)
        f.write("\n")
    with open(base + ".csv", "w") as f:
        f.write("name,instructions\n")
        for k, v in sorted(figures.items()):
            f.write(f"{k},{v}\n")
    print(f"[{cfg.name}] kernel bench: {len(figures)} figures written to test/bench/results/{cfg.name}.{{json,csv}}")
    return 0

