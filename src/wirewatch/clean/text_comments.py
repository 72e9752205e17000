"""Reader-comment sections found in a page's text lines, and split into separate, dated comments.

Used on flattened pages (`flat.py`) and on the text an HTML extractor kept, where comments the markup
did not give away can slip into the body (`html.py`). A section opens under a header ("12
Comments", "59 Comments on “<headline>”", a count inside a toolbar line), at a comment form, or at
a run of signed items with no header ("Name says:", "Posted by: Name | date", "Name said,"). It is
only taken where its items carry furniture every few lines (a Reply link, a date or time, a
number, a signature, the author's name on its own line), so a "2 Comments" link printed above the
article does not swallow it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from wirewatch.clean import lines as L
from wirewatch.clean.dates import find_dates
from wirewatch.model import Comment

__all__ = ["article_before", "comment_zone", "comments_in_lines", "split_comments"]


# The links under each comment: "Reply", "Reply to This Parent Share", "Flag as Inappropriate".
_REPLY = re.compile(
    r"^\W*(?:(?:reply(?: to this| to [@\w][\w.-]*)?(?: parent)?(?: share)?|antworten|répondre|ответить|відповісти|responder|"
    r"răspunde|balas)(?:\W+(?:report|share|quote|like))*|flag as inappropriate|(?:quote\W+)?report (?:abuse|this comment|this post))\W*$",
    re.I,
)
_COMMENT_MARK = re.compile(
    r"\bsays:\s*$|^\W*\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\s+ago\W*$", re.I
)
# Signatures: "Jonas says:", "Rosa on October 26, 2012 at 2:08am said...", "Jacob said,", and
# "Posted by: Brad | Jan 10, 2008 6:02 PM", "BY TAROCHAN AT 01/08/08 05:30 PM".
_SAYS = re.compile(r"\bsays:\s*$|\b(said|wrote)(:|,|\.\.\.|…)?\s*$", re.I)
# (a bare "By Name" with a date is how teasers of related articles are signed: only with a time)
_POSTED_BY = re.compile(r"^\W*(?:(?:posted|written|submitted)\s+by\b|by\s+\S.{0,40}?\s(?:at|on)\s.*\d{1,2}:\d\d)", re.I)
# A user's signature with the account's number, "by ravenswood1000 (543817)" (a byline has no number).
_SIGNED_BY = re.compile(r"^\s*by\s+[^()]{1,40}\(\s*\d+\s*\)\s*$", re.I)


# The site's notice over or under its readers' comments: "The following comments are owned by whoever
# posted them", "Comments are now closed for this story".
_COMMENT_NOTICE = re.compile(
    r"\bcomments?\b.{0,60}\b(?:are owned by|are (?:now )?closed|do not (?:necessarily )?reflect)|"
    r"\b(?:feedback|discussion) is (?:now )?closed",
    re.I,
)


_ABOUT_COMMENTS = re.compile(r"\bcomments\b", re.I)


def _comment_mark(line: str) -> bool:
    return bool(
        _COMMENT_MARK.search(line)
        or L.TIME.search(line)
        or _REPLY.match(line)
        or _SIGNED_BY.match(line)
        or (len(line) <= 200 and _COMMENT_NOTICE.search(line))
    )


def _looks_like_comments(texts: list[str]) -> bool:
    """Comment items carry furniture of their own: a Reply link, "Name says:", a time, a date line,
    or numbers from 1. A header's "6 Comments" link above the article has none of that below it."""
    lines = [t for t in texts if t.strip()]
    if not lines:
        return False
    if L.numbered_item(lines[0]) == 1:
        return True
    return any(_comment_mark(t) or L.is_date_line(t) for t in lines)


# Comment items carry furniture (a Reply link, a date, a number, "Name says:") every few lines; under
# a "2 Comments" link printed with the byline, the article runs on with one date in many paragraphs.
# On WCXB dev flattened, zones with an article inside had 1 marker per 4 to 145 prose lines, real
# comment sections 1 per 0.1 to 2.
_PROSE_PER_MARKER = 4


def _item_furniture(line: str) -> bool:
    return bool(_comment_mark(line) or _SAYS.search(line) or L.is_date_line(line) or L.numbered_item(line) is not None)


