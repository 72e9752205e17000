"""Online story clustering: each new article joins the story it is most like, or opens one.

Articles are linked one at a time in the order they were stored (`seq`), so the stories do not
depend on how the per-article stages were scheduled. For each article:

1. its features are added to the index (document frequencies grow as the corpus does);
2. candidate articles are looked up in an inverted index over its rarest keys, restricted to
   articles published within `link.story_window_days` of it; an undated page is held to the bounds
   its page gives (after the latest date it recounts, before its first dated reader comment);
3. each candidate's story is scored by the mean of its best `link.story_top_k` article pairs;
4. the best story above `link.story_threshold` is joined, else the article opens a story.

A pair of articles is scored on anchors (names and numbers, weighted by rarity) and, when both are
written in one language, also on TF-IDF cosine over content words; undated pages whose latest full
dates are years apart are unlikely to report one event, and are marked down, as are pages that both
give counts or amounts and share none of them, undated pages that both name years and share none,
and pages mostly about different people.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

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
        )


class LinkIndex(Protocol):
    """What the linker needs from a corpus: counts for rarity, candidates, and a place to add."""

    def size(self) -> int: ...

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]: ...

    def candidates(self, f: LinkFeatures, keys: list[str], *, window_days: int, limit: int) -> list[tuple[LinkFeatures, str]]: ...

    def add(self, f: LinkFeatures, story: str) -> None: ...


def term_key(language: str, stem: str) -> str:
    return f"t:{language}:{stem}"


def index_keys(f: LinkFeatures) -> list[str]:
    """Every key counted for rarity: anchors, and content words per language."""
    return list(f.anchors) + [term_key(f.language, t) for t in f.terms]


class Rarity:
    """Inverse document frequency over the corpus as it stands."""

    def __init__(self, df: dict[str, int], n: int) -> None:
        self.df = df
        self.n = n
        self.unseen = self._idf(0)
        self._terms: dict[str, dict[str, float]] = {}

    def _idf(self, df: int) -> float:
        return math.log((self.n + 1) / (df + 1)) + 1.0

    def idf(self, key: str) -> float:
        return self._idf(self.df.get(key, 0))

    def term_idf(self, language: str) -> dict[str, float]:
        """The idf of each counted content word of one language, by stem. Worked out once per
        Rarity: a new article's candidates bring some 20,000 words to weigh, mostly the same ones."""
        table = self._terms.get(language)
        if table is None:
            prefix = term_key(language, "")
            table = {k[len(prefix):]: self._idf(n) for k, n in self.df.items() if k.startswith(prefix)}
            self._terms[language] = table
        return table


def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values())) or 1.0


def _cosine(a: dict[str, float], norm_a: float, b: dict[str, float], norm_b: float) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(x * b[k] for k, x in a.items() if k in b)
    return dot / (norm_a * norm_b) if dot else 0.0


def anchor_vector(f: LinkFeatures, rarity: Rarity) -> dict[str, float]:
    return {k: boost * rarity.idf(k) for k, boost in f.anchors.items()}


class _TermFrequencyWeights(dict[int, float]):
    """1 + log(count), remembered per count: the linker weighs some 20,000 words per new article."""

    def __missing__(self, count: int) -> float:
        self[count] = weight = 1.0 + math.log(count)
        return weight


_TF = _TermFrequencyWeights()


