"""The ia64sim platform's suites: the IA-64 simulator's decoder checked
against binutils (a generated corpus and random bundles), the semantic test
programs, and the speed benchmark.  runner.py runs the jobs sequential(cfg)
and parallel(cfg) return; a job returns (passed, failed, verdict line), where
a case is one program or one seed's image (the line counts slots).  The
speed target is checked by `bench` only: tests assert no timings."""
import os
import random
import re
import subprocess
import tempfile

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
    SPEED_TARGET of issue 8; the virtual-mode figure is only reported."""
    insns, best = _best_speed(cfg, "straight", 3)
    _, virtual = _best_speed(cfg, "virtual", 1)
    ok = best >= SPEED_TARGET
    print(f"[{cfg.name}] ia64sim speed: {insns} instructions, {best / 1e6:.0f} M/s of CPU time (target "
          f"{SPEED_TARGET / 1e6:.0f} M/s) {'ok' if ok else 'BELOW TARGET'}; virtual mode {virtual / 1e6:.0f} M/s")
    return 0 if ok else 1


def sequential(cfg):
    """Jobs to run before the parallel suites start."""
    return [benchmarks] if cfg.platform == "ia64sim" else []


def parallel(cfg):
    """Jobs that may run alongside the other configs' suites."""
    return [decoder_diff, fuzz, semantic, alu_model] if cfg.platform == "ia64sim" else []


def suite_names(cfg):
    names = ["ia64sim-benchmarks", "ia64sim-decoder", "ia64sim-fuzz", "ia64sim-semantic", "ia64sim-alu-model"]
    return names if cfg.platform == "ia64sim" else []


def run_program(cfg, program):
    """`run PROGRAM`: a semantic test or benchmark by name, or an ELF path."""
    candidates = [program, cfg.path("ia64sim-tests", program + ".elf"), cfg.path("ia64sim-bench", program + ".elf")]
    for c in candidates:
        if os.path.isfile(c):
            return subprocess.call([cfg.path("ia64sim"), c])
    raise SystemExit(f"runner: no ia64sim program '{program}'; try one of: {' '.join(_semantic_tests(cfg))}")
