"""Finding full calendar dates in text: `str -> [(YYYY-MM-DD, matched text)]`.

Only dates with a day, a month and a year count: "September 23rd" alone cannot date a page.
`latest_past_date` also reads a month of a year ("in March 2019"): not to date a page, but to say
that it was written after then.
Month names in English, German, French, Russian and Ukrainian (genitive forms, as dates use them),
Spanish, Romanian and Indonesian (and the other languages listed at `_MONTHS`), and the Solar Hijri
months of Iranian and Afghan pages, converted to the Gregorian calendar; digits of other scripts
(Persian, Arabic-Indic) read as Latin ones.
"""

from __future__ import annotations

import re
from datetime import date

from jalali_core import JalaliToGregorian

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # Russian (genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    # Ukrainian (genitive)
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
    "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    # Spanish ("5 de marzo de 2031")
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Romanian
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    # Indonesian
    "januari": 1, "februari": 2, "maret": 3, "mei": 5, "agustus": 8, "desember": 12,
    # Polish (genitive; "maja" left out: it is a given name too)
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    # Italian and Portuguese
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "dezembro": 12,
    # Turkish and Uzbek
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8,
    "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
    "yanvar": 1, "fevral": 2, "aprel": 4, "iyun": 6, "iyul": 7, "avgust": 8, "sentabr": 9, "oktabr": 10,
    "noyabr": 11, "dekabr": 12,
    # Kazakh, and Tajik and Russian in the nominative ("сентябр 2019", "Май 2019")
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7, "тамыз": 8,
    "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "май": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12,
    # Arabic: the Gregorian months as Egypt and the Gulf name them, and the Levant's names, which
    # pages print beside them ("9 مارس/آذار 2024"); "كانون" and "تشرين" name two months each, with
    # a second word, and are left out
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9,
}
# Names of the days of the week, in the languages of the month names and those of the region's
# relays (Spanish, Romanian, Indonesian, Italian, Polish, Turkish, Uzbek, Arabic; the Turkish and
# Uzbek names that are common words too, such as "cuma" and "pazar", are left out).
# Monday to Sunday, each with its names in those languages.
_WEEKDAY_NAMES = (
    ("monday", "montag", "lundi", "понедельник", "понеділок", "lunes", "luni", "senin", "lunedì", "poniedziałek",
     "pazartesi", "dushanba", "الاثنين", "الإثنين"),
    ("tuesday", "dienstag", "mardi", "вторник", "вівторок", "martes", "marți", "marţi", "selasa", "martedì",
     "wtorek", "salı", "seshanba", "الثلاثاء"),
    ("wednesday", "mittwoch", "mercredi", "среда", "среду", "середа", "середу", "miércoles", "miercuri", "rabu",
     "mercoledì", "środa", "çarşamba", "chorshanba", "الأربعاء"),
    ("thursday", "donnerstag", "jeudi", "четверг", "четвер", "jueves", "joi", "kamis", "giovedì", "czwartek",
     "perşembe", "payshanba", "الخميس"),
    ("friday", "freitag", "vendredi", "пятница", "пятницу", "п'ятниця", "п'ятницю", "viernes", "vineri", "jumat",
     "venerdì", "piątek", "الجمعة"),
    ("saturday", "samstag", "samedi", "суббота", "субботу", "субота", "суботу", "sábado", "sâmbătă", "sabtu",
     "sabato", "sobota", "cumartesi", "shanba", "السبت"),
    ("sunday", "sonntag", "dimanche", "воскресенье", "неділя", "неділю", "domingo", "duminică", "minggu",
     "domenica", "niedziela", "yakshanba", "الأحد"),
)
_WEEKDAY_NUMBER = {name: k for k, names in enumerate(_WEEKDAY_NAMES) for name in names}
WEEKDAYS = frozenset(_WEEKDAY_NUMBER)
# English short forms, read only as the weekday of a numeric date ("Tue, 02/11/2025 - 16:32"): as
# words of their own they are too often something else ("Sun", "Sat").
_SHORT_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                         "sat": 5, "sun": 6}
SHORT_WEEKDAYS = frozenset(_SHORT_WEEKDAY_NUMBER)


