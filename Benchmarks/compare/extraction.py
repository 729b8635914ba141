#!/usr/bin/env python3
"""Peer comparison of body extraction: fazhi vs trafilatura, readability-lxml, gne, jusText, Resiliparse.

    python3 Benchmarks/compare/extraction.py            # from the repository root (any cwd works)

Creates Benchmarks/compare/.venv (git-ignored), installs the pinned peers from requirements.txt,
re-runs itself inside that venv, builds fazhi into .build-compare, scores every Corpus page for every
tool with the Corpus bigram F1 (same measure as Tests/FazhiKitTests/Support/BigramScore.swift), times
them, prints a table and writes Benchmarks/results/extraction.md.

Options:  --skip-build  use the existing .build-compare/release/fazhi
          --passes N    timed passes over the corpus for in-process peers and fazhi batch (default 3)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = HERE / ".venv"
REQUIREMENTS = HERE / "requirements.txt"
PAGES = ROOT / "Corpus" / "pages"
GOLD = ROOT / "Corpus" / "gold"
BOILERPLATE = ROOT / "Corpus" / "boilerplate.txt"
SCRATCH = ".build-compare"
FAZHI = ROOT / SCRATCH / "release" / "fazhi"
RESULTS = ROOT / "Benchmarks" / "results" / "extraction.md"
PIP_VERSION = "26.3"
# top-level peers: requirement line, import check; installed together, one by one if that fails
PEERS = ["trafilatura", "readability-lxml", "gne", "justext", "resiliparse"]
SEED_PAGE = "seed-wulong-2020.html"


# --------------------------------------------------------------------------- venv bootstrap

def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def pinned(name: str) -> str:
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.lower().startswith(name.lower() + "=="):
            return line
    return name


def bootstrap(script: Path | None = None) -> None:
    """Create the venv, install the pins (once per requirements.txt content), re-exec `script`
    (default: this file) inside it. speed.py reuses this with its own path."""
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"creating {VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text().split("\n")[0] != digest:
        pip = [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run(pip + [f"pip=={PIP_VERSION}"], check=False)
        failed: list[str] = []
        print("installing pinned peers from requirements.txt", flush=True)
        if subprocess.run(pip + ["-r", str(REQUIREMENTS)]).returncode != 0:
            # install what can be installed, one peer at a time, and record the rest
            for name in PEERS:
                if subprocess.run(pip + ["-c", str(REQUIREMENTS), pinned(name)]).returncode != 0:
                    failed.append(name)
        stamp.write_text(digest + "\n" + json.dumps({"failed": failed}) + "\n")
    os.execv(str(py), [str(py), str((script or Path(__file__)).resolve())] + sys.argv[1:])


def install_failures() -> list[str]:
    stamp = VENV / ".requirements.sha256"
    try:
        return json.loads(stamp.read_text().split("\n")[1]).get("failed", [])
    except Exception:
        return []


# --------------------------------------------------------------------------- scoring

def normalize(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace())


def bigrams(s: str) -> Counter:
    c = normalize(s)
    return Counter(c[i:i + 2] for i in range(len(c) - 1))


def f1_score(extracted: str, gold: str) -> float:
    a, b = bigrams(extracted), bigrams(gold)
    overlap = sum((a & b).values())
    na, nb = sum(a.values()), sum(b.values())
    precision = (1.0 if nb == 0 else 0.0) if na == 0 else overlap / na
    recall = 1.0 if nb == 0 else overlap / nb
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def grapheme_risk(s: str) -> bool:
    """True when code-point bigrams could differ from Swift's Character (grapheme) bigrams."""
    for ch in normalize(s):
        o = ord(ch)
        if (unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Mc")
                or o in (0x200D, 0x200C) or 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF
                or 0x1F1E6 <= o <= 0x1F1FF or 0x1F3FB <= o <= 0x1F3FF or 0x1160 <= o <= 0x11FF):
            return True
    return False


