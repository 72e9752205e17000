"""Reader comments kept out of the body: how much comment text ends up in it, HTML and flattened.

Gold: Dragnet 2013 training pages whose gold text has a comment part (text after the marker line
`!@#$%^&*()  COMMENTS`), and L3S-GN1 pages with blocks labelled comments (`x-nc-sel5`); see their
PROVENANCE.md. Each comment line of at least `_MIN_WORDS` words that is not also article text is a
probe; a probe *leaks* when its words appear, in order, in the extracted body, and is *separated*
when they appear in the extractor's comments.

Rows: wirewatch `clean_html` and trafilatura (`extract` without comments for the body, its comment
capture for the separation) on the HTML; `clean_flat` on the same pages flattened to text
(`benchmarks.flatten`), beside keeping every line. `body_f1` is the word F1 of the body against the
article gold on the same pages, so that a system cannot win by dropping everything.

Usage: python -m benchmarks.comments [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from benchmarks._shared import missing_message, shared_path
from benchmarks.extraction import word_f1
from benchmarks.flatten import flatten, tokens
from wirewatch.clean.flat import clean_flat
from wirewatch.clean.html import clean_html
from wirewatch.ingest.decode import decode

DRAGNET = ("data", "extraction", "dragnet-2013")
L3S = ("data", "extraction", "l3s-gn1")
_MARKER = "!@#$%^&*()  COMMENTS"
_MIN_WORDS = 6


@dataclass(frozen=True, slots=True)
class CommentPage:
    id: str
    raw: bytes
    article: str
    comments: tuple[str, ...]  # probe lines


def _probes(comment_text: str, article: str) -> tuple[str, ...]:
    art = " " + " ".join(tokens(article)) + " "
    out: dict[str, None] = {}
    for line in comment_text.split("\n"):
        toks = tokens(line)
        if len(toks) >= _MIN_WORDS and f" {' '.join(toks)} " not in art:
            out[line.strip()] = None
    return tuple(out)


def dragnet_pages(limit: int | None = None) -> list[CommentPage]:
    root = shared_path(*DRAGNET)
    if root is None:
        return []
    pages = []
    for stem in (root / "split_training.txt").read_text(encoding="utf-8").split():
        gold_path, html_path = root / "gold" / f"{stem}.txt.gz", root / "input" / f"{stem}.html.gz"
        if not gold_path.exists() or not html_path.exists():
            continue
        gold = gzip.decompress(gold_path.read_bytes()).decode("utf-8", "replace")
        if _MARKER not in gold:
            continue
        article, comments = gold.split(_MARKER, 1)
        probes = _probes(comments, article)
        if probes:
            pages.append(CommentPage(f"dragnet/{stem}", gzip.decompress(html_path.read_bytes()), article, probes))
        if limit and len(pages) >= limit:
            break
    return pages


def _labelled_text(tree: lxml_html.HtmlElement, *classes: str) -> str:
    """Text of the outermost spans labelled with one of `classes` (labels nest in this set)."""
    cond = " or ".join(f"contains(@class, '{c}')" for c in classes)
    spans = tree.xpath(f"//span[{cond}][not(ancestor::span[{cond}])]")
    return "\n".join(el.text_content() for el in spans)


def l3s_pages(limit: int | None = None) -> list[CommentPage]:
    root = shared_path(*L3S)
    if root is None:
        return []
    pages = []
    for ann in sorted((root / "annotated").glob("*.annotated.html.gz")):
        raw_ann = gzip.decompress(ann.read_bytes())
        if b'class="x-nc-sel5' not in raw_ann:
            continue
        stem = ann.name.removesuffix(".annotated.html.gz")
        html_path = root / "input" / f"{stem}.html.gz"
        if not html_path.exists():
            continue
        tree = lxml_html.fromstring(raw_ann)
        article = _labelled_text(tree, "x-nc-sel1", "x-nc-sel2")
        probes = _probes(_labelled_text(tree, "x-nc-sel5"), article)
        if probes:
            pages.append(CommentPage(f"l3s/{stem[:8]}", gzip.decompress(html_path.read_bytes()), article, probes))
        if limit and len(pages) >= limit:
            break
    return pages


# --- systems: raw page -> (body, comments text) ------------------------------------------------


def _wirewatch_html(raw: bytes) -> tuple[str, str]:
    parts = clean_html(decode(raw, "page").text)
    return "\n".join(parts.paragraphs), "\n".join(c.text for c in parts.comments)


def _trafilatura(raw: bytes) -> tuple[str, str]:
    body = trafilatura.extract(raw, include_comments=False) or ""
    doc = trafilatura.bare_extraction(raw, include_comments=True)
    return body, (doc.comments or "") if doc is not None else ""


def _wirewatch_flat(raw: bytes) -> tuple[str, str]:
    parts = clean_flat(flatten(decode(raw, "page").text))
    return "\n".join(parts.paragraphs), "\n".join(c.text for c in parts.comments)


def _keep_all(raw: bytes) -> tuple[str, str]:
    return flatten(decode(raw, "page").text), ""


SYSTEMS: dict[str, Callable[[bytes], tuple[str, str]]] = {
    "html:wirewatch": _wirewatch_html,
    "html:trafilatura": _trafilatura,
    "flat:wirewatch": _wirewatch_flat,
    "flat:keep_all": _keep_all,
}


def _inside(probe: str, stream: str) -> bool:
    return f" {' '.join(tokens(probe))} " in stream


def score(pages: list[CommentPage], systems: Sequence[str] = tuple(SYSTEMS)) -> dict:
    result: dict = {"pages": len(pages), "probes": sum(len(p.comments) for p in pages)}
    for name in systems:
        system = SYSTEMS[name]
        c: Counter = Counter()
        for page in pages:
            try:
                body, comments = system(page.raw)
            except Exception:  # a crash scores as empty output
                body, comments = "", ""
            body_stream = " " + " ".join(tokens(body)) + " "
            comment_stream = " " + " ".join(tokens(comments)) + " "
            for probe in page.comments:
                c["leaked"] += _inside(probe, body_stream)
                c["separated"] += _inside(probe, comment_stream)
                c["probes"] += 1
            c["pages_leaking"] += any(_inside(p, body_stream) for p in page.comments)
            c["f1"] += word_f1(body, page.article)
        result[name] = {
            "leaked": round(c["leaked"] / max(c["probes"], 1), 4),
            "pages_leaking": round(c["pages_leaking"] / max(len(pages), 1), 4),
            "separated": round(c["separated"] / max(c["probes"], 1), 4),
            "body_f1": round(c["f1"] / max(len(pages), 1), 4),
        }
    return result


def measure(limit: int | None = None, systems: Sequence[str] = tuple(SYSTEMS)) -> dict:
    out = {}
    for name, loader, parts in (("dragnet_train", dragnet_pages, DRAGNET), ("l3s_gn1", l3s_pages, L3S)):
        pages = loader(limit)
        out[name] = score(pages, systems) if pages else {"skipped": missing_message(*parts)}
    return out


def _table(result: dict) -> str:
    rows = ["| set | system | comment lines leaked into body | pages leaking | comment lines separated | body F1 |",
            "|---|---|---|---|---|---|"]
    for set_name, r in result.items():
        if "skipped" in r:
            rows.append(f"| {set_name} | {r['skipped']} | | | | |")
            continue
        for name, v in r.items():
            if isinstance(v, dict):
                rows.append(f"| {set_name} ({r['pages']} pages, {r['probes']} lines) | {name} | {v['leaked']:.4f} | "
                            f"{v['pages_leaking']:.4f} | {v['separated']:.4f} | {v['body_f1']:.4f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages with comments of each set")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = measure(args.limit)
    print(_table(result))
    if args.json:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
