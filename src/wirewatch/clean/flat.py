"""The flattened-text cleaner: a page's text with its markup gone, one block per line.

No library does this, so it is built here as a readable cascade:

1. the reader-comment section is found and split into separate, dated comments
   (`text_comments.py`, shared with the HTML cleaner);
2. every other line is labelled `good` (article prose), `short` (headings, captions, labels) or
   `bad` (chrome: menus, share bars, ads, donation widgets, forms, outlet-wide repeated lines,
   author boxes) from its own features;
3. the article is the run of lines with the highest score (prose counts for, chrome against:
   a maximum-sum run, so an ad inside an article does not cut it in two);
4. the headline is chosen among the lines above the article (printed twice, like the URL's slug,
   title-shaped), and its copies are taken out of the body;
5. on pages of 40 lines or more, the line model (`line_model.py`, trained by `line_train.py`) has
   the last word on which lines are the article: it reads every line's shape with what steps 2-4
   said of it and of its neighbours (the rules' own choice stays the fallback, and decides on short
   pages);
6. glued caption fragments are cut off paragraph starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from wirewatch.clean import lines as L
from wirewatch.clean.authors import byline_in_block, names_only
from wirewatch.clean.dates import SHORT_WEEKDAYS, calendar_words, date_at, find_dates
from wirewatch.clean.language import stop_words
from wirewatch.clean.line_model import LineFacts, LineModel, features, load_line_model
from wirewatch.clean.parts import DateSeen, PageParts, comment_dates
from wirewatch.clean.text_comments import comment_zone, split_comments
from wirewatch.model import Comment, Found

# Scores for the maximum-sum run. A prose line counts its words; chrome costs more than a short
# paragraph of prose brings, so a menu between two articles separates them, while one ad line
# inside a long article does not.
_BAD_COST = 12
# An ad slot's label or a read-also link between paragraphs costs the run no more than a short line
# (`_scores`): the paragraph after it, one sentence in a language of short sentences, was cut.
_ASIDE = "advertisement or read-also link"
_SHORT_COST = 2
# A line is prose when it is at least this long and ends like a sentence...
_GOOD_MIN_WORDS = 8
# ...or when it is this long whatever its end.
_LONG_MIN_WORDS = 25
# With a stop-word list for the language, prose has at least this share of stop words.
_MIN_STOP_SHARE = 0.12
_TITLE_MAX_WORDS = 30



@dataclass(slots=True)
class _Line:
    index: int
    text: str
    label: str = "short"  # good | short | bad
    why: str = ""

    @property
    def n_words(self) -> int:
        return len(L.words(self.text))


# --- 2. line labels ---------------------------------------------------------------------------


def _label(line: _Line, stops: frozenset[str], chrome: frozenset[str]) -> None:
    t = line.text.strip()
    n = line.n_words
    if not L.has_letters(t):
        line.label, line.why = "bad", "no words"
    elif L.is_inline_aside(t):
        line.label, line.why = "bad", _ASIDE
    elif L.is_chrome(t) or L.is_comment_form(t) or L.is_comment_header(t):
        line.label, line.why = "bad", "page furniture"
    elif L.is_call_to_action(t):
        line.label, line.why = "bad", "call to action"
    elif L.is_boilerplate_sentence(t):
        line.label, line.why = "bad", "site-wide notice (cookies, forms, disclosures)"
    elif chrome and L.line_hash(t) in chrome:
        line.label, line.why = "bad", "repeated on many pages of this outlet"
    elif L.is_date_line(t):
        line.label, line.why = "bad", "date line"
    elif L.byline_name(t):
        line.label, line.why = "bad", "byline"
    elif n >= _LONG_MIN_WORDS or (n >= _GOOD_MIN_WORDS and L.ends_sentence(t)):
        share = L.stop_word_share(L.words(t), stops)
        prose = not stops or share >= _MIN_STOP_SHARE
        line.label = "good" if prose else "short"
    else:
        line.label = "short"


def _mark_author_boxes(lines: list[_Line]) -> str | None:
    """An author box: a name on its own line, then "Name is a ..." - the bio is not the article."""
    author = None
    for k, line in enumerate(lines):
        for prev in lines[max(0, k - 3) : k]:
            name = prev.text.strip()
            if 1 <= len(name.split()) <= 5 and re.match(
                re.escape(name) + r"\s+(is|was|has been|are)\s", line.text.strip()
            ):
                line.label, line.why = "bad", "author or outlet box"
                for p in lines[max(0, k - 3) : k]:
                    if p.text.strip() == name:
                        p.label, p.why = "bad", "author or outlet box"
                author = author or name
    return author


# --- 3. the article run -----------------------------------------------------------------------


def _score(line: _Line) -> float:
    if line.label == "good":
        return float(line.n_words)
    if line.label == "bad":
        return -float(_BAD_COST + min(line.n_words, 20))
    if L.ends_sentence(line.text) and line.n_words >= 4:
        return line.n_words / 2
    return -float(_SHORT_COST)


def _scores(lines: list[_Line]) -> list[float]:
    """Each line's score; an ad label or read-also link with a sentence right after it costs no more
    than a short line (one ending the article, before related links, costs in full)."""
    scores = [_score(line) for line in lines]
    for k, line in enumerate(lines[:-1]):
        if line.why == _ASIDE and scores[k + 1] > 0:
            scores[k] = -float(_SHORT_COST)
    return scores


def _best_run(lines: list[_Line]) -> tuple[int, int] | None:
    """Positions [start, end] in `lines` of the maximum-sum run, or None when nothing scores."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for k, score in enumerate(_scores(lines)):
        if total <= 0:
            total, start = 0.0, k
        total += score
        if total > best:
            best, best_span = total, (start, k)
    return best_span


