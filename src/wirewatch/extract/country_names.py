"""Country names in the languages wirewatch reads without a parser, so that "Suriah", "Statele
Unite", "Syrien" and "États-Unis" are places like "Syria" and "United States".

Two sources: the translations of ISO 3166-1 names that pycountry ships (short, common and official
names, gettext catalogues per language), and `data/country_names.csv` for the everyday forms those
catalogues lack ("Rusia", "Russland" beside "Federasi Rusia", "Russische Föderation").
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pycountry

from wirewatch.data import table_rows

# The languages of the region's relays (data/reporting_words.toml), and the big European ones.
LANGUAGES = ("ru", "uk", "de", "fr", "es", "ro", "id", "it", "pl", "pt", "tr")
# Catalogue forms with a comma are sorting forms ("Iran, Islamic Republic of"); shorter names are
# too often words or initials.
_MIN_LETTERS = 4


def country_names(languages: tuple[str, ...] = LANGUAGES) -> Iterator[tuple[str, str]]:
    """(ISO 3166-1 alpha-2, a name of that country in one of `languages`)."""
    records = json.loads((Path(pycountry.DATABASE_DIR) / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    for language in languages:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for rec in records:
            for field in ("name", "common_name", "official_name"):
                english = rec.get(field)
                if not english:
                    continue
                name = catalogue.gettext(english)
                if name != english and "," not in name and len(name) >= _MIN_LETTERS:
                    yield rec["alpha_2"], name
    for iso, name in table_rows("country_names.csv"):
        yield iso, name


# A start of a nationality adjective shorter than this matches only the whole word ("turc", "rus").
_PREFIX_LETTERS = 5


@lru_cache(maxsize=32)
def _nationality_table(language: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(whole words, starts of words) of `language`'s adjectives of nationality -> ISO country."""
    if language == "en":
        return {d.lower(): iso for d, iso in table_rows("demonyms.csv")}, ()
    rows = [(start.lower(), iso) for lang, start, iso in table_rows("nationality_words.csv") if lang == language]
    return ({s: iso for s, iso in rows if len(s) < _PREFIX_LETTERS},
            tuple((s, iso) for s, iso in rows if len(s) >= _PREFIX_LETTERS))


def nationality(word: str, language: str) -> str | None:
    """The country (ISO 3166-1 alpha-2) an adjective of nationality names: "American" and
    "американские" -> US, "französischen" -> FR; None for any other word."""
    whole, starts = _nationality_table(language)
    low = word.lower()
    return whole.get(low) or next((iso for start, iso in starts if low.startswith(start)), None)
