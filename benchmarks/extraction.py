"""Main-text extraction: wirewatch beside trafilatura in one run, and the flattened-text cleaner.

Three annotated sets (see `../shared/data/extraction/*/PROVENANCE.md`):

- WCXB dev, article pages: word-level F1 against the gold main text, averaged per page, as the
  WCXB README defines it (lower-cased `\\w+` tokens, multiset overlap);
- trafilatura-eval, English pages (`english_urls_heuristic.txt`): snippet F1 as trafilatura's own
  evaluation counts it (a `with` snippet found is a true positive, a `without` snippet found a false
  positive, counts summed over the corpus). Its snippets count the headline as article text, so
  wirewatch is scored there on its `title` above its body; WCXB's gold leaves the headline out, so
  there the body alone is scored;
- CleanEval dev (58 general English web pages of 2006-07: blogs, forums, institutional and news
  pages): word F1 as on WCXB. Its gold is the page's whole text content, reader comments and forum
  replies included, which wirewatch keeps apart from the article: `wirewatch+comments` scores the
  two together, beside `trafilatura+comments` (`extract` keeping comments).

For each, `wirewatch` (`clean_html`: text, dated comments, metadata) and `trafilatura` (`extract`,
comments excluded, as in its own evaluation: text only) are timed on the same pages in the same
process, taking turns page by page (in reverse order on every other page, trafilatura's per-page
caches cleared before each), after one untimed page each (`_warm_up`); `trafilatura+comments+metadata` is trafilatura asked for what
`clean_html` returns (`bare_extraction` with comments and metadata), the like-for-like speed;
`x trafilatura` is a system's pages/s as a multiple of trafilatura's. The flattened-text figures score
`clean_flat` on the same pages flattened to text (`benchmarks.flatten`) against the same gold, beside
the do-nothing baseline that keeps every line, the line oracle (the gold's own article lines: the
ceiling of any cleaner that keeps or drops whole lines) and the word oracle (the gold's words that the
flattened page holds: the ceiling of any cleaner at all); `nonbody_kept` is the share of the page's
non-article lines (menus, widgets, bylines, comments) left in the body.

Usage: python -m benchmarks.extraction [--limit N] [--flat-only | --flat-news | --metadata]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import trafilatura
from justext.core import define_stoplist
from lxml import html as lxml_html
from trafilatura import external as trafilatura_external
from trafilatura.utils import line_processing, trim

from benchmarks._shared import missing_message, shared_path
from benchmarks.flatten import flatten, line_kinds
from wirewatch.clean.flat import clean_flat
from wirewatch.clean.html import clean_html
from wirewatch.clean.metadata import published_of
from wirewatch.ingest.decode import decode
from wirewatch.model import Source

WCXB = ("data", "extraction", "wcxb", "dev")
TRAF_EVAL = ("data", "extraction", "trafilatura-eval")
CLEANEVAL = ("data", "extraction", "cleaneval", "dev")


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    raw: bytes
    gold: str | None = None  # full main text, where the set has it
    must: tuple[str, ...] = ()  # snippets that must appear
    must_not: tuple[str, ...] = ()  # snippets that must not


def wcxb_pages(limit: int | None = None) -> list[Page]:
    root = shared_path(*WCXB)
    if root is None:
        return []
    pages = []
    for gt_file in sorted((root / "ground-truth").glob("*.json"))[:limit]:
        gt = json.loads(gt_file.read_text(encoding="utf-8"))
        truth = gt["ground_truth"]
        raw = gzip.decompress((root / "html" / f"{gt_file.stem}.html.gz").read_bytes())
        pages.append(Page(
            gt_file.stem, gt.get("url"), raw, truth.get("main_content") or "",
            tuple(truth.get("with") or ()), tuple(truth.get("without") or ()),
        ))
    return pages


def traf_eval_pages(limit: int | None = None) -> list[Page]:
    """The English pages of trafilatura's evaluation set, in URL order."""
    root = shared_path(*TRAF_EVAL)
    if root is None:
        return []
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    english = (root / "english_urls_heuristic.txt").read_text(encoding="utf-8").split()
    pages = []
    for url in sorted(u for u in english if u in data)[:limit]:
        item = data[url]
        path = root / "html" / f"{item['file']}.gz"
        if not path.exists():
            continue
        pages.append(Page(
            item["file"], url, gzip.decompress(path.read_bytes()), None,
            tuple(item.get("with") or ()), tuple(item.get("without") or ()),
        ))
    return pages


