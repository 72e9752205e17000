"""Online story clustering: each new article joins the story it is most like, or opens one.

Articles are linked one at a time in the order they were stored (`seq`), so the stories do not
depend on how the per-article stages were scheduled. For each article:

1. its features are added to the index (document frequencies grow as the corpus does);
2. candidate articles are looked up in an inverted index over its rarest keys, restricted to
   articles published within `link.story_window_days` of it; an undated page is held to the bounds
   its page gives (after the latest date it recounts, before its first dated reader comment);
3. each candidate's story is scored by the mean of its best `link.story_top_k` article pairs;
4. the best story above `link.story_threshold` is joined, else the article opens a story;
5. a small story (`link.story_absorb_max` articles) that the article scores `link.story_absorb_score`
   or more with joins the same story: one told first at length and then by relays that found each
   other before they found it (a background piece alone, its short relays in five languages a story
   of their own) is one story.

A pair of articles is scored on anchors (names and numbers, weighted by rarity; the words official
bodies are named with, "State", "Security", "Committee", count little: `features.GENERIC_WEIGHT`)
and, when both are written in one language, also on TF-IDF cosine over content words; undated pages
whose latest full dates are years apart are unlikely to report one event, and are marked down, as
are pages that both give counts or amounts and share none of them, undated pages that both name
years and share none, and pages mostly about different people.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import numpy as np

from wirewatch.link.features import LinkFeatures
from wirewatch.settings import Settings


@dataclass(frozen=True, slots=True)
class LinkOptions:
    window_days: int
    threshold: float
    top_k: int
    lookup_keys: int
    max_candidates: int
    text_weight: float
    year_penalty: float
    number_conflict: float
    lead_conflict: float
    absorb_score: float
    absorb_max: int

    @classmethod
    def from_settings(cls, settings: Settings) -> LinkOptions:
        g = settings.get
        return cls(
            window_days=int(g("link", "story_window_days")), threshold=float(g("link", "story_threshold")),
            top_k=int(g("link", "story_top_k")), lookup_keys=int(g("link", "story_lookup_keys")),
            max_candidates=int(g("link", "story_max_candidates")), text_weight=float(g("link", "story_text_weight")),
            year_penalty=float(g("link", "story_year_penalty")),
            number_conflict=float(g("link", "story_number_conflict")),
            lead_conflict=float(g("link", "story_lead_conflict")),
            absorb_score=float(g("link", "story_absorb_score")), absorb_max=int(g("link", "story_absorb_max")),
        )


class LinkIndex(Protocol):
    """What the linker needs from a corpus: counts for rarity, candidates, and a place to add."""

    def size(self) -> int: ...

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]: ...

    def candidates(self, f: LinkFeatures, keys: list[str], *, window_days: int, limit: int) -> list[tuple[LinkFeatures, str]]: ...

    def add(self, f: LinkFeatures, story: str) -> None: ...

    def merge(self, story: str, into: str) -> None: ...


def term_key(language: str, stem: str) -> str:
    return f"t:{language}:{stem}"


def index_keys(f: LinkFeatures) -> list[str]:
    """Every key counted for rarity: anchors, and content words per language."""
    return list(f.anchors) + [term_key(f.language, t) for t in f.terms]


@dataclass(frozen=True, slots=True)
class Rarity:
    """Document frequencies of keys in a corpus of `n` articles (a key not in `df`: in none)."""

    df: dict[str, int]
    n: int


class _Vocabulary:
    """The keys the linker has weighed, numbered, with how many linked articles carry each now: the
    weights of some 20,000 words per new article come from one array operation, not a dict lookup
    each. A key's count is read from the index when it is first met and follows `counted` after."""

    def __init__(self, doc_freq: Callable[[list[str]], dict[str, int]]) -> None:
        self._doc_freq = doc_freq
        self.ids: dict[str, int] = {}
        self.df = np.zeros(4096)

    def learn(self, keys: Iterable[str]) -> None:
        """Number the keys not met yet, reading their counts in one call."""
        ids = self.ids
        new = [k for k in dict.fromkeys(keys) if k not in ids]
        if not new:
            return
        start, end = len(ids), len(ids) + len(new)
        if end > len(self.df):
            self.df = np.concatenate([self.df, np.zeros(max(end, 2 * len(self.df)) - len(self.df))])
        ids.update(zip(new, range(start, end), strict=True))
        counts = self._doc_freq(new)
        self.df[start:end] = [counts.get(k, 0) for k in new]

    def ids_of(self, keys: Iterable[str]) -> np.ndarray:
        ids = self.ids
        return np.array([ids[k] for k in keys], dtype=np.int32)

    def counted(self, ids: np.ndarray) -> None:
        """One more article carries these keys (each once)."""
        self.df[ids] += 1

    def idf(self, n: int) -> np.ndarray:
        """Inverse document frequency of every numbered key in a corpus of `n` articles."""
        return np.log((n + 1) / (self.df[: len(self.ids)] + 1)) + 1.0


