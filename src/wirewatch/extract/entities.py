"""Entities of one article: mentions grouped under one canonical name, with roles and places.

The cascade, in order:
1. mentions from spaCy's NER (repaired) and from the alias table (`mentions.py`); in languages
   without a parser, from the alias table, the gazetteer and capitalised runs of words;
2. grouping: the same folded name, an acronym defined in the text ("Federal Security Service
   (FSB)"), a surname or shorter name of a person named in full earlier or later ("Bogdanov");
3. a second pass that finds every further occurrence of each group's names, so `spans` cover every
   mention, acronyms and surnames included (the statement extractor maps speakers through them);
4. roles of people (`roles.py`) and places on the map (`places.py`), in the context of the
   countries the article mentions.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from anyascii import anyascii
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from wirewatch.clean.authors import NAME_PARTICLES
from wirewatch.extract import mentions as M
from wirewatch.extract.aliases import AliasTable, fold, is_acronym, squash
from wirewatch.extract.cues import INSTITUTION_WORDS
from wirewatch.extract.organisations import from_organisations
from wirewatch.extract.person_names import is_given_name, nominative_name
from wirewatch.extract.places import Gazetteer, division_of, geocode, load_gazetteer, place_key
from wirewatch.extract.roles import roles_at
from wirewatch.extract.wordlists import words
from wirewatch.model import Entity

# Languages the installed parser reads; others get the alias table, gazetteer and capitals only.
PARSED_LANGUAGES = frozenset({"en", "und", ""})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words that may sit beside an alias inside a longer NER span without making it another name:
# "Russian FSB", "ISIS militants", "the Taliban movement".
_GENERIC = words("group movement network militants fighters terrorists forces organisation organization")


@dataclass(slots=True)
class _Groups:
    """Union-find over mention indices."""

    parent: list[int] = field(default_factory=list)

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _combine(doc: Doc, ner: list[M.Mention], found: list[M.Mention], gaz: Gazetteer) -> list[M.Mention]:
    """NER and alias mentions without overlaps: the alias wins unless NER found a longer, other name."""
    keep_alias = [True] * len(found)
    out: list[M.Mention] = []
    for n in ner:
        inside = [k for k, a in enumerate(found) if a.start < n.end and n.start < a.end]
        if not inside:
            out.append(n)
            continue
        contains = all(n.start <= found[k].start and found[k].end <= n.end for k in inside)
        alias_tokens = {i for k in inside for i in range(found[k].start, found[k].end)}
        extra = [doc[i] for i in range(n.start, n.end) if i not in alias_tokens]
        other_name = any(
            t.text[:1].isupper() and fold(t.text) not in gaz.demonyms and t.lower_ not in _GENERIC
            for t in extra
        )
        # A person's name never holds an organisation's or a country's: "Guarantee al-Qaida" is a slip.
        person_slip = n.type == "PERSON" and any(found[k].type != "PERSON" for k in inside)
        if contains and other_name and not person_slip:
            out.append(n)  # "Commonwealth of Independent States Council of Heads" stays itself
            for k in inside:
                keep_alias[k] = False
    out += [a for a, keep in zip(found, keep_alias, strict=True) if keep]
    out.sort(key=lambda m: m.start)
    return out


def _key(doc: Doc, m: M.Mention) -> str:
    return "=" + m.canonical if m.canonical else fold(m.span(doc).text)


def _first_letter(text: str) -> str:
    return fold(text)[:1]


def _bracketed(doc: Doc, i: int, limit: int) -> int | None:
    """The index of the ")" closing the "(" at token i, within `limit` tokens."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    j = i + 1
    while j < len(doc) and j - i <= limit and doc[j].text != ")":
        j += 1
    return j if j < len(doc) and doc[j].text == ")" and j > i + 1 else None


def _initials(span_text: str) -> str:
    """Initials of the capitalised words: "Popular Mobilisation Forces" -> "PMF"."""
    return "".join(w[0] for w in span_text.replace("-", " ").split() if w[:1].isupper())


def _name_run_before(doc: Doc, end: int, taken: set[int]) -> Span | None:
    """The run of capitalised words (with "of", "for", "and", "the" inside) that ends at token `end`,
    never reaching into another mention."""
    start = end
    while start > 0 and start - 1 not in taken:
        t = doc[start - 1]
        name_word = t.is_title or (t.is_upper and t.is_alpha)
        inner_word = t.lower_ in ("of", "for", "and", "the", "-") and start < end
        if not (name_word or inner_word):
            break
        start -= 1
    while start < end and not doc[start].text[:1].isupper():
        start += 1
    return doc[start:end] if end - start >= 2 else None