def _mostly_prose(zone: list[str]) -> bool:
    markers = sum(1 for t in zone if _item_furniture(t))
    return sum(L.is_prose(t) for t in zone) > _PROSE_PER_MARKER * markers


_FIRST_MARK_WITHIN = 12  # lines under a header


def _opens_with_items(zone: list[str], *, named: bool) -> bool:
    """Comment items start at once under their header. Under a bare count of comments ("Read
    Comments (11)", "2 Comments" in a byline) the article may follow instead, so there the items'
    furniture must also come before any paragraph of prose. On Dragnet and L3S-GN1 flattened, real
    sections had their first marker within 12 lines (with at most one prose line before it under a
    count, the first comment's title); articles under a byline count had 2 to 11 prose lines before
    theirs, or fewer than three markers."""
    lines = [t for t in zone if t.strip()]
    marks = [i for i, t in enumerate(lines) if _item_furniture(t)]
    if not marks or marks[0] >= _FIRST_MARK_WITHIN:
        return False
    return named or (len(marks) >= 3 and sum(L.is_prose(t) for t in lines[: marks[0]]) <= 1)


# A commenter's name on its own line: "Chris Pearson", "Mallory R.", "Frank @ Toronto",
# "Jean Booth, Hague, Netherlands".
_NAME_LINE = re.compile(r"^[@\w][\w'’.@-]*(?:[ ,]+[@\w][\w'’.@-]*){0,5},?$")


def _name_line(line: str) -> bool:
    s = line.strip()
    return (
        len(s) <= 40
        and _NAME_LINE.match(s) is not None
        and not any(c.isdigit() for c in s)
        and (not L.ends_sentence(s) or re.search(r"\b\w\.$", s) is not None)
        and not L.is_chrome(s)
    )


_OPENING_LINES = 40  # how much of a section its first items are judged by
# Paragraphs of prose that show the article comes before a section (a short post can draw many more
# lines of comments, so no share of the page is asked for).
_ARTICLE_PARAGRAPHS = 3


def article_before(texts: list[str], start: int) -> bool:
    """Whether the article's prose comes before line `start`, where a comment section would begin."""
    return sum(1 for t in texts[:start] if L.is_prose(t)) >= _ARTICLE_PARAGRAPHS


def _named_items(zone: list[str]) -> bool:
    """Items that are a name line and a few lines of text each, with no other furniture ("Gibbo",
    then the comment; the comment, then "Blake B, los angeles,"). An article's subheadings stand
    further apart and fewer."""
    lines = [t for t in zone if t.strip()][:_OPENING_LINES]
    names = [i for i, t in enumerate(lines) if _name_line(t)]
    if len(names) < 3 or names[0] > 2 or len(names) < 0.25 * len(lines):
        return False
    gaps = [b - a for a, b in pairwise(names)]
    return sum(1 for g in gaps if 2 <= g <= 4) >= 0.75 * len(gaps)


_PER_ITEM = 3  # a form line printed this often belongs to each item


def comment_zone(texts: list[str]) -> tuple[int, int] | None:
    """Indexes [start, end) of the comment items, or None where the page shows no comments."""
    n = len(texts)
    form_lines = [(i, t.strip().lower()) for i, t in enumerate(texts) if L.is_comment_form(t)]
    # A form's prompt under every item ("Login or register to post comments") ends no section.
    repeats = Counter(t for _, t in form_lines)
    forms = [i for i, t in form_lines if repeats[t] < _PER_ITEM]

    def end_after(i: int) -> int:
        # a "Post a Comment" link right under the header is no form yet
        return next((f for f in forms if f > i and any(t.strip() for t in texts[i + 1 : f])), n)

    # "Leave a Reply" heads the comment form, not the comments.
    named = {i for i, t in enumerate(texts) if L.is_comment_header(t)} - set(forms)
    return (
        _under_header(texts, named, end_after)
        or _named_section(texts, named, end_after)
        or _signed_run(texts, end_after)
        or _before_form(texts, forms)
    )


