#!/usr/bin/env python3
"""Whole-process speed comparison: fazhi batch vs the floor vs Python extractors, on a generated page set.

    python3 Benchmarks/compare/speed.py                  # from anywhere; writes Benchmarks/results/speed.md
    python3 Benchmarks/compare/speed.py --skip-build --runs 3 --count 5000 --memory-count 10000

Re-runs itself inside Benchmarks/compare/.venv (created and filled from requirements.txt by
extraction.py's bootstrap), builds fazhi (.build-compare) and the floor (.build-floor), generates the
page sets with make_pages.py under /tmp, then times every tool as its own process over all pages:

- floor           .build-floor/release/fazhi-floor --files-from LIST
- fazhi --jobs 1  fazhi batch --files-from LIST --output OUT.jsonl --quiet --jobs 1
- fazhi --jobs 2  the same with --jobs 2
- fazhi no-check  the same with --jobs 1 --no-check
- each peer       VENV/bin/python speed.py --peer-worker NAME LIST (one process, a loop over all pages:
                  read the file, call the extractor on the raw bytes, as extraction.py does)

Each command runs under `/usr/bin/time -f '%e %M %U %S'`: wall time is measured here around the
process (time.perf_counter), peak RSS is GNU time's %M (the child's ru_maxrss). The tools run in
rounds (every tool once per round, `--runs` rounds) so background load hits them alike; pages/s uses
the median wall time, peak RSS the largest run. Then `fazhi batch --jobs 2` runs once over the
`--memory-count` page set for the memory target.

Options:  --skip-build          reuse the existing binaries
          --count N             pages in the timed set (default 5000)
          --memory-count N      pages in the memory run (default 10000; 0 skips it)
          --runs N              rounds (default 3)
          --peers a,b           peers to time (default trafilatura,readability-lxml,gne,resiliparse)
          --wait-quiet SECONDS  before measuring, wait up to this long for other non-niced processes
                                to use under 0.3 of a core (default 0: do not wait)
          --results PATH        write the report here instead of Benchmarks/results/speed.md
          --instructions N      also count the instructions the floor and fazhi --jobs 1 execute on the
                                first N pages (valgrind's callgrind on debug-stripped copies; deterministic,
                                unlike wall time on a shared VM; default 200, 0 skips)
          --autogroup-nice N    run in a new session (setsid) and set that session's scheduler autogroup
                                to nice N (e.g. -20). With kernel.sched_autogroup_enabled=1 a `nice 19`
                                process in another session still gets a fair share of the CPU, because
                                nice only ranks processes inside one autogroup; this gives the benchmark's
                                own autogroup (only its own processes) priority instead. Needs root.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import tempfile
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ next to the scripts

import extraction  # noqa: E402  (venv bootstrap, peers, fazhi build: shared with the quality comparison)
import make_pages  # noqa: E402

ROOT = extraction.ROOT
FAZHI = ROOT / ".build-compare" / "release" / "fazhi"
FLOOR = ROOT / ".build-floor" / "release" / "fazhi-floor"
STAGES = ROOT / ".build-floor" / "release" / "fazhi-stages"
RESULTS = ROOT / "Benchmarks" / "results" / "speed.md"
DEFAULT_PEERS = ["trafilatura", "readability-lxml", "gne", "resiliparse"]
TIME = "/usr/bin/time"
HZ = os.sysconf("SC_CLK_TCK")

BUILDS = {
    "fazhi": ["swift", "build", "-c", "release", "--scratch-path", ".build-compare"],
    "floor": ["swift", "build", "-c", "release", "--package-path", str(ROOT / "Benchmarks"),
              "--scratch-path", str(ROOT / ".build-floor"), "--product", "fazhi-floor"],
    "stages": ["swift", "build", "-c", "release", "--package-path", str(ROOT / "Benchmarks"),
               "--scratch-path", str(ROOT / ".build-floor"), "--product", "fazhi-stages"],
}


# --------------------------------------------------------------------------- peer worker (in the venv)

def peer_worker(name: str, list_file: str) -> None:
    """One process: import the peer, loop over every page (read + extract). Prints a JSON summary."""
    t0 = time.perf_counter()
    peers, missing = extraction.make_peers()
    if name not in peers:
        print(json.dumps({"error": missing.get(name, f"unknown peer {name}")}))
        sys.exit(3)
    fn = peers[name][0]
    t1 = time.perf_counter()
    paths = Path(list_file).read_text(encoding="utf-8").split("\n")
    pages = errors = 0
    raised: dict[str, str] = {}  # template page -> first exception
    for path in paths:
        if not path:
            continue
        with open(path, "rb") as f:
            raw = f.read()
        try:
            fn(raw)
        except Exception as e:
            errors += 1
            template = Path(path).name.split("-", 1)[-1]
            raised.setdefault(template, f"{type(e).__name__}: {str(e)[:80]}")
        pages += 1
    t2 = time.perf_counter()
    print(json.dumps({"pages": pages, "errors": errors, "import_s": t1 - t0, "loop_s": t2 - t1, "raised": raised},
                     ensure_ascii=False))


# --------------------------------------------------------------------------- machine state

def cpu_jiffies() -> tuple[int, int, int]:
    """(busy excluding nice, nice, total) jiffies from /proc/stat."""
    f = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (f + [0] * 8)[:8]
    return user + system + irq + softirq + steal, nice, sum(f[:8])


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def busy_processes(min_cpu: float = 5.0) -> list[str]:
    p = subprocess.run(["ps", "-eo", "pid,ni,pcpu,rss,etime,comm", "--sort=-pcpu"], capture_output=True, text=True)
    out = []
    for line in p.stdout.splitlines()[1:]:
        f = line.split(None, 5)
        if len(f) == 6 and float(f[2]) >= min_cpu and int(f[0]) != os.getpid() and f[5] != "ps":
            out.append(f"{f[5]} (pid {f[0]}, nice {f[1]}, {f[2]} % CPU, RSS {int(f[3]) // 1024} MB, up {f[4]})")
    return out


def wait_quiet(limit: float) -> str:
    """Wait up to `limit` s for non-niced CPU use by others to drop under 0.3 cores (5 s samples)."""
    if limit <= 0:
        return "did not wait for a quiet machine (--wait-quiet 0)"
    start = time.time()
    while True:
        b0, _, _ = cpu_jiffies()
        time.sleep(5)
        b1, _, _ = cpu_jiffies()
        cores = (b1 - b0) / HZ / 5
        if cores < 0.3:
            return f"waited {time.time() - start:.0f} s for non-niced CPU use under 0.3 cores (last sample {cores:.2f})"
        if time.time() - start > limit:
            return f"gave up waiting after {limit:.0f} s: others still used {cores:.2f} non-niced cores"
        print(f"  waiting for a quieter machine: others use {cores:.2f} non-niced cores", flush=True)


def autogroup_state() -> str:
    try:
        enabled = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return "scheduler autogroups: unknown"
    mine = Path("/proc/self/autogroup").read_text().strip() if Path("/proc/self/autogroup").exists() else "?"
    return (f"kernel.sched_autogroup_enabled={'1' if enabled else '0'}; this benchmark's autogroup: `{mine}`")


def enter_boosted_session(nice: int) -> None:
    """Re-exec in a new session (own autogroup) and give that autogroup `nice`; only our processes."""
    if os.environ.get("FAZHI_SPEED_AUTOGROUP") != str(nice):
        env = dict(os.environ, FAZHI_SPEED_AUTOGROUP=str(nice))
        argv = ["setsid", "--wait", sys.executable, str(Path(__file__).resolve())] + sys.argv[1:]
        sys.stdout.flush()
        os.execvpe("setsid", argv, env)
    Path("/proc/self/autogroup").write_text(str(nice))


def capacity_probe(seconds: float = 3.0, new_session: bool = False) -> float:
    """Cores actually obtained by nproc busy-looping processes for `seconds` (user+sys / wall).
    new_session: run them together in a fresh session (a fresh autogroup at nice 0), i.e. what an
    ordinary command started from another shell would get."""
    code = f"import time\nt = time.time() + {seconds}\nwhile time.time() < t: pass\n"
    loop = f"{sys.executable} -S -c '{code}'"
    n = os.cpu_count() or 1
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    if new_session:
        subprocess.run(["setsid", "--wait", "sh", "-c", " & ".join([loop] * n) + " & wait"], check=False)
    else:
        procs = [subprocess.Popen([sys.executable, "-S", "-c", code]) for _ in range(n)]
        for p in procs:
            p.wait()
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) / wall


# --------------------------------------------------------------------------- building

def build(what: str) -> str:
    cmd = BUILDS[what]
    log = ""
    if what != "fazhi":
        # SwiftPM (6.3) keeps the build plan of the Benchmarks package and does not notice a source
        # file added to the root package it depends on by path: drop the plan so it is made again.
        for plan in (ROOT / ".build-floor").glob("*.yaml"):
            if plan.name != "plugin-tools.yaml":
                plan.unlink()
    for attempt in range(1, 6):
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        log = p.stdout + p.stderr
        if p.returncode == 0:
            return f"built on attempt {attempt}"
        if "modified during the build" not in log:
            break
        print(f"  {what} build attempt {attempt}: a source file changed during the build, retrying", flush=True)
        time.sleep(5)
    sys.exit(f"{what} build failed:\n" + log[-4000:])


def sources_digest() -> str:
    """sha256 (12 hex) over Package.swift and Sources/**/*.swift: which working tree was built."""
    import hashlib
    h = hashlib.sha256()
    for p in sorted([ROOT / "Package.swift"] + list((ROOT / "Sources").rglob("*.swift"))):
        h.update(str(p.relative_to(ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def mtime(p: Path) -> str:
    return datetime.fromtimestamp(p.stat().st_mtime, timezone.utc).strftime("%H:%M:%S UTC")


# --------------------------------------------------------------------------- measuring

class Run:
    def __init__(self, wall: float, rss_kb: int, user: float, sys_: float, other_cores: float,
                 nice_cores: float, load: str, stdout: str, rc: int):
        self.wall, self.rss_kb, self.user, self.sys, self.rc = wall, rss_kb, user, sys_, rc
        self.other_cores, self.nice_cores, self.load, self.stdout = other_cores, nice_cores, load, stdout


def measure(cmd: list[str], ok_codes=(0,)) -> Run:
    """Run cmd under /usr/bin/time; wall time from perf_counter here, peak RSS from %M."""
    tfile = Path(f"/tmp/fazhi-speed-time-{os.getpid()}.txt")
    load = loadavg()
    b0, n0, _ = cpu_jiffies()
    t = time.perf_counter()
    p = subprocess.run([TIME, "-f", "%e %M %U %S", "-o", str(tfile)] + cmd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    b1, n1, _ = cpu_jiffies()
    if p.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr[-1500:]}")
    _, rss, user, sys_ = tfile.read_text().strip().split("\n")[-1].split()
    tfile.unlink()
    # CPU used by everything else during the run: non-niced busy time minus the child's own user+sys
    other = max(0.0, ((b1 - b0) / HZ - float(user) - float(sys_)) / wall)
    nice = (n1 - n0) / HZ / wall
    return Run(wall, int(rss), float(user), float(sys_), other, nice, load, p.stdout, p.returncode)


def measure_pair(cmds: list[list[str]]) -> float:
    """Wall time from starting every command at once until the last one exits."""
    t = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in cmds]
    for c, p in zip(cmds, procs):
        _, err = p.communicate()
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(c)} exited {p.returncode}: {err[-1500:]!r}")
    return time.perf_counter() - t


def count_instructions(paths: list[str], out: Path) -> dict[str, float]:
    """Instructions per page executed by the floor and by fazhi batch --jobs 1 over `paths`, counted by
    valgrind's callgrind (which cannot read Swift's DWARF 5, hence debug-stripped copies). {} when
    valgrind or objcopy is missing."""
    if not (shutil.which("valgrind") and shutil.which("objcopy")) or not paths:
        return {}
    tmp = Path(tempfile.mkdtemp(prefix="fazhi-instr-"))
    lst = tmp / "files.txt"
    lst.write_text("\n".join(paths) + "\n")
    counts = {}
    for name, binary, tail in (("floor", FLOOR, ["--files-from", str(lst)]),
                               ("floor, SAX (no tree)", FLOOR, ["--sax", "--files-from", str(lst)]),
                               ("fazhi batch --jobs 1", FAZHI, ["batch", "--files-from", str(lst), "--output", str(out),
                                                                "--quiet", "--jobs", "1"])):
        copy = tmp / binary.name
        subprocess.run(["objcopy", "--strip-debug", str(binary), str(copy)], check=True)
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(copy), *tail],
                           capture_output=True, text=True)
        m = re.search(r"Collected : (\d+)", p.stderr)
        if m:
            counts[name] = int(m.group(1)) / len(paths)
    shutil.rmtree(tmp, ignore_errors=True)
    for f in (out, Path(str(out) + ".journal")):
        f.unlink(missing_ok=True)
    return counts


def count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer-worker", nargs=2, metavar=("NAME", "LIST"))
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--memory-count", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=make_pages.DEFAULT_SEED)
    ap.add_argument("--peers", default=",".join(DEFAULT_PEERS))
    ap.add_argument("--wait-quiet", type=float, default=0)
    ap.add_argument("--autogroup-nice", type=int)
    ap.add_argument("--instructions", type=int, default=200)
    ap.add_argument("--results", type=Path, default=RESULTS, help="where to write the report (default results/speed.md)")
    args = ap.parse_args()

    if not extraction.in_venv():
        extraction.bootstrap(Path(__file__))
        return
    if args.peer_worker:
        peer_worker(*args.peer_worker)
        return
    if args.autogroup_nice is not None:
        enter_boosted_session(args.autogroup_nice)

    py = str(extraction.VENV / "bin" / "python")
    from importlib.metadata import version, PackageNotFoundError
    versions = {}
    peer_names = [p for p in args.peers.split(",") if p]
    for name in peer_names + ["lxml"]:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"

    builds = {}
    digest = sources_digest()
    for what, binary in (("fazhi", FAZHI), ("floor", FLOOR), ("stages", STAGES)):
        if args.skip_build and binary.exists():
            builds[what] = "existing binary (--skip-build)"
        else:
            print(f"building {what}: {' '.join(BUILDS[what])}", flush=True)
            builds[what] = build(what)
            print("  " + builds[what], flush=True)

    print(f"page sets: {args.count}" + (f" and {args.memory_count}" if args.memory_count else ""), flush=True)
    sets = {args.count: make_pages.make_pages(args.count, args.seed)}
    if args.memory_count:
        sets[args.memory_count] = make_pages.make_pages(args.memory_count, args.seed)
    lst = sets[args.count] / "files.txt"
    manifest = json.loads((sets[args.count] / "manifest.json").read_text())
    paths = [p for p in lst.read_text().split("\n") if p]
    n = len(paths)
    total_bytes = sum(os.path.getsize(p) for p in paths)
    for d in sets.values():  # warm the page cache so every run reads from memory
        for p in (d / "files.txt").read_text().split("\n"):
            if p:
                Path(p).read_bytes()

    out = Path(f"/tmp/fazhi-speed-out-{os.getpid()}.jsonl")

    def fazhi_cmd(jobs: int, check: bool, files: Path = lst) -> list[str]:
        return [str(FAZHI), "batch", "--files-from", str(files), "--output", str(out), "--quiet",
                "--jobs", str(jobs)] + ([] if check else ["--no-check"])

    tools: dict[str, list[str]] = {
        "floor": [str(FLOOR), "--files-from", str(lst)],
        "floor, SAX (no tree)": [str(FLOOR), "--sax", "--files-from", str(lst)],
        "fazhi batch --jobs 1": fazhi_cmd(1, True),
        "fazhi batch --jobs 2": fazhi_cmd(2, True),
        "fazhi batch --jobs 1 --no-check": fazhi_cmd(1, False),
    }
    for name in peer_names:
        tools[name] = [py, str(Path(__file__).resolve()), "--peer-worker", name, str(lst)]

    before = {"load": loadavg(), "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
              "busy": busy_processes()}
    quiet_note = wait_quiet(args.wait_quiet)
    print(quiet_note, flush=True)
    sched = autogroup_state()
    probe_before = capacity_probe()
    probe_plain = capacity_probe(new_session=True)
    print(f"{sched}; {os.cpu_count()} busy loops obtained {probe_before:.2f} cores here, "
          f"{probe_plain:.2f} in a fresh nice-0 session", flush=True)

    # The machine's own ceiling for two cores: two floor processes at once, each on half the pages.
    halves = []
    for k, part in enumerate((paths[: n // 2], paths[n // 2:])):
        f = Path(f"/tmp/fazhi-speed-half{k}-{os.getpid()}.txt")
        f.write_text("\n".join(part) + "\n")
        halves.append(f)
    pair_cmds = [[str(FLOOR), "--files-from", str(f)] for f in halves]
    pair_walls: list[float] = []

    runs: dict[str, list[Run]] = {t: [] for t in tools}
    notes: dict[str, str] = {}
    for r in range(1, args.runs + 1):
        for tool, cmd in tools.items():
            for f in (out, Path(str(out) + ".journal")):
                f.unlink(missing_ok=True)
            is_fazhi = tool.startswith("fazhi")
            run = measure(cmd, ok_codes=(0, 1) if is_fazhi else (0,))
            runs[tool].append(run)
            extra = ""
            if is_fazhi:
                records = count_lines(out)
                if records != n:
                    raise RuntimeError(f"{tool}: {records} records for {n} pages")
                extra = f"{records} records, exit {run.rc}"
            elif tool.startswith("floor"):
                extra = run.stdout.strip()
                notes[tool] = extra
            else:
                d = json.loads(run.stdout.strip().split("\n")[-1])
                if d.get("pages") != n:
                    raise RuntimeError(f"{tool}: {d}")
                notes.setdefault(tool, [])
                notes[tool].append(d)
                extra = f"errors {d['errors']}, import {d['import_s']:.2f} s, loop {d['loop_s']:.1f} s"
            print(f"  round {r} {tool:32s} {run.wall:8.2f} s {n / run.wall:8.1f} pages/s  RSS {run.rss_kb / 1024:6.1f} MB"
                  f"  others {run.other_cores:.2f} cores (+{run.nice_cores:.2f} niced)  load {run.load}  {extra}",
                  flush=True)
        pair_walls.append(measure_pair(pair_cmds))
        print(f"  round {r} {'two floors at once, half each':32s} {pair_walls[-1]:8.2f} s "
              f"{n / pair_walls[-1]:8.1f} pages/s  ({runs['floor'][-1].wall / pair_walls[-1]:.2f}× the floor alone)", flush=True)
    for f in halves:
        f.unlink(missing_ok=True)

    memory = None
    if args.memory_count:
        mlist = sets[args.memory_count] / "files.txt"
        for f in (out, Path(str(out) + ".journal")):
            f.unlink(missing_ok=True)
        memory = measure(fazhi_cmd(2, True, mlist), ok_codes=(0, 1))
        mrecords = count_lines(out)
        print(f"  memory run: {args.memory_count} pages, {memory.wall:.1f} s, RSS {memory.rss_kb / 1024:.1f} MB, "
              f"{mrecords} records, others {memory.other_cores:.2f} cores (+{memory.nice_cores:.2f} niced), "
              f"load {memory.load}", flush=True)
        memory.stdout = str(mrecords)
    for f in (out, Path(str(out) + ".journal")):
        f.unlink(missing_ok=True)
    # Where one core's time goes: each stage timed on its own over the same pages (one run).
    stages = subprocess.run([str(STAGES), "--files-from", str(lst)], capture_output=True, text=True).stdout.strip()
    print(stages, flush=True)
    instructions = count_instructions(paths[:args.instructions], out) if args.instructions else {}
    print(f"instructions per page: {instructions}", flush=True)
    probe_after = capacity_probe()
    after = {"load": loadavg(), "busy": busy_processes()}

    # ---- summary
    summary = {}
    for tool, rs in runs.items():
        wall = statistics.median(r.wall for r in rs)
        summary[tool] = {"wall": wall, "pps": n / wall, "mbps": total_bytes / wall / 1e6,
                         "rss": max(r.rss_kb for r in rs) / 1024, "walls": [r.wall for r in rs]}
    floor_pps = summary["floor"]["pps"]
    traf_pps = summary.get("trafilatura", {}).get("pps")

    head = "| tool | pages/s | MB/s | peak RSS | ratio to floor | ratio to trafilatura | wall times (s) |"
    rows = [head, "|---|---:|---:|---:|---:|---:|---|"]
    for tool, s in summary.items():
        rt = f"{s['pps'] / traf_pps:.2f}×" if traf_pps else "—"
        rows.append(f"| {tool} | {s['pps']:.1f} | {s['mbps']:.2f} | {s['rss']:.1f} MB | {s['pps'] / floor_pps:.3f} | "
                    f"{rt} | {' / '.join(f'{w:.2f}' for w in s['walls'])} |")
    print("\n" + "\n".join(rows))

    # ---- targets
    j1 = summary["fazhi batch --jobs 1"]["pps"]
    j2 = summary["fazhi batch --jobs 2"]["pps"]
    targets = []

    def verdict(name: str, measured: float, goal: float, show, lower_is_better: bool = False, how: str = ""):
        ok = measured < goal if lower_is_better else measured >= goal
        if ok:
            text = "PASS"
        elif lower_is_better:
            text = f"**MISS** by {show(measured - goal)} ({measured / goal * 100 - 100:.0f} % over the limit)"
        else:
            text = (f"**MISS** by {show(goal - measured)}: reached {measured / goal * 100:.0f} % of the target "
                    f"(needs {goal / measured:.1f}× more)")
        targets.append(f"| {name} | {how} | {text} |")

    pct = lambda x: f"{x * 100:.1f} points"  # noqa: E731
    times = lambda x: f"{x:.2f}×"  # noqa: E731
    mb = lambda x: f"{x:.1f} MB"  # noqa: E731
    verdict("full pipeline (--jobs 1) ≥ 60 % of the floor's pages/s", j1 / floor_pps, 0.60, pct,
            how=f"{j1:.1f} / {floor_pps:.1f} = {j1 / floor_pps * 100:.1f} %")
    # The VM's speed drifts by up to 1.5× within minutes: the ratio of runs next to each other in one
    # round, and instruction counts, are steadier than the ratio of medians.
    per_round = [f.wall / j.wall for f, j in zip(runs["floor"], runs["fazhi batch --jobs 1"])]
    verdict("(supplementary) the same, per round: median of floor wall ÷ fazhi --jobs 1 wall in each round",
            statistics.median(per_round), 0.60, pct,
            how=" / ".join(f"{r * 100:.1f} %" for r in per_round) + f" → median {statistics.median(per_round) * 100:.1f} %")
    # Noise from the host only ever adds time: the fastest round of each is the least disturbed.
    best_f, best_j = min(f.wall for f in runs["floor"]), min(j.wall for j in runs["fazhi batch --jobs 1"])
    verdict("(supplementary) the same, best rounds: fastest floor wall ÷ fastest fazhi --jobs 1 wall",
            best_f / best_j, 0.60, pct, how=f"{best_f:.2f} s / {best_j:.2f} s = {best_f / best_j * 100:.1f} %")
    if "floor" in instructions and "fazhi batch --jobs 1" in instructions:
        fi, zi = instructions["floor"], instructions["fazhi batch --jobs 1"]
        verdict(f"(supplementary, deterministic) the same in instructions: floor ÷ fazhi --jobs 1 per page, "
                f"first {args.instructions} pages", fi / zi, 0.60, pct,
                how=f"{fi / 1e6:.2f} M / {zi / 1e6:.2f} M = {fi / zi * 100:.1f} %")
    # fazhi builds its tree from libxml2's SAX events and never has libxml2 build one: against a floor
    # that builds no tree either, the same ratio is stricter.
    sax_pps = summary["floor, SAX (no tree)"]["pps"]
    verdict("(supplementary, stricter floor) full pipeline (--jobs 1) against libxml2's parser building no tree",
            j1 / sax_pps, 0.60, pct, how=f"{j1:.1f} / {sax_pps:.1f} = {j1 / sax_pps * 100:.1f} %")
    if "floor, SAX (no tree)" in instructions and "fazhi batch --jobs 1" in instructions:
        si, zi = instructions["floor, SAX (no tree)"], instructions["fazhi batch --jobs 1"]
        verdict(f"(supplementary, stricter floor, deterministic) the same in instructions, first {args.instructions} pages",
                si / zi, 0.60, pct, how=f"{si / 1e6:.2f} M / {zi / 1e6:.2f} M = {si / zi * 100:.1f} %")
    verdict("--jobs 2 ≥ 1.8× --jobs 1", j2 / j1, 1.8, times, how=f"{j2:.1f} / {j1:.1f} = {j2 / j1:.2f}×")
    per_round_j = [a.wall / b.wall for a, b in zip(runs["fazhi batch --jobs 1"], runs["fazhi batch --jobs 2"])]
    verdict("(supplementary) the same, per round: median of --jobs 1 wall ÷ --jobs 2 wall in each round",
            statistics.median(per_round_j), 1.8, times,
            how=" / ".join(f"{r:.2f}×" for r in per_round_j) + f" → median {statistics.median(per_round_j):.2f}×")
    # What two cores of this machine give work that shares nothing: two floor processes at once.
    pair_ratio = statistics.median(f.wall / w for f, w in zip(runs["floor"], pair_walls))
    verdict("(supplementary, the machine's ceiling) two floor processes at once, half the pages each, ≥ 1.8× one floor "
            "process on all (median of the rounds)", pair_ratio, 1.8, times,
            how=" / ".join(f"{f.wall / w:.2f}×" for f, w in zip(runs["floor"], pair_walls)) + f" → median {pair_ratio:.2f}×")
    if memory:
        verdict(f"peak RSS < 100 MB over {args.memory_count:,} pages (batch --jobs 2)", memory.rss_kb / 1024, 100.0, mb,
                lower_is_better=True, how=f"{memory.rss_kb / 1024:.1f} MB")
    if traf_pps:
        verdict("fazhi (full pipeline, --jobs 1) ≥ 15× trafilatura's pages/s", j1 / traf_pps, 15.0, times,
                how=f"{j1:.1f} / {traf_pps:.1f} = {j1 / traf_pps:.2f}×")
        per_round_t = [t.wall / j.wall for t, j in zip(runs["trafilatura"], runs["fazhi batch --jobs 1"])]
        verdict("(supplementary) the same, per round: median of trafilatura wall ÷ fazhi --jobs 1 wall in each round",
                statistics.median(per_round_t), 15.0, times,
                how=" / ".join(f"{r:.2f}×" for r in per_round_t) + f" → median {statistics.median(per_round_t):.2f}×")
        verdict("(supplementary) fazhi --jobs 2 ≥ 15× trafilatura", j2 / traf_pps, 15.0, times,
                how=f"{j2:.1f} / {traf_pps:.1f} = {j2 / traf_pps:.2f}×")
    print("\n| target | measured | verdict |\n|---|---|---|\n" + "\n".join(targets))

    # ---- report
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), "cpu unknown")
    mem_total = next((ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                      if ln.startswith("MemTotal")), "0")
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    fz = subprocess.run([str(FAZHI), "--version"], capture_output=True, text=True).stdout.strip()
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    all_runs = [r for rs in runs.values() for r in rs] + ([memory] if memory else [])
    others = [r.other_cores for r in all_runs]
    niced = [r.nice_cores for r in all_runs]
    rel = lambda p: str(p.relative_to(ROOT)) if str(p).startswith(str(ROOT)) else str(p)  # noqa: E731

    md = [
        "# Whole-process speed: fazhi, the floor and Python extractors",
        "",
        f"Produced by one run of `python3 Benchmarks/compare/speed.py{' ' + ' '.join(sys.argv[1:]) if sys.argv[1:] else ''}`"
        f", finished {now}.",
        "",
        "## Machine and load",
        "",
        f"- nproc {os.cpu_count()} ({cpu}), {int(mem_total) // 1024} MB RAM, {platform.system()} {platform.release()}",
        f"- {swift[0] if swift else 'swift ?'}; fazhi {fz or '?'}; Python {platform.python_version()}; "
        + ", ".join(f"{k} {v}" for k, v in versions.items()),
        f"- builds: fazhi `{' '.join(BUILDS['fazhi'])}` ({builds['fazhi']}, binary written {mtime(FAZHI)}); floor "
        f"`{' '.join(BUILDS['floor']).replace(str(ROOT), '/work/main')}` ({builds['floor']}, binary written "
        f"{mtime(FLOOR)}). Built from the working tree as it was then (Sources/ is being edited by others; "
        f"digest of Package.swift + Sources/**/*.swift when the run started: `{digest}`, at the end of the run: "
        f"`{sources_digest()}`).",
        f"- `uptime` before: `{before['uptime']}`; load average after: {after['load']}",
        f"- 1-minute load average at the start of each run (rounds 1, 2, …): "
        + "; ".join(f"{t}: " + ", ".join(r.load.split()[0] for r in rs) for t, rs in runs.items()),
        f"- CPU used by other processes during the runs (from /proc/stat, minus the measured process's own "
        f"user+sys): non-niced {min(others):.2f}–{max(others):.2f} cores (median {statistics.median(others):.2f}); "
        f"niced {min(niced):.2f}–{max(niced):.2f} cores (median {statistics.median(niced):.2f}). "
        f"{quiet_note}.",
        f"- scheduler: {sched}"
        + (f" (set by `--autogroup-nice {args.autogroup_nice}`: the benchmark ran in its own session whose autogroup "
           "outranks other sessions, so a `nice 19` process elsewhere yields the CPU as nice intends)"
           if args.autogroup_nice is not None else
           " (no --autogroup-nice: with autogroups on, a `nice 19` process in another session still gets a fair "
           "share of the CPU against this benchmark's session)"),
        f"- CPU capacity probe: {os.cpu_count()} busy-looping processes for 3 s obtained {probe_before:.2f} cores "
        f"before the measurements and {probe_after:.2f} after (out of {os.cpu_count()}); the same loops in a fresh "
        f"session at autogroup nice 0 (what a command started from another shell gets) obtained {probe_plain:.2f}.",
        "- busy processes before (≥ 5 % CPU): " + ("; ".join(before["busy"]) or "none"),
        "- busy processes after: " + ("; ".join(after["busy"]) or "none"),
        "",
        "## Page set",
        "",
        f"- `python3 Benchmarks/compare/make_pages.py --count {args.count} --seed {args.seed}` → `{lst}`: {n} pages, "
        f"{total_bytes / 1e6:.1f} MB, generated from the {manifest.get('templates')} pages of `Corpus/pages` "
        f"(copy i = page i mod {manifest.get('templates')}, varied: digits in text, adjacent body paragraphs "
        "swapped, place name replaced, each page re-encoded with its own charset; see make_pages.py). Sizes: "
        f"min {manifest['size_min'] / 1e3:.1f} KB, p10 {manifest['size_p10'] / 1e3:.1f}, median "
        f"{manifest['size_median'] / 1e3:.1f}, p90 {manifest['size_p90'] / 1e3:.1f}, max {manifest['size_max'] / 1e3:.1f} KB.",
    ]
    if memory:
        md.append(f"- memory run: the same generator with `--count {args.memory_count}` (the first {args.count} pages "
                  f"are byte-identical to the timed set).")
    md.append("- The files were read once before timing, so every run reads them from the page cache.")
    md += [
        "",
        "## Commands (each a separate process over all pages)",
        "",
        "```bash",
        f"LIST={lst}",
        f"/usr/bin/time -f '%e %M %U %S' {rel(FLOOR)} --files-from $LIST",
        f"/usr/bin/time -f '%e %M %U %S' {rel(FLOOR)} --sax --files-from $LIST",
        f"/usr/bin/time -f '%e %M %U %S' {rel(FAZHI)} batch --files-from $LIST --output /tmp/x.jsonl --quiet --jobs 1",
        f"/usr/bin/time -f '%e %M %U %S' {rel(FAZHI)} batch --files-from $LIST --output /tmp/x.jsonl --quiet --jobs 2",
        f"/usr/bin/time -f '%e %M %U %S' {rel(FAZHI)} batch --files-from $LIST --output /tmp/x.jsonl --quiet --jobs 1 --no-check",
    ]
    md.append(f"{rel(FLOOR)} --files-from FIRST_HALF & {rel(FLOOR)} --files-from SECOND_HALF; wait   "
              "# two at once, wall time until both exit")
    for name in peer_names:
        md.append(f"/usr/bin/time -f '%e %M %U %S' Benchmarks/compare/.venv/bin/python Benchmarks/compare/speed.py "
                  f"--peer-worker {name} $LIST")
    if memory:
        md.append(f"/usr/bin/time -f '%e %M %U %S' {rel(FAZHI)} batch --files-from "
                  f"{sets[args.memory_count] / 'files.txt'} --output /tmp/x.jsonl --quiet --jobs 2   # once")
    if instructions:
        md.append(f"# instructions, first {args.instructions} pages of $LIST in FIRST (objcopy --strip-debug of each binary):")
        md.append("valgrind --tool=callgrind --callgrind-out-file=/dev/null ./fazhi-floor.stripped --files-from FIRST")
        md.append("valgrind --tool=callgrind --callgrind-out-file=/dev/null ./fazhi-floor.stripped --sax --files-from FIRST")
        md.append("valgrind --tool=callgrind --callgrind-out-file=/dev/null ./fazhi.stripped batch --files-from FIRST "
                  "--output /tmp/x.jsonl --quiet --jobs 1")
    md += [
        "```",
        "",
        f"## Results ({n} pages, {total_bytes / 1e6:.1f} MB; median of {args.runs} runs)",
        "",
        f"pages/s = {n} / median wall time; MB/s = input bytes ({total_bytes:,}) / median wall time. Wall time is "
        "measured by speed.py around each process (start to exit, so process start, imports and output writing "
        "are included), not the figure a tool prints. Peak RSS is GNU time's `%M` (ru_maxrss of the process; "
        "fazhi's workers are threads of that one process), largest of the runs. The tools ran in rounds, every "
        "tool once per round.",
        "",
        *rows,
        "",
    ]
    if memory:
        md += [f"Memory run: `fazhi batch --jobs 2` over {args.memory_count:,} pages: peak RSS "
               f"**{memory.rss_kb / 1024:.1f} MB**, {memory.wall:.1f} s ({args.memory_count / memory.wall:.1f} pages/s), "
               f"{memory.stdout} records; other processes used {memory.other_cores:.2f} non-niced and "
               f"{memory.nice_cores:.2f} niced cores during it, load average at its start {memory.load}.", ""]
    md += [
        f"## Where one core's time goes (`{rel(STAGES)} --files-from $LIST`, one run)",
        "",
        "Each stage timed on its own, summed over the pages: ingest = read, hash and decode; parse = libxml2's "
        "parser building the plain-value tree from its SAX events; extract = Extractor.extract minus that parse; record = the batch record's JSON.",
        "",
        "```",
        stages,
        "```",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        *targets,
        "",
        "## Every run",
        "",
        "Other processes' CPU during each run, from `/proc/stat` (all busy time minus the measured process's "
        "own user+sys, divided by its wall time); niced = the `nice` column, in practice the fuzzer.",
        "",
        "| round | tool | wall (s) | user+sys (s) | peak RSS | others, non-niced (cores) | others, niced (cores) | load at start |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
        *[f"| {k + 1} | {t} | {r.wall:.2f} | {r.user + r.sys:.2f} | {r.rss_kb / 1024:.1f} MB | {r.other_cores:.2f} | "
          f"{r.nice_cores:.2f} | {r.load} |"
          for k in range(args.runs) for t, rs in runs.items() for r in rs[k:k + 1]],
        "",
        "## Notes",
        "",
        f"- The floor's own report (last run, its internal clock, no process start): `{notes.get('floor', '')}`; "
        f"the SAX floor's: `{notes.get('floor, SAX (no tree)', '')}`.",
        "- fazhi batch exits 1 when a document fails the check (some generated copies of failing Corpus pages do); "
        "every run was verified to write one record per page.",
    ]
    for name in peer_names:
        ds = notes.get(name) or []
        if ds:
            imp = statistics.median(d["import_s"] for d in ds)
            loop = statistics.median(d["loop_s"] for d in ds)
            raised = ds[-1].get("raised") or {}
            md.append(f"- {name}: import and set-up {imp:.2f} s, loop "
                      f"{loop:.1f} s ({n / loop:.1f} pages/s inside the loop), {ds[-1]['errors']} pages raised"
                      + (" (copies of " + "; ".join(f"`{k}`: {v}" for k, v in raised.items()) + ")" if raised else "")
                      + ". A page that raises still counts as processed.")
    md += [
        "- Peers are called as in extraction.py (raw bytes in; gne gets the text decoded UTF-8, else GB18030), "
        "single-threaded, and only extract the body text; fazhi batch also outlines, checks (unless --no-check) "
        "and writes JSON Lines. The floor reads, decodes, parses with libxml2 into libxml2's tree and walks the "
        "text, nothing else (what lxml-based extractors pay before they start). fazhi has libxml2's parser call "
        "back into its own tree builder instead (HTML/HTMLParse.swift), so libxml2 builds and frees no tree of its "
        "own; the SAX floor is that parser with callbacks that only count text bytes, the stricter comparison.",
        f"- `--jobs 2` / `--jobs 1` per round: "
        + ", ".join(f"{a.wall / b.wall:.2f}×" for a, b in zip(runs["fazhi batch --jobs 1"], runs["fazhi batch --jobs 2"]))
        + f" (niced CPU by others during the --jobs 2 runs: "
        + ", ".join(f"{r.nice_cores:.2f}" for r in runs["fazhi batch --jobs 2"])
        + f" cores). On {os.cpu_count()} cores, whatever runs beside --jobs 2 comes straight off its speed-up, "
        "niced or not: the fuzzer still gets CPU whenever a worker briefly idles (between chunks).",
        "",
    ]
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text("\n".join(md), encoding="utf-8")
    print(f"\nwrote {args.results}")


if __name__ == "__main__":
    main()