def _acronym_pairs(doc: Doc, ms: list[M.Mention]) -> tuple[list[tuple[int, int]], list[M.Mention]]:
    """Acronyms defined in the text, as pairs of mention indices to merge, plus the mentions nothing
    else found (their indices follow those of `ms`). Three shapes:
    "Long Name (ACR)", "ACR (Long Name)", and a capitalised run the model missed whose initials spell
    the acronym ("Popular Mobilisation Forces (PMF)")."""
    at = {m.start: k for k, m in enumerate(ms)}
    taken = M.token_set(ms)
    pairs: list[tuple[int, int]] = []
    new: list[M.Mention] = []

    def add(m: M.Mention) -> int:
        new.append(m)
        return len(ms) + len(new) - 1

    def related(a: M.Mention, b: M.Mention, acronym: str, long_name: str) -> bool:
        # The acronym of a translated name need not match its initials (FSB for the Federal Security
        # Service, GKNB for the State Committee for National Security): an organisation the table
        # does not know, followed by an acronym it does not know either, is defining it. Otherwise
        # the acronym must start like the name: "Moscow (AP)" is no definition.
        if a.canonical is not None and a.canonical == b.canonical:
            return True
        long_m, short_m = (b, a) if is_acronym(a.span(doc).text) else (a, b)
        if long_m.type == "ORG" and long_m.canonical is None and short_m.canonical is None:
            return True
        return _first_letter(acronym) == _first_letter(long_name)

    for k, m in enumerate(ms):
        j = _bracketed(doc, m.end, 12)
        if j is None:
            continue
        inner = doc[m.end + 1 : j]
        other = at.get(m.end + 1)
        outer_text = m.span(doc).text
        free = not any(i in taken for i in range(inner.start, inner.end))  # a new mention may go there
        if is_acronym(inner.text) and len(inner) <= 4:
            if other is not None and ms[other].end == j:
                if related(m, ms[other], inner.text, outer_text):
                    pairs.append((k, other))
            elif free and _first_letter(inner.text) == _first_letter(outer_text):
                pairs.append((k, add(M.Mention(inner.start, inner.end, m.type))))
        elif (
            is_acronym(outer_text)
            and other is not None
            and ms[other].end == j
            and related(m, ms[other], outer_text, inner.text)
        ):
            pairs.append((k, other))  # "the CSTO (Collective Security Treaty Organization)"
        elif is_acronym(outer_text) and free and _initials(inner.text) == squash(outer_text):
            pairs.append((k, add(M.Mention(inner.start, inner.end, m.type))))  # nothing found the name
    # Definitions whose long form nothing found.
    for t in doc:
        if t.text != "(" or t.i in taken or t.i == 0 or doc[t.i - 1].i in taken:
            continue
        j = _bracketed(doc, t.i, 4)
        if j is None or not is_acronym(doc[t.i + 1 : j].text):
            continue
        acronym = squash(doc[t.i + 1 : j].text)
        run = _name_run_before(doc, t.i, taken)
        if run is None or _initials(run.text).upper() != "".join(c for c in acronym if c.isalpha()).upper():
            continue
        long_idx = add(M.Mention(run.start, run.end, "ORG"))
        short_idx = at.get(t.i + 1)
        if short_idx is None or ms[short_idx].end != j:
            short_idx = add(M.Mention(t.i + 1, j, "ORG"))
        pairs.append((long_idx, short_idx))
    return pairs, new


def _surname_text(doc: Doc, m: M.Mention) -> str | None:
    """The surname of a full name as written ("Blasio" -> "de Blasio"), or None for one-word names."""
    span = m.span(doc)
    if len(span) < 2 or not span[-1].is_title or len(span[-1]) < 3:
        return None
    start = len(span) - 1
    while start > 1 and (span[start - 1].lower_ in NAME_PARTICLES or span[start - 1].text == "-"):
        start -= 1
    return span[start:].text


def _surname_of(doc: Doc, m: M.Mention) -> str | None:
    text = _surname_text(doc, m)
    return fold(text) if text else None


def in_latin_script(text: str) -> bool:
    """Written in Latin letters (accents and typographic apostrophes allowed): kept as written."""
    return all(not c.isalpha() or c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in text)


# Case endings a surname takes in the languages read without a parser, folded to ASCII: "Досова",
# "Досову", "Досовым" (Russian), "Досові" (Ukrainian), "Dosovs" (German), "Dosovului" (Romanian).
_CASE_ENDINGS = ("ului", "owi", "ovi", "ym", "om", "em", "oi", "ie", "a", "u", "e", "i", "s", "y")