# A short line inside the run is kept when it sits right above prose (a heading), or when it has
# _LIST_WORDS words or more and prose on both sides at any distance (list items, captions).
# Measured on WCXB dev flattened (first 400 pages): menus and related links left inside the run
# fall from 0.195 to 0.095 of the non-article lines for 0.001 of word F1; keeping short lines one
# line from prose as well gives +0.001 F1 but 0.115 of those lines.
_LIST_WORDS = 7
# A sentence of at least this many words right after the run's last line is kept (`_closing_sentence`).
_CLOSING_MIN_WORDS = 4
# Four or more lines in a row of at most three words, with no prose among them, are a menu or a
# tag list even inside the run (on WCXB dev flattened: fewer non-article lines, same F1).
_MENU_STREAK = 4
_MENU_WORDS = 3
# Four or more name-and-short-sentence pairs in a row are a teaser catalogue (WCXB dev flattened,
# first 400 pages: non-article lines kept 0.125 -> 0.116, word F1 +0.001).
_TEASER_PAIRS = 4
_TEASER_WORDS = 20


def _near_prose(run: list[_Line]) -> list[_Line]:
    """The run's prose, and its short lines that sit right above prose (a heading) or, long enough
    to be list items, between prose; menus, teaser catalogues and related-link boxes inside the run
    go."""
    good = [k for k, ln in enumerate(run) if ln.label == "good"]
    if not good:
        return [ln for ln in run if ln.label != "bad"]
    kept = []
    menu = _menu_streaks(run) | _teaser_pairs(run)
    for k, ln in enumerate(run):
        if ln.label == "bad" or k in menu:
            continue
        if ln.label == "good":
            kept.append(ln)
            continue
        prev = max((g for g in good if g < k), default=None)
        nxt = min((g for g in good if g > k), default=None)
        dp = k - prev if prev is not None else 10**6
        dn = nxt - k if nxt is not None else 10**6
        if dn == 1 or (ln.n_words >= _LIST_WORDS and max(dp, dn) < 10**6):
            kept.append(ln)
    return kept


_CLOSING_END = re.compile(r"[.!?][\"'\u2019\u201d\u00bb)]?\s*$")


def _closing_sentence(line: _Line, stops: frozenset[str]) -> bool:
    """A short sentence right after the article's last paragraph ("Washington has not responded to
    the accusation."): the other side's one line, too short to be prose, often the last word."""
    t = line.text.strip()
    tokens = L.words(t)
    return (
        line.label == "short"
        and len(tokens) >= _CLOSING_MIN_WORDS
        and t[:1].isupper()
        and bool(_CLOSING_END.search(t))
        and (not stops or L.stop_word_share(tokens, stops) >= _MIN_STOP_SHARE)
    )


def _closing_candidate(lines: list[_Line], start: int, end: int) -> _Line | None:
    """The line after the run's last prose line, ad labels and read-also links passed over: where a
    short last sentence stands ("Baca Juga: ..." and then "Beseda tidak memberikan bukti.")."""
    good = [k for k in range(start, end + 1) if lines[k].label == "good"]
    k = (good[-1] if good else end) + 1
    while k < len(lines) and lines[k].why == _ASIDE:
        k += 1
    return lines[k] if k < len(lines) else None