# The wrapper CleanEval puts around each page (`<text id="URL" title=... encoding=...>` ... `</text>`),
# and the marks its gold puts at the start of paragraphs, headings and list items, with its URL line.
_CLEANEVAL_WRAPPER = re.compile(rb'^\s*<text id="([^"]*)"[^>]*>|</text>\s*$')
_CLEANEVAL_MARKS = re.compile(r"^URL:.*$|<[phl]>", re.M)


def cleaneval_pages(limit: int | None = None) -> list[Page]:
    """CleanEval dev, in page-number order: general English web pages of 2006-07 (blogs, forums,
    news, institutional pages), not news alone. Its gold is the page's text content, reader comments
    and forum replies included."""
    root = shared_path(*CLEANEVAL)
    if root is None:
        return []
    pages = []
    for gold_path in sorted((root / "gold").glob("*.txt.gz"), key=lambda p: int(p.name.split(".")[0]))[:limit]:
        stem = gold_path.name.split(".")[0]
        raw = gzip.decompress((root / "input" / f"{stem}.html.gz").read_bytes())
        url = _CLEANEVAL_WRAPPER.search(raw)
        gold = _CLEANEVAL_MARKS.sub(" ", gzip.decompress(gold_path.read_bytes()).decode("utf-8", "replace"))
        pages.append(Page(stem, url.group(1).decode("utf-8", "replace") if url and url.group(1) else None,
                          _CLEANEVAL_WRAPPER.sub(b"", raw), gold))
    return pages


# --- scores -----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_WS = re.compile(r"\s+")


def news_pages(limit: int | None = None) -> dict[str, list[Page]]:
    """News pages with their article gold, for the flattened-text cleaner on news (the seeds'
    situation): L3S-GN1 (Google News pages; gold: the blocks labelled as the article's text) and
    Dragnet 2013 (gold: the text before its comments marker), pages whose gold holds at least
    `_NEWS_MIN_WORDS` words. Empty lists where the sets are absent."""
    from benchmarks.comments import _MARKER, DRAGNET, L3S, _labelled_text

    out: dict[str, list[Page]] = {"l3s_gn1": [], "dragnet": []}
    if (root := shared_path(*L3S)) is not None:
        for ann in sorted((root / "annotated").glob("*.annotated.html.gz"))[:limit]:
            stem = ann.name.removesuffix(".annotated.html.gz")
            html_path = root / "input" / f"{stem}.html.gz"
            gold = _labelled_text(lxml_html.fromstring(gzip.decompress(ann.read_bytes())), "x-nc-sel2")
            if html_path.exists() and len(gold.split()) >= _NEWS_MIN_WORDS:
                out["l3s_gn1"].append(Page(stem, None, gzip.decompress(html_path.read_bytes()), gold))
    if (root := shared_path(*DRAGNET)) is not None:
        for html_path in sorted((root / "input").glob("*.html.gz"))[:limit]:
            stem = html_path.name.removesuffix(".html.gz")
            gold_path = root / "gold" / f"{stem}.txt.gz"
            if not gold_path.exists():
                continue
            gold = gzip.decompress(gold_path.read_bytes()).decode("utf-8", "replace").split(_MARKER)[0]
            if len(gold.split()) >= _NEWS_MIN_WORDS:
                out["dragnet"].append(Page(stem, None, gzip.decompress(html_path.read_bytes()), gold))
    return out


# News pages whose gold article is shorter than this are index and gallery pages: left out.
_NEWS_MIN_WORDS = 50


def word_f1(predicted: str, reference: str) -> float:
    """WCXB's word-level F1: lower-cased `\\w+` tokens, multiset overlap."""
    pred = Counter(_WORD.findall(predicted.lower()))
    ref = Counter(_WORD.findall(reference.lower()))
    if not ref:
        return 1.0 if not pred else 0.0
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def snippet_counts(text: str, page: Page) -> Counter:
    """trafilatura's evaluation counts: tp/fn for `with` snippets, fp/tn for `without` ones."""
    flat = _WS.sub(" ", text)
    c: Counter = Counter()
    for s in page.must:
        c["tp" if _WS.sub(" ", s) in flat else "fn"] += 1
    for s in page.must_not:
        c["fp" if _WS.sub(" ", s) in flat else "tn"] += 1
    return c


def snippet_f1(c: Counter) -> float:
    return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0


