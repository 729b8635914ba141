#!/usr/bin/env bash
# Fuzz the whole fazhi pipeline (bytes -> Ingest -> parse -> Extract -> Outline -> Audit -> JSON,
# plus WARCReader) with libFuzzer.
#
#   Fuzz/run.sh SECONDS [JOBS] [-- extra libFuzzer flags]
#
# Builds the fuzzer if needed (release, -sanitize=fuzzer,address, scratch path .build-fuzz), seeds
# a corpus under /tmp from Corpus/pages and Tests/FazhiKitTests/Fixtures/ingest, and fuzzes for
# SECONDS in total. A crash stops libFuzzer; the script records the artifact and restarts with
# the time that is left (set STOP_ON_CRASH=1 to stop at the first one instead). Prints the
# executions, coverage and every crash / timeout / OOM artifact at the end.
#
# Environment: NICE (default 19), ARTIFACTS (default /tmp/fazhi-fuzz-artifacts),
# WORK (default /tmp/fazhi-fuzz: seed/, corpus/, logs/), STOP_ON_CRASH, NO_BUILD.
set -uo pipefail

usage() { echo "usage: $0 SECONDS [JOBS] [-- libFuzzer flags]" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[0-9]+$ ]] || usage
SECONDS_TOTAL=$1; shift
JOBS=1
if [[ $# -ge 1 && $1 =~ ^[0-9]+$ ]]; then JOBS=$1; shift; fi
[[ $# -ge 1 && $1 == "--" ]] && shift
EXTRA=("$@")

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SCRATCH="$ROOT/.build-fuzz"
BIN="$SCRATCH/release/fazhi-fuzz"
NICE=${NICE:-19}
ARTIFACTS=${ARTIFACTS:-/tmp/fazhi-fuzz-artifacts}
WORK=${WORK:-/tmp/fazhi-fuzz}
SEED="$WORK/seed"
CORPUS="$WORK/corpus"
LOGS="$WORK/logs"
mkdir -p "$ARTIFACTS" "$SEED" "$CORPUS" "$LOGS"

# --- build (incremental; a no-op when up to date). Others may be editing Sources while we build,
# and swift-driver then fails with "was modified during the build": retry a few times.
if [[ -z ${NO_BUILD:-} || ! -x $BIN ]]; then
    for attempt in 1 2 3 4 5; do
        if nice -n "$NICE" swift build -c release --scratch-path "$SCRATCH" --package-path "$HERE" \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$LOGS/build.log" 2>&1; then
            break
        fi
        if ! grep -q "modified during the build" "$LOGS/build.log" || [[ $attempt == 5 ]]; then
            grep -E "error:" "$LOGS/build.log" | sort -u | head -10 >&2
            echo "build failed (full log: $LOGS/build.log)" >&2
            [[ -x $BIN ]] || exit 1
            echo "WARNING: fuzzing the previous binary ($(date -r "$BIN" '+%F %T'))" >&2
            break
        fi
        sleep 5
    done
fi

# --- seeds: the corpus pages, the ingest fixtures, and two small WARC archives built from them.
cp -f "$ROOT"/Corpus/pages/* "$ROOT"/Tests/FazhiKitTests/Fixtures/ingest/* "$SEED"/ 2>/dev/null
python3 - "$ROOT" "$SEED" <<'EOF'
import sys, os, gzip
root, seed = sys.argv[1], sys.argv[2]
def record(kind, uri, block, lie=0):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (kind, uri, len(block) + lie))
    return head.encode() + block + b"\r\n\r\n"
def http(body, ctype):
    return ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(body))).encode() + body
page = "<html><head><title>某县2022年度法治政府建设情况报告</title></head><body><h1>某县2022年度法治政府建设情况报告</h1><p>一、主要举措和成效</p><p>（一）全年办理行政复议案件23件。</p><p>附件：1.清单</p></body></html>"
out = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 10\r\n\r\nsoftware=x\r\n\r\n"
out += record("response", "http://www.example.gov.cn/a.html", http(page.encode("gbk"), "text/html; charset=gbk"))
out += record("response", "http://www.example.gov.cn/b.png", http(b"\x89PNG", "image/png"))
out += record("response", "http://www.example.gov.cn/lies.html", http("<p>短</p>".encode(), "text/html"), lie=50)
out += record("response", "http://www.example.gov.cn/c.html", http(page.encode(), "text/html; charset=utf-8"))
open(os.path.join(seed, "synthetic.warc"), "wb").write(out)
pages = sorted(os.listdir(os.path.join(root, "Corpus/pages")))
real = open(os.path.join(root, "Corpus/pages", pages[0]), "rb").read()
warc = record("response", "http://www.example.gov.cn/real.html", http(real, "text/html"))
open(os.path.join(seed, "real.warc"), "wb").write(warc)
open(os.path.join(seed, "real.warc.gz"), "wb").write(gzip.compress(warc))
# Structural extremes: deep nesting, huge lines, thousands of outline markers, odd bytes.
head = '<html><head><meta charset="utf-8"><title>某县2022年度法治政府建设情况报告</title></head><body>'
def w(name, data): open(os.path.join(seed, name), "wb").write(data if isinstance(data, bytes) else data.encode())
w("x-deep-div.html", head + "<div>" * 8000 + "<p>一、主要举措</p>" + "</div>" * 8000)
w("x-deep-table.html", head + "<table><tr><td>" * 2000 + "（一）举措" + "</td></tr></table>" * 2000)
w("x-deep-inline.html", head + "<b><i><u>" * 3000 + "1.举措")
w("x-huge-line.html", head + "<p>" + "法" * 50000 + "</p>")
w("x-many-markers.html", head + "".join("<p>%s、标题</p><p>（%s）小节</p><p>1.条目</p>" % (c, c) for c in "一二三四五六七八九十" * 100))
w("x-many-markers.txt", "\n".join("%d.%d.%d 条目" % (i, i, i) for i in range(3000)))
w("x-cond-comments.html", head + "<![if !supportLists]>" * 2000 + "<![endif]>" * 2000 + "<!--" * 2000)
w("x-nul-invalid.html", head.encode() + "<p>一、".encode() + b"\x00\x00\xff\xfe\xc0\xaf\xed\xa0\x80" + "举措</p>".encode())
w("x-gb18030-4byte.html", b'<html><head><meta charset="gb18030"></head><body><p>' + b"\x81\x30\x81\x30\x84\x31\xa4\x39\xfe\x39\xfe\x39" * 2000 + b"</p>")
w("x-wide-table.html", head + "<table>" + ("<tr>" + "<td>x</td>" * 200 + "</tr>") * 50 + "</table>")
EOF

# --- fuzz, restarting after each crash until the time is used up.
FLAGS=(-timeout=10 -rss_limit_mb=2048 -max_len=200000 -dict="$HERE/html.dict"
       -artifact_prefix="$ARTIFACTS/" -print_final_stats=1)
if [[ $JOBS -gt 1 ]]; then FLAGS+=(-jobs="$JOBS" -workers="$JOBS"); fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:handle_abort=1}

start=$(date +%s)
stamp=$(date +%Y%m%d-%H%M%S)
round=0
total_execs=0
while :; do
    left=$(( SECONDS_TOTAL - ($(date +%s) - start) ))
    [[ $left -ge 5 ]] || break
    round=$((round + 1))
    log="$LOGS/$stamp-round-$round.log"
    before=$(ls "$ARTIFACTS" 2>/dev/null | sort)
    echo "== round $round: fuzzing for ${left}s (log: $log)"
    (cd "$LOGS" && nice -n "$NICE" "$BIN" "${FLAGS[@]}" -max_total_time="$left" "${EXTRA[@]}" "$CORPUS" "$SEED") >"$log" 2>&1
    rc=$?
    if [[ $JOBS -gt 1 ]]; then cat "$LOGS"/fuzz-*.log >>"$log" 2>/dev/null; rm -f "$LOGS"/fuzz-*.log; fi
    execs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$log" | awk '{s += $2} END {print s + 0}')
    if [[ $execs == 0 ]]; then execs=$(grep -oE "^#[0-9]+" "$log" | tail -1 | tr -d '#'); fi
    total_execs=$(( total_execs + ${execs:-0} ))
    last=$(grep -E "^#[0-9]+.*(cov|ft):" "$log" | tail -1)
    echo "   exit $rc, executions $execs; last stats: $last"
    new=$(comm -13 <(echo "$before") <(ls "$ARTIFACTS" | sort) | grep -v '^$')
    for a in $new; do
        echo "   ARTIFACT $ARTIFACTS/$a  (log $log)" | tee -a "$LOGS/artifacts.txt"
        grep -m1 -E "ERROR: (AddressSanitizer|libFuzzer)|Fatal error|deadly signal|SUMMARY" "$log" | sed 's/^/     /'
        grep -m5 -E "^ *#[0-9]+ .*Sources/FazhiKit/" "$log" | sed 's/^/     /'
    done
    # Done when libFuzzer ran to the time limit; a quick failure without an artifact means it
    # could not start (bad flag, unreadable corpus): stop rather than spin.
    [[ $rc == 0 ]] && break
    [[ -z $new && $(( $(date +%s) - start - (SECONDS_TOTAL - left) )) -lt 5 ]] && break
    [[ -n ${STOP_ON_CRASH:-} ]] && break
done

elapsed=$(( $(date +%s) - start ))
echo "== done: ${elapsed}s, $round round(s), $total_execs executions (~$(( total_execs / (elapsed > 0 ? elapsed : 1) )) exec/s)"
echo "== corpus: $(ls "$CORPUS" | wc -l) files in $CORPUS; artifacts in $ARTIFACTS:"
ls -la "$ARTIFACTS" | grep -E "crash-|timeout-|oom-|leak-|slow-unit-" || echo "   none"
