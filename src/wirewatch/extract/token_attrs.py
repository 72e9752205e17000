"""spaCy's attribute ruler and rule lemmatizer as table lookups: the same annotations, far less CPU.

In the small English pipeline the attribute ruler (tag -> coarse POS and morphology, plus ~120
word-specific rules) and the rule lemmatizer cost about a sixth of spaCy's time (1.3 s and 1.1 s of
13 s over 120 news articles, one process): the ruler runs a `Matcher` with every pattern at every
token, and the lemmatizer tests each new word's candidate lemmas with `in` against a list of up to
57,000 known lemmas. Here the two take 0.58 s in a fresh process and 0.17 s once the tables below
have filled. Yet what either assigns to a token depends on very little:

- a single-token rule matches on the token's own attributes (for this model TAG, LOWER, DEP and
  IS_SPACE), so the attributes it sets are a function of those values; the few two-token rules
  ("gon na", "y' all", "there is") are checked where their first token matches;
- a rule lemma is a function of (ORTH, POS, MORPH) (it is what spaCy's own cache is keyed on).

`TokenAttrs` reads those columns with `Doc.to_array`, looks each distinct key up once per process
(computing a missing entry with the model's own rules: the ruler's patterns evaluated in their
order, later rules overriding earlier ones as in `AttributeRuler.set_annotations`, and the
lemmatizer's `lemmatize` for a lemma), and writes POS, MORPH, LEMMA (and TAG and DEP where a rule
sets them) back with `Doc.from_array`. The annotations are those of the two stock components
(tests/extract/test_token_attrs.py compares them token by token), which stay in the pipeline,
disabled, as the source of the tables.

`use_token_attrs(nlp)` swaps them in where the pipeline has them side by side and every pattern is of
a kind evaluated here (attribute equality, IN, NOT_IN, REGEX; no operators or extensions); otherwise
it leaves the pipeline as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

_NAME = "wirewatch_token_attrs"
# Token attributes a pattern may test here: string-valued ones (compared as strings) and flags.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "SHAPE", "PREFIX", "SUFFIX"})
_FLAG_ATTRS = frozenset(name for name in IDS if name.startswith("IS_") or name.startswith("LIKE_"))
# Entries kept before a lookup table is emptied: distinct keys grow with the vocabulary (about 17 a news
# article), and a worker must not grow with every article it reads; refilling the common keys is cheap.
_MAX_ENTRIES = 1 << 15

Predicate = Callable[[tuple[Any, ...]], bool]


class Unsupported(ValueError):
    """A pattern or pipeline this module does not evaluate; the stock components are kept."""


def _predicate(attr_pos: dict[str, int], token: dict[str, Any]) -> Predicate:
    """One token pattern as a test on the tuple of decoded attribute values."""
    tests: list[Callable[[tuple[Any, ...]], bool]] = []
    for raw_name, spec in token.items():
        name = raw_name.upper()
        if name not in attr_pos:
            raise Unsupported(f"pattern attribute {raw_name!r}")
        at = attr_pos[name]
        flag = name in _FLAG_ATTRS
        if isinstance(spec, dict):
            if not spec or set(spec) - {"IN", "NOT_IN", "REGEX"} or len(spec) != 1:
                raise Unsupported(f"predicate {spec!r}")
            ((op, arg),) = spec.items()
            if op == "REGEX":
                if flag:
                    raise Unsupported("REGEX on a flag")
                rx = re.compile(arg)
                tests.append(lambda v, at=at, rx=rx: rx.search(v[at]) is not None)
            else:
                values = frozenset(bool(a) for a in arg) if flag else frozenset(str(a) for a in arg)
                if op == "IN":
                    tests.append(lambda v, at=at, values=values: v[at] in values)
                else:
                    tests.append(lambda v, at=at, values=values: v[at] not in values)
        elif flag and isinstance(spec, bool) or not flag and isinstance(spec, str):
            tests.append(lambda v, at=at, spec=spec: v[at] == spec)
        else:
            raise Unsupported(f"value {spec!r} for {raw_name!r}")
    return lambda v: all(t(v) for t in tests)


class TokenAttrs:
    """The attribute ruler and the rule lemmatizer of a pipeline, applied by table lookup."""

    def __init__(
        self, nlp: Language, ruler_name: str = "attribute_ruler", lemmatizer_name: str = "lemmatizer"
    ):
        ruler, lemmatizer = nlp.get_pipe(ruler_name), nlp.get_pipe(lemmatizer_name)
        self.vocab = nlp.vocab
        self._lemma_of = _lemma_oracle(lemmatizer)
        self._overwrite = bool(getattr(lemmatizer, "overwrite", False))
        rules = ruler.patterns
        names = sorted({k.upper() for r in rules for alt in r["patterns"] for tok in alt for k in tok})
        unknown = [n for n in names if n not in _STRING_ATTRS | _FLAG_ATTRS]
        if unknown:
            raise Unsupported(f"pattern attributes {unknown}")
        self.key_ids = [IDS[n] for n in names]
        self._flags = [n in _FLAG_ATTRS for n in names]
        attr_pos = {n: i for i, n in enumerate(names)}
        # Each alternative of each rule: (rule number, length, position of the token it sets), and
        # each of its token patterns as a test (predicate, alternative, position). Tests are indexed
        # by a string value they require, (attribute position, value) -> test numbers, so that a new
        # key is tried against a handful of them; tests that require none are tried always.
        self._alts: list[tuple[int, int, int]] = []
        self._tests: list[tuple[Predicate, int, int]] = []
        self._index: dict[tuple[int, str], list[int]] = {}
        self._always: list[int] = []
        for i, rule in enumerate(rules):
            target = int(rule.get("index", 0))
            for alt in rule["patterns"]:
                if not isinstance(alt, list) or not alt or not -len(alt) <= target < len(alt):
                    raise Unsupported(f"rule {i}: pattern {alt!r} with index {target}")
                a = len(self._alts)
                self._alts.append((i, len(alt), target % len(alt)))
                for p, tok in enumerate(alt):
                    self._add_test(_predicate(attr_pos, tok), a, p, tok, attr_pos)
        # the normalised attributes each rule sets, {attribute id: value}, as the ruler stores them
        self._sets: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        if any(set(a) - set(_ATTRS) for a in self._sets):
            raise Unsupported("a rule sets an attribute other than POS, MORPH, LEMMA, TAG, DEP")
        for a in self._sets:
            if MORPH in a:  # registered with the morphology table, as set_token_attrs does
                self.vocab.morphology.add(self.vocab.strings.as_string(a[MORPH]))
        self._keys: dict[tuple[int, ...], _Entry] = {}
        self._merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def _add_test(
        self, pred: Predicate, alt: int, pos: int, token: dict[str, Any], attr_pos: dict[str, int]
    ) -> None:
        n = len(self._tests)
        self._tests.append((pred, alt, pos))
        required = {k.upper(): v for k, v in token.items() if k.upper() in _STRING_ATTRS}
        for name in sorted(required, key=lambda a: (a not in ("LOWER", "ORTH"), a)):
            spec = required[name]
            if isinstance(spec, str):
                values = [spec]
            elif isinstance(spec, dict) and list(spec) == ["IN"]:
                values = spec["IN"]
            else:
                continue
            for value in values:
                self._index.setdefault((attr_pos[name], str(value)), []).append(n)
            return
        self._always.append(n)

    # -- per distinct key ------------------------------------------------------------------------
    def _entry(self, key: tuple[int, ...]) -> _Entry:
        """For a token with these attribute values: the rules of single-token alternatives that
        match it, the multi-token alternatives whose first token matches it, and all the
        (alternative, position) pairs of multi-token alternatives that match it."""
        strings = self.vocab.strings
        v = tuple(bool(x) if flag else strings[x] for x, flag in zip(key, self._flags, strict=True))
        candidates = set(self._always)
        for at, value in enumerate(v):
            candidates.update(self._index.get((at, value), ()))
        single: set[int] = set()
        first: list[int] = []
        sat: set[tuple[int, int]] = set()
        for c in sorted(candidates):
            pred, alt, pos = self._tests[c]
            if not pred(v):
                continue
            rule, length, _ = self._alts[alt]
            if length == 1:
                single.add(rule)
            else:
                sat.add((alt, pos))
                if pos == 0:
                    first.append(alt)
        if len(self._keys) >= _MAX_ENTRIES:
            self._keys.clear()
        entry = self._keys[key] = (tuple(sorted(single)), tuple(first), frozenset(sat))
        return entry

    def _merge(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs that these rules set, applied in rule order (a later rule wins)."""
        merged = self._merged.get(rules)
        if merged is None:
            values: dict[int, int] = {}
            for i in rules:
                values.update(self._sets[i])
            merged = tuple((_COLUMN[attr], value) for attr, value in values.items())
            if len(self._merged) >= _MAX_ENTRIES:
                self._merged.clear()
            self._merged[rules] = merged
        return merged

    # -- per doc ---------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        known = self._keys
        entries = [known.get(k) or self._entry(k) for k in map(tuple, doc.to_array(self.key_ids).tolist())]
        extra: dict[int, set[int]] = {}
        for t, (_, first, _) in enumerate(entries):
            for a in first:
                rule, length, target = self._alts[a]
                if t + length <= n and all((a, p) in entries[t + p][2] for p in range(1, length)):
                    extra.setdefault(t + target, set()).add(rule)
        cols = doc.to_array(list(_ATTRS))
        out = cols.tolist()
        for t, (single, _, _) in enumerate(entries):
            rules = tuple(sorted(set(single) | extra[t])) if t in extra else single
            if rules:
                row = out[t]
                for c, value in self._merge(rules):
                    row[c] = value
        new = np.array(out, dtype=cols.dtype)
        changed = [c for c in (0, 1, 3, 4) if not np.array_equal(new[:, c], cols[:, c])]
        if changed:
            doc.from_array([_ATTRS[c] for c in changed], new[:, changed])
        self._lemmatize(doc, out)
        return doc

    def _lemmatize(self, doc: Doc, out: list[list[int]]) -> None:
        """LEMMA for every token the rules left without one: a function of (ORTH, POS, MORPH)."""
        table, strings, lemma_of = self._lemmas, self.vocab.strings, self._lemma_of
        lemmas = [row[2] for row in out]
        for t, orth in enumerate(doc.to_array(ORTH).tolist()):
            if lemmas[t] and not self._overwrite:
                continue
            key = (orth, out[t][0], out[t][1])
            lemma = table.get(key)
            if lemma is None:
                lemma = lemma_of(doc[t])
                if len(table) >= _MAX_ENTRIES:
                    table.clear()
                table[key] = lemma
            # the string, not its hash, is what is kept: a lemma first met inside a memory zone
            # leaves the store with it, and must be added again for the next doc
            lemmas[t] = strings.add(lemma)
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))