def _surname_owners(full: dict[str, set[int]], word: str, *, inflected: bool) -> set[int] | None:
    """The full names whose surname is `word`, or, on a page read without a parser, `word` minus a
    case ending ("dosova" -> "dosov")."""
    if word in full or not inflected:
        return full.get(word)
    for end in _CASE_ENDINGS:
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= 4:
            # a surname in -a declines from its stem: "Беседы", "Беседе" for Беседа
            owners = full.get(stem) or full.get(stem + "a")
            if owners:
                return owners
    return None


def _group(
    doc: Doc, ms: list[M.Mention], extra_pairs: list[tuple[int, int]], gaz: Gazetteer, *, inflected: bool = False
) -> list[list[int]]:
    g = _Groups()
    for _ in ms:
        g.add()
    by_key: dict[str, int] = {}
    for k, m in enumerate(ms):
        key = _key(doc, m)
        if key in by_key:
            g.union(by_key[key], k)
        else:
            by_key[key] = k
        # An alias mention and a plain mention of its canonical spelling are one name.
        if m.canonical:
            plain = fold(m.canonical)
            if plain in by_key:
                g.union(by_key[plain], k)
            by_key.setdefault(plain, k)
    for a, b in extra_pairs:
        g.union(a, b)
    # People: a surname or a shorter form of one full name ("Bogdanov", "Mikhail Bogdanov").
    full: dict[str, set[int]] = {}
    for k, m in enumerate(ms):
        if m.type == "PERSON":
            s = _surname_of(doc, m)
            if s:
                full.setdefault(s, set()).add(g.find(k))
    for k, m in enumerate(ms):
        # A place or a nationality is not a surname, even when the model glued it to a name
        # ("Trump Oregon"); but a "place" no gazetteer knows, spelled as a person's surname, is
        # the model mistaking an unfamiliar surname ("According to Dosov" tagged GPE).
        text = m.span(doc).text
        if len(m.span(doc)) != 1 or m.canonical or m.type in ("NORP", "FAC"):
            continue
        if m.type in ("GPE", "LOC") and gaz.knows(text):
            continue
        owners = _surname_owners(full, fold(text), inflected=inflected)
        if owners and len({g.find(o) for o in owners}) == 1:
            g.union(next(iter(owners)), k)
    out: dict[int, list[int]] = {}
    for k in range(len(ms)):
        out.setdefault(g.find(k), []).append(k)
    return list(out.values())


def _rescan(
    doc: Doc, ms: list[M.Mention], groups: list[list[int]], folded: list[str]
) -> list[tuple[int, M.Mention]]:
    """Further occurrences of each group's names (and people's surnames) that the first pass missed."""
    forms: dict[str, tuple[int, str]] = {}  # fold(form) -> (group index, form as written)
    clash: set[str] = set()
    for gi, members in enumerate(groups):
        names = [ms[k].span(doc).text for k in members]
        for k in members:
            if ms[k].type == "PERSON" and _surname_of(doc, ms[k]):
                names.append(_surname_text(doc, ms[k]) or "")
        for name in names:
            key = fold(name)
            if not key or len(key) < 2 or (key in STOP_WORDS and not is_acronym(name)):
                continue
            if key in forms and forms[key][0] != gi:
                clash.add(key)
            forms.setdefault(key, (gi, name))
    for key in clash:
        forms.pop(key, None)
    if not forms:
        return []
    taken = M.token_set(ms)
    ner_tokens = {t.i for e in doc.ents for t in e}

    def match(span: Span, key: str) -> int | None:
        hit = forms.get(key)
        if hit is None:
            return None
        if is_acronym(hit[1]):
            if squash(span.text) != squash(hit[1]):
                return None
            if not M.acronym_in_context(span, in_ner=span.start in ner_tokens, known=True):
                return None
        return hit[0]

    found: list[tuple[int, M.Mention]] = []
    lower = frozenset(k.split()[0] for k, (_, form) in forms.items() if form[:1].islower())
    hits = M.scan(doc, match, prefixes=M.prefixes_of(forms), taken=taken, lower_starts=lower, folded=folded)
    for span, gi in hits:
        found.append((gi, M.Mention(span.start, span.end, ms[groups[gi][0]].type)))
    return found