@dataclass(frozen=True, slots=True)
class _Packed:
    """An article's keys as vocabulary numbers, with what weighs each besides its rarity."""

    f: LinkFeatures
    anchors: np.ndarray
    boosts: np.ndarray
    terms: np.ndarray
    tf: np.ndarray  # 1 + log(count)
    counts: frozenset[str]
    years: frozenset[str]
    year: int | None  # of its publication date, else of the latest full date it recounts

    @classmethod
    def of(cls, f: LinkFeatures, vocab: _Vocabulary) -> _Packed:
        return cls(
            f, vocab.ids_of(f.anchors), np.fromiter(f.anchors.values(), dtype=float, count=len(f.anchors)),
            vocab.ids_of(term_key(f.language, t) for t in f.terms),
            1.0 + np.log(np.fromiter(f.terms.values(), dtype=float, count=len(f.terms))),
            event_numbers(f), years_named(f), int(f.day[:4]) if f.day else f.year,
        )

    def keys(self) -> np.ndarray:
        return np.concatenate([self.anchors, self.terms])


def _norm(v: np.ndarray) -> float:
    return math.sqrt(float(v @ v)) or 1.0


class _Weighed:
    """The new article's anchor and term vectors, spread over the vocabulary so that each candidate
    is scored by gathering at its own keys."""

    __slots__ = ("p", "idf", "anchors", "terms", "anchor_norm", "anchor_sum", "term_norm")

    def __init__(self, p: _Packed, idf: np.ndarray) -> None:
        self.p, self.idf = p, idf
        va, vt = p.boosts * idf[p.anchors], p.tf * idf[p.terms]
        self.anchors, self.terms = np.zeros(len(idf)), np.zeros(len(idf))
        self.anchors[p.anchors], self.terms[p.terms] = va, vt
        self.anchor_norm, self.anchor_sum, self.term_norm = _norm(va), float(va.sum()), _norm(vt)

    def score(self, other: _Packed, opts: LinkOptions) -> float:
        """How likely the two articles report one event, in [0, 1]."""
        a, b = self.p.f, other.f
        vb = other.boosts * self.idf[other.anchors]
        mine = self.anchors[other.anchors]
        if a.language == b.language:
            tb = other.tf * self.idf[other.terms]
            text = _cosine(float(tb @ self.terms[other.terms]), self.term_norm, _norm(tb))
            anchors = _cosine(float(vb @ mine), self.anchor_norm, _norm(vb))
            score = (1 - opts.text_weight) * anchors + opts.text_weight * text
        else:
            # Only names and numbers cross languages; ask for more than one of them. Shared weight over
            # the smaller side: a page in another language carries many keys that cannot match (German
            # capitalises every noun), so cosine would punish it for its language.
            shared = mine > 0
            if np.count_nonzero(shared) >= 2:
                score = float(np.minimum(mine[shared], vb[shared]).sum()) / min(self.anchor_sum, float(vb.sum()))
            else:
                score = 0.0
        undated = a.day is None or b.day is None
        if undated and self.p.year and other.year and abs(self.p.year - other.year) >= 2:
            score *= opts.year_penalty
        mine_counts, their_counts = self.p.counts, other.counts
        if mine_counts and their_counts and not mine_counts & their_counts:
            score *= opts.number_conflict
        if undated and self.p.years and other.years and not self.p.years & other.years:
            score *= opts.number_conflict
        if a.leads and b.leads and not a.leads & b.leads:
            score *= opts.lead_conflict
        return score