_Entry = tuple[tuple[int, ...], tuple[int, ...], frozenset]


def _lemma_oracle(lemmatizer: Any) -> Callable[[Any], str]:
    """The lemmatizer's own `lemmatize`, on a copy whose word lists are sets: spaCy keeps each
    part of speech's known lemmas as a list and tests candidates with `in` (a scan of up to 57,000
    words per new token); a set answers the same."""
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
        raise Unsupported("lemmatizer not in rule mode")
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        data = dict(table.items())
        if name == "lemma_index":
            data = {k: frozenset(v) for k, v in data.items()}
        lookups.add_table(name, data)
    oracle = type(lemmatizer)(lemmatizer.vocab, None, lemmatizer.name, mode="rule", overwrite=True)
    try:
        oracle.initialize(lookups=lookups)
    except ValueError as e:  # tables missing: the stock lemmatizer would fail the same way
        raise Unsupported(str(e)) from e
    return lambda token: oracle.lemmatize(token)[0]


_ATTRS = (POS, MORPH, LEMMA, TAG, DEP)
_COLUMN = {attr: c for c, attr in enumerate(_ATTRS)}


@Language.factory(_NAME)
def _make(nlp: Language, name: str) -> TokenAttrs:
    return TokenAttrs(nlp)


def use_token_attrs(nlp: Language, names: Sequence[str] = ("attribute_ruler", "lemmatizer")) -> Language:
    """`nlp` with its attribute ruler and rule lemmatizer replaced by `TokenAttrs` (same
    annotations), when they stand side by side and their rules are of kinds evaluated here."""
    pipes = nlp.pipe_names
    if (
        _NAME in pipes
        or any(n not in pipes for n in names)
        or pipes.index(names[1]) != pipes.index(names[0]) + 1
    ):
        return nlp
    try:
        nlp.add_pipe(_NAME, before=names[0])
    except Unsupported:
        return nlp
    for n in names:
        nlp.disable_pipe(n)
    return nlp
