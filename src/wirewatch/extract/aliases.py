"""The alias table: one canonical name for a group or institution across spellings, scripts and articles.

The shipped table (`wirewatch/data/aliases.csv`, documented at its top and in docs/aliases.md) is
merged with a user CSV of the same columns, `canonical,type,alias`; user rows win. Every surface form
is folded before lookup (`fold`): transliterated to ASCII with anyascii, so "ФСБ" meets "FSB" and
"Путин" meets "Putin", lower-cased, apostrophes and dots dropped, hyphens and other punctuation
turned into spaces.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from anyascii import anyascii

from wirewatch.errors import ConfigError

TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "OTHER"})

# Dropped rather than spaced: "Da'esh" must fold like "Daesh", "U.N." like "UN", and anyascii writes
# the Cyrillic soft sign as an apostrophe ("Federal'naya").
_DROPPED = str.maketrans("", "", "'’‘`ʼ.")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _to_ascii(text: str) -> str:
    """Accents dropped by decomposition (fast, covers most Latin names: "Herāt"); anyascii for the rest
    (Cyrillic, Arabic, "ß"), whose tables cost more per call."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain if plain.isascii() else anyascii(plain)


# Kept: an article folds the same few hundred names and words over and over (mentions, aliases,
# places, speakers): about 600 calls per article, most of them repeats.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The lookup key of a surface form: ASCII, lower case, words separated by single spaces."""
    ascii_text = text if text.isascii() else _to_ascii(text)
    return _NON_WORD.sub(" ", ascii_text.translate(_DROPPED).lower()).strip()


def squash(text: str) -> str:
    """A surface form as ASCII without dots or spaces, case kept: how an acronym is compared."""
    return re.sub(r"[\s.]", "", anyascii(text))


def is_acronym(text: str) -> bool:
    """Short and written in capitals ("IS", "U.N.", "IS-K", also "LeT"): matched case-sensitively,
    so that "Let" opening a sentence is not Lashkar-e-Taiba."""
    s = squash(text)
    letters = [c for c in s if c.isalpha()]
    if not 1 < len(letters) <= 5 or " " in text.strip():
        return False
    upper = sum(c.isupper() for c in letters)
    return upper == len(letters) or (upper >= 2 and letters[0].isupper())


@dataclass(frozen=True, slots=True)
class Alias:
    canonical: str
    type: str
    form: str  # the alias as written in the table; for acronyms, what the surface must squash to
    acronym: bool = False
    country: str | None = None  # ISO code the name ties an article to ("Khalifa Haftar" -> "LY")


@dataclass(frozen=True, slots=True)
class AliasTable:
    entries: Mapping[str, Alias] = field(default_factory=dict)  # fold(alias) -> Alias
    max_words: int = 1  # the longest alias, in folded words: bounds the n-gram scan
    lower_starts: frozenset[str] = frozenset()  # first words of aliases written lower-case ("al")
    prefixes: frozenset[str] = frozenset()  # word-prefixes of every key: lets a scan stop early

    def lookup(self, surface: str) -> Alias | None:
        """The alias a surface form stands for, or None. Acronyms must match with their capitals."""
        return self.lookup_key(fold(surface), surface)

    def lookup_key(self, key: str, surface: str) -> Alias | None:
        """`lookup` for a surface form already folded to `key`."""
        hit = self.entries.get(key)
        if hit is None:
            return None
        if hit.acronym and squash(surface) != squash(hit.form):
            return None
        return hit


Row = tuple[str, str, str, str]  # canonical, type, alias, country ("" when none)


def parse_rows(text: str, *, origin: str) -> list[Row]:
    """`canonical,type,alias[,country]` rows of a CSV text; '#' lines and a header row are skipped."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    rows: list[Row] = []
    for n, row in enumerate(csv.reader(io.StringIO(body)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if [c.lower() for c in cells[:3]] == ["canonical", "type", "alias"]:  # the header
            continue
        if len(cells) < 3 or not cells[0] or not cells[2]:
            raise ConfigError(f"{origin}: row {n} is not canonical,type,alias: {row!r}")
        etype = cells[1].upper() or "OTHER"
        if etype not in TYPES:
            raise ConfigError(f"{origin}: row {n} has type {cells[1]!r}; expected one of {sorted(TYPES)}")
        country = cells[3].upper() if len(cells) > 3 else ""
        if country and not (len(country) == 2 and country.isalpha()):
            raise ConfigError(
                f"{origin}: row {n} has country {cells[3]!r}; expected an ISO 3166-1 alpha-2 code"
            )
        rows.append((cells[0], etype, cells[2], country))
    return rows


def build_table(rows: Iterable[Row]) -> AliasTable:
    """Later rows win over earlier ones, so a user table overrides the shipped one. A country given
    on any row of a name applies to all its spellings."""
    rows = list(rows)
    countries = {canonical: country for canonical, _, _, country in rows if country}
    entries: dict[str, Alias] = {}
    for canonical, etype, alias, _ in rows:
        for form in (canonical, alias):
            key = fold(form)
            if not key:
                continue
            # A canonical name never displaces an explicit alias row that uses the same spelling.
            if form is canonical and key in entries and entries[key].canonical != canonical:
                continue
            entries[key] = Alias(canonical, etype, form, is_acronym(form), countries.get(canonical))
    longest = max((len(k.split()) for k in entries), default=1)
    lower = frozenset(fold(a.form).split()[0] for a in entries.values() if a.form[:1].islower())
    prefixes = {" ".join(k.split()[:n]) for k in entries for n in range(1, len(k.split()) + 1)}
    return AliasTable(entries=entries, max_words=longest, lower_starts=lower, prefixes=frozenset(prefixes))


def shipped_rows() -> list[Row]:
    text = resources.files("wirewatch.data").joinpath("aliases.csv").read_text(encoding="utf-8")
    return parse_rows(text, origin="wirewatch/data/aliases.csv")


@lru_cache(maxsize=4)
def load_aliases(user_file: str | None = None) -> AliasTable:
    """The shipped table merged with `user_file` (setting extract.alias_file), built once per process."""
    rows = shipped_rows()
    if user_file:
        path = Path(user_file).expanduser()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as e:
            raise ConfigError(f"alias file {path} cannot be read: {e}") from e
        rows += parse_rows(text, origin=str(path))
    return build_table(rows)