def _menu_streaks(run: list[_Line]) -> set[int]:
    """Positions of lines in streaks of _MENU_STREAK or more consecutive non-prose lines of at most
    _MENU_WORDS words each: menus, tag clouds, share bars, whatever sits next to them."""
    out: set[int] = set()
    streak: list[int] = []
    for k, ln in enumerate([*run, None]):
        if ln is not None and ln.label != "good" and ln.n_words <= _MENU_WORDS:
            streak.append(k)
            continue
        if len(streak) >= _MENU_STREAK:
            out.update(streak)
        streak = []
    return out


def _teaser_pairs(run: list[_Line]) -> set[int]:
    """Positions of a catalogue of teasers: _TEASER_PAIRS or more name-and-one-sentence pairs in a
    row ("Document AI" / "Document processing automated at scale."), as mega-menus and related
    boxes print them; an article's sections have longer paragraphs than _TEASER_WORDS words."""
    out: set[int] = set()
    k, pairs = 0, []
    while k < len(run):
        name, blurb = run[k], run[k + 1] if k + 1 < len(run) else None
        if (
            blurb is not None
            and name.label != "good" and 1 <= name.n_words <= _TITLE_MAX_WORDS // 3
            and not L.ends_sentence(name.text)
            and blurb.label == "good" and blurb.n_words <= _TEASER_WORDS
        ):
            pairs.append(k)
            k += 2
            continue
        if len(pairs) >= _TEASER_PAIRS:
            out.update(j for p in pairs for j in (p, p + 1))
        pairs = []
        k += 1
    if len(pairs) >= _TEASER_PAIRS:
        out.update(j for p in pairs for j in (p, p + 1))
    return out


def _headline_anchor(lines: list[_Line], url: str | None) -> _Line | None:
    """The line that is the headline beyond doubt: most of its words spell the URL's slug and most
    of the slug is in it. The article starts near it, so it anchors the run."""
    slug = _slug_words(url)
    if len(slug) < 3:
        return None
    best, best_cover = None, 0.0
    for line in lines:
        ws = {w.lower() for w in L.words(line.text)}
        if line.label == "bad" or not 3 <= len(ws) <= _TITLE_MAX_WORDS:
            continue
        inside, cover = len(ws & slug) / len(ws), len(ws & slug) / len(slug)
        if inside >= 0.6 and cover >= 0.6 and cover > best_cover:
            best, best_cover = line, cover
    return best


# --- 4. the headline --------------------------------------------------------------------------


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = urlparse(url).path.rstrip("/")
    slug = path.rsplit("/", 1)[-1]
    return {w for w in re.split(r"[-_.+]+", slug.lower()) if w.isalpha() and len(w) > 1}


def _title_score(line: _Line, slug: set[str], repeats: int, proximity: float, *, title_case: bool = True) -> float:
    ws = [w.lower() for w in L.words(line.text)]
    score = 0.0
    if slug and ws:
        score += 4 * sum(w in slug for w in ws) / len(ws)
    if repeats > 1:
        score += 2
    if len(ws) >= 4:
        score += 1
    elif len(ws) <= 2:
        score -= 2
    caps = [w for w in L.words(line.text) if w[:1].isalpha()] if title_case else []
    if caps and sum(w[:1].isupper() for w in caps) / len(caps) >= 0.6:
        score += 1
    return score + proximity


