#!/usr/bin/env python3
"""Chestnut test runner: boots configs in QEMU (or the IA-64 simulator), reads
the serial output, and judges each suite.

A suite fails on a kernel panic, a hang (timeout), a missing or failing
summary line, an unexpected exit status, or an expected message that never
appeared.  Prints one line per suite and per-config and overall
"N passed, M failed" lines (N, M count test cases; a suite that dies counts
one failed case beyond what it reported).

  runner.py --builddir DIR [--builddir DIR ...] COMMAND
  COMMAND: check | unit | bench | run [PROGRAM] | gdb [PROGRAM] | list
"""
import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (benchmark results)
import ia64sim  # noqa: E402  (the ia64sim platform's suites)
import verdict  # noqa: E402  (how a suite's output is judged)

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ICOUNT = ["-icount", "shift=0,align=off,sleep=off"]


class Config:
    """One configured build directory."""

    def __init__(self, builddir):
        self.builddir = os.path.abspath(builddir)
        header = os.path.join(self.builddir, "config.h")
        if not os.path.exists(header):
            sys.exit(f"runner: {self.builddir} is not configured (no config.h); run ./configure first")
        text = open(header).read()
        self.arch = re.search(r'CONFIG_ARCH_NAME "(\w+)"', text).group(1)
        self.platform = re.search(r'CONFIG_PLATFORM_NAME "(\w+)"', text).group(1)
        self.max_cpus = int(re.search(r"CONFIG_MAX_CPUS (\d+)", text).group(1))
        self.mode = "debug" if re.search(r"CONFIG_DEBUG 1", text) else "release"
        self.fastpath = re.search(r"CONFIG_FASTPATH 1", text) is not None
        self.name = os.path.basename(self.builddir)

    def path(self, *parts):
        return os.path.join(self.builddir, *parts)

    @property
    def word_bits(self):
        return 64 if self.arch in ("amd64", "mips", "ia64") else 32

    def thread_id(self, number, version=1):
        """A global thread id as the kernel prints it (X.2: 18/14 or 32/32 bits)."""
        return (number << (14 if self.word_bits == 32 else 32)) | version

    def module_pack(self, modules):
        """One initrd holding all modules (tools/mkpack), for Malta's loader."""
        paths = [m if os.path.isabs(m) else self.path(m) for m in modules]
        name = "-".join(os.path.basename(p) for p in paths) or "empty"
        out = self.path("images", name + ".pack")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        subprocess.run([os.path.join(SRCDIR, "tools", "mkpack"), out] + paths, check=True)
        return out

    def qemu(self, modules, cmdline="", smp=1, icount=True, extra=(), cpu_flags=""):
        """The QEMU command line booting the kernel with the given modules."""
        mods = ",".join(m if os.path.isabs(m) else self.path(m) for m in modules)
        if self.platform == "malta":
            # The default CPU model hangs; MIPS64R2-generic is a MIPS64 R2
            # with FPU and a 64-entry TLB.  Exit codes leave through UHI
            # semihosting, success through the FPGA reset (-no-reboot).
            cmd = ["qemu-system-mips64el", "-M", "malta", "-cpu", "MIPS64R2-generic", "-m", "128",
                   "-smp", str(smp), "-display", "none", "-monitor", "none", "-serial", "stdio",
                   "-no-reboot", "-semihosting-config", "enable=on,target=native",
                   "-kernel", self.path("kernel"), "-initrd", self.module_pack(modules)]
        elif self.platform == "pc99":
            binary = "qemu-system-i386" if self.arch == "ia32" else "qemu-system-x86_64"
            cpu = ("core2duo,-syscall,-lm" if self.arch == "ia32" else "core2duo") + cpu_flags
            cmd = [binary, "-M", "pc", "-cpu", cpu, "-m", "128", "-smp", str(smp),
                   "-display", "none", "-monitor", "none", "-serial", "stdio", "-no-reboot",
                   "-device", "isa-debug-exit,iobase=0xf4,iosize=4",
                   "-kernel", self.path("kernel"), "-initrd", mods]
        else:
            sys.exit(f"runner: no QEMU set-up for platform {self.platform} yet")
        if cmdline:
            cmd += ["-append", cmdline]
        if icount:
            cmd += ICOUNT
        return cmd + list(extra)


