#!/usr/bin/env python3
"""Deterministic page set for the whole-process speed comparison (speed.py).

    python3 Benchmarks/compare/make_pages.py --count 5000 [--seed 20240601] [--out DIR]

Copy i is Corpus page i mod N (N = the pages in Corpus/pages), varied so that no two copies are
byte-identical while each keeps its template's charset, structure and size:

- the page is decoded with its own codec (UTF-8, or GB18030 for pages labelled gb2312/gbk/gb18030,
  a superset of both) and re-encoded with the same codec, so unchanged bytes stay identical;
- digits in text (not in tags, scripts, styles, comments or character references) are replaced with
  random digits: numbers of 3+ digits except years (19xx/20xx), and 1-2 digit numbers only when a
  CJK character other than 年月日时点号条款章节 follows (a count such as 12件), so heading numbers,
  dates and times stay plausible;
- up to 3 pairs of adjacent sibling body paragraphs (<p>…</p> with only whitespace between them, 40+
  characters of text, not headings, not right-aligned or centred, no table/div/list markup inside)
  swap places, so each paragraph stays in its section;
- the page's place name (the most frequent 2-character name before 市/县/区/镇 in the title) is
  replaced everywhere by a generated 2-character name made of GB2312 characters;
- the MHTML page is varied inside its quoted-printable HTML part and re-encoded.

Stdlib only. Writes DIR/NNNNN-<template>.<ext>, DIR/files.txt (one absolute path a line) and
DIR/manifest.json; a second run with the same count, seed and Corpus reuses the directory.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import quopri
import random
import re
import shutil
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PAGES = ROOT / "Corpus" / "pages"
DEFAULT_SEED = 20240601
VERSION = 1  # bump when the variation changes, so old page sets are rebuilt

# Common characters (all in GB2312) for made-up place names.
NAME_CHARS = ("青云河山川溪林石岭阳源泉湖江海平安宁和丰泰华兴昌盛东西南北中新清明远永长"
              "金玉龙凤鹤松柏桐梅桂兰竹花春秋高广德福康乐嘉庆元建")

MARKUP = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)",
                    re.S | re.I)
NUMBER = re.compile(r"&#?[0-9A-Za-z]+;|[0-9]+")
PARAGRAPH = re.compile(r"<p\b[^>]*>(?:(?!<p\b).)*?</p\s*>", re.S | re.I)
BLOCKY = re.compile(r"<\s*/?\s*(table|tr|td|th|div|tbody|ul|ol|li|h[1-6])\b", re.I)
HEADING = re.compile(r"^\s*(第.{1,4}[章节部分条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]"
                     r"|[0-9]+[.、．])")
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")
ALIGNED = re.compile(r"text-align\s*:\s*(right|center)|align\s*=\s*[\"']?(right|center)", re.I)
PLACE = re.compile(r"([\u4e00-\u9fff]{2})(?=[市县区镇])")


def codec_of(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"  # the Corpus's gb2312/gbk/gb18030 pages; gb18030 is a superset of both


def vary_digits(text: str, rng: random.Random) -> str:
    def number(m: re.Match, seg: str) -> str:
        s = m.group(0)
        if s.startswith("&"):
            return s  # character reference
        if len(s) == 4 and s[:2] in ("19", "20"):
            return s  # a year
        before = seg[m.start() - 1] if m.start() > 0 else ""
        after = seg[m.end()] if m.end() < len(seg) else ""
        if len(s) <= 2 and not ("\u4e00" <= after <= "\u9fff" and after not in "年月日时点号条款章节"
                                and before not in "-/:：·.第"):
            return s  # heading number, date or time part: only counts before a CJK unit change
        digits = [str(rng.randrange(10)) for _ in s]
        if len(s) > 1 and s[0] != "0" and digits[0] == "0":
            digits[0] = str(rng.randrange(1, 10))
        return "".join(digits)

    parts = MARKUP.split(text)
    for k in range(0, len(parts), 2):  # even indices are text between markup
        seg = parts[k]
        parts[k] = NUMBER.sub(lambda m, seg=seg: number(m, seg), seg)
    return "".join(parts)


def shuffle_paragraphs(text: str, rng: random.Random, swaps: int = 3) -> str:
    """Swap up to `swaps` pairs of adjacent sibling body paragraphs (only whitespace between them),
    so every paragraph stays in its section and the outline is unchanged."""
    spans = []
    for m in PARAGRAPH.finditer(text):
        block = m.group(0)
        if BLOCKY.search(block) or ALIGNED.search(block):
            continue
        plain = re.sub(r"\s+", "", ENTITY.sub("", TAG.sub("", block)))
        if len(plain) < 40 or HEADING.match(plain):
            continue
        spans.append((m.start(), m.end()))
    pairs = [j for j in range(len(spans) - 1) if not text[spans[j][1]:spans[j + 1][0]].strip()]
    rng.shuffle(pairs)
    chosen, used = [], set()
    for j in pairs:
        if len(chosen) == swaps:
            break
        if j in used or j + 1 in used:
            continue
        chosen.append(j)
        used.update((j, j + 1))
    if not chosen:
        return text
    out, pos = [], 0
    for j in sorted(chosen):
        (a1, b1), (a2, b2) = spans[j], spans[j + 1]
        out += [text[pos:a1], text[a2:b2], text[b1:a2], text[a1:b1]]
        pos = b2
    out.append(text[pos:])
    return "".join(out)


def place_name(text: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title", text, re.S | re.I)
    candidates = PLACE.findall(m.group(1)) if m else []
    candidates = [c for c in candidates if c not in ("人民", "政府", "全市", "全县", "全区", "本市", "本县")]
    if not candidates:
        return None
    counts = Counter({c: text.count(c) for c in candidates})
    return counts.most_common(1)[0][0]


def vary_html(text: str, rng: random.Random) -> str:
    name = place_name(text)
    text = vary_digits(text, rng)
    text = shuffle_paragraphs(text, rng)
    if name:
        new = "".join(rng.choice(NAME_CHARS) for _ in range(2))
        text = text.replace(name, new)
    return text


def vary_page(raw: bytes, suffix: str, rng: random.Random) -> bytes:
    if suffix == ".mhtml":
        return vary_mhtml(raw, rng)
    codec = codec_of(raw)
    text = raw.decode(codec, errors="surrogateescape")
    return vary_html(text, rng).encode(codec, errors="surrogateescape")


def vary_mhtml(raw: bytes, rng: random.Random) -> bytes:
    """Vary the first quoted-printable text/html part; headers and other parts stay as they are."""
    m = re.search(rb'boundary="([^"]+)"', raw)
    if not m:
        return raw
    sep = b"--" + m.group(1)
    crlf = b"\r\n" in raw[:2000]
    blank = b"\r\n\r\n" if crlf else b"\n\n"
    parts = raw.split(sep)
    for k, part in enumerate(parts):
        i = part.find(blank)
        if i < 0:
            continue
        head, body = part[:i], part[i + len(blank):]
        if b"text/html" in head.lower() and b"quoted-printable" in head.lower():
            html = quopri.decodestring(body.replace(b"\r\n", b"\n"))
            codec = codec_of(html)
            text = vary_html(html.decode(codec, errors="surrogateescape"), rng)
            new_body = quopri.encodestring(text.encode(codec, errors="surrogateescape"))
            if not new_body.endswith(b"\n"):
                new_body += b"\n"
            if crlf:
                new_body = new_body.replace(b"\n", b"\r\n")
            parts[k] = head + blank + new_body
            break
    return sep.join(parts)


def corpus_digest(templates: list[Path]) -> str:
    h = hashlib.sha256()
    for p in templates:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def make_pages(count: int, seed: int = DEFAULT_SEED, out: Path | None = None, quiet: bool = False) -> Path:
    """Build (or reuse) the page set; returns its directory, which holds files.txt."""
    templates = sorted(p for p in PAGES.iterdir() if p.is_file() and not p.name.startswith("."))
    out = out or Path(f"/tmp/fazhi-speed-pages-{count}-s{seed}")
    manifest = {"count": count, "seed": seed, "version": VERSION, "corpus": corpus_digest(templates)}
    mpath = out / "manifest.json"
    if mpath.exists() and (out / "files.txt").exists():
        try:
            old = json.loads(mpath.read_text())
            if all(old.get(k) == v for k, v in manifest.items()):
                return out
        except ValueError:
            pass
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    raws = [(p, p.read_bytes()) for p in templates]
    paths, sizes = [], []
    for i in range(count):
        tpl, raw = raws[i % len(raws)]
        rng = random.Random(f"{seed}/{i}")
        data = vary_page(raw, tpl.suffix.lower(), rng)
        dest = out / f"{i:05d}-{tpl.name}"
        dest.write_bytes(data)
        paths.append(str(dest))
        sizes.append(len(data))
    (out / "files.txt").write_text("\n".join(paths) + "\n")
    sizes.sort()
    manifest.update({
        "templates": len(templates),
        "bytes": sum(sizes),
        "size_min": sizes[0], "size_median": sizes[len(sizes) // 2], "size_max": sizes[-1],
        "size_p10": sizes[len(sizes) // 10], "size_p90": sizes[len(sizes) * 9 // 10],
    })
    mpath.write_text(json.dumps(manifest, indent=1) + "\n")
    if not quiet:
        print(f"wrote {count} pages ({sum(sizes) / 1e6:.1f} MB) to {out}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    d = make_pages(a.count, a.seed, a.out)
    print(d / "files.txt")


if __name__ == "__main__":
    main()