# Headline scores for standing close above the article, and for being the page's first line (as
# pages exported "Title\n\nBody" print it, a deck line or a caption under it). Chosen on WCXB dev
# flattened (793 pages with a gold title) and FakeNewsNet's 410 articles written as title and text:
# exact titles 0.540 / 0.236 (WCXB with / without the URL) and 0.612 (FakeNewsNet) with the
# nearest line's +0.5 of before; 0.570 / 0.364 / 0.981 now. Without the first-line bonus WCXB gave
# 0.573 / 0.371 and FakeNewsNet 0.902.
PROXIMITY_TOP = 4.0
PROXIMITY_STEP = 0.4
FIRST_LINE = 1.0
# Languages whose headlines capitalise most words ("Drone Strike Wounds Two"), where that marks a
# headline; in others a menu item or a widget's label is as capitalised as a headline ("Погода в
# Брянске" beside "В Севске беспилотник атаковал нефтебазу"), and in German every noun is.
_TITLE_CASE_LANGUAGES = frozenset({"en"})
# A news page prints its byline and date under the headline, over the article: the line over that
# block (`_over_bylines`) is the headline more likely than a line nearer the article (a share bar,
# "Printer friendly version", an agency's name). A line of tools, credits or menu items ("Email|Print|
# Text size", "The Associated Press", "Sports Section Sponsors") is none. Chosen on flattened L3S-GN1
# news pages (headline found 0.43 -> 0.68) with WCXB dev and FakeNewsNet beside (0.575 -> 0.610, 0.981).
OVER_BYLINE = 3.5
TOOL_LINE = 5.0
# Of two lines over the byline block, the upper is the headline where the lower runs long, a deck
# ("DRONE BLITZ: Fuel depot ablaze ..." over "Huge fireball lights up night sky over ..."); a short
# lower line is the headline under a kicker or a promotion. Flattened L3S-GN1 headlines 0.6904 ->
# 0.6921, WCXB dev 0.6103 -> 0.6129 (+1.0 instead of +0.6: same / 0.6116; on any pair: L3S 0.6689).
OVER_DECK = 0.6
# A line printed twice, one right under the other, is the headline (the first of the two), beside
# its deck and standfirst nearer the byline.
PRINTED_TWICE = 3.5
_TWICE_OVER_BYLINE = 4
_TWICE_MIN_WORDS = 5  # a menu item printed twice is shorter ("What's on MyTV9")
DECK_MIN_WORDS = 10
# The page's first line, where more than this many lines stand between it and the article, is its
# masthead (the site's name, a tagline) more likely than its headline: it loses what it gains for
# standing first and more. Flattened L3S-GN1 headlines 0.6921 -> 0.7185 (2 or 3 the same; 5: 0.7053;
# over 6 lines: 0.6987), WCXB dev without the address 0.5095 -> 0.512, FakeNewsNet 0.981. A line of
# up to `_SITE_NAME_WORDS` words that repeats it is the site's name.
MASTHEAD = 3.0
MASTHEAD_LINES = 4
_SITE_NAME_WORDS = 4
_TOOL_WORDS = re.compile(
    r"\b(?:e-?mail|print(?:er)?|share|font|text size|rss|digg|del\.icio\.us|bookmark|sponsor(?:s|ed)?|"
    r"advertis\w*|subscribe|newsletters?|related|keywords?|tags?|go to|click here|comments?|recipient'?s?|"
    r"friend|feeds?|printable|write to)\b",
    re.I,
)


# A run of prose may open with the headline and its deck, where they read as sentences ("Did
# Uzbekistan just bust a jihadist supply line?"), over the byline block: at most this many lines.
_HEAD_IN_RUN = 2


def _under_byline_block(lines: list[_Line], start: int, end: int) -> int:
    """Where the article starts in the run from `start` to `end`: under the byline block, where one
    stands under the run's first line or two (a headline and its deck), else at `start`."""
    heads = 0
    for k in range(start, min(end, start + _HEAD_IN_RUN + _BYLINE_BLOCK_UP) + 1):
        line = lines[k]
        if _in_byline_block(line):
            if heads == 0:
                return start
            after = next((j for j in range(k + 1, end + 1) if not (_in_byline_block(lines[j]) or _filler(lines[j]))), None)
            return after if after is not None else start
        if _filler(line):
            continue
        heads += 1
        if heads > _HEAD_IN_RUN or line.n_words > _TITLE_MAX_WORDS:
            return start
    return start


def _lede_over_byline(lines: list[_Line], start: int) -> _Line | None:
    """The article's opening paragraph printed over its byline block, the block right above the
    run of prose ("SIXTY-THREE villagers were slaughtered ..., the health ministry said." / "By Gemma
    Pryce" / "10:32, Wed, Sep 28, 2022" / "Link copied" / article): a long sentence, as a deck is not."""
    k = _over_block(lines, start)
    if k is None or not any(_in_byline_block(ln) for ln in lines[k + 1 : start]):
        return None
    line = lines[k]
    return line if line.label == "good" and line.n_words >= L.PROSE_LONG_WORDS and L.ends_sentence(line.text) else None


def _printed_twice(k: int, candidates: list[_Line], over: set[int]) -> bool:
    """The line printed again right under itself, a few lines over the byline block, and as long as a
    headline: a headline in its page's title bar and its <h1>, with its decks under it (a menu printed
    twice, for phones and for desktops, stands far from the byline)."""
    return (k + 1 < len(candidates) and candidates[k].n_words >= _TWICE_MIN_WORDS
            and L.normalise_line(candidates[k].text) == L.normalise_line(candidates[k + 1].text)
            and any(j in over for j in range(k + 1, k + 1 + _TWICE_OVER_BYLINE)))


def _over_deck(line: _Line, k: int, candidates: list[_Line], over: set[int]) -> bool:
    """A headline over its deck, both over the byline block: the deck under it runs longer than a
    kicker or a section label does."""
    return k in over and k + 1 in over and line.n_words >= 4 and candidates[k + 1].n_words >= DECK_MIN_WORDS