class Suite:
    """A QEMU boot with expectations about its output and exit status."""

    def __init__(self, name, modules, timeout=120, smp=1, expect_summary=True,
                 expect_text=None, expect_exit=0, cmdline="test", console_input=None, verify=None,
                 cpu_flags="", parallel_tcg=False):
        self.name, self.modules, self.timeout, self.smp = name, modules, timeout, smp
        # One host thread per guest CPU and no icount: CPUs truly run at the
        # same time, so the races that icount's round robin hides happen.
        self.parallel_tcg = parallel_tcg
        self.cpu_flags = cpu_flags           # appended to QEMU's -cpu model
        self.expect_summary, self.expect_text = expect_summary, expect_text
        self.expect_exit, self.cmdline = expect_exit, cmdline
        self.console_input = console_input   # typed on the serial console
        self.verify = verify                 # text -> list of problems


def bench_suite(smp=1):
    return Suite("bench" if smp == 1 else f"bench-smp{smp}", ["bin/sigma0", "bin/bench"], smp=smp,
                 timeout=300, expect_summary=False, expect_text="bench: done",
                 verify=lambda text: bench.problems_of(bench.parse(text), smp))


def smp_suites(cfg):
    """The kernel suite on 2, 4 and 8 CPUs and the stress run on 4, under
    icount (deterministic) and once with CPUs in parallel host threads."""
    if cfg.platform != "pc99" or cfg.max_cpus < 2:
        return []
    suites = [Suite(f"ktest-smp{n}", ["bin/sigma0", "bin/ktest"], smp=n, timeout=300)
              for n in (2, 4, 8) if n <= cfg.max_cpus]
    n = min(4, cfg.max_cpus)
    return suites + [
        Suite(f"stress-smp{n}", ["bin/sigma0", "bin/stress"], smp=n, timeout=400),
        Suite(f"stress-smp{n}-parallel", ["bin/sigma0", "bin/stress"], smp=n, timeout=400, parallel_tcg=True),
        bench_suite(smp=2),
        # A CPU the MADT would list but that never answers: reported, left out.
        Suite("cpu-that-does-not-start", ["bin/sigma0", "bin/hello"], smp=2, timeout=60,
              cmdline="test smp.phantom", expect_summary=False,
              expect_text="did not start; running without it\ncpu: 2 CPUs running"),
    ]


def suites_for(cfg):
    if cfg.platform == "pc99" and not cfg.fastpath:
        # The general IPC path alone: the behaviour suites and the figures.
        return [Suite("ktest", ["bin/sigma0", "bin/ktest"]),
                Suite("ktest-smp4", ["bin/sigma0", "bin/ktest"], smp=4, timeout=300),
                Suite("stress", ["bin/sigma0", "bin/stress"], timeout=300),
                bench_suite()]
    if cfg.platform in ("pc99", "malta"):
        bad = os.path.join(SRCDIR, "test", "runner", "not-an-elf.txt")
        sigma0, root = cfg.thread_id(128), cfg.thread_id(130)
        per_cpu = [
            # A CPU without sysenter: Ipc through int 0x30.
            Suite("ktest-int30", ["bin/sigma0", "bin/ktest"], cpu_flags=",-sep",
                  expect_text="Ipc enters with int 0x30"),
        ] if cfg.platform == "pc99" and cfg.arch == "ia32" else []
        return per_cpu + smp_suites(cfg) + [
            Suite("ktest", ["bin/sigma0", "bin/ktest"]),
            Suite("stress", ["bin/sigma0", "bin/stress"], timeout=300),
            Suite("refuse-missing-root-task", ["bin/sigma0"], timeout=30, expect_summary=False,
                  expect_text="need the sigma0 and root task modules", expect_exit=0x70),
            Suite("refuse-non-elf-root-task", ["bin/sigma0", bad], timeout=30, expect_summary=False,
                  expect_text="is not an ELF file", expect_exit=0x70),
            Suite("user-fault-stops-thread", ["bin/sigma0", "bin/crash"], timeout=30,
                  expect_summary=False, expect_text="stopped: page fault", expect_exit=0x71),
            Suite("kdb-commands", ["bin/sigma0", "bin/hello"], timeout=30, expect_summary=False,
                  cmdline="kdb", console_input=f"l\rq\rt {root:x}\rm\rg\r".encode(),
                  expect_text=f"prio 255: {sigma0:x} {root:x}"),
            bench_suite(),
        ]
    return []