def load_boilerplate() -> list[str]:
    out = []
    for line in BOILERPLATE.read_text(encoding="utf-8").split("\n"):
        # Swift: trimmingCharacters(in: .whitespaces) = tab + Unicode Zs
        p = line.strip("\t" + "".join(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Zs"))
        if p and not p.startswith("#"):
            out.append(p)
    return out


# --------------------------------------------------------------------------- peers

def decode_like_a_user(raw: bytes) -> str:
    """What a typical user does before handing a str to a library: UTF-8, else GB18030."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("gb18030", errors="replace")


def make_peers() -> dict:
    """name -> (callable raw bytes -> text, description). Import errors are recorded, not raised."""
    peers: dict = {}
    missing: dict = {}

    try:
        import trafilatura

        def run_trafilatura(raw: bytes) -> str:
            return trafilatura.extract(raw) or ""

        def run_trafilatura_str(raw: bytes) -> str:
            return trafilatura.extract(decode_like_a_user(raw)) or ""

        peers["trafilatura"] = (run_trafilatura, "`trafilatura.extract(raw_bytes)`, default options")
        peers["trafilatura (str in)"] = (run_trafilatura_str,
                                         "`trafilatura.extract(text)`, text decoded UTF-8 then GB18030 "
                                         "(supplementary row, not what a bytes user gets)")
    except Exception as e:  # pragma: no cover
        missing["trafilatura"] = repr(e)

    try:
        import lxml.html
        from readability import Document

        def run_readability(raw: bytes) -> str:
            doc = Document(raw)
            title = doc.title() or ""
            body = lxml.html.fromstring(doc.summary()).text_content()
            return title + "\n" + body

        peers["readability-lxml"] = (run_readability, "`Document(raw_bytes)`: `.title()` + text of `.summary()`")
    except Exception as e:  # pragma: no cover
        missing["readability-lxml"] = repr(e)

    try:
        import warnings
        warnings.filterwarnings("ignore")
        from gne import GeneralNewsExtractor
        extractor = GeneralNewsExtractor()

        def run_gne(raw: bytes) -> str:
            r = extractor.extract(decode_like_a_user(raw))
            return (r.get("title") or "") + "\n" + (r.get("content") or "")

        peers["gne"] = (run_gne, "`GeneralNewsExtractor().extract(text)` (UTF-8, else GB18030): title + content")
    except Exception as e:  # pragma: no cover
        missing["gne"] = repr(e)

    try:
        import justext

        def run_justext(raw: bytes) -> str:
            paras = justext.justext(raw, frozenset(), length_low=25, length_high=70,
                                    stopwords_low=0, stopwords_high=0)
            return "\n".join(p.text for p in paras if not p.is_boilerplate)

        peers["justext"] = (run_justext, "`justext.justext(raw_bytes, frozenset(), length_low=25, length_high=70, "
                                         "stopwords_low=0, stopwords_high=0)`, non-boilerplate paragraphs")
    except Exception as e:  # pragma: no cover
        missing["justext"] = repr(e)

    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import detect_encoding
        from resiliparse.parse.html import HTMLTree

        def run_resiliparse(raw: bytes) -> str:
            tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw))
            return extract_plain_text(tree, main_content=True)

        peers["resiliparse"] = (run_resiliparse, "`extract_plain_text(HTMLTree.parse_from_bytes(raw, "
                                                 "detect_encoding(raw)), main_content=True)`")
    except Exception as e:  # pragma: no cover
        missing["resiliparse"] = repr(e)

    return peers, missing


# --------------------------------------------------------------------------- fazhi

def build_fazhi() -> str:
    """swift build into .build-compare; retried because Sources/ may be edited during the build."""
    log = ""
    for attempt in range(1, 6):
        p = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH],
                           cwd=ROOT, capture_output=True, text=True)
        log = p.stdout + p.stderr
        if p.returncode == 0:
            return f"built on attempt {attempt}"
        if "modified during the build" not in log:
            break
        print(f"  build attempt {attempt}: a source file changed during the build, retrying", flush=True)
        time.sleep(5)
    sys.exit("swift build failed:\n" + log[-4000:])


def fazhi_extract(page: Path) -> str:
    p = subprocess.run([str(FAZHI), "extract", str(page), "--format", "json"], capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(f"exit {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()[:200]}")
    d = json.loads(p.stdout)
    title = d.get("title")
    if title is None:
        title = (d.get("metadata") or {}).get("title")
    return (title or "") + "\n" + (d.get("text") or "")


def time_fazhi_loop(pages: list[Path]) -> float:
    """Wall time of one shell loop running `fazhi extract` on every page (one process per page)."""
    script = 'for f in "$@"; do "$FAZHI" extract "$f" --format json > /dev/null || true; done'
    env = dict(os.environ, FAZHI=str(FAZHI))
    t = time.perf_counter()
    subprocess.run(["bash", "-c", script, "loop"] + [str(p) for p in pages], env=env, check=True)
    return time.perf_counter() - t


def time_process(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def time_fazhi_batch(pages: list[Path], jobs: int, passes: int) -> tuple[float | None, str]:
    """Median wall time of `fazhi batch --no-check --jobs N` over the pages (one process)."""
    times = []
    note = ""
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(passes):
            out = Path(tmp) / "out.jsonl"
            for f in Path(tmp).iterdir():
                if f.is_file():
                    f.unlink()
            t = time.perf_counter()
            p = subprocess.run([str(FAZHI), "batch", *map(str, pages), "--output", str(out), "--no-check",
                                "--quiet", "--jobs", str(jobs)], capture_output=True)
            dt = time.perf_counter() - t
            if p.returncode not in (0, 1) or not out.exists():
                return None, f"batch failed (exit {p.returncode}): {p.stderr.decode('utf-8', 'replace')[:200]}"
            times.append(dt)
            n = sum(1 for _ in out.open(encoding="utf-8"))
            note = f"{n} records"
    return statistics.median(times), note


# --------------------------------------------------------------------------- main

def machine_facts(versions: dict) -> list[str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    fz = subprocess.run([str(FAZHI), "--version"], capture_output=True, text=True).stdout.strip()
    facts = [
        f"nproc {os.cpu_count()} ({cpu or 'cpu unknown'}), {platform.system()} {platform.release()}",
        f"Python {platform.python_version()}; {swift[0] if swift else 'swift ?'}; fazhi {fz or '?'} "
        f"(`swift build -c release --scratch-path {SCRATCH}`)",
        "peers: " + ", ".join(f"{k} {v}" for k, v in versions.items()),
    ]
    return facts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()

    if not in_venv():
        bootstrap()
        return

    from importlib.metadata import version, PackageNotFoundError

    versions = {}
    for name in PEERS + ["lxml"]:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"

    if not args.skip_build or not FAZHI.exists():
        print("building fazhi (release, .build-compare)", flush=True)
        print("  " + build_fazhi(), flush=True)

    # like CorpusPage.all: every page that has an extraction gold file
    all_pages = sorted(p for p in PAGES.iterdir() if p.is_file())
    pages = [p for p in all_pages if (GOLD / (p.name.rsplit(".", 1)[0] + ".txt")).exists()]
    no_gold = [p.name for p in all_pages if p not in pages]
    names = [p.name.rsplit(".", 1)[0] for p in pages]
    gold = {n: (GOLD / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    boiler = load_boilerplate()
    raw = {p.name: p.read_bytes() for p in pages}

    peers, missing = make_peers()
    tools = ["fazhi"] + list(peers)

    # ---- quality pass (also the warm-up for the timed passes)
    score: dict = {t: {} for t in tools}
    leaks: dict = {t: {} for t in tools}
    errors: dict = {t: {} for t in tools}
    grapheme_pages = set()  # (tool or "gold", page)
    for page, name in zip(pages, names):
        if grapheme_risk(gold[name]):
            grapheme_pages.add(("gold", name))
        for tool in tools:
            try:
                text = fazhi_extract(page) if tool == "fazhi" else peers[tool][0](raw[page.name])
            except Exception as e:
                errors[tool][name] = f"{type(e).__name__}: {str(e)[:160]}"
                score[tool][name] = 0.0
                leaks[tool][name] = []
                continue
            score[tool][name] = f1_score(text, gold[name])
            leaks[tool][name] = [b for b in boiler if b in text]
            if grapheme_risk(text):
                grapheme_pages.add((tool, name))
        print(f"  {name:34s} " + " ".join(f"{score[t][name]:.3f}" for t in tools), flush=True)

    # ---- speed
    n = len(pages)
    speed: dict = {}
    for tool in peers:
        fn = peers[tool][0]
        totals = []
        for _ in range(args.passes):
            total = 0.0
            for page in pages:
                b = raw[page.name]
                t = time.perf_counter()
                try:
                    fn(b)
                except Exception:
                    pass
                total += time.perf_counter() - t
            totals.append(total)
        speed[tool] = (n / statistics.median(totals),
                       f"in-process, warm, bytes→text call only, median of {args.passes} passes")
    loop_times = [time_fazhi_loop(pages) for _ in range(args.passes)]
    loop = statistics.median(loop_times)
    speed["fazhi"] = (n / loop, f"one `fazhi extract --format json` process per page in a shell loop, "
                                f"includes process start (median of {args.passes} loops)")
    single = time_process([str(FAZHI), "extract", str(PAGES / SEED_PAGE), "--format", "json"])
    startup = time_process([str(FAZHI), "--version"])
    batch = {}
    for jobs in (1, 2):
        batch[jobs] = time_fazhi_batch(pages, jobs, args.passes)

    # ---- report
    def summary(tool):
        s = [score[tool][nm] for nm in names]
        return (statistics.mean(s), min(s), sum(1 for x in s if x < 0.95),
                sum(1 for nm in names if leaks[tool][nm]), len(errors[tool]))

    head = "| tool | mean F1 | min F1 | pages < 0.95 | pages with leaks | failures | pages/s | what pages/s measures |"
    rows = [head, "|---|---|---|---|---|---|---|---|"]
    for tool in tools:
        m, lo, below, lk, fails = summary(tool)
        ps, what = speed[tool]
        rows.append(f"| {tool} | {m:.4f} | {lo:.4f} | {below} | {lk} | {fails} | {ps:.1f} | {what} |")
    for name, err in missing.items():
        rows.append(f"| {name} | — | — | — | — | — | — | could not be imported here: {err} |")
    for name in install_failures():
        if name not in missing:
            rows.append(f"| {name} | — | — | — | — | — | — | pip install failed here |")

    print()
    print("\n".join(rows))

    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = [
        "# Extraction quality and speed: fazhi and its peers",
        "",
        f"Produced by a real run of `python3 Benchmarks/compare/extraction.py` on {now}.",
        "",
        "## Machine",
        "",
        *[f"- {f}" for f in machine_facts(versions)],
        "",
        "## Reproduce",
        "",
        "```bash",
        "python3 Benchmarks/compare/extraction.py     # creates Benchmarks/compare/.venv, installs requirements.txt,",
        "                                             # builds fazhi into .build-compare, writes this file",
        "```",
        "",
        f"## Results ({n} Corpus pages, every page scored, non-reports and attachment-only pages included)",
        "",
        "F1 is the Corpus measure of the Swift test suite (`BigramScore`): extracted text = title + \"\\n\" + body, "
        "NFKC, all whitespace removed, multiset of character bigrams, F1 against `Corpus/gold/<name>.txt` "
        "(both empty → 1). A leak is a `Corpus/boilerplate.txt` phrase found in the extracted text before "
        "normalisation. A tool that throws on a page scores 0 there and counts as a failure.",
        "",
        *rows,
        "",
        "### What the speed figures measure",
        "",
        f"- Peers: the extraction call only (raw bytes in, text out; gne's and `trafilatura (str in)`'s "
        f"UTF-8/GB18030 decode is inside the timed call), in one warm Python process, all {n} pages, "
        f"pages/s = {n} / (sum of per-call times), median of {args.passes} passes. Single-threaded.",
        f"- fazhi, the table's figure: `fazhi extract PAGE --format json` as one process per page, in a bash loop "
        f"over all {n} pages: {loop:.2f} s per loop (median of {args.passes}), so it includes "
        f"{n} process starts and JSON output. Not comparable with the in-process peer figures.",
        f"- fazhi, one page: `fazhi extract {SEED_PAGE} --format json` as one process, median of 5 runs: "
        f"{single * 1000:.1f} ms ({1 / single:.1f} pages/s). `fazhi --version` (process start, no work), "
        f"median of 5: {startup * 1000:.1f} ms, so roughly {max(single - startup, 0) * 1000:.1f} ms of the "
        f"single-page figure is reading, extracting and printing (a rough difference, not a measurement).",
    ]
    for jobs, (t, note) in batch.items():
        if t is None:
            md.append(f"- fazhi batch --jobs {jobs}: {note}")
        else:
            md.append(f"- `fazhi batch <{n} pages> --no-check --quiet --jobs {jobs} --output out.jsonl`: one "
                      f"process, {t:.3f} s (median of {args.passes}) = {n / t:.1f} pages/s ({note}). Does more "
                      f"than the peers (extract + outline, JSONL write) and includes one process start; "
                      + ("single worker, the closest to the peers' single-threaded figures."
                         if jobs == 1 else f"{jobs} workers on {os.cpu_count()} cores."))
    md += [
        "",
        "### How each tool was called",
        "",
        "- fazhi: `.build-compare/release/fazhi extract PAGE --format json`, scored on `title` + \"\\n\" + `text`.",
        *[f"- {t}: {peers[t][1]}" for t in peers],
        "- Every peer gets the page's raw bytes as saved (GBK, GB18030 or UTF-8), as a user would pass them. "
        "Peers that return no title are scored on what they return.",
        "- jusText has no Chinese stoplist. With `frozenset()` and its default `stopwords_low=0.30`, "
        "`stopwords_high=0.32` every paragraph has stopword density 0 and is classified bad, so the output "
        "is empty on every page. The run uses jusText's own language-independent mode instead: `python -m "
        "justext` sets `stopwords_low = stopwords_high = 0` when the stoplist is empty. Lengths are 25/70, "
        "as in `shared/reference/peers.md`.",
        "- MHTML (`trs-09-daxing-2024.mhtml`): peers get the raw .mhtml file, which is what a user has. None "
        "of them reads MIME, so they parse quoted-printable text as HTML. fazhi reads MHTML itself.",
    ]
    if grapheme_pages:
        where = ", ".join(f"{t} on `{nm}`" for t, nm in sorted(grapheme_pages))
        md.append(f"- Caveat: combining marks or joiners after NFKC in: {where}. There Python's code-point "
                  "bigrams can differ slightly from the Swift suite's Character (grapheme) bigrams; everywhere "
                  "else the two are identical.")
    else:
        md.append("- No gold or extracted text contains combining marks or joiners after NFKC, so Python's "
                  "code-point bigrams equal the Swift test suite's Character bigrams on this run.")
    md.append("- fazhi is developed against this Corpus (its test suite gates on these gold files), so its "
              "figures are in-sample; the peers run with out-of-the-box settings and have never seen it.")
    if no_gold:
        md.append(f"- Pages without a gold file, not scored (the Swift suite skips them too): {', '.join(no_gold)}.")
    if missing or install_failures():
        md.append("- Not measured: " + ", ".join(sorted(set(missing) | set(install_failures()))) +
                  " (could not be installed or imported here; see the table).")

    any_err = [(t, nm, e) for t in tools for nm, e in errors[t].items()]
    if any_err:
        md += ["", "### Failures (exceptions or non-zero exit, scored 0)", ""]
        md += [f"- {t} on `{nm}`: {e}" for t, nm, e in any_err]

    leak_lines = [(t, nm, leaks[t][nm]) for t in tools for nm in names if leaks[t][nm]]
    if leak_lines:
        md += ["", "### Leaks (boilerplate phrases in the extracted text)", ""]
        md += ["Pages per tool, with the number of distinct phrases leaked.", ""]
        for t in tools:
            hit = [(nm, len(leaks[t][nm])) for nm in names if leaks[t][nm]]
            if hit:
                md.append(f"- {t} ({len(hit)}): " + ", ".join(f"`{nm}` ({k})" for nm, k in hit))

    md += ["", "## F1 per page", "",
           "`ERR` = the tool failed on the page (scored 0); `L` = at least one boilerplate leak.", "",
           "| page | " + " | ".join(tools) + " |",
           "|---|" + "---|" * len(tools)]
    for nm in names:
        cells = []
        for t in tools:
            if nm in errors[t]:
                cells.append("ERR")
            else:
                cells.append(f"{score[t][nm]:.3f}" + (" L" if leaks[t][nm] else ""))
        md.append(f"| {nm} | " + " | ".join(cells) + " |")
    md.append("")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(md), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