def _over_bylines(candidates: list[_Line]) -> set[int]:
    """Positions of the lines that stand over a byline block: going up from each byline or date
    line, past the rest of the block (other bylines and dates, credits such as "Associated Press
    Writer" or "Jason Botchford, The Province", tools, lines of a word or two), the first line."""
    over = set()
    for b, line in enumerate(candidates):
        if _in_byline_block(line) and (k := _over_block(candidates, b)) is not None:
            # and the line over that one: a headline may stand over its deck (which the scores tell apart)
            over.update((k, k - 1) if k > 0 and not _filler(candidates[k - 1]) else (k,))
    return over


def _over_block(lines: list[_Line], below: int) -> int | None:
    """The position of the first line over the byline block that ends right above `below`: up past
    bylines, dates and the block's other lines (`_filler`), within `_BYLINE_BLOCK_UP` lines; None
    where the block runs longer or to the top."""
    k = below - 1
    while k >= 0 and below - k <= _BYLINE_BLOCK_UP and (_in_byline_block(lines[k]) or _filler(lines[k])):
        k -= 1
    return k if k >= 0 and below - k <= _BYLINE_BLOCK_UP else None


_BYLINE_BLOCK_UP = 6  # lines
_CREDIT = re.compile(
    rf"\b(?:{L.JOURNALIST_ROLE}s?|press|agenc(?:y|ies)|news service|reuters|afp|courtesy|staff|team|(?:co-)?founder)\b"
    r"|^special to\b"
    r"|^article from\b", re.I,
)
_CREDIT_WORDS = 10


def _in_byline_block(line: _Line) -> bool:
    return line.why in ("byline", "date line") or L.is_byline(line.text) or L.is_date_line(line.text) or _dated_at_start(
        line.text)


# A picture's caption ends with its credit: "(REUTERS/Jose Gomez)", "(Photo: Anna Kerr)", "(stock
# image)", or after its sentence "... in Asunción. Photo: Star archive", "... April 2, 2023. WANA
# (West Asia News Agency) via Meridian".
_PHOTO_CREDIT = re.compile(
    r"\((?:[^()]*\b(?-i:[A-Z])[\w.&-]*\s?/\s?(?-i:[A-Z])[^()]*|[^()]*\b(?:photo|picture[ds]?|image|foto|фото)\b[^()]*)\)\W*$"
    r"|[.!?]\s+(?:(?:photo|picture|image|foto|фото)\s*[:|/]\s*[^.!?]{2,60}"
    r"|[^.!?]{0,80}\bvia\s+(?-i:[A-Z])\S*(?:\s+(?-i:[A-Z])\S*){0,3})$",
    re.I,
)


# A line that opens with its date is a stamp or a byline ("Jan 14 2008 by Andy Howell, Western Mail",
# "01/13/08 - Ontario Hockey League"), not a headline.
_NUMERIC_DATE_AT_START = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\b")


def _dated_at_start(text: str) -> bool:
    return date_at(text, 0) is not None or _NUMERIC_DATE_AT_START.match(text) is not None


def _filler(line: _Line) -> bool:
    """A line of the byline block that is neither byline nor date: a credit, a tool, a word or two."""
    text = line.text
    return (
        line.label == "bad" or line.n_words <= 2 or _tool_line(text) or _mostly_figures(text)
        or (line.n_words <= _CREDIT_WORDS and _CREDIT.search(text) is not None) or names_only(text)
    )


_TOOL_LINE_WORDS = 8
_TEMPERATURE = re.compile(r"(?:^|\s)[+\-\u2212]\d{1,2}\s*(?:°\s*[CF]?)?$|\d\s*°[CF]?\b")


def _tool_line(text: str) -> bool:
    """Tools, a credit or menu items rather than a headline: a tool's word in a short line, items
    between separators, a few words in capitals ("ASSOCIATED PRESS"), a weather widget ("Погода в
    Брянске: +3")."""
    words = L.words(text)
    return (
        (len(words) <= _TOOL_LINE_WORDS and (_TOOL_WORDS.search(text) is not None or _TEMPERATURE.search(text) is not None))
        or "|" in text or text.count(" - ") >= 2
        or (" » " in text and "«" not in text)  # a breadcrumb's », not a closing quote
        or (len(words) <= 4 and text.isupper())
    )


def _proximity(lines_between: int) -> float:
    """What being close above the article adds to a line's headline score: a headline stands right
    over its article (a byline or date between them at most), a menu item further up."""
    return max(0.0, PROXIMITY_TOP - PROXIMITY_STEP * lines_between)