def _name(doc: Doc, members: list[M.Mention], etype: str) -> str:
    canon = Counter(m.canonical for m in members if m.canonical)
    if canon:
        return canon.most_common(1)[0][0]
    texts = [m.span(doc).text for m in members]
    if etype == "PERSON" or any(is_acronym(t) for t in texts):
        # The fullest form: "Mikhail Bogdanov" over "Bogdanov", "Islamic Movement of Uzbekistan" over "IMU".
        best = max(texts, key=lambda t: (len(t.split()), not is_acronym(t), len(t)))
        if etype == "PERSON" and not in_latin_script(best):
            best = nominative_name(best, texts)  # "Сергея Беседы" names Сергей Беседа
    else:
        counts = Counter(texts)
        best = max(counts, key=lambda t: (counts[t], len(t)))
    return best if in_latin_script(best) else anyascii(best)


def _type(members: list[M.Mention], doc: Doc) -> str:
    for m in members:
        if m.canonical:
            return m.type
    if any(m.type == "PERSON" and len(m.span(doc)) >= 2 or _named_like_a_person(m.span(doc)) for m in members):
        return "PERSON"
    counts = Counter(m.type for m in members)
    return max(counts, key=lambda t: (counts[t], -[m.type for m in members].index(t)))


def _shared_surname(doc: Doc, members: list[M.Mention], surnames: set[str], gaz: Gazetteer) -> bool:
    """A name written alone that is the surname of two people named in full ("Campbell" after
    "Douglas Campbell" and "William Campbell"): which of them is meant stays open, so it joins
    neither (`_group`), but it is a person's, whatever type the model gave it ("Campbell" ORG)."""
    for m in members:
        span = m.span(doc)
        if len(span) != 1 or m.canonical or m.type in ("NORP", "FAC") or fold(span.text) not in surnames:
            return False
        if m.type in ("GPE", "LOC") and gaz.knows(span.text):
            return False
    return True


def _city_named_alone(doc: Doc, members: list[M.Mention], surnames: set[str], gaz: Gazetteer) -> bool:
    """A "person", an "organisation" or an untyped name written as one word that is a big city's or
    a country's name, and at least once as a place ("out of Kirkuk"), no given name and no surname of
    anyone named in full on the page: "Kirkuk" tagged PERSON in "the militias that helped retake
    Kirkuk", "Erbil" ORG in "lost Erbil", "Aleppo" NORP in "the northern city of Aleppo"."""
    words = {m.span(doc).text for m in members}
    if len(words) != 1 or any(len(m.span(doc)) != 1 or m.canonical or m.title for m in members):
        return False
    word = next(iter(words))
    key = place_key(word)
    if is_given_name(word) or key in gaz.demonyms or fold(word) in surnames or not M.is_big_place(key, gaz):
        return False
    return any(M.reads_as_place(m.span(doc)) for m in members)


def _named_like_a_person(span: Span) -> bool:
    """A given name and a surname the small model typed as something else ("Magnus Carlsen" ORG,
    "Levon Aronian" GPE): two or three capitalised words, the first a given name, the last no word
    of an institution or a place ("Jordan Valley", "Georgia State")."""
    tokens = [t for t in span if not t.is_punct]
    return (
        2 <= len(tokens) <= 3
        and not any(t.text == "&" or t.lower_ == "and" for t in span)  # "Douglas & Lomason Co": a firm
        and all(t.is_title and t.is_alpha for t in tokens)
        and is_given_name(tokens[0].text)
        and not is_given_name(tokens[-1].text)
        and tokens[-1].lower_ not in _NOT_SURNAMES
        and not load_gazetteer().country_of(span.text)
    )


# Last words that make a name a place, not a person.
_PLACE_HEADS = words(
    "valley river lake mountain mountains hills island islands bay coast city county province region "
    "district street avenue road square park airport port station bridge hospital university college "
    "school church mosque cathedral palace stadium hotel"
)
_NOT_SURNAMES = INSTITUTION_WORDS | _PLACE_HEADS | words("co inc corp ltd llc plc group holdings")


def _context(
    doc: Doc, drafts: list[tuple[str, str, list[M.Mention]]], gaz: Gazetteer, folded: list[str]
) -> Counter[str]:
    """Countries the article mentions, as places or adjectives anywhere ("Libyan"): ISO code -> mentions."""
    ctx: Counter[str] = Counter()
    for name, etype, members in drafts:
        # Names the alias table ties to a country count for it: Haftar's Tripoli is in Libya.
        ctx.update(m.country for m in members if m.country and etype != "GPE")
        if etype == "GPE":
            iso = gaz.country_of(name)
            if iso:
                ctx[iso] += len(members)
            elif division := division_of(name, gaz):
                ctx[division] += len(members)  # "Moscow, Idaho"
                ctx[division.split("-")[0]] += len(members)
    for i, key in enumerate(folded):
        if (iso := gaz.demonyms.get(key)) and doc[i].text[:1].isupper():
            ctx[iso] += 1
    return ctx