def exit_code_of(cfg, status):
    """The guest's exit code from QEMU's exit status (see platform/*/power.cc)."""
    if cfg.platform == "pc99" and status > 0 and status & 1:
        return status >> 1   # isa-debug-exit: (code << 1) | 1
    return status            # malta: the UHI exit code itself


def run_suite(cfg, suite):
    """Boots one suite; returns (passed, failed, verdict line, output)."""
    cmd = cfg.qemu(suite.modules, suite.cmdline, suite.smp, cpu_flags=suite.cpu_flags,
                   icount=not suite.parallel_tcg,
                   extra=("-accel", "tcg,thread=multi") if suite.parallel_tcg else ())
    log = cfg.path("test-logs", suite.name + ".log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    start = time.time()
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.PIPE if suite.console_input else subprocess.DEVNULL,
                                start_new_session=True)
        if suite.console_input:
            proc.stdin.write(suite.console_input)
            proc.stdin.close()
        try:
            status = proc.wait(timeout=suite.timeout)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            status, hung = None, True
    elapsed = time.time() - start
    text = open(log, "rb").read().decode("utf-8", "replace").replace("\r", "")
    problems = []
    if hung:
        problems.append(f"hang (no exit within {suite.timeout} s)")
    elif exit_code_of(cfg, status) != suite.expect_exit:
        problems.append(f"exit code {exit_code_of(cfg, status):#x}, expected {suite.expect_exit:#x}")
    if suite.expect_text and suite.expect_text not in text:
        problems.append(f"message '{suite.expect_text}' missing")
    if suite.verify and not hung:
        problems += suite.verify(text)
    passed, failed, problems = verdict.judge(text, suite.expect_summary, problems)
    line = verdict.line(f"[{cfg.name}] {suite.name}", passed, failed, f"{elapsed:.1f} s", problems, text, log,
                        ["PANIC", "CHECK"])
    return passed, failed, line, text