def _mostly_figures(text: str) -> bool:
    """A date or time stamp in any language ("24 Eylül 2019, 14:20", "Sat 19 Jan, 10:45 AM"), a
    score, a phone number."""
    ws = L.words(text)
    stamp = sum(w.isdigit() or w.lower().rstrip(".") in _STAMP_WORDS for w in ws)
    return 2 * sum(w.isdigit() for w in ws) > len(ws) or (bool(ws) and stamp == len(ws))


# month names (abbreviations too) and weekdays, with the short weekdays and the clock's halves
_STAMP_WORDS = calendar_words() | SHORT_WEEKDAYS | {"am", "pm"}


def _choose_title(
    candidates: list[_Line], all_lines: list[_Line], url: str | None, language: str = "en"
) -> tuple[_Line, str] | None:
    slug = _slug_words(url)
    counts: dict[str, int] = {}
    for line in all_lines:
        counts[L.normalise_line(line.text)] = counts.get(L.normalise_line(line.text), 0) + 1
    usable = [
        c for c in candidates
        if c.label != "bad" and 2 <= c.n_words <= _TITLE_MAX_WORDS and not c.text.rstrip().endswith((".", ":"))
        and not L.is_byline(c.text) and not _mostly_figures(c.text) and not L.is_date_line(c.text)
        and not _dated_at_start(c.text) and not _PHOTO_CREDIT.search(c.text)
    ]
    masthead = all_lines[0] if len(candidates) > MASTHEAD_LINES else None
    if masthead is not None and masthead.n_words <= _SITE_NAME_WORDS:
        # the masthead's words again, credited under the headline or in the footer: the site's name
        key = _name_key(masthead.text)
        usable = [c for c in usable if c is masthead or _name_key(c.text) != key]
    if not usable:
        return None
    at = {id(c): k for k, c in enumerate(candidates)}
    over = _over_bylines(candidates)
    scored = [
        (_title_score(c, slug, counts[L.normalise_line(c.text)], _proximity(len(candidates) - 1 - at[id(c)]),
                      title_case=language in _TITLE_CASE_LANGUAGES)
         + (FIRST_LINE if c is all_lines[0] else 0.0)
         - (MASTHEAD if c is masthead else 0.0)
         + (OVER_BYLINE if at[id(c)] in over else 0.0) - (TOOL_LINE if _tool_line(c.text) else 0.0)
         + (OVER_DECK if _over_deck(c, at[id(c)], candidates, over) else 0.0)
         + (PRINTED_TWICE if _printed_twice(at[id(c)], candidates, over) else 0.0),
         -k, c)
        for k, c in enumerate(usable)
    ]
    score, _, best = max(scored, key=lambda x: (x[0], x[1]))
    if score < 1:
        return None
    reasons = [f"text line {best.index + 1}"]
    if counts[L.normalise_line(best.text)] > 1:
        reasons.append("printed more than once")
    if slug and any(w.lower() in slug for w in L.words(best.text)):
        reasons.append("matches the URL")
    return best, ", ".join(reasons)


def _name_key(text: str) -> str:
    """A site's name compared without its article: "Jakarta Morning Post", "The Jakarta Morning Post"."""
    return L.normalise_line(text).removeprefix("the ")


def headline_over(texts: list[str], *, language: str = "en", over_byline: bool = False) -> str | None:
    """The headline among the lines printed over an article (`texts`, in page order, the article's
    first line excluded): for an HTML page whose markup names no headline but the site. With
    `over_byline`, only a line standing over a byline block."""
    lines = [_Line(i, t.strip()) for i, t in enumerate(texts) if t.strip()]
    stops = stop_words(language)
    for line in lines:
        _label(line, stops, frozenset())
    chosen = _choose_title(lines, lines, None, language) if lines else None
    if chosen is None or (over_byline and lines.index(chosen[0]) not in _over_bylines(lines)):
        return None
    return chosen[0].text


# --- the cascade ------------------------------------------------------------------------------


def _join_wrapped(texts: list[str]) -> list[tuple[int, str]]:
    """Lines of one paragraph that a hard wrap split (the next line starts in lower case) rejoined."""
    units: list[tuple[int, str]] = []
    for i, t in enumerate(texts):
        s = t.strip()
        if not s:
            continue
        if (
            units
            and i > 0
            and texts[i - 1].strip()
            and s[:1].islower()
            and not L.glued_prefix(s)
            and not L.ends_sentence(units[-1][1])
            and len(L.words(units[-1][1])) >= _GOOD_MIN_WORDS
        ):
            units[-1] = (units[-1][0], units[-1][1] + " " + s)
        else:
            units.append((i, s))
    return units