def _under_header(texts: list[str], named: set[int], end_after: Callable[[int], int]) -> tuple[int, int] | None:
    """Items with furniture under a header, or under a lone count of comments. The header nearest
    the items wins: a comment count printed with the byline comes first."""
    n = len(texts)
    counted = [i for i, t in enumerate(texts) if L.counts_comments(t) and i not in named]
    # Teasers in a list print their counts one after another ("51 comments", "94 comments"): a
    # count with another a few lines below heads no section.
    lone = {i for i, j in pairwise([*counted, n]) if len([t for t in texts[i + 1 : j] if t.strip()]) > 12}
    for header in sorted(named | lone, reverse=True):
        end = end_after(header)
        zone = texts[header + 1 : end]
        if (
            not _the_whole_article(texts, header, zone)
            and any(len(L.words(t)) >= 5 for t in zone)
            and _looks_like_comments(zone)
            and not _mostly_prose(zone)
            and _opens_with_items(zone, named=header in named)
        ):
            return header + 1, end
    return None


def _the_whole_article(texts: list[str], header: int, zone: list[str]) -> bool:
    """A "Comments" link in the site's menu above the article heads no section: no article stands
    before it (a teaser's sentence at most), under it is nearly all the page's prose, and that prose
    is not marked item by item as comments are (a byline or two of related posts at most)."""
    if article_before(texts, header):
        return False
    prose = [len(L.words(t)) for t in texts if L.is_prose(t)]
    under = [len(L.words(t)) for t in zone if L.is_prose(t)]
    markers = sum(1 for t in zone if _item_furniture(t))
    return bool(prose) and sum(under) >= _WHOLE_ARTICLE_SHARE * sum(prose) and len(under) >= 2 * markers


# The share of a page's prose words under a header with no article before it, from which what lies
# under it is the article itself.
_WHOLE_ARTICLE_SHARE = 0.8


def _named_section(texts: list[str], named: set[int], end_after: Callable[[int], int]) -> tuple[int, int] | None:
    """Items with no furniture but their authors' names, under a header that names the section or a
    notice about it ("Comments are now closed for this story"), after the article: a count in the
    byline has a subheaded article under it. A thread's "3 replies by ..." inside a section found
    under a header does not get here."""
    notices = {i for i, t in enumerate(texts) if len(t) <= 200 and _COMMENT_NOTICE.search(t)}
    for header in sorted(named | notices, reverse=True):
        end = end_after(header)
        if article_before(texts, header) and _named_items(texts[header + 1 : end]):
            return header + 1, end
    return None


def _signed_run(texts: list[str], end_after: Callable[[int], int]) -> tuple[int, int] | None:
    """No header: two or more signed items ("Rosa on October 26, 2012 at 2:08am said...") open the
    section, or three "Posted by: Brad | Jan 10, 2008 6:02 PM", "3 Ranjit | 11/6/2012 3:07:08 AM" or
    undated "Jacob said," among short items (a blog's front page signs its posts the same way,
    between long articles; a teaser list ends each item in a link to the rest)."""
    # (signature lines are short: the length test spares the patterns every paragraph)
    signed = [i for i, t in enumerate(texts) if len(t) <= 200 and _SAYS.search(t) and _dated_near(texts, i)]
    if len(signed) >= 2:
        return signed[0], end_after(signed[0])
    posted = [
        i for i, t in enumerate(texts)
        if len(t) <= 200
        and ((_POSTED_BY.match(t) and _dated_near(texts, i)) or (_SAYS.search(t) and len(L.words(t)) <= 4)
             or _time_stamped(t))
    ]
    start = _first_run(texts, posted)
    if start is None:
        return None
    end = end_after(start)
    zone = texts[start:end]
    return None if _mostly_prose(zone) or _teasers(zone) else (start, end)


# A teaser list signs its items as a thread does ("Ahmet Serhan January 23, 2025 10:01 am") but links
# each to the rest of its article. (Not its bylines: readers' items are signed "By name" too.)
_READ_MORE = re.compile(r"^\W*(?:read more|continue reading|read the full|weiterlesen|lire la suite|leer más|"
                        r"citește mai mult|selengkapnya|подробнее|читать далее)\b", re.I)


def _teasers(zone: list[str]) -> bool:
    return sum(1 for t in zone[:_OPENING_LINES] if len(t) <= 40 and _READ_MORE.match(t)) >= 2