def _cosine(dot: float, norm_a: float, norm_b: float) -> float:
    return dot / (norm_a * norm_b) if dot else 0.0


def pair_score(a: LinkFeatures, b: LinkFeatures, rarity: Rarity, opts: LinkOptions) -> float:
    """How likely two articles report one event, in [0, 1], in a corpus of the given rarity."""
    vocab = _Vocabulary(lambda keys: {k: rarity.df[k] for k in keys if k in rarity.df})
    vocab.learn(index_keys(a) + index_keys(b))
    return _Weighed(_Packed.of(a, vocab), vocab.idf(rarity.n)).score(_Packed.of(b, vocab), opts)


def event_numbers(f: LinkFeatures) -> frozenset[str]:
    """The article's number keys other than years: counts and amounts, which reports of one event
    share in any language (2,500 fighters, 2.3 tonnes) and reports of two events rarely do."""
    return frozenset(k for k in f.anchors if k.startswith("#:") and not _is_year(k[2:]))


def years_named(f: LinkFeatures) -> frozenset[str]:
    """The article's years, bare or in dates. Too loose to date a page (an obituary recounts a life),
    they still tell undated reports of two events apart: reports of one event, written within days,
    cite the same years (of the event, of what led to it) and those of two events years apart rarely
    share any. On ECB+ (topics 1-35, no ECB page dated) pairs within a topic scoring 0.15 or more name
    disjoint years in 7% of same-event pairs and 19% of two-event pairs; B3 F1 0.900 -> 0.914 (0.913-0.918
    for factors 0.6-0.8 and thresholds 0.16-0.17), though on topics 1-10 alone 0.884 -> 0.873 (pages
    citing other background years split off). Pages with dates are left to the story window: within
    it, the years their background recalls say nothing more. A dated page's own year is among them."""
    named = {k for k in f.anchors if k.startswith("#:") and _is_year(k[2:])}
    return frozenset(named | {"#:" + f.day[:4]} if f.day else named)


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2100


def _span(f: LinkFeatures) -> tuple[date | None, date | None]:
    """When the article was published, as far as it is known: its day, else the bounds its page gives."""
    if f.day:
        day = _as_date(f.day)
        return day, day
    return _as_date(f.not_before), _as_date(f.not_after)


def _as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def could_be_one_time(a: LinkFeatures, b: LinkFeatures, days: int) -> bool:
    """Whether two articles may have been published within `days` of each other. Undated pages count
    by their bounds: a page whose reader comments date from 2015 cannot report what another page
    recounts as having happened in March 2019."""
    (a_lo, a_hi), (b_lo, b_hi) = _span(a), _span(b)
    if a_hi and b_lo and (b_lo - a_hi).days > days:
        return False
    return not (b_hi and a_lo and (a_lo - b_hi).days > days)


def within_window(a: str | None, b: str | None, days: int) -> bool:
    da, db = _as_date(a), _as_date(b)
    return da is None or db is None or abs((da - db).days) <= days


def lookup_keys(keys: list[str], df: np.ndarray, n: int) -> list[str]:
    """The article's rarest keys that other articles carry: what candidates must share with it."""
    seen_elsewhere = [(int(d), k) for k, d in zip(keys, df, strict=True) if d > 0]
    seen_elsewhere.sort()
    return [k for _, k in seen_elsewhere[:n]]