# The line model reads pages of at least this many lines; shorter ones carry little chrome and the
# rules alone clean them (the seed pages have 22 and 25). The model was trained on WCXB pages, 95%
# of them over 59 lines; on its train pages out of fold, leaving those under 40 lines to the rules
# costs 0.0002 of word F1, while on short fictional pages the model is unsure of plain prose.
_MODEL_MIN_LINES = 40
# Where the model keeps less than this share of the words the rules keep, the rules decide: the model
# learnt from long English pages and can drop everything of a short article in heavy chrome or in
# another language (a flattened Russian relay of six prose lines lost all of them). Held-out WCXB dev
# (285 pages): word F1 0.9083 -> 0.9162, non-article lines kept 0.065 -> 0.068. 0.5 was the first
# value tried and is kept; 0.7 scored higher there (0.9189) but was not chosen on the held-out pages.
_MODEL_MIN_SHARE = 0.5


@dataclass(slots=True)
class _Reading:
    """What the rule cascade made of a page, before the line model has its say."""

    lines: list[_Line]
    comments: list[Comment]
    author_box: str | None
    run: tuple[int, int] | None  # positions in `lines` of the densest run of prose
    rule_body: list[_Line]
    title: tuple[_Line, str] | None
    stops: frozenset[str]
    lede: _Line | None = None  # the article's opening, printed over its byline block

    def facts(self) -> list[LineFacts]:
        """Each line with what the rules found, for the line model."""
        kept = {id(ln) for ln in self.rule_body}
        title_key = L.normalise_line(self.title[0].text) if self.title else None
        start, end = self.run if self.run else (len(self.lines), -1)
        return [
            LineFacts(
                text=ln.text, label=ln.label, why=ln.why, in_run=start <= k <= end,
                rule_kept=id(ln) in kept, is_title=title_key is not None and L.normalise_line(ln.text) == title_key,
            )
            for k, ln in enumerate(self.lines)
        ]


def _read(text: str, *, language: str, chrome: frozenset[str], url: str | None) -> _Reading:
    texts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    comments: list[Comment] = []
    zone = comment_zone(texts)
    if zone is not None:
        comments = split_comments(texts[zone[0] : zone[1]])
        texts = texts[: zone[0]] + [""] * (zone[1] - zone[0]) + texts[zone[1] :]

    lines = [_Line(i, s) for i, s in _join_wrapped(texts)]
    stops = stop_words(language)
    for line in lines:
        _label(line, stops, chrome)
    author_box = _mark_author_boxes(lines)
    anchor = _headline_anchor(lines, url)
    run = _best_run(lines)
    lede = None
    if run is None:
        body_lines = [ln for ln in lines if ln.label != "bad"]
        start = 0
    else:
        start, end = run
        start = _under_byline_block(lines, start, end)
        lede = _lede_over_byline(lines, start)
        body_lines = ([lede] if lede is not None else []) + _near_prose(lines[start : end + 1])
        closing = _closing_candidate(lines, start, end)
        if closing is not None and closing not in body_lines and _closing_sentence(closing, stops):
            body_lines.append(closing)

    if anchor is not None:
        chosen: tuple[_Line, str] | None = (anchor, f"text line {anchor.index + 1}, matches the URL")
    else:
        # Where the article runs from the first line, only that line can be its headline ("Title\n\n
        # Body", as exports write pages): a line further down is a subheading or a caption.
        chosen = _choose_title(lines[:start] or lines[:1], lines, url, language)
    return _Reading(lines, comments, author_box, run, body_lines, chosen, stops, lede)


def line_facts(
    text: str, *, language: str = "en", chrome: frozenset[str] = frozenset(), url: str | None = None
) -> tuple[list[LineFacts], frozenset[str]]:
    """The page's lines (comment section left out, wrapped lines joined) with what the rules found
    of each, and the stop words used: what the line model reads, for its trainer."""
    reading = _read(text, language=language, chrome=chrome, url=url)
    return reading.facts(), reading.stops


# A date this many lines under the headline, before the article starts, is the article's own stamp.
_STAMP_LINES = 4


def _date_place(index: int, title_at: int | None, first_body: int) -> str:
    """Where a date sits: under the headline ("byline": the article's date stamp), elsewhere above
    the article ("page_header": as often the site's "today" as the publication date), or below it."""
    if index >= first_body:
        return "page_footer"
    if title_at is not None and 0 < index - title_at <= _STAMP_LINES:
        return "byline"
    return "page_header"


# What the rules find by the words themselves, whatever the lines around say: the line model,
# which weighs a line by its neighbours, does not keep these.
_NEVER_KEPT = frozenset({_ASIDE, "page furniture", "site-wide notice (cookies, forms, disclosures)"})


