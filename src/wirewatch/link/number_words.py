"""Numbers written as words, as keys a claim keeps across languages (`data/number_words.csv`).

"Three border guards and a civilian were killed" and "Tiga penjaga perbatasan dan seorang warga sipil
tewas" share no name; their figure is the same claim's. A number word gives its value, times the
multiplier after it ("five thousand" and "пять тысяч" are 5000, as "5,000" is); a multiplier alone
("thousands") is no figure.
"""

from __future__ import annotations

import re
from functools import cache

from wirewatch.data import table_rows

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _table(language: str) -> tuple[dict[str, int], dict[str, int], tuple[tuple[str, int], ...]]:
    """(number words, multiplier words, multiplier stems) of a language."""
    numbers: dict[str, int] = {}
    factors: dict[str, int] = {}
    stems: list[tuple[str, int]] = []
    for lang, word, value in table_rows("number_words.csv"):
        if lang != language:
            continue
        if value.startswith("x"):
            if word.endswith("*"):
                stems.append((word[:-1], int(value[1:])))
            else:
                factors[word] = int(value[1:])
        else:
            numbers[word] = int(value)
    return numbers, factors, tuple(stems)


def _factor(word: str, language: str) -> int | None:
    _, factors, stems = _table(language)
    return factors.get(word) or next((f for stem, f in stems if word.startswith(stem)), None)


def number_words(text: str, language: str) -> set[str]:
    """The figures `text` writes in words of `language`, as the strings `link.features.numbers`
    gives for figures ("5000")."""
    numbers, _, _ = _table(language)
    if not numbers:
        return set()
    words = [w.lower() for w in _WORD.findall(text)]
    out = set()
    taken = -1  # the units word of a compound just read
    for i, w in enumerate(words):
        value = numbers.get(w)
        if value is None or i == taken:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        unit = numbers.get(after, 0)
        if value in _TENS and 0 < unit < 10:
            value += unit  # "sixty-three", "шестьдесят три"
            taken = i + 1
            after = words[i + 2] if i + 2 < len(words) else ""
        factor = _factor(after, language) if after else None
        out.add(str(value * (factor or 1)))
    return out


_TENS = frozenset(range(20, 100, 10))
