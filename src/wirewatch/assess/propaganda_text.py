"""The words the propaganda models read: tokens, sentences, their features, and runs of likely
tokens turned into spans. Shared by the token model (`propaganda`), the sentence gate
(`propaganda_gate`) and their trainers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from wirewatch.assess.text import STOPWORDS, sentences, stem

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
QUOTE_MARKS = frozenset("\"\u201c\u201d")
_TRIM = " \n\t.,:;"
# Word clusters, coarse to fine (k-means over static MiniLM word vectors, `propaganda_train.word_clusters`):
# a word's own clusters at every granularity, a neighbour's at the first two, the sentence's at the second.
CLUSTERS = (64, 256, 1024)

@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


# --- text units -----------------------------------------------------------------------------------


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentences of `text`; every line break ends one (PTC articles hold one sentence per line)."""
    pos = 0
    for line in text.split("\n"):
        for s, e in sentences(line):
            yield pos + s, pos + e
        pos += len(line) + 1


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(0), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def shape(w: str) -> str:
    if not w[0].isalnum():
        return "P"
    if w.isdigit():
        return "d"
    if w.isupper() and len(w) > 1:
        return "XX"
    return "Xx" if w[0].isupper() else "x"


def bucket(n: int, edges: Sequence[int]) -> int:
    """The index of the first edge at or above `n` (len(edges) past the last)."""
    return bisect_left(edges, n)


# --- features -------------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def article_counts(text: str) -> Counter[str]:
    """How often each content stem occurs in the article (repetition is a technique). The span
    finder, its sentence gate and the technique classifier all read it for the same text: counted
    once (about a tenth of the assess stage's time); callers only read it."""
    return Counter(stem(m.group(0)) for m in _TOKEN.finditer(text) if m.group(0)[0].isalnum())


def sentence_features(toks: Sequence[Token], clusters: Mapping[str, tuple[int, ...]] | None = None) -> list[str]:
    """Features shared by every token of a sentence: its words and their clusters, length and punctuation."""
    content = [w for w in (t.text.lower() for t in toks) if w[0].isalnum() and w not in STOPWORDS]
    feats = {f"sw={w}" for w in content}
    if clusters:
        feats |= {f"sc{CLUSTERS[1]}={clusters[w][1]}" for w in content if w in clusters}
    feats.add(f"slen={bucket(len(toks), (5, 10, 20, 35, 60))}")
    if any(t.text == "!" for t in toks):
        feats.add("s!")
    if any(t.text in QUOTE_MARKS for t in toks):
        feats.add("squote")
    return sorted(feats)


def cluster_features(word: str, clusters: Mapping[str, tuple[int, ...]]) -> list[str]:
    c = clusters.get(word)
    return [f"c{k}={i}" for k, i in zip(CLUSTERS, c, strict=True)] if c else []


def neighbour_cluster_features(tag: str, word: str, clusters: Mapping[str, tuple[int, ...]]) -> list[str]:
    c = clusters.get(word)
    return [f"c{tag}{k}={i}" for k, i in zip(CLUSTERS[:2], c, strict=False)] if c else []


def token_features(
    toks: Sequence[Token], counts: Counter[str], clusters: Mapping[str, tuple[int, ...]] | None = None
) -> list[list[str]]:
    """Features of each token of one sentence (the sentence's own go in `sentence_features`)."""
    clusters = clusters or {}
    low = [t.text.lower() for t in toks]
    n = len(toks)
    out = []
    in_quote = False
    for i, t in enumerate(toks):
        if t.text in QUOTE_MARKS:
            in_quote = not in_quote
        w = low[i]
        p1 = low[i - 1] if i > 0 else "<s>"
        p2 = low[i - 2] if i > 1 else "<s>"
        n1 = low[i + 1] if i + 1 < n else "</s>"
        n2 = low[i + 2] if i + 2 < n else "</s>"
        st = stem(t.text)
        f = [
            f"w={w}",
            f"st={st}",
            f"p1={p1}",
            f"n1={n1}",
            f"p2={p2}",
            f"n2={n2}",
            f"pw={p1}|{w}",
            f"wn={w}|{n1}",
            f"sh={shape(t.text)}",
            f"suf={w[-3:]}",
            f"pos={bucket(int(10 * i / max(n, 1)), (0, 2, 5, 8))}",
        ]
        if in_quote:
            f.append("inq")
        if w not in STOPWORDS and t.text[0].isalnum():
            f.append(f"rep={bucket(counts[st], (1, 2, 4))}")
        if clusters:
            f += cluster_features(w, clusters)
            f += neighbour_cluster_features("p", p1, clusters) + neighbour_cluster_features("n", n1, clusters)
        out.append(f)
    return out


def span_features(text: str, start: int, end: int, counts: Counter[str], lowered: str) -> list[str]:
    """Features of one candidate span for the technique classifier."""
    toks = tokens(text, start, end)
    low = [t.text.lower() for t in toks if t.text[0].isalnum()] or ["<none>"]
    f = {f"w={w}" for w in low}
    f |= {f"b={a}|{b}" for a, b in zip(low, low[1:], strict=False)}
    f.add(f"first={low[0]}")
    f.add(f"last={low[-1]}")
    f.add(f"len={bucket(len(low), (1, 2, 3, 5, 8, 13, 20))}")
    before = tokens(text, max(0, start - 40), start)
    after = tokens(text, end, min(len(text), end + 40))
    if before:
        f.add(f"prev={before[-1].text.lower()}")
    if after:
        f.add(f"next={after[0].text.lower()}")
    piece = text[start:end].lower()
    occurrences = lowered.count(piece) if len(piece) > 2 else 1
    f.add(f"occ={bucket(occurrences, (1, 2, 3))}")
    f.add(f"maxrep={bucket(max(counts[stem(w)] for w in low), (1, 2, 4, 8))}")
    if text[start:end].isupper():
        f.add("allcaps")
    if any(t.text == "!" for t in toks):
        f.add("excl")
    if any(t.text == "?" for t in toks):
        f.add("question")
    if any(t.text in QUOTE_MARKS for t in before[-3:]) or any(t.text in QUOTE_MARKS for t in toks):
        f.add("quoted")
    return sorted(f)


def decode(
    text: str,
    probs: Sequence[Sequence[tuple[Token, float]]],
    *,
    threshold: float,
    gap: int,
    min_chars: int,
    trigger: float = 0.0,
) -> list[tuple[int, int, float]]:
    """Runs of tokens at or above `threshold` within a sentence, gaps of up to `gap` tokens bridged;
    a run is kept when one of its tokens reaches `trigger` and it spans `min_chars` or more."""
    spans: list[tuple[int, int, float]] = []
    for row in probs:
        hits = [i for i, (_, p) in enumerate(row) if p >= threshold]
        groups: list[list[int]] = []
        for i in hits:
            if groups and i - groups[-1][-1] - 1 <= gap:
                groups[-1].append(i)
            else:
                groups.append([i])
        for g in groups:
            s, e = row[g[0]][0].start, row[g[-1]][0].end
            while s < e and text[s] in _TRIM:
                s += 1
            while e > s and text[e - 1] in _TRIM:
                e -= 1
            top = max(row[i][1] for i in g)
            if e - s >= min_chars and top >= trigger:
                spans.append((s, e, top))
    return spans