def _with_lede(lines: list[_Line], keep: list[bool], rule_kept: set[int]) -> list[bool]:
    """The sentences the rules kept right above the first line the model keeps: the article's
    opening, which the model, taught on pages whose gold leaves standfirsts out, tends to drop."""
    first = next((k for k, kept in enumerate(keep) if kept), 0)
    for j in range(first - 1, -1, -1):
        if id(lines[j]) not in rule_kept or not _sentence(lines[j]):
            break
        keep[j] = True
    return keep


def _sentence(line: _Line) -> bool:
    """Prose, or a short line that is a whole sentence ("This is just theatre.")."""
    return line.label == "good" or (line.label == "short" and line.n_words >= 3 and L.ends_sentence(line.text))


def clean_flat(
    text: str,
    *,
    language: str = "en",
    chrome: frozenset[str] = frozenset(),
    url: str | None = None,
    model: LineModel | None | bool = True,
) -> PageParts:
    """The article, headline, byline, dates and reader comments of a flattened page. `model`: the
    line model to weigh lines with (True: the shipped one, False or None: the rules alone)."""
    reading = _read(text, language=language, chrome=chrome, url=url)
    lines, comments, author_box = reading.lines, reading.comments, reading.author_box
    texts_count = (lines[-1].index + 1) if lines else 0
    if model is True:
        model = load_line_model()
    if isinstance(model, LineModel) and len(lines) >= _MODEL_MIN_LINES:
        keep = model.keeps(features(reading.facts(), reading.stops))
        keep = _with_lede(lines, list(keep), {id(ln) for ln in reading.rule_body})
        body_lines = [ln for ln, k in zip(lines, keep, strict=True) if k and ln.why not in _NEVER_KEPT]
        if sum(ln.n_words for ln in body_lines) < _MODEL_MIN_SHARE * sum(ln.n_words for ln in reading.rule_body):
            body_lines = reading.rule_body  # a page unlike any it learnt from: the rules know better
        elif reading.lede is not None and body_lines and reading.lede not in body_lines:
            body_lines = [reading.lede, *body_lines]  # the model reads it as a deck, cut off by the byline
    else:
        body_lines = reading.rule_body

    chosen = reading.title
    title_line, title_why = chosen if chosen else (None, "")
    title_key = L.normalise_line(title_line.text) if title_line else None
    if title_key:
        body_lines = [ln for ln in body_lines if L.normalise_line(ln.text) != title_key]

    removed: list[str] = []
    paragraphs: list[str] = []
    dates: list[DateSeen] = []
    for line in body_lines:
        para = line.text
        prefix = L.glued_prefix(para)
        if prefix:
            removed.append(prefix)
            para = para[len(prefix) :]
        stamp = None if paragraphs else L.stamp_opening(para)
        if stamp:  # the article's date stamp glued onto its lede: the date under the headline
            removed.append(stamp[0])
            para = para[len(stamp[0]) :].lstrip()
            if stamp[1]:
                dates.append(DateSeen(stamp[1], "byline", stamp[0]))
        paragraphs.append(para)
    kept = {id(ln) for ln in body_lines}
    for line in lines:
        if id(line) not in kept and not (title_key and L.normalise_line(line.text) == title_key):
            removed.append(line.text)

    # where the article runs on under its byline block (an opening printed over that block aside)
    first_body = next((ln.index for ln in body_lines if ln is not reading.lede), texts_count)
    title_at = title_line.index if title_line else None
    for line in lines:
        if line.label == "bad" and line.why in ("date line", "byline") or (
            id(line) not in kept and line.index < first_body
        ):
            place = _date_place(line.index, title_at, first_body)
            if place == "page_header" and L.is_publication_stamp(line.text):
                place = "byline"  # "Last updated: Monday, 28 November 2005": the article's, wherever it stands
            for iso, s in find_dates(line.text, day_first=language != "en"):
                dates.append(DateSeen(iso, place, s))
    dates += comment_dates(comments)

    # the byline block under the headline first, else a "by X" line anywhere on the page
    under = [ln.text for ln in lines if title_at is not None and title_at < ln.index < first_body]
    byline = byline_in_block(under, text) or next((L.byline_name(ln.text) for ln in lines if L.byline_name(ln.text)), None)
    if byline:
        author = Found(byline, "byline", 0.8)
    elif author_box:
        author = Found(author_box, "author box", 0.6)
    else:
        author = Found(None)
    title = Found(title_line.text.strip(), title_why, 0.8) if title_line else Found(None)
    return PageParts(
        title=title,
        author=author,
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        comments=tuple(comments),
        dates=tuple(dates),
        site_name=author_box if author_box and author_box.lower() not in (byline or "").lower() else None,
    )