# --- extractors: bytes (and the page's address) -> main text -----------------------------------


def run_wirewatch(raw: bytes, url: str | None) -> str:
    text = decode(raw, "page").text
    return "\n\n".join(clean_html(text, url=url).paragraphs)


def run_wirewatch_titled(raw: bytes, url: str | None) -> str:
    """The headline (wirewatch's `title`) above the body: trafilatura-eval counts the headline as
    article text (some of its `with` snippets are headlines), while WCXB's gold leaves it out (its
    main text starts with the headline on 1 of the first 300 dev pages), so each set is scored on
    the part of wirewatch's output that its gold covers."""
    parts = clean_html(decode(raw, "page").text, url=url)
    return "\n\n".join(((parts.title.value,) if parts.title.value else ()) + parts.paragraphs)


def run_wirewatch_with_comments(raw: bytes, url: str | None) -> str:
    """The body and, after it, the reader comments wirewatch keeps apart: all of the page's text
    content, which CleanEval's gold is."""
    parts = clean_html(decode(raw, "page").text, url=url)
    return "\n\n".join(parts.paragraphs + tuple(c.text for c in parts.comments))


def run_trafilatura_with_comments(raw: bytes, url: str | None) -> str:
    return trafilatura.extract(raw, url=url, include_comments=True) or ""


def run_trafilatura(raw: bytes, url: str | None) -> str:
    return trafilatura.extract(raw, url=url, include_comments=False) or ""


def run_trafilatura_full(raw: bytes, url: str | None) -> str:
    """trafilatura asked for what `clean_html` returns: text, comments kept apart, metadata."""
    doc = trafilatura.bare_extraction(raw, url=url, include_comments=True, with_metadata=True)
    return (doc.text or "") if doc is not None else ""


EXTRACTORS: dict[str, Callable[[bytes, str | None], str]] = {
    "wirewatch": run_wirewatch,
    "trafilatura": run_trafilatura,
    "trafilatura+comments+metadata": run_trafilatura_full,
}


def flat_text(raw: bytes) -> str:
    return flatten(decode(raw, "page").text)


def _flat_body(flat: str, url: str | None, *, with_title: bool = False) -> str:
    parts = clean_flat(flat, url=url)
    title = (parts.title.value,) if with_title and parts.title.value else ()
    return "\n\n".join(title + parts.paragraphs)


def _nonbody_kept(flat: str, body: str, gold: str) -> tuple[int, int, int, int]:
    """(non-article lines kept, non-article lines, article lines kept, article lines)."""
    kept = {ln.strip() for ln in body.split("\n") if ln.strip()}
    nb_kept = nb = b_kept = b = 0
    for line, is_body in line_kinds(flat, gold):
        inside = line.strip() in kept
        if is_body:
            b, b_kept = b + 1, b_kept + inside
        else:
            nb, nb_kept = nb + 1, nb_kept + inside
    return nb_kept, nb, b_kept, b


# --- the run ----------------------------------------------------------------------------------


# trafilatura's caches keyed by a page's own strings (its lines, trimmed): wirewatch runs trafilatura
# too, so whichever extractor came second on a page found them warm. Measured on the 951 pages with
# the caches left warm, each extractor was 1.5-4% faster in second place than in first; cleared
# before every timed call, each starts cold on each page, as in a pipeline that sees a page once.
_PAGE_CACHES = (line_processing, trim)


def _timed(fn: Callable[[bytes, str | None], str], page: Page) -> tuple[str, float]:
    for cache in _PAGE_CACHES:
        cache.cache_clear()
    # CPU time of this process, not wall time: the figures stay comparable on a shared, busy machine.
    t = time.process_time()
    try:
        out = fn(page.raw, page.url)
    except Exception as e:  # a crashing extractor scores an empty output, as in both evaluations
        print(f"  {fn.__name__} failed on {page.id}: {e!r}", file=sys.stderr)
        out = ""
    return out, time.process_time() - t


def _warm_up(runs: dict[str, Callable[[bytes, str | None], str]], page: Page) -> None:
    """What each system loads once per process, loaded before any timing: wirewatch's models (on a
    first page) and justext's stop words for every language, which trafilatura's and wirewatch's
    fallbacks read from a merged list that the first page to need it builds (0.4 s: on CleanEval's
    58 pages a fifth of a system's time, charged to whichever came first)."""
    define_stoplist(trafilatura_external.JT_STOPLIST or trafilatura_external.jt_stoplist_init())
    for fn in runs.values():
        fn(page.raw, page.url)


