"""People's names on pages read without a parser: given names, and a name in the nominative.

`given_names` (`data/given_names.txt`) tells a capitalised run that opens with one for a person,
declined or not (`is_given_name`: "Сергея" is Сергей's genitive).

Russian and Ukrainian decline names: "по словам Сергея Беседы" names Сергей Беседа. The fullest
mention of a person, which names the entity, is often a declined one, and transliterated as it
stands it reads "Sergeya Besedy". The given name is restored against the list of given names
(`data/given_names.txt`: Сергея -> Сергей where "sergei" is listed), the surname from the person's
other mentions: of the forms sharing its stem, the shortest (Бортников, not Бортникова, Бортниковым;
Захарова, not Захаровой), and among forms of one length the one in -а (Беседа, not Беседы, Беседе).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from wirewatch.extract.aliases import fold

# Case endings of given names and what the nominative has instead, longest first.
_GIVEN_ENDINGS = (("ием", "ий"), ("ием", "ия"), ("ею", "ея"), ("ея", "ей"), ("ею", "ей"), ("ии", "ий"),
                  ("ия", "ий"), ("ию", "ий"), ("ем", "й"), ("ом", ""), ("ой", "а"), ("ы", "а"), ("и", "я"),
                  ("е", "а"), ("у", "а"), ("ю", "я"), ("а", ""), ("у", ""), ("е", ""), ("я", "й"), ("ю", "й"))
_SAME_STEM_MIN = 4
# A surname's case endings after a declined given name, by the given name's ending (genitive Армана,
# Сергея; dative Ивану; instrumental Олегом, Сергеем), and the nominative's: Досова -> Досов, Беседы ->
# Беседа.
_SURNAME_CASES = (
    (("ом", "ем"), (("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"), ("ой", "а"))),
    (("у", "ю"), (("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"), ("е", "а"))),
    (("а", "я"), (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("ы", "а"),
                  # after к, г, х and the hushing consonants the genitive is spelt -и (Гладки); other
                  # surnames in -и do not decline (Саакашвили)
                  *((c + "и", c + "а") for c in "кгхжшчщ"))),
)


@cache
def given_names() -> frozenset[str]:
    """`data/given_names.txt`, folded to lower-case ASCII as `aliases.fold` spells them."""
    text = resources.files("wirewatch.data").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def is_given_name(word: str) -> bool:
    """A given name of the list, as written or declined ("Сергея", "Ивану")."""
    return fold(word) in given_names() or _given_nominative(word, declined=True) != word


def nominative_name(name: str, mentions: Iterable[str]) -> str:
    """`name` (the fullest mention) with its given name and surname in the nominative, where the
    given-name list or the person's other mentions show it; unchanged elsewhere."""
    words = name.split()
    if len(words) < 2:
        return name
    *given, surname = words
    nominative = _surname_nominative(surname, mentions)
    # A surname restored to a man's form (Бортникова -> Бортников) makes "Александра" his genitive,
    # not a woman's name.
    declined = nominative != surname
    restored = [_given_nominative(g, declined=declined) for g in given]
    if not declined and restored and restored[0] != given[0]:
        # The given name was declined (Армана, Ивану, Сергеем): a surname in the same case follows it.
        nominative = _undecline_surname(surname, given[0].lower())
    return " ".join([*restored, nominative])


def _undecline_surname(surname: str, given: str) -> str:
    for given_endings, endings in _SURNAME_CASES:
        if given.endswith(given_endings):
            for end, nominative in endings:
                if surname.lower().endswith(end) and len(surname) - len(end) >= 3:
                    return surname[: len(surname) - len(end)] + nominative
            break
    return surname


def _given_nominative(word: str, *, declined: bool = False) -> str:
    known = given_names()
    if fold(word) in known and not declined:
        return word
    lower = word.lower()
    for end, nominative in _GIVEN_ENDINGS:
        if lower.endswith(end) and len(word) - len(end) >= 3:
            candidate = word[: len(word) - len(end)] + nominative
            if fold(candidate) in known:
                return candidate
    return word


def _surname_nominative(surname: str, mentions: Iterable[str]) -> str:
    forms = {m.split()[-1] for m in mentions if m.split()} | {surname}
    stem = surname.lower()
    # a surname shorter than a stem ("Li", "Yi") shares none with anything, itself included
    same = [f for f in forms if f == surname or _shares_stem(f.lower(), stem)]
    return min(same, key=lambda f: (len(f), not f.lower().endswith("а"), f))


def _shares_stem(a: str, b: str) -> bool:
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(_SAME_STEM_MIN, max(len(a), len(b)) - 3)