def _before_form(texts: list[str], forms: list[int]) -> tuple[int, int] | None:
    """No header, a form: the items sit between the last chrome line above the form and the form,
    and must look like comments (numbered from 1, or "Name says:" lines), never plain prose."""
    if not forms:
        return None
    end = forms[0]
    start = end
    for i in range(end - 1, -1, -1):
        t = texts[i]
        if t.strip() and (L.is_chrome(t) or L.is_comment_header(t)):
            break
        start = i
    first = next((i for i in range(start, end) if texts[i].strip()), None)
    if first is None:
        return None
    if L.numbered_item(texts[first]) == 1 or re.search(r"\bsays:\s*$", texts[first], re.I):
        return first, end
    return None


_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
# A date in figures, day and month in either order ("11/6/2012": `find_dates` will not guess which).
_FIGURES_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")


# The article's own dateline, printed with its byline (twice, on some pages): "Posted: Nov 8, 2023 /
# 04:43 PM CST", "Updated: ...".
_DATELINE_LABEL = re.compile(r"^\W*(?:posted|updated|published|last updated|modified)\s*(?:on|at)?\s*:", re.I)


def _time_stamped(line: str) -> bool:
    """A signature with a full date and a clock time: "3 Ranjit | 11/6/2012 3:07:08 AM", "2 Ed Brill
    http://www.edbrill.com | 10/29/2012 5:25:25 PM"; not the article's labelled dateline."""
    if not L.TIME.search(line) or _DATELINE_LABEL.match(line):
        return False
    bare = _WEB_ADDRESS.sub(" ", line)
    return _stamp(bare) and bool(_FIGURES_DATE.search(bare) or find_dates(bare))


def _first_run(texts: list[str], signed: list[int], *, length: int = 3, gap: int = 5) -> int | None:
    """Where the first run of `length` signatures starts, each within `gap` non-empty lines of the
    one before: readers' items are a few paragraphs long, and the article's own "Posted by" byline
    stands a whole article away from the first of them."""
    run: list[int] = []
    for i in signed:
        if run and len([t for t in texts[run[-1] + 1 : i] if t.strip()]) > gap:
            run = []
        run.append(i)
        if len(run) >= length:
            return run[0]
    return None


def _dated_near(texts: list[str], i: int) -> bool:
    """A signed comment line is short and carries its date or time, or has a date line or a time
    next to it (an article's "the minister said:" has neither)."""
    if len(L.words(texts[i])) > 14:
        return False
    near = [t for t in texts[max(0, i - 2) : i + 3] if t.strip()]
    return bool(find_dates(texts[i]) or L.TIME.search(texts[i])) or any(
        L.is_date_line(t) or (L.TIME.search(t) and len(L.words(t)) <= 14) for t in near
    )


def comments_in_lines(texts: list[str]) -> tuple[int, int, list[Comment]] | None:
    """The reader-comment section of a page's lines, [start, end) and its comments, or None.
    Also used on the text an HTML extractor kept, where comments can slip into the body."""
    zone = comment_zone(texts)
    if zone is None:
        return None
    return zone[0], zone[1], split_comments(texts[zone[0] : zone[1]])


def split_comments(texts: list[str]) -> list[Comment]:
    """Comment items: numbered 1, 2, 3...; or each opened by "Name says:" or closed by a Reply
    link (author and date lines then leave the text, the date is kept); or signed by an author
    and a date line; or blocks separated by blank lines. A form's prompt printed under each item
    is no part of it, nor are the section's own lines about its comments before the first item
    ("Select your preferred way to display the comments", "Sort comments by")."""
    texts = [t for t in texts if not L.is_comment_form(t)]
    while texts and (not texts[0].strip() or (len(texts[0]) <= 200 and _ABOUT_COMMENTS.search(texts[0]))):
        texts = texts[1:]
    if any(L.numbered_item(t) == 1 for t in texts):
        return _numbered_comments(texts)
    if any(_SAYS.search(t) or _REPLY.match(t.strip()) for t in texts):
        return _marked_comments(texts)
    if any(_stamp(t) or _POSTED_BY.match(t) for t in texts):
        return _signed_comments(texts)
    if _named_items(texts):
        return _named_comments(texts)
    blocks: list[list[str]] = []
    for t in texts:
        s = t.strip()
        if not s or L.is_chrome(s):
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        if not blocks:
            blocks.append([])
        blocks[-1].append(s)
    return [c for block in blocks if (c := _comment(block))]