def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower case: words that date a report and name nothing in it."""
    return frozenset(_MONTHS) | WEEKDAYS


# A month may carry a second name after a slash ("مارس/آذار"), which is passed over.
_MONTH = "(?P<mon>" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?(?:/[^\W\d_]+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = "|".join(sorted((re.escape(w) for w in (*_WEEKDAY_NUMBER, *_SHORT_WEEKDAY_NUMBER)), key=len, reverse=True))
_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # June 17, 2024
    # 29th October 2015, 17 июня 2024, 5 de marzo de 2031
    re.compile(rf"\b{_DAY}(?:\s+(?:of|de))?\s+{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}-{_MONTH},?\s+{_YEAR}(?:-yil)?\b", re.I),  # 14-iyul, 2024-yil (Uzbek)
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.{_YEAR}\b"),  # 17.06.2024 (day first: Europe)
    re.compile(rf"\b{_YEAR}/(?P<m>[01]?\d)/(?P<day>[0-3]?\d)\b"),  # 2024/06/17
    # 17/06/2024 or 06/17/2024: read only where the order shows (a part above 12, both the same, or
    # the weekday before it: "Tue, 02/11/2025" is the 11th of February, a Tuesday)
    re.compile(rf"(?:(?<!\w)(?P<wd>{_WEEKDAY})\.?,?\s+)?\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}\b", re.I),
]
# Chinese, Japanese and Korean write a date year, month, day, each with its character: "2023年11月14日",
# "2023년 11월 14일".
_PATTERNS.append(re.compile(
    rf"(?<!\d){_YEAR}\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
))
# The Solar Hijri calendar's months, 1 to 12, as Iran names them and as Afghanistan does (Dari and
# Pashto pages): "۱۹ اردیبهشت ۱۴۰۲" is the 9th of May 2023, "۷ عقرب ۱۳۹۴" the 29th of October 2015.
_SOLAR_MONTHS = {name: k for k, names in enumerate((
    ("فروردین", "حمل"), ("اردیبهشت", "ثور"), ("خرداد", "جوزا"), ("تیر", "سرطان"), ("مرداد", "امرداد", "اسد"),
    ("شهریور", "سنبله"), ("مهر", "میزان"), ("آبان", "عقرب"), ("آذر", "قوس"), ("دی", "جدی"), ("بهمن", "دلو"),
    ("اسفند", "حوت"),
), 1) for name in names}
_PATTERNS.append(re.compile(
    r"(?<!\d)(?P<jday>[0-3]?\d)\s+(?P<jmon>" + "|".join(sorted(_SOLAR_MONTHS, key=len, reverse=True))
    + r")\s+(?:ماه\s+)?(?P<jyear>1[34]\d\d)(?!\d)"
))
# Digits of other scripts ("۱۴۰۲", "٢٠٢٤") read as Latin ones, one character for one, so that a date
# found in the text so read stands at the same place in the text as written.
_DIGITS = str.maketrans({chr(zero + k): str(k) for zero in (0x660, 0x6F0, 0x966, 0x9E6, 0xFF10) for k in range(10)})
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday_number(word: str | None) -> int | None:
    """Monday 0 to Sunday 6 for a weekday's name or English short form, else None."""
    if not word:
        return None
    low = word.lower()
    return _WEEKDAY_NUMBER.get(low, _SHORT_WEEKDAY_NUMBER.get(low))


def _match_iso(m: re.Match[str], *, day_first: bool = False) -> str | None:
    g = m.groupdict()
    if g.get("jmon"):
        year, month, day = int(g["jyear"]), _SOLAR_MONTHS[g["jmon"]], int(g["jday"])
        if not 1 <= day <= (31 if month <= 6 else 30):
            return None
        return _iso(*JalaliToGregorian(year, month, day).getGregorianList())
    if g.get("a"):
        a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
        if b > 12 >= a:
            day, month = b, a
        elif a > 12 >= b or a == b:
            day, month = a, b
        elif (weekday := _weekday_number(g.get("wd"))) is not None and (
            told := [iso for iso in (_iso(year, a, b), _iso(year, b, a))
                     if iso and date.fromisoformat(iso).weekday() == weekday]
        ):
            return told[0]
        elif day_first:
            day, month = a, b
        else:
            return None  # 05/06/2024: the 5th of June or the 6th of May
        return _iso(year, month, day)
    month = int(g["m"]) if g.get("m") else _MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    return _iso(int(g["year"]), month, int(g["day"])) if month else None


# Every pattern above needs a year: a text without one is spared them all (most lines of a page).
_ANY_YEAR = re.compile(r"(?:19|20|13|14)\d\d")


def find_dates(text: str, *, day_first: bool = False) -> list[tuple[str, str]]:
    """The full dates in the text, in order. `day_first`: "09/03/2024" is the 9th of March, as
    everywhere but in the United States (a page not in English); otherwise a date whose order the
    numbers do not show is left out."""
    latin = text.translate(_DIGITS)
    if not _ANY_YEAR.search(latin):
        return []
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(latin):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            iso = _match_iso(m, day_first=day_first)
            if iso:
                found.append((m.start(), iso, text[m.start() : m.end()]))
                taken.append((m.start(), m.end()))
    return [(iso, s) for _, iso, s in sorted(found)]


def date_at(text: str, pos: int) -> tuple[str, int] | None:
    """The full date that starts at `pos`, as (YYYY-MM-DD, where it ends); None if none starts there."""
    latin = text.translate(_DIGITS)
    for pattern in _PATTERNS:
        m = pattern.match(latin, pos)
        iso = _match_iso(m) if m else None
        if m and iso:
            return iso, m.end()
    return None


def is_month_name(word: str) -> bool:
    return word.lower().rstrip(".") in _MONTHS


_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+|de\s+)?{_YEAR}\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+")
# Words that make a sentence look ahead: its dates may be later than the report ("will open in May 2031").
_AHEAD = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|expected|expects|scheduled|due|by|until|till|next|upcoming"
    r"|aims?|intends?|target|deadline|before)\b",
    re.I,
)


def latest_past_date(text: str) -> str | None:
    """The latest date the text speaks of as past (a full date, or the first day of a month of a year),
    outside sentences that look ahead. A report is written after what it recounts, so this bounds the
    publication of an undated page from below: "In March 2019, the head of the directorate said"."""
    latest: str | None = None
    for sent in _SENTENCE.finditer(text):
        if _AHEAD.search(sent.group(0)):
            continue
        found = [iso for iso, _ in find_dates(sent.group(0))]
        for m in _MONTH_YEAR.finditer(sent.group(0)):
            month = _MONTHS.get(m.group("mon").lower().rstrip("."))
            iso = _iso(int(m.group("year")), month, 1) if month else None
            if iso:
                found.append(iso)
        latest = max([latest, *found], key=lambda d: d or "") or None
    return latest


def date_in_url(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def normalise_date(value: str | None) -> str | None:
    """A date given as metadata (ISO, with or without time, or in words) as YYYY-MM-DD."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = find_dates(value)
    return found[0][0] if found else None