def run_unit(cfg):
    """Host unit tests (GoogleTest); returns (passed, failed, line)."""
    binary = cfg.path("unit-tests")
    if not os.path.exists(binary):
        return 0, 0, f"[{cfg.name}] unit: no host unit tests in this config"
    proc = subprocess.run([binary, "--gtest_brief=1"], capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    passed = int(m.group(1)) if (m := re.search(r"\[  PASSED  \] (\d+) test", out)) else 0
    failed = int(m.group(1)) if (m := re.search(r"\[  FAILED  \] (\d+) test", out)) else 0
    if proc.returncode != 0 and failed == 0:
        failed = 1
    line = f"[{cfg.name}] unit: {passed} passed, {failed} failed"
    if failed:
        line += "\n" + "\n".join("    " + l for l in out.splitlines() if "FAILED" in l or "Failure" in l)
    return passed, failed, line


def run_models():
    """Each Promela model of test/model/ checked with spin: no assertion
    violation, no invalid end state (deadlock, lost wake-up); and each of its
    mutants (the NO_* macros it tests) must be caught."""
    passed, failed, lines = 0, 0, []
    models = sorted(glob.glob(os.path.join(SRCDIR, "test", "model", "*.pml")))
    if not shutil.which("spin"):
        return 0, 1, "[models] spin: not found; install it with: sudo apt-get install spin"
    for model in models:
        name = os.path.splitext(os.path.basename(model))[0]
        mutants = sorted(set(re.findall(r"^#ifn?def (NO_\w+)", open(model).read(), re.M)))
        for variant in [None] + mutants:
            workdir = tempfile.mkdtemp(prefix="model-")
            try:
                shutil.copy(model, workdir)
                defines = [f"-D{variant}"] if variant else []
                steps = [["spin", "-a"] + defines + [os.path.basename(model)],
                         ["clang-19", "-O2", "-w", "-DSAFETY", "-o", "pan", "pan.c"],
                         ["./pan", "-m200000"]]
                out = ""
                for step in steps:
                    proc = subprocess.run(step, cwd=workdir, capture_output=True, text=True, timeout=600)
                    out += proc.stdout + proc.stderr
                    if proc.returncode != 0 and step[0] != "./pan":
                        break
            finally:
                shutil.rmtree(workdir, ignore_errors=True)
            m = re.search(r"errors: (\d+)", out)
            errors = int(m.group(1)) if m else None
            states = m.group(1) if (m := re.search(r"(\d+) states, stored", out)) else "?"
            ok = errors == 0 if variant is None else (errors is not None and errors > 0)
            label = f"{name}" + (f" -D{variant} (must fail)" if variant else "")
            if ok:
                passed += 1
            else:
                failed += 1
                detail = [l for l in out.splitlines() if "error" in l or "violated" in l or "invalid" in l][:3]
                lines.append(f"    {label}: {'not caught' if variant else 'failed'}" +
                             "".join("\n      " + l for l in detail))
            if variant is None:
                lines.append(f"    {label}: {states} states, {errors} errors")
    line = f"[models] spin: {passed} passed, {failed} failed"
    return passed, failed, line + "".join("\n" + l for l in lines if failed or "states" in l)


FUZZ_SECONDS = 20


def run_fuzz(cfg):
    """A short, seeded libFuzzer run of the mapping-database target."""
    binary = cfg.path("mdb-fuzz")
    if not os.path.exists(binary):
        return 0, 0, f"[{cfg.name}] mdb-fuzz: not built in this config"
    workdir = tempfile.mkdtemp(prefix="mdb-fuzz-")
    try:
        proc = subprocess.run([binary, "-seed=1", f"-max_total_time={FUZZ_SECONDS}", "-rss_limit_mb=2048",
                               f"-artifact_prefix={workdir}/"], capture_output=True, text=True,
                              timeout=FUZZ_SECONDS * 10)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out = proc.stdout + proc.stderr
    runs = m.group(1) if (m := re.search(r"Done (\d+) runs", out)) else "?"
    if proc.returncode == 0:
        return 1, 0, f"[{cfg.name}] mdb-fuzz: 1 passed, 0 failed ({runs} runs in {FUZZ_SECONDS} s)"
    detail = [l for l in out.splitlines() if "differs" in l or "leaked" in l or "ERROR" in l][:5]
    return 0, 1, f"[{cfg.name}] mdb-fuzz: 0 passed, 1 failed" + "".join("\n    " + l for l in detail)


def check(configs, jobs):
    jobs_list = [(cfg, s) for cfg in configs for s in suites_for(cfg)]
    totals = {cfg.name: [0, 0] for cfg in configs}
    host_done = set()   # host tests do not depend on kernel options: once per arch
    p, f, line = run_models()
    print(line, flush=True)
    totals["models"] = [p, f]
    for cfg in configs:
        host = [job(cfg) for job in ia64sim.sequential(cfg)]
        if cfg.platform != "ia64sim" and cfg.arch not in host_done:
            host += [run_unit(cfg), run_fuzz(cfg)]
        host_done.add(cfg.arch)
        for p, f, line in host:
            print(line, flush=True)
            totals[cfg.name][0] += p
            totals[cfg.name][1] += f
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(run_suite, cfg, s): cfg for cfg, s in jobs_list}
        futures.update({pool.submit(job, cfg): cfg for cfg in configs for job in ia64sim.parallel(cfg)})
        for fut in concurrent.futures.as_completed(futures):
            cfg = futures[fut]
            p, f, line = fut.result()[:3]
            print(line, flush=True)
            totals[cfg.name][0] += p
            totals[cfg.name][1] += f
    for name, (p, f) in totals.items():
        print(f"{name}: {p} passed, {f} failed")
    p = sum(t[0] for t in totals.values())
    f = sum(t[1] for t in totals.values())
    print(f"{p} passed, {f} failed")
    return 0 if f == 0 and p > 0 else 1