def _extractors(rivals: bool) -> dict[str, Callable[[bytes, str | None], str]]:
    return dict(EXTRACTORS) if rivals else {"wirewatch": run_wirewatch}


def _in_turn(runs: dict[str, Callable], page_number: int) -> list[tuple[str, Callable]]:
    """The extractors in the order they run on a page, reversed on every other page: what running
    first or second does to a timing (caches, memory) falls on each alike."""
    order = list(runs.items())
    return order[::-1] if page_number % 2 else order


def _speed_ratios(result: dict) -> None:
    """Each system's pages/s as a multiple of trafilatura's (`extract`), measured in the same run."""
    base = (result.get("trafilatura") or {}).get("pages_per_s")
    for entry in result.values():
        if base and isinstance(entry, dict) and "pages_per_s" in entry:
            entry["x_trafilatura"] = round(entry["pages_per_s"] / base, 3)


def measure_wcxb(limit: int | None = None, *, flat: bool = True, rivals: bool = True) -> dict:
    pages = wcxb_pages(limit)
    if not pages:
        return {"skipped": missing_message(*WCXB)}
    result = _word_f1_of(pages, _extractors(rivals))
    if flat:
        result["flat"] = _measure_flat(pages)
    return result


def measure_cleaneval(limit: int | None = None, *, flat: bool = True, rivals: bool = True) -> dict:
    """Word F1 on CleanEval dev, as on WCXB. Its gold holds reader comments and forum replies, which
    wirewatch keeps apart from the body: `wirewatch+comments` scores both together, beside
    trafilatura asked to keep its comments too."""
    pages = cleaneval_pages(limit)
    if not pages:
        return {"skipped": missing_message(*CLEANEVAL)}
    extractors = _extractors(rivals) | {"wirewatch+comments": run_wirewatch_with_comments}
    if rivals:
        extractors["trafilatura+comments"] = run_trafilatura_with_comments
    result = _word_f1_of(pages, extractors)
    if flat:
        result["flat"] = _measure_flat(pages)
    return result


def _word_f1_of(pages: list[Page], extractors: dict[str, Callable[[bytes, str | None], str]]) -> dict:
    """Each extractor's mean word F1 over the pages and its pages/s."""
    result: dict = {"pages": len(pages)}
    f1 = dict.fromkeys(extractors, 0.0)
    seconds = dict.fromkeys(extractors, 0.0)
    # Extractors take turns on each page, so a busy machine slows them alike.
    _warm_up(extractors, pages[0])
    for i, page in enumerate(pages):
        for name, fn in _in_turn(extractors, i):
            out, dt = _timed(fn, page)
            f1[name] += word_f1(out, page.gold or "")
            seconds[name] += dt
    for name in extractors:
        result[name] = {"f1": round(f1[name] / len(pages), 4), "pages_per_s": round(len(pages) / seconds[name], 1)}
    _speed_ratios(result)
    return result


def _measure_flat(pages: list[Page]) -> dict:
    sums = {"wirewatch": Counter(), "keep_all": Counter(), "line_oracle": Counter()}
    word_oracle = 0.0
    for page in pages:
        flat = flat_text(page.raw)
        word_oracle += _word_oracle_f1(flat, page.gold or "")
        # The ceiling of any cleaner that keeps or drops whole lines: exactly the lines the gold counts
        # as article (some flattened pages do not hold the article at all: it is loaded by script).
        oracle = "\n".join(line for line, is_body in line_kinds(flat, page.gold or "") if is_body)
        outs = {"wirewatch": _flat_body(flat, page.url), "keep_all": flat, "line_oracle": oracle}
        for name, body in outs.items():
            nb_kept, nb, b_kept, b = _nonbody_kept(flat, body, page.gold or "")
            s = sums[name]
            s["f1"] += word_f1(body, page.gold or "")
            s["nb_kept"] += nb_kept
            s["nb"] += nb
            s["b_kept"] += b_kept
            s["b"] += b
    result = {
        name: {
            "f1": round(s["f1"] / len(pages), 4),
            "nonbody_kept": round(s["nb_kept"] / max(s["nb"], 1), 4),
            "body_lines_kept": round(s["b_kept"] / max(s["b"], 1), 4),
        }
        for name, s in sums.items()
    }
    result["word_oracle"] = {"f1": round(word_oracle / len(pages), 4)}
    return result


