"""Attribution on PolNeAR: how well `find_statements` finds who said what in political news.

    python benchmarks/attribution.py [--limit N] [--split dev]   # score, print a table
    python benchmarks/attribution.py --fit                        # refit data/cues_en_fitted.tsv on train
    python -m wirewatch.extract.cue_train                         # retrain data/cue_model.npz on train

Each article's text goes through wirewatch's own extract path (the spaCy doc of the text, then
`find_entities` and `find_statements`; no title, since PolNeAR's offsets count the title line as
body). Statements with sourcing "none" (the outlet's own voice) are left out. Each gold attribution
(source, cue, content) is matched to at most one statement by content: word-token F1 >= 0.5, best
pairs first, and only where the two overlap in the text. Scores:
  content   overlap: matched pairs; exact: matched pairs whose normalised content is equal
  source    a matched pair whose `source_text` equals the gold source (exact: normalised text;
            overlap: word-token F1 >= 0.5); a gold attribution without source wants no source_text
  cue       the same with `cue` against the gold cue
Precision divides by the statements given, recall by the gold attributions. Normalising folds case,
typographic quotes and whitespace and drops punctuation at the edges. Where an article has several
annotators' files, the first in name order is the gold one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from wirewatch.extract.polnear import Gold, token_f1
from wirewatch.extract.polnear import articles as polnear_articles

try:
    from benchmarks._shared import missing_message, shared_path
except ImportError:  # run as a script: python benchmarks/attribution.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks._shared import missing_message, shared_path

DATA = ("data", "attribution", "polnear")
_FIT_FILE = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "data" / "cues_en_fitted.tsv"
# The figures reported, in the order printed.
FIGURES = ("content_overlap", "content_exact", "source_exact", "source_overlap", "cue_exact", "cue_overlap")


def articles(split: str, limit: int | None = None) -> Iterator[tuple[str, str, list[Gold]]]:
    root = shared_path(*DATA, split)
    if root is None:
        return iter(())
    return polnear_articles(root, limit)


def norm(s: str | None) -> str:
    s = (s or "").lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " ")):
        s = s.replace(a, b)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^[\W_]+|[\W_]+$", "", s)


def _prf(hit: int, given: int, gold: int) -> dict[str, float]:
    p = hit / given if given else 0.0
    r = hit / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def match(gold: list[Gold], preds: list) -> list[tuple[Gold, object]]:
    """One-to-one pairs by content, best word-token F1 first, each at least 0.5."""
    scored = sorted(
        (
            (token_f1(g.content, s.content), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(preds)
            if s.span is None or any(a < s.span[1] and s.span[0] < b for a, b in g.content_spans)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for f1, gi, si in scored:
        if f1 < 0.5:
            break
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], preds[si]))
    return pairs


def measure(limit: int | None = None, *, split: str = "dev") -> dict:
    """Scores on the PolNeAR `split` (first `limit` articles); {"skipped": message} without the data."""
    if shared_path(*DATA, split) is None:
        return {"skipped": missing_message(*DATA, split)}
    from wirewatch.extract.aliases import load_aliases
    from wirewatch.extract.entities import find_entities
    from wirewatch.extract.nlp import load_nlp
    from wirewatch.extract.statements import find_statements

    nlp = load_nlp()
    aliases = load_aliases()
    n_docs = n_gold = n_pred = 0
    hits = Counter()
    for _name, text, gold in articles(split, limit):
        doc = nlp(text)
        entities = find_entities(doc, aliases=aliases, language="en")
        preds = [s for s in find_statements(doc, entities, title=None, language="en") if s.sourcing != "none"]
        n_docs += 1
        n_gold += len(gold)
        n_pred += len(preds)
        for g, s in match(gold, preds):
            hits["content_overlap"] += 1
            hits["content_exact"] += norm(g.content) == norm(s.content)
            hits["source_exact"] += norm(g.source) == norm(s.source_text)
            hits["source_overlap"] += token_f1(g.source, s.source_text) >= 0.5
            hits["cue_exact"] += norm(g.cue) == norm(s.cue)
            hits["cue_overlap"] += token_f1(g.cue, s.cue) >= 0.5
    out: dict = {"split": split, "articles": n_docs, "gold": n_gold, "statements": n_pred}
    for key in FIGURES:
        out[key] = _prf(hits[key], n_pred, n_gold)
    return out


def fit(
    *, threshold: float = 0.35, min_hits: int = 3, min_seen: int = 8
) -> list[tuple[str, str, int, float, int]]:
    """Rows (lemma, frame, keep, precision, hits) for the cue table, from the train split only.

    A verb or noun read as extraction reads it (frames.verb_frame, frames.noun_frame; outside
    quotations) counts as a hit when a gold cue covers it and that attribution's content overlaps
    the complement (word-token F1 >= 0.5). A (lemma, frame) is kept at precision >= `threshold` with
    at least `min_hits` hits. Where one kind of subject (frames.subject_kind, seen `min_seen` times)
    gets the other answer than the hand lexicon or the plain row, a "frame@kind" row says so.
    """
    from wirewatch.extract.cues import base_cue
    from wirewatch.extract.frames import noun_frame, passive_frame, subject_kind, verb_frame
    from wirewatch.extract.nlp import load_nlp
    from wirewatch.extract.statements import quoted_tokens

    nlp = load_nlp()
    seen, hit = Counter(), Counter()
    items = list(articles("train"))
    docs = nlp.pipe((t for _, t, _ in items), batch_size=16)
    for (_name, _text, gold), doc in zip(items, docs, strict=True):
        inside = quoted_tokens(doc)
        for tok in doc:
            found, kind = None, None
            if inside[tok.i] < 0 and tok.pos_ == "VERB":
                found = verb_frame(tok) or passive_frame(tok)
                kind = subject_kind(found[4]) if found is not None and len(found) == 5 else None
            elif inside[tok.i] < 0 and tok.pos_ == "NOUN":
                found = noun_frame(tok)  # nouns count only with an owner: "Trump's claim that"
                found = found if found is not None and found[3] is not None else None
            if found is None:
                continue
            frame, start, end = found[:3]
            ctext = doc[start:end].text
            is_hit = any(
                a <= tok.idx < b for g in gold for a, b in g.cue_spans if token_f1(g.content, ctext) >= 0.5
            )
            keys = [(tok.lemma_.lower(), frame)] + ([(tok.lemma_.lower(), f"{frame}@{kind}")] if kind else [])
            for key in keys:
                seen[key] += 1
                hit[key] += is_hit

    def keep(key: tuple[str, str]) -> bool:
        return hit[key] >= min_hits and hit[key] / seen[key] >= threshold

    rows = []
    for (lemma, frame), n in seen.items():
        if "@" not in frame:
            if keep((lemma, frame)):
                rows.append((lemma, frame, 1, hit[(lemma, frame)] / n, hit[(lemma, frame)]))
            continue
        base = frame.split("@")[0]
        plain = base_cue(lemma, base) or keep((lemma, base))
        if n >= min_seen and keep((lemma, frame)) != plain:
            rows.append((lemma, frame, int(not plain), hit[(lemma, frame)] / n, hit[(lemma, frame)]))
    return sorted(rows, key=lambda r: (-r[4], r[0], r[1]))


def _write_fit(rows: list[tuple[str, str, int, float, int]], threshold: float) -> None:
    head = (
        "# Verb and noun cue frames that PolNeAR's annotators mark as attributions.\n"
        "# Written by `python benchmarks/attribution.py --fit` from the train split only (no text copied):\n"
        f"# kept (1) where precision (gold cue with that complement / all such words) >= {threshold}\n"
        "# with >= 3 hits; a frame@subject-kind row overrides the plain answer for that kind of subject.\n"
        "# Columns: lemma, frame (verbs: ccomp|xcomp|dobj|prep:<word>[@first|pron|name|noun]; passives:\n"
        "# pass:ccomp|pass:xcomp|pass:prep:<word>|pass:subj; nouns with\n"
        "# an owner: noun:<word>|noun:that), keep, precision, hits.\n"
    )
    body = "".join(f"{lemma}\t{frame}\t{k}\t{p:.3f}\t{n}\n" for lemma, frame, k, p, n in rows)
    _FIT_FILE.write_text(head + body, "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--fit", action="store_true", help="refit the cue table on the train split")
    ap.add_argument("--threshold", type=float, default=0.35)
    a = ap.parse_args()
    if a.fit:
        if shared_path(*DATA, "train") is None:
            print(missing_message(*DATA, "train"))
            return
        rows = fit(threshold=a.threshold)
        _write_fit(rows, a.threshold)
        print(f"wrote {len(rows)} cue frames to {_FIT_FILE}")
        return
    res = measure(a.limit, split=a.split)
    if "skipped" in res:
        print(res["skipped"])
        return
    print(
        f"PolNeAR {res['split']}: {res['articles']} articles, {res['gold']} gold attributions, "
        f"{res['statements']} statements"
    )
    print(f"{'':18}{'P':>8}{'R':>8}{'F1':>8}")
    for key in FIGURES:
        r = res[key]
        print(f"{key:18}{r['p']:8.3f}{r['r']:8.3f}{r['f1']:8.3f}")


if __name__ == "__main__":
    main()