def find_entities(doc: Doc, *, aliases: AliasTable, language: str = "en") -> tuple[Entity, ...]:
    gaz = load_gazetteer()
    folded = M.fold_tokens(doc)
    parsed = (language or "") in PARSED_LANGUAGES
    if parsed:
        ner = M.from_ner(doc, aliases=aliases, gaz=gaz)
        found = M.from_aliases(doc, aliases=aliases, ner_tokens=M.token_set(ner), folded=folded)
        ms = _combine(doc, ner, found, gaz)
    else:
        found = M.from_aliases(doc, aliases=aliases, ner_tokens=set(), inflected=True, folded=folded)
        found += from_organisations(doc, language=language or "", gaz=gaz, taken=M.token_set(found))
        ms = sorted(
            found
            + M.from_capitals(doc, gaz=gaz, taken=M.token_set(found), language=language or "", folded=folded),
            key=lambda m: m.start,
        )
    pairs, new = _acronym_pairs(doc, ms)
    ms = ms + new
    groups = _group(doc, ms, pairs, gaz, inflected=not parsed)
    for gi, m in _rescan(doc, ms, groups, folded):
        groups[gi].append(len(ms))
        ms.append(m)

    surnames = {s for m in ms if m.type == "PERSON" and (s := _surname_of(doc, m))}
    drafts: list[tuple[str, str, list[M.Mention]]] = []
    for members_idx in groups:
        members = sorted((ms[k] for k in members_idx), key=lambda m: m.start)
        etype = "PERSON" if _shared_surname(doc, members, surnames, gaz) else _type(members, doc)
        if etype in ("PERSON", "ORG", "OTHER", "NORP") and _city_named_alone(doc, members, surnames, gaz):
            etype = "GPE"
        drafts.append((_name(doc, members, etype), etype, members))
    context = _context(doc, drafts, gaz, folded)
    person_tokens = {i for _, t, mem in drafts if t == "PERSON" for m in mem for i in range(m.start, m.end)}

    out: list[Entity] = []
    for name, etype, members in sorted(drafts, key=lambda d: d[2][0].start):
        mentions = list(dict.fromkeys(m.span(doc).text for m in members))
        roles: list[str] = []
        if etype == "PERSON" and parsed:  # the role patterns read English grammar
            for m in members:
                own = set(range(m.start, m.end))
                roles += [m.title] if m.title else []
                roles += roles_at(doc, m.start, m.end, person_tokens - own)
        geo = None
        if etype in PLACE_TYPES:
            # The place's own mentions are no evidence about which namesake it is.
            own = gaz.country_of(name) if etype == "GPE" else None
            ctx = context - Counter({own: len(members)}) if own else context
            candidates = (
                [name, *mentions] if parsed else [name, *(f for m in mentions for f in M.inflected_forms(m)),
                                                  *M.genitive_bases(mentions)]
            )
            for candidate in candidates:
                geo = geocode(candidate, context=ctx, trim=etype != "GPE")
                if geo is not None:
                    break
            if geo is not None and geo.place and not parsed and not any(m.canonical for m in members):
                name = geo.place  # "Москву" is Moscow, not its transliteration "Moskvu"
            elif geo is not None and geo.place and fold(geo.place) == place_key(name):
                name = geo.place  # "central Asia" is written "Central Asia" in every article
        spans = tuple(sorted((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in members))
        out.append(
            Entity(
                name=name,
                type=etype,
                mentions=tuple(mentions),
                roles=tuple(dict((r.lower(), r) for r in roles).values()),
                count=len(spans),
                geo=geo,
                spans=spans,
            )
        )
    return _merge_same_names(out)


def _merge_same_names(entities: list[Entity]) -> tuple[Entity, ...]:
    """One entity per name and type: two spellings that resolved to one place ("Statele Unite" and
    "SUA", "Siria" and "Siriei") were grouped apart by their surface forms."""
    merged: dict[tuple[str, str], Entity] = {}
    for e in entities:
        key = (e.name, e.type)
        first = merged.get(key)
        if first is None:
            merged[key] = e
            continue
        spans = tuple(sorted({*first.spans, *e.spans}))
        merged[key] = replace(
            first,
            mentions=tuple(dict.fromkeys(first.mentions + e.mentions)),
            roles=tuple(dict((r.lower(), r) for r in first.roles + e.roles).values()),
            count=len(spans),
            geo=first.geo or e.geo,
            spans=spans,
        )
    return tuple(merged.values())