def term_vector(f: LinkFeatures, rarity: Rarity) -> dict[str, float]:
    idf, unseen, tf = rarity.term_idf(f.language).get, rarity.unseen, _TF
    return {t: tf[n] * idf(t, unseen) for t, n in f.terms.items()}


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Shared weight over the smaller side: a page in another language carries many keys that
    cannot match (German capitalises every noun), so cosine would punish it for its language."""
    shared = sum(min(x, b[k]) for k, x in a.items() if k in b)
    if not shared:
        return 0.0
    return shared / min(sum(a.values()), sum(b.values()))


def pair_score(a: LinkFeatures, b: LinkFeatures, rarity: Rarity, opts: LinkOptions) -> float:
    """How likely two articles report one event, in [0, 1]."""
    return _Weighted(a, rarity).score(_Weighted(b, rarity, a.language), opts)


class _Weighted:
    """An article's anchor vector, and its term vector where it will be compared on words: weighed
    once per article, not once per pair (the new article meets up to `story_max_candidates` others)."""

    __slots__ = ("f", "anchors", "terms", "counts", "years", "anchor_norm", "term_norm")

    def __init__(self, f: LinkFeatures, rarity: Rarity, language: str | None = None) -> None:
        self.f = f
        self.anchors = anchor_vector(f, rarity)
        self.terms = term_vector(f, rarity) if language is None or language == f.language else {}
        self.counts = event_numbers(f)
        self.years = years_named(f)
        self.anchor_norm, self.term_norm = _norm(self.anchors), _norm(self.terms)

    def score(self, other: _Weighted, opts: LinkOptions) -> float:
        a, b = self.f, other.f
        va, vb = self.anchors, other.anchors
        if a.language == b.language:
            text = _cosine(self.terms, self.term_norm, other.terms, other.term_norm)
            score = (1 - opts.text_weight) * _cosine(va, self.anchor_norm, vb, other.anchor_norm) + opts.text_weight * text
        else:
            # Only names and numbers cross languages; ask for more than one of them.
            shared = [k for k in va if k in vb]
            score = _overlap(va, vb) if len(shared) >= 2 else 0.0
        undated = a.day is None or b.day is None
        if undated and a.year and b.year and abs(a.year - b.year) >= 2:
            score *= opts.year_penalty
        if self.counts and other.counts and not self.counts & other.counts:
            score *= opts.number_conflict
        if undated and self.years and other.years and not self.years & other.years:
            score *= opts.number_conflict
        if a.leads and b.leads and not a.leads & b.leads:
            score *= opts.lead_conflict
        return score


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
    it, the years their background recalls say nothing more."""
    return frozenset(k for k in f.anchors if k.startswith("#:") and _is_year(k[2:]))


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


def lookup_keys(f: LinkFeatures, rarity: Rarity, n: int) -> list[str]:
    """The article's rarest anchors and content words: what candidates must share with it."""
    keys = list(f.anchors) + [term_key(f.language, t) for t in f.terms]
    seen_elsewhere = [k for k in keys if rarity.df.get(k, 0) > 0]
    seen_elsewhere.sort(key=lambda k: (rarity.df[k], k))
    return seen_elsewhere[:n]


def choose_story(f: LinkFeatures, index: LinkIndex, opts: LinkOptions) -> tuple[str | None, float]:
    """The story the article should join and its score, or (None, best score) to open one."""
    keys = index_keys(f)
    rarity = Rarity(index.doc_freq(keys), index.size())
    found = index.candidates(f, lookup_keys(f, rarity, opts.lookup_keys), window_days=opts.window_days,
                             limit=opts.max_candidates)
    if not found:
        return None, 0.0
    extra = _weighing_keys(f, [g for g, _ in found]) - set(keys)
    rarity = Rarity({**rarity.df, **index.doc_freq(extra)}, rarity.n)
    new = _Weighted(f, rarity)
    by_story: dict[str, list[float]] = defaultdict(list)
    for g, story in found:
        if could_be_one_time(f, g, opts.window_days):
            by_story[story].append(new.score(_Weighted(g, rarity, f.language), opts))
    best_score, best_story = 0.0, None
    for story, scores in sorted(by_story.items()):
        top = sorted(scores, reverse=True)[: opts.top_k]
        s = sum(top) / len(top)
        if s > best_score:
            best_score, best_story = s, story
    return (best_story, best_score) if best_score >= opts.threshold else (None, best_score)


def _weighing_keys(f: LinkFeatures, candidates: list[LinkFeatures]) -> set[str]:
    """The keys whose rarity scoring the candidates against `f` needs: every anchor, and the content
    words of those written in f's language (only they are compared on words)."""
    anchors = {k for g in candidates for k in g.anchors}
    stems = set().union(*(g.terms for g in candidates if g.language == f.language))
    return anchors | {term_key(f.language, t) for t in stems}


def story_id_for(article_id: str) -> str:
    """A story is named after the article that opened it: stable whatever the schedule."""
    return "s" + article_id[:15]


def link_story(f: LinkFeatures, index: LinkIndex, opts: LinkOptions) -> str:
    """Add one article to the index and return the id of the story it belongs to."""
    story, _ = choose_story(f, index, opts)
    story = story or story_id_for(f.article_id)
    index.add(f, story)
    return story


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