def _word_oracle_f1(flat: str, gold: str) -> float:
    """The ceiling of any cleaner of the flattened text, even one that cuts inside lines: it keeps
    exactly the gold's words that the page holds (precision 1), so only words the flattened page
    lacks cost it."""
    ref = Counter(_WORD.findall(gold.lower()))
    if not ref:
        return 1.0
    found = sum((Counter(_WORD.findall(flat.lower())) & ref).values())
    recall = found / sum(ref.values())
    return 2 * recall / (1 + recall) if found else 0.0


def measure_traf_eval(limit: int | None = None, *, flat: bool = True, rivals: bool = True) -> dict:
    pages = traf_eval_pages(limit)
    if not pages:
        return {"skipped": missing_message(*TRAF_EVAL)}
    result: dict = {"pages": len(pages)}
    runs = {**_extractors(rivals), "wirewatch": run_wirewatch_titled}
    if flat:
        runs["flat:wirewatch"] = lambda raw, url: _flat_body(flat_text(raw), url, with_title=True)
        runs["flat:keep_all"] = lambda raw, url: flat_text(raw)
    counts = {name: Counter() for name in runs}
    seconds = dict.fromkeys(runs, 0.0)
    _warm_up(runs, pages[0])
    for i, page in enumerate(pages):
        for name, fn in _in_turn(runs, i):
            out, dt = _timed(fn, page)
            counts[name] += snippet_counts(out, page)
            seconds[name] += dt
    for name, c in counts.items():
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        entry = {"f1": round(snippet_f1(c), 4), "precision": round(p, 4), "recall": round(r, 4)}
        if not name.startswith("flat:"):
            entry["pages_per_s"] = round(len(pages) / seconds[name], 1)
        result[name] = entry
    _speed_ratios(result)
    return result


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _words_of(a or "") == _words_of(b or "")


def measure_metadata(limit: int | None = None) -> dict:
    """Title, author and publication date against WCXB's gold, for wirewatch and trafilatura, and for
    wirewatch on the page flattened to text."""
    root = shared_path(*WCXB)
    if root is None:
        return {"skipped": missing_message(*WCXB)}
    hits = {"wirewatch": Counter(), "trafilatura": Counter(), "flat:wirewatch": Counter()}
    counts: Counter = Counter()
    for gt_file in sorted((root / "ground-truth").glob("*.json"))[:limit]:
        gt = json.loads(gt_file.read_text(encoding="utf-8"))
        truth = gt["ground_truth"]
        raw = gzip.decompress((root / "html" / f"{gt_file.stem}.html.gz").read_bytes())
        parts = clean_html(decode(raw, "page").text, url=gt.get("url"))
        # the date wirewatch outputs: the page's candidates weighed as the clean stage weighs them
        published, _ = published_of(Source(id=gt_file.stem, name=gt_file.name, raw=raw, kind="html", url=gt.get("url")), parts)
        doc = trafilatura.bare_extraction(raw, url=gt.get("url"), with_metadata=True)
        # the same page flattened to text (the seeds' situation): no meta tags, only what it shows
        flat = clean_flat(flat_text(raw), url=gt.get("url"))
        flat_published, _ = published_of(Source(id=gt_file.stem, name=gt_file.name, raw=raw, kind="text", url=gt.get("url")), flat)
        found = {
            "wirewatch": (parts.title.value, parts.author.value, published.value),
            "flat:wirewatch": (flat.title.value, flat.author.value, flat_published.value),
            "trafilatura": (doc.title, doc.author, doc.date) if doc is not None else (None, None, None),
        }
        for k, field in enumerate(("title", "author", "publish_date")):
            if not truth.get(field):
                continue
            counts[field] += 1
            for name, values in found.items():
                value = values[k]
                ok = (value or "")[:10] == truth[field][:10] if field == "publish_date" else _same(value, truth[field])
                hits[name][field] += ok
    return {name: {f: round(h[f] / max(counts[f], 1), 4) for f in counts} for name, h in hits.items()} | {
        "pages_with": dict(counts)}