def _numbered_comments(texts: list[str]) -> list[Comment]:
    blocks: list[list[str]] = []
    expected = 1
    for t in texts:
        s = t.strip()
        if L.numbered_item(t) == expected:
            blocks.append([re.sub(r"^\d{1,3}[.)]\s+", "", s)])
            expected += 1
        elif s and blocks:
            blocks[-1].append(s)
    return [c for block in blocks if (c := _comment(block))]


def _signature(line: str) -> bool:
    """A commenter's name line: "Jonas says:", "Posted by: Brad, Glasgow on 11:16am Wed 9 Jan 08"."""
    return bool(_SAYS.search(line) or _POSTED_BY.match(line))


def _marked_comments(texts: list[str]) -> list[Comment]:
    blocks: list[list[str]] = [[]]
    for t in texts:
        s = t.strip()
        if not s:
            continue
        if _signature(s):
            if any(not _signature(x) and not L.is_date_line(x) for x in blocks[-1]):
                blocks.append([])
            blocks[-1].append(s)
        elif _REPLY.match(s):
            blocks.append([])
        elif not L.is_chrome(s):
            blocks[-1].append(s)
    if len(blocks) > 1 and not any(_signature(x) for x in blocks[-1]):
        blocks.pop()  # what follows the last Reply link is the page again ("Terms & Conditions")
    comments = []
    for block in blocks:
        signed = [x for x in block if _signature(x) or L.is_date_line(x)]
        date = next((found[-1][0] for x in signed if (found := find_dates(x))), None)
        comment = _comment([x for x in block if x not in signed])
        if comment:
            comments.append(Comment(text=comment.text, date=date or comment.date))
    return comments


def _stamp(line: str) -> bool:
    """A date line, or a short line with a time: "Thu, 08/09/2012 - 14:32 | 2691789 ReallySparky"."""
    if L.is_date_line(line):
        return True
    return L.TIME.search(line) is not None and len([w for w in L.words(line) if not w.isdigit()]) <= 6


def _signed_comments(texts: list[str]) -> list[Comment]:
    """Items signed by a date or time stamp, with the author's name on the line before it, or by a
    "Posted by: name | date" line."""
    lines = [s for t in texts if (s := t.strip()) and not L.is_chrome(s)]
    signature = [_stamp(s) or bool(_POSTED_BY.match(s)) for s in lines]
    for i in range(1, len(lines)):
        if signature[i] and len(L.words(lines[i - 1])) <= 4 and not L.ends_sentence(lines[i - 1]):
            signature[i - 1] = True
    return _paired_with_signatures(lines, signature)


def _named_comments(texts: list[str]) -> list[Comment]:
    """Items marked only by their authors' name lines, before the text or after it."""
    lines = [s for t in texts if (s := t.strip()) and not L.is_chrome(s)]
    return _paired_with_signatures(lines, [_name_line(s) for s in lines])


def _paired_with_signatures(lines: list[str], signature: list[bool]) -> list[Comment]:
    """Each run of text lines with the run of signature lines next to it (a name, then its stamp):
    the one before where the section starts with a signature, the one after otherwise (then text
    after the last signature is no comment). A date in the signature is the comment's date."""
    runs: list[tuple[bool, list[str]]] = []
    for s, signs in zip(lines, signature, strict=True):
        if runs and runs[-1][0] == signs:
            runs[-1][1].append(s)
        else:
            runs.append((signs, [s]))
    opens = bool(runs) and runs[0][0]
    comments = []
    for k, (signs, run) in enumerate(runs):
        if signs:
            continue
        signed_by = k - 1 if opens else k + 1
        if not 0 <= signed_by < len(runs):
            continue
        dates = [d for x in runs[signed_by][1] for d, _ in find_dates(x)]
        comment = _comment(run)
        if comment:
            comments.append(Comment(text=comment.text, date=dates[-1] if dates else comment.date))
    return comments


def _comment(block: list[str]) -> Comment | None:
    text = "\n".join(block).strip()
    if len(L.words(text)) < 2:
        return None
    dates = find_dates(text)
    return Comment(text=text, date=dates[-1][0] if dates else None)
