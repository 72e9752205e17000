"""Wire datelines: where, and often when, a report was filed, opening its first paragraph.

"KAZAN, September 24, 2019. US intelligence agencies ...", "КАЗАНЬ, 24 сентября 2019. ...",
"MOSCOW (Reuters) - ...", "KABUL, Afghanistan (AP) — ...", "Jakarta, 24 September 2019 - ...".
The date a dateline gives is the report's own, so it dates a page that states no date elsewhere;
the dateline itself is part of nobody's statement.

A place in capitals opens a dateline on its own, with a dash after it ("NATO: the alliance ..." is
no dateline); a place written like any word only with a full date after it, since "Moscow, he said,
..." is a sentence, or, where the caller can tell a city's name, with a dash ("Moskow - ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wirewatch.clean.dates import date_at, is_month_name

_PLACE = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:[ -][^\W\d_][^\W\d_'\u2019.-]*){0,3}")
_REGION = re.compile(r", *([^\W\d_][^\W\d_.]*(?: [^\W\d_][^\W\d_.]*){0,2})")
_AGENCY = re.compile(r" *\([^()\n\d]{2,40}\)")
_BEFORE_DATE = re.compile(r",? +|, *")
_DASH = re.compile(r" *[-\u2013\u2014]{1,2} +")
_AFTER_DATE = re.compile(r" *(?:[-\u2013\u2014]{1,2}|:|\.) +")


@dataclass(frozen=True, slots=True)
class Dateline:
    end: int  # where the report's own words begin
    date: str | None  # YYYY-MM-DD, when the dateline gives a full date
    text: str


def dateline_at(text: str, pos: int = 0, *, city: Callable[[str], bool] | None = None) -> Dateline | None:
    """The dateline that opens `text` at `pos`, or None. With `city` (whether a name is a city's), a
    city written like any word with only a dash after it opens one too, as Indonesian and Malay
    wires write it ("Moskow - Dinas intelijen ...", "Jakarta - ..."), and German ones with their
    agency ("Duschanbe (dpa) - ...")."""
    place = _PLACE.match(text, pos)
    if place is None:
        return None
    name = place.group(0)
    in_capitals = name.isupper() and sum(c.isalpha() for c in name) >= 3
    if not in_capitals and city is not None and name[:1].isupper() and city(name):
        at = _skip(_AGENCY, text, place.end())  # "Duschanbe (dpa) - "
        start = _report_start(_DASH, text, at)
        if start is not None:
            return Dateline(start, None, text[pos:at].strip())
    if not (in_capitals or name[0].isupper()):
        return None
    at = place.end()
    region = _REGION.match(text, at) if in_capitals else None
    if region and not is_month_name(region.group(1).split()[0]):
        at = region.end()
    at = _skip(_AGENCY, text, at)
    found = None
    gap = _BEFORE_DATE.match(text, at)
    if gap:
        found = date_at(text, gap.end())
        day = _day_and_month(text, gap.end()) if found is None and in_capitals else None
        if day is not None:  # "MOSCOW, Sept 24 (Reuters) - ": a date without its year dates nothing
            at = _skip(_AGENCY, text, day)
            start = _report_start(_AFTER_DATE, text, at)
            return None if start is None else Dateline(start, None, text[pos:at].strip())
    if found:
        at = _skip(_AGENCY, text, found[1])
    elif not in_capitals:
        return None
    start = _report_start(_AFTER_DATE if found else _DASH, text, at)
    return None if start is None else Dateline(start, found[0] if found else None, text[pos:at].strip())


def _report_start(separator: re.Pattern[str], text: str, at: int) -> int | None:
    """Where the report's own words begin after the dateline's separator at `at`, or None where
    no separator stands there or no word follows it."""
    sep = separator.match(text, at)
    if sep is None or sep.end() >= len(text) or not (text[sep.end()].isalnum() or text[sep.end()] in "\"'«„“‘"):
        return None
    return sep.end()


# A day and a month without the year, either way round: "Sept 24", "Jan. 5", "24 сентября".
_DAY_MONTH = re.compile(r"([^\W\d_]+)\.? +(\d{1,2})\b|(\d{1,2})\.? +([^\W\d_]+)")


def _day_and_month(text: str, at: int) -> int | None:
    """Where a day-and-month date starting at `at` ends, or None."""
    m = _DAY_MONTH.match(text, at)
    if m is None or not is_month_name(m.group(1) or m.group(4)):
        return None
    return m.end()


def _skip(pattern: re.Pattern[str], text: str, at: int) -> int:
    m = pattern.match(text, at)
    return m.end() if m else at