def measure_news_headlines(limit: int | None = None) -> dict:
    """The headline wirewatch finds on L3S-GN1's news pages, without their address: `clean_html` on the
    HTML, and `clean_flat` on the pages flattened to text (the seeds' situation), against the blocks
    labelled headline (`x-nc-sel1`). Those may hold a kicker or a deck beside the headline: the title
    counts as found when it is one of them. Most of these pages (2008) have no og:title."""
    from benchmarks.comments import L3S, _labelled_text

    root = shared_path(*L3S)
    if root is None:
        return {"skipped": missing_message(*L3S)}
    found: Counter = Counter()
    pages = 0
    for ann in sorted((root / "annotated").glob("*.annotated.html.gz"))[:limit]:
        stem = ann.name.removesuffix(".annotated.html.gz")
        tree = lxml_html.fromstring(gzip.decompress(ann.read_bytes()))
        headline = _labelled_text(tree, "x-nc-sel1").strip()
        if not headline or len(_labelled_text(tree, "x-nc-sel2").split()) < _NEWS_MIN_WORDS:
            continue
        raw = gzip.decompress((root / "input" / f"{stem}.html.gz").read_bytes())
        blocks = {_words_of(b) for b in [headline, *headline.split("\n")] if b.strip()}
        pages += 1
        for name, title in (("title", clean_flat(flat_text(raw)).title.value),
                            ("title_html", clean_html(decode(raw, "page").text).title.value)):
            found[name] += bool(title) and _words_of(title or "") in blocks
    return {"pages": pages, **{name: round(n / max(pages, 1), 4) for name, n in sorted(found.items())}}


def _words_of(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def measure(limit: int | None = None, *, flat: bool = True, rivals: bool = True) -> dict:
    """Every figure of this benchmark on the first `limit` pages of each set (all when None);
    `rivals=False` runs wirewatch alone (the quality gate)."""
    return {
        "wcxb_dev": measure_wcxb(limit, flat=flat, rivals=rivals),
        "trafilatura_eval_en": measure_traf_eval(limit, flat=flat, rivals=rivals),
        "cleaneval_dev": measure_cleaneval(limit, flat=flat, rivals=rivals),
    }


def _table(result: dict) -> str:
    rows = ["| set | system | F1 | P | R | pages/s | x trafilatura | non-body lines kept | body lines kept |",
            "|---|---|---|---|---|---|---|---|---|"]
    for set_name, r in result.items():
        if "skipped" in r:
            rows.append(f"| {set_name} | {r['skipped']} | | | | | | | |")
            continue
        entries = {k: v for k, v in r.items() if isinstance(v, dict) and k != "flat"}
        entries.update({f"flat:{k}": v for k, v in (r.get("flat") or {}).items()})
        for name, v in entries.items():
            rows.append(
                f"| {set_name} ({r['pages']}) | {name} | {v['f1']:.4f} | {v.get('precision', '')} | "
                f"{v.get('recall', '')} | {v.get('pages_per_s', '')} | {v.get('x_trafilatura', '')} | {v.get('nonbody_kept', '')} | "
                f"{v.get('body_lines_kept', '')} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    ap.add_argument("--no-flat", action="store_true", help="skip the flattened-text figures")
    ap.add_argument("--json", action="store_true", help="print the result as JSON too")
    ap.add_argument("--metadata", action="store_true",
                    help="title/author/date accuracy on WCXB, headlines of flattened L3S-GN1 pages, instead")
    ap.add_argument("--flat-only", action="store_true", help="only the flattened-text figures on WCXB dev")
    ap.add_argument("--held-out", action="store_true", help="with --flat-only: only the pages the line model never saw")
    ap.add_argument("--flat-news", action="store_true", help="only the flattened-text figures on L3S-GN1 and Dragnet")
    args = ap.parse_args(argv)
    if args.flat_news:
        sets = news_pages(args.limit)
        if not any(sets.values()):
            print(missing_message("data", "extraction", "l3s-gn1"))
            return
        print(json.dumps({name: {"pages": len(pages), "flat": _measure_flat(pages)}
                          for name, pages in sets.items() if pages}, indent=1))
        return
    if args.flat_only:
        from wirewatch.clean.line_train import is_held_out

        pages = [p for p in wcxb_pages(args.limit) if not args.held_out or is_held_out(p.url, p.id)]
        print(json.dumps({"wcxb_dev_pages": len(pages), "flat": _measure_flat(pages)}, indent=1))
        return
    if args.metadata:
        print(json.dumps({"wcxb_dev": measure_metadata(args.limit), "l3s_gn1_headlines": measure_news_headlines(args.limit)},
                         indent=1))
        return
    result = measure(args.limit, flat=not args.no_flat)
    print(_table(result))
    if args.json:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