def story_id_for(article_id: str) -> str:
    """A story is named after the article that opened it: stable whatever the schedule."""
    return "s" + article_id[:15]


class StoryLinker:
    """Links articles one after the other into the stories of an index (one batch's worth, usually):
    the keys it has weighed and the candidates it has packed are kept for the articles that follow,
    which meet mostly the same ones."""

    def __init__(self, index: LinkIndex, opts: LinkOptions) -> None:
        self.index, self.opts = index, opts
        self.vocab = _Vocabulary(index.doc_freq)
        self._packed: dict[str, _Packed] = {}
        self.absorbed: list[str] = []  # stories merged into others, to be refreshed by the caller

    def link(self, f: LinkFeatures) -> str:
        """Add one article to the index and return the id of the story it belongs to."""
        ranked = self._ranked(f)
        opts = self.opts
        if ranked and ranked[0][0] >= opts.threshold:
            story = ranked[0][1]
            for score, other, members in ranked[1:]:
                if score >= opts.absorb_score and members <= opts.absorb_max:
                    self.index.merge(other, story)
                    self.absorbed.append(other)
        else:
            story = story_id_for(f.article_id)
        self.index.add(f, story)
        self.vocab.counted(self._pack([f])[0].keys())
        return story

    def _ranked(self, f: LinkFeatures) -> list[tuple[float, str, int]]:
        """(score, story, its articles among the candidates) of every candidate story, best first."""
        opts, index = self.opts, self.index
        keys = index_keys(f)
        self.vocab.learn(keys)
        n = index.size()
        wanted = lookup_keys(keys, self.vocab.df[self.vocab.ids_of(keys)], opts.lookup_keys)
        found = index.candidates(f, wanted, window_days=opts.window_days, limit=opts.max_candidates)
        if not found:
            return []
        new, *others = self._pack([f, *(g for g, _ in found)])
        weighed = _Weighed(new, self.vocab.idf(n))
        by_story: dict[str, list[float]] = defaultdict(list)
        for (g, story), packed in zip(found, others, strict=True):
            if could_be_one_time(f, g, opts.window_days):
                by_story[story].append(weighed.score(packed, opts))
        ranked = []
        for story, scores in by_story.items():
            top = sorted(scores, reverse=True)[: opts.top_k]
            ranked.append((sum(top) / len(top), story, len(scores)))
        # best first; ties to the story whose id sorts first, whatever order the candidates came in
        return sorted(ranked, key=lambda r: (-r[0], r[1]))

    def _pack(self, articles: list[LinkFeatures]) -> list[_Packed]:
        packed = self._packed
        new = [g for g in articles if g.article_id not in packed]
        if new:
            self.vocab.learn(k for g in new for k in index_keys(g))
            packed.update((g.article_id, _Packed.of(g, self.vocab)) for g in new)
        return [packed[g.article_id] for g in articles]


class MemoryIndex:
    """The index held in memory: for tests, benchmarks and the articles of the batch being written."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.members: list[tuple[LinkFeatures, str]] = []

    def size(self) -> int:
        return len(self.members)

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: self.df[k] for k in keys if k in self.df}

    def candidates(self, f: LinkFeatures, keys: list[str], *, window_days: int, limit: int) -> list[tuple[LinkFeatures, str]]:
        hits: Counter[int] = Counter()
        for k in keys:
            for i in self.postings.get(k, ()):
                hits[i] += 1
        ranked = sorted(hits, key=lambda i: (-hits[i], i))
        out = [self.members[i] for i in ranked if within_window(f.day, self.members[i][0].day, window_days)]
        return out[:limit]

    def add(self, f: LinkFeatures, story: str) -> None:
        i = len(self.members)
        self.members.append((f, story))
        for k in index_keys(f):
            self.df[k] += 1
            self.postings[k].append(i)

    def merge(self, story: str, into: str) -> None:
        self.members = [(f, into if s == story else s) for f, s in self.members]