def run_bench(configs):
    """Boots the bench task of each config, prints the table and records the
    results in test/bench/results/; fails when a figure is missing or absurd."""
    status = 0
    for cfg in configs:
        if cfg.platform == "ia64sim":
            status |= ia64sim.bench(cfg)
            continue
        suites = [s for s in suites_for(cfg) if s.name.startswith("bench")]
        if not suites:
            print(f"[{cfg.name}] bench: no benchmark for this config")
            status = 1
            continue
        results, failed = {}, False
        for suite in suites:   # on one CPU, and the cross-CPU figures on two
            passed, failed, line, text = run_suite(cfg, suite)
            results.update(bench.parse(text))
            if failed:
                print(line)
                break
        if failed:
            status = 1
            continue
        print(bench.table(cfg.name, results))
        files = bench.write(os.path.join(SRCDIR, "test", "bench", "results"), cfg.name, cfg.mode, results)
        print(f"[{cfg.name}] bench: {len(results)} figures ({cfg.mode} build) written to " +
              ", ".join(os.path.relpath(f, SRCDIR) for f in files))
    return status


def interactive(cfg, program, gdb, smp=1):
    if cfg.platform == "ia64sim" and not gdb:
        return ia64sim.run_program(cfg, program)
    modules = ["bin/sigma0", f"bin/{program}"]
    if not gdb:
        cmd = cfg.qemu(modules, smp=smp, icount=False)
        print(" ".join(cmd), flush=True)
        return subprocess.call(cmd)
    if not shutil.which("gdb"):
        sys.exit("runner: gdb not found; install it with: sudo apt-get install gdb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = cfg.qemu(modules, smp=smp, icount=False, extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"])
    qemu = subprocess.Popen(cmd, start_new_session=True)
    try:
        return subprocess.call(["gdb", "-q", cfg.path("kernel.elf"),
                                "-ex", f"target remote 127.0.0.1:{port}",
                                "-ex", "break _start", "-ex", "continue"])
    finally:
        os.killpg(qemu.pid, signal.SIGKILL)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--builddir", action="append", required=True)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--smp", type=int, default=1, help="CPUs for run and gdb")
    ap.add_argument("command", choices=["check", "unit", "bench", "run", "gdb", "list"])
    ap.add_argument("program", nargs="?", default="hello")
    args = ap.parse_args()
    configs = [Config(b) for b in args.builddir]
    if args.command == "check":
        return check(configs, args.jobs)
    if args.command == "unit":
        results = [run_unit(c) for c in configs]
        for _, _, line in results:
            print(line)
        return 1 if any(f for _, f, _ in results) else 0
    if args.command == "list":
        for cfg in configs:
            for s in suites_for(cfg):
                print(f"{cfg.name} {s.name}")
            for name in ia64sim.suite_names(cfg):
                print(f"{cfg.name} {name}")
        return 0
    if args.command == "bench":
        return run_bench(configs)
    return interactive(configs[0], args.program, args.command == "gdb", args.smp)


if __name__ == "__main__":
    sys.exit(main())
