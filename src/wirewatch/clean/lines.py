"""Line features for the flattened-text cleaner: `str -> value` helpers, no state.

Vocabularies are for the page furniture that wraps articles on news sites: menus, share bars,
donation appeals, ads, comment forms and captchas. They are matched against whole short lines
only, so an article sentence that mentions "advertisement" is never dropped for it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

from wirewatch.clean.dates import SHORT_WEEKDAYS, WEEKDAYS, calendar_words, date_at, find_dates
from wirewatch.clean.language import stop_words

# Characters that `re.IGNORECASE` matches to a letter of the vocabularies below without lower-casing
# to it: the dotted capital and dotless small i (an "i"), the long s (an "s"), and the Cyrillic
# small letters of Extended-C (variants of "в", "д", "о", "с", "т", "ъ"). tests/clean/test_lines.py
# derives the list from every code point.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f\u1c80-\u1c86]")


class _Vocabulary:
    """A case-insensitive pattern of page furniture, tried on a line.

    Python's `re.IGNORECASE` gives up the fast scans for a pattern's first characters, and these
    patterns are alternations of many phrases tried on every short line of every page. The
    pattern, written in lower case, is run case-sensitively on the lower-cased line instead, which
    matches the same lines: lower-casing changes no character's class (word, digit, space) and
    turns each character into the one letter IGNORECASE would match it to, except the few above,
    where the line is left to IGNORECASE. Measured on the lines `clean_html` tries over WCXB dev:
    the five vocabularies 900 -> 440 ms."""

    __slots__ = ("any_case", "lower_case")

    def __init__(self, pattern: str) -> None:
        self.any_case = re.compile(pattern, re.I)
        self.lower_case = re.compile(pattern)

    def match(self, line: str) -> bool:
        if line.isascii() or _FOLDS_APART.search(line) is None:
            return self.lower_case.match(line.lower()) is not None
        return self.any_case.match(line) is not None

    def search(self, line: str) -> bool:
        if line.isascii() or _FOLDS_APART.search(line) is None:
            return self.lower_case.search(line.lower()) is not None
        return self.any_case.search(line) is not None


# Ad slots' labels: furniture that stands between an article's paragraphs as often as around them.
_AD_PHRASES = [
    r"advertisement", r"advertising", r"sponsored( content)?", r"promoted( content)?", r"ad", r"ads",
    r"реклама", r"anzeige", r"werbung", r"publicité", r"publicidad", r"publicitate", r"iklan", r"reklama",
    r"reklam", r"pubblicità", r"publicidade",
    # the label over a widget set into the article ("take our poll - story continues below")
    r"(?:take our poll\W+)?(?:story|article) continues (?:below|after (?:this )?(?:ad|advertisement))",
    r"continue reading (?:below|after (?:this )?(?:ad|advertisement))",
]
# Labels of links to other articles set in an article's text, alone on a line or before the
# linked headline ("Baca Juga: <headline>").
_READ_ALSO_PHRASES = [
    r"read also", r"see also", r"lesen sie auch", r"à lire aussi", r"lire aussi", r"читайте также",
    r"читайте також", r"citește și", r"lee también", r"lea también", r"baca juga", r"ilgili haber(?:ler)?",
    r"czytaj (?:też|także|również)", r"zobacz (?:też|także)", r"leia também", r"leggi anche",
]
# Lines made only of these phrases (and punctuation) are chrome, whatever page they are on.
_CHROME_PHRASES = [
    # ads and promotion
    *_AD_PHRASES,
    # navigation and related content
    *_READ_ALSO_PHRASES,
    r"more articles", r"related( articles| posts| stories| news)?", r"read more",
    r"you may also like", r"you might also like", r"recommended( for you)?", r"popular",
    r"most read", r"most popular", r"latest( news)?", r"trending( now)?", r"previous( article| post)?",
    r"next( article| post)?", r"home", r"menu", r"(site )?search", r"search (the |this )?(site|website)", r"close", r"back to top", r"top stories",
    r"skip to( (main )?(content|navigation))?:?", r"(open|close|toggle) (the )?(menu|navigation)",
    r"((main|section|site|network|primary|secondary) )?navigation:?", r"(view the )?site ?map",
    r"load more", r"show more", r"view all", r"more news", r"more stories", r"\d+\s*min(?:ute)?s?\.?\s+read",
    r"(advertisement\W*)?(the )?(story|article) continue[sd]? (below|after (this )?(advertisement|ad))( advertisement)?",
    r"continue reading( (below|the (main )?story|the article))?", r"scroll (down )?to continue( with content)?",
    r"weitere artikel", r"end of (the )?(article|story)",
    # sharing and following
    r"share( this( article| story| post)?)?( on)?", r"tweet", r"email", r"print", r"whatsapp",
    r"facebook", r"twitter", r"telegram", r"linkedin", r"reddit", r"pinterest", r"vk", r"copy link",
    r"follow us( on)?", r"subscribe", r"sign up", r"newsletter", r"log ?in", r"sign in", r"register",
    r"(follow|connect with|find|like|join) us (on|at) [\w ,&+.]{2,40}", r"follow @\w+.{0,80}",
    r"like our (facebook )?page( on facebook)?",
    r"sign up for (our|the|a) .{0,40}newsletters?.{0,40}",
    # tags and categories
    r"tags?:?", r"topics?:?", r"categories:?", r"filed under:?",
    # comment forms and captchas
    r"leave a (reply|comment)", r"post (a )?comment", r"add (a )?comment", r"write a comment",
    r"submit( comment)?", r"cancel reply", r"reply", r"please enter your (comment|name|email)( here)?",
    r"you have entered an incorrect email address", r"your email address will not be published",
    r"required fields are marked", r"save my name,? email.*", r"notify me of .*", r"captcha.*",
    r".*captcha (verification|user score) failed.*", r"i'?m not a robot", r"comment:?", r"name\*?:?",
    r"email\*?:?", r"website:?", r"log in to (reply|comment)",
    # donation appeals
    r"donate( now)?", r"support us", r"(do you like this content\?\s*)?consider (helping|supporting) us",
    r"help us.*", r"become a (patron|member|supporter)", r"make a donation",
    # legal
    r"(copyright|©).*", r"all rights reserved.*", r"privacy policy", r"terms of (use|service)",
    r"cookie(s| policy| settings)?", r"accept( all)?( cookies)?", r"contact( us)?", r"about( us)?",
    # the same furniture in the languages whose relays wirewatch reads (ru, uk, de, fr, es, ro, id)
    r"главная", r"поиск( по сайту)?", r"войти", r"поделиться", r"подписаться", r"читать (далее|полностью)",
    r"подробнее", r"похожие (новости|статьи)", r"популярное", r"ответить", r"отправить",
    r"оставьте комментарий", r"ваше имя", r"введите (код|текст)( с картинки)?", r"все права защищены.*",
    r"головна", r"пошук( по сайту)?", r"увійти", r"поділитися", r"відповісти", r"надіслати",
    r"всі права захищені.*", r"startseite", r"teilen", r"suche", r"anmelden", r"abonnieren",
    r"antworten", r"kommentar schreiben", r"alle rechte vorbehalten.*", r"datenschutz(erklärung)?",
    r"impressum", r"mehr zum thema", r"das könnte sie auch interessieren", r"accueil", r"partager",
    r"rechercher", r"se connecter", r"s'abonner", r"répondre", r"envoyer", r"tous droits réservés.*",
    r"lire la suite", r"sur le même sujet", r"laisser un commentaire", r"inicio", r"compartir",
    r"buscar", r"iniciar sesión", r"suscríbete", r"responder", r"enviar",
    r"todos los derechos reservados.*", r"leer más", r"noticias relacionadas",
    r"deja un comentario", r"acasă", r"distribuie", r"caută", r"autentificare", r"abonează-te",
    r"răspunde", r"trimite", r"toate drepturile rezervate.*",
    r"citește mai mult", r"articole similare", r"lasă un comentariu", r"beranda", r"bagikan( artikel)?:?",
    r"cari", r"masuk", r"daftar", r"berlangganan", r"balas", r"kirim",
    r"berita terkait", r"selengkapnya", r"tulis komentar( anda)?", r"hak cipta.*",
]
_CHROME = _Vocabulary(r"^[\W_]*(?:free\s+)?(?:" + "|".join(_CHROME_PHRASES) + r")[\W_\d]*$")

# A count of comments on the article: "59 Comments on “<headline>”", "8 appreciated comments on “...”".
_COUNTED_ON_PHRASE = r"\d+\s+(?:[^\W\d_]+\s+)?(?:thoughts on|responses to|comments? (?:on|to)|replies to)\s"
# Headers that open a reader-comment section.
_COMMENT_HEADER = _Vocabulary(
    r"^[\W_]*(?:\d+\s+)?(?:comments?|responses?|replies|(?:your|user|readers?'?|visitors?'?) comments|discussion|"
    r"join the discussion|"
    r"what do you think\??|leave a reply|leave a comment|комментарии|коментарі|kommentare|commentaires|"
    r"comentarios|comentarii|komentar|"
    rf"{_COUNTED_ON_PHRASE}.*|"
    r"\d+\s+(?:comments?|responses?|replies)\b[^.!?]{0,50})[\W_\d]*$",
)
_COUNTED_ON = re.compile(rf"^[\W_]*{_COUNTED_ON_PHRASE}", re.I)
# Lines of a comment form: the end of a comment section.
_COMMENT_FORM = _Vocabulary(
    r"please enter your (comment|name)|your email address will not be published|post comment|"
    r"leave a reply|cancel reply|save my name, email|you must be logged in to post a comment|"
    r"captcha|оставьте комментарий|введите код|залиште коментар|kommentar schreiben|"
    r"laisser un commentaire|deja un comentario|lasă un comentariu|tulis komentar|"
    # WordPress's login and follow-up boxes under the form, in English and German
    r"fill in your details below or click an icon to log in|you are commenting using your|"
    r"notify me of (follow-up comments|new posts)|trage deine daten unten ein|du kommentierst mit|"
    r"benachrichtigung bei weiteren kommentaren|informiere mich über neue beiträge",
)
# Sentences every site prints around its articles: consent banners, form messages, newsletter
# prompts, legal and holdings disclosures. Matched anywhere in a line of at most _NOTICE_MAX chars.
_NOTICE = _Vocabulary(
    r"\bwe use cookies\b|\buses? cookies to\b|\bcookies? (policy|settings|preferences)\b|"
    r"\bthis field is for validation purposes\b|\bplease (try again|enable javascript)\b|"
    r"\b(by (continuing|using|accessing)( to use)?|if you continue to use) (this|our) (site|website)\b|"
    r"\bthere was (an issue|a problem|an error) with (the|your) (form|submission)\b|"
    r"\b(subscribe|sign up) (to|for) (our|the) [\w ]{0,30}(newsletter|channel|podcast|mailing list)\b|"
    r"\ball rights reserved\b|\bhas no position in any of the stocks\b|\bhas positions in and recommends\b|"
    r"\byou('re| are) (now )?subscribed\b|\bthanks? (you )?for (subscribing|signing up)\b|"
    r"\bjavascript (is )?(disabled|required)\b|\byour browser (does not|doesn't) support\b|"
    # the small print of a poll or sign-up form set into the article
    r"\byou (also )?agree to (our|the|this (site|website)'s) [\w ]{0,20}(privacy policy|terms)\b|"
    r"\b(you (may|can) )?(opt out|unsubscribe) at any ?time\b|\bcompleting this (poll|survey|form)\b",
)
_NOTICE_MAX = 300
# Calls to action: a verb, at most a few words, and a "now", "here", "more" or "!" ending
# ("Book now", "Get a quote", "Read review!", "Start course", "Click here to rate it!").
_CALL_TO_ACTION = _Vocabulary(
    r"^[\W_]*(book|register|get|start|try|shop|buy|download|apply|request|watch|listen|join|explore|discover|"
    r"view|see|read|learn|order|claim|call|schedule|click|rate|sign|subscribe|continue|browse|find|check)\b"
    r"[\w\s'’&-]{0,40}?\b(now|today|here|more|review|quote|demo|started|course|trial|offer|free|all|"
    r"it|reading|up|in|deals?|prices?|rates)\b[\W_]*$|^[\W_]*\[?(read more|see also|related|source):.{0,150}\]?$",
)
# Prose: at least this many words ending like a sentence, or this many whatever the end, with this
# share of stop words where the language has a list (the flattened-text cleaner's "good" lines).
PROSE_MIN_WORDS = 8
PROSE_LONG_WORDS = 25
PROSE_MIN_STOP_SHARE = 0.12
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+\S")
# The word that opens a byline, in the languages wirewatch reads ("By", "Written by", "Author:",
# "von", "par", "przez", "Autorul:", "Penulis", "Автор:"); the flat cleaner's `byline_name` and the
# HTML cleaner's author check read the same list.
BYLINE_LABEL = (
    r"(?:(?:this (?:post|article|story) (?:was |is )?)?(?:written |posted |text |words |story |guide |review |reporting )?by:?"
    r"|author:?|автор:?|reporter:"
    r"|(?:eingestellt |geschrieben )?von|par|przez|por|autor(?:ul)?:?|penulis:?|oleh)"
)
# What a byline or an author field calls a journalist, in the languages wirewatch reads ("Staff
# Writer", "deutscher Journalist", "redaktor", "корреспондент"): a role, never a name.
JOURNALIST_ROLE = (
    r"(?:writer|reporter|correspondent|editor|contributor|columnist|producer|staff|desk|journalist\w*|autor\w*|"
    r"redakt\w*|korrespondent\w*|kolumnist\w*|dziennikar\w*|rédact\w*|periodista|журналист\w*|корреспондент\w*)"
)
_BYLINE = re.compile(rf"^\s*{BYLINE_LABEL}\s+(.{{3,80}}?)\s*$", re.I)
_SENTENCE_END = frozenset(".!?…»”\"'’)]:")
_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# A lowercase fragment glued onto a paragraph's first, capitalised word: an image caption or
# alt text that lost its line break when the page was flattened ("talibRussia's").
_GLUED_PREFIX = re.compile(r"^([a-z]{2,})(?=[A-Z][a-z])")


def normalise_line(line: str) -> str:
    """The form a line is compared in: NFKC, typographic quotes folded, spaces collapsed, lowercased."""
    s = unicodedata.normalize("NFKC", line)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    # split() and join collapse the same whitespace as a `\s+` substitution and strip (both go by
    # str.isspace), without a regular expression on every line compared.
    return " ".join(s.split()).lower()


def line_hash(line: str) -> str:
    return hashlib.blake2b(normalise_line(line).encode("utf-8"), digest_size=8).hexdigest()


def words(line: str) -> list[str]:
    return _WORD.findall(line)


@cache
def _at_most_words(n: int) -> re.Pattern[str]:
    # possessive throughout: the match stops at the word after the n-th, never backtracks into one
    return re.compile(rf"\W*+(?:\w++\W*+){{0,{n}}}+\Z")


def few_words(line: str, n: int) -> bool:
    """`len(words(line)) <= n`, reading a long paragraph only as far as its (n+1)-th word: the
    word count was a sixth of the time of the checks each paragraph of an HTML page goes through."""
    return _at_most_words(n).match(line) is not None


# Words of share bars and page tools. A short line made mostly of them is one, whatever its order
# ("E-mail article Print view Share: Digg Newsvine").
_TOOL_WORDS = frozenset((
    "share", "print", "email", "e", "mail", "article", "view", "digg", "newsvine", "delicious",
    "stumbleupon", "facebook", "twitter", "tweet", "whatsapp", "telegram", "reddit", "linkedin",
    "pinterest", "vk", "flipboard", "pocket", "rss", "feed", "bookmark", "permalink", "reprint",
    "reprints", "comments", "comment", "font", "text", "size", "larger", "smaller", "copy", "link",
    "save", "this", "story", "page", "shares", "google",
))
# A share counter's figure ("8.1k SHARES Facebook Twitter" reads as 8, 1k, shares, ...), counted
# as a tool word on a line that says "share".
_COUNT = re.compile(r"\d+[km]?")


# A picture's credit: "Photo: Anna Kerr/Reuters", "AFP/Getty Images", "Credit: Anna Kerr/Associated Press". ("Anna Kerr for The Valdren
# Post" is one too, but a title-case subheading reads the same: "Tips for Better Sleep".)
_CREDIT = re.compile(
    r"^\(?(?:(?:photo|image|picture|video|illustration|graphic)s?(?: by|:)|(?:photo |image )?credits?:)\s.{2,80}$"
    r"|^[^.!?]{0,40}[/|,]\s*(?:getty images|afp|reuters|ap photo|epa|shutterstock|associated press|bloomberg"
    r"|alamy|istock|xinhua|anadolu agency|sputnik|tass)\)?$",
    re.I,
)


_AD_SLOT = _Vocabulary(r"^[\W_]*(?:" + "|".join(_AD_PHRASES) + r")[\W_]*$")
# "Read also: <another article's headline>", set between an article's paragraphs.
_READ_ALSO = _Vocabulary(
    r"^[\W_]*(?:" + "|".join([*_READ_ALSO_PHRASES, r"also read", r"related", r"смотрите также", r"citeste si"])
    + r")\s*[:\-\u2013\u2014]\s*\w.{3,}$"
)
# A video widget's label glued to its teaser ("Popular Video This young singer was shocked when ..."),
# in the label's own capitals: "Popular videos show that ..." opens a sentence.
_VIDEO_TEASER = re.compile(
    r"^\W*(?:Popular|Recommended|Trending|Featured|Sponsored) Videos? *[:\-\u2013\u2014]? *[A-Z]\w*\s"
)


def is_inline_aside(line: str) -> bool:
    """An ad slot's label or a read-also link: furniture that interrupts an article without ending it."""
    s = line.strip()
    # a video's teaser runs longer than an ad slot's label or a read-also headline
    if not s:
        return False
    if len(s) <= 160 and (_AD_SLOT.match(s) or _READ_ALSO.match(s)):
        return True
    return len(s) <= 300 and _VIDEO_TEASER.match(s) is not None


def is_chrome(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 120 and bool(
        _CHROME.match(s) or _tool_bar(s) or _menu_bar(s) or _CREDIT.match(s) or _FILED_UNDER.match(s)
        or _chrome_sentences(s) or _section_menu(s) or _tag_list(s)
    )


# A site's sections, the items of a menu that a page flattened without separators ("HOME NEWS WORLD
# VIDEO OPINION"), in English.
_SECTION_WORDS = frozenset((
    "home", "news", "world", "politics", "business", "economy", "markets", "money", "sport", "sports",
    "opinion", "opinions", "video", "videos", "culture", "arts", "tech", "technology", "science", "health",
    "entertainment", "lifestyle", "travel", "weather", "live", "podcasts", "newsletters", "local", "national",
    "international", "us", "uk", "europe", "asia", "africa", "analysis", "features", "photos", "more", "latest",
    "about", "contact", "subscribe", "login", "search", "menu", "showbiz", "tv", "style", "food", "climate",
))
_SECTION_MENU_MIN = 3


def _section_menu(s: str) -> bool:
    ws = words(s)
    return len(ws) >= _SECTION_MENU_MIN and not ends_sentence(s) and all(w.lower() in _SECTION_WORDS for w in ws)


# A short line of two or more sentences that each are furniture: "FREE Newsletter. Sign Up Now!".
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_CHROME_SENTENCES_MAX_WORDS = 10


def _chrome_sentences(s: str) -> bool:
    if not few_words(s, _CHROME_SENTENCES_MAX_WORDS) or not _SENTENCE_BREAK.search(s):
        return False
    parts = _SENTENCE_BREAK.split(s)
    return len(parts) >= 2 and all(_CHROME.match(p) or is_call_to_action(p) for p in parts)


# A post's section label: "Posted in World, Politics", "Filed under: Travel", "Posted inProof Points"
# (a flattened link glued on).
_FILED_UNDER = re.compile(r"(?:posted|filed)\s+(?:in|under)(?:\b|(?-i:(?=[A-Z])))", re.I)


# What separates the items of a menu or breadcrumb on one line: "Home | World | Sport", "News » Europe".
# Not "•": in article text it strings together the features of a product ("Sound quality • ANC").
_MENU_SEPARATOR = re.compile(r"\s*[|\u00b7\u00bb\u203a]\s*|\s+[/>]\s+")
_SEPARATOR_MARKS = "|\u00b7\u00bb\u203a/>"


def _tag_list(s: str) -> bool:
    """An article's tags, comma-separated: "cholera, East Nusa Tenggara, Lembah Sari, public health,
    water". Four short items or more, two of them in lower case (a headline's list of names, "Paris,
    Berlin, Rome and Madrid ...", has capitals and a verb), no figures, no sentence."""
    if s.count(",") < _TAG_LIST_MIN - 1 or ends_sentence(s) or ":" in s or any(c.isdigit() for c in s):
        return False
    items = [i.strip() for i in s.split(",")]
    return (len(items) >= _TAG_LIST_MIN and all(1 <= len(words(i)) <= 3 for i in items)
            and sum(i[:1].islower() for i in items) >= 2)


_TAG_LIST_MIN = 4


def _menu_bar(s: str) -> bool:
    """A line of three or more short items between separators, in any language. Not a table row
    that a page flattened ("| Name | Age |"), which opens with its separator, nor a line with a label
    or figures ("Sources: HomeAdvisor | Houzz | Angi", "1-4 players | ages 14+ | $45"), which
    article text holds too."""
    # (most lines have no separator: the character tests first)
    if not any(mark in s for mark in _SEPARATOR_MARKS) or s.startswith("|") or ends_sentence(s) or ":" in s:
        return False
    items = [i for i in _MENU_SEPARATOR.split(s) if i.strip()]
    # a site's top bar prints today's date among its links ("Wednesday, June 21, 2023 | E-Paper | Contact")
    dated = [i for i in items if any(c.isdigit() for c in i)]
    if len(dated) > 1 or (dated and (dated[0] is not items[0] or not is_date_line(dated[0]))):
        return False
    return len(items) >= 3 and all(1 <= len(words(i)) <= 3 for i in items if i not in dated)


def _tool_bar(s: str) -> bool:
    if not few_words(s, 10):
        return False
    ws = [w.lower() for w in words(s)]
    counter = "shares" in ws or "share" in ws  # its figures are the counter's, not a table's
    tools = sum(w in _TOOL_WORDS or counter and _COUNT.fullmatch(w) is not None for w in ws)
    return 2 <= len(ws) <= 10 and tools >= 2 and tools >= 0.6 * len(ws) and not ends_sentence(s)


def is_call_to_action(line: str) -> bool:
    s = line.strip()
    return len(s) <= 160 and (len(s.split()) <= 6 or s.startswith("[")) and _CALL_TO_ACTION.match(s)


def is_boilerplate_sentence(line: str) -> bool:
    return len(line) <= _NOTICE_MAX and _NOTICE.search(line)


def has_letters(line: str) -> bool:
    return bool(_LETTER.search(line))


def ends_sentence(line: str) -> bool:
    # the last character that is not a space (a character test: a search for the pattern
    # "[.!?...]\s*$" tried every position of the line)
    s = line.rstrip()
    return bool(s) and s[-1] in _SENTENCE_END


def is_comment_header(line: str) -> bool:
    s = line.strip()
    # "59 Comments on “<the headline>”" runs as long as the headline
    return (len(s) <= 80 or len(s) <= 240 and _COUNTED_ON.match(s)) and _COMMENT_HEADER.match(s)


# A count of comments inside a short line: "Search 524 Comments Log In", "Post a Comment 241 Comments
# and 16 Replies", "Filed under: Travel | 48 Comments". Printed with a byline too, so it only opens
# a comment section where comment items follow it.
_COMMENT_COUNT = re.compile(
    r"\b[1-9][\d,.]*\s+(?:comments?|responses?|replies|kommentare?|комментари\w*|коментар\w*|commentaires?|"
    r"comentarios?|comentarii|komentar)\b|\bcomments?\s*(?:[(\[]\s*[1-9]\d*\s*[)\]]|:\s*[1-9])",
    re.I,
)


def counts_comments(line: str) -> bool:
    return len(line) <= 160 and few_words(line, 10) and _COMMENT_COUNT.search(line) is not None


def is_comment_form(line: str) -> bool:
    return len(line.strip()) <= 160 and _COMMENT_FORM.search(line)


def numbered_item(line: str) -> int | None:
    m = _NUMBERED_ITEM.match(line)
    return int(m.group(1)) if m else None


# What follows a name in a byline without being part of it: "(Email)", "| TV and Radio Writer".
_AFTER_NAME = re.compile(
    r"\s*(?:\([^()]*\)|\s[|\u2022\u00b7]\s.*"
    # ", Staff Writer", ", deutscher Journalist, Kolumnist und Autor": a role after a comma
    rf"|,\s*.*\b(?:{JOURNALIST_ROLE}|director|manager|president|officer|founder|chief|head|analyst|professor)s?\b.*"
    # a label after the name ("DOTYCZY: ...", tags in capitals), and a glued "More Posts"
    r"|\s+[^\W\d_]{3,}:\s.*|(?:more posts|view all posts|alle beiträge)\b.*)$",
    re.I,
)
# A credit for a picture is no byline: "STAFF PHOTO BY KATHY ANDERSON".
_PICTURE_CREDIT = re.compile(r"\b(?:photos?|photograph\w*|pictures?|images?|illustrations?|graphics?|video)\b", re.I)


def name_in_byline(name: str) -> str | None:
    """The name a byline gives, without what follows it ("Tom Jicha | TV and Radio Writer",
    "Edward M. Gomez (Email)", "John Smith, Staff Writer"); None for a picture credit."""
    if _PICTURE_CREDIT.search(name):
        return None
    while (trimmed := _AFTER_NAME.sub("", name)) != name:
        name = trimmed
    return name.strip(" ,|-") or None


def is_byline(line: str) -> bool:
    """A byline, also one with its dates glued on ("by Anna Kerr August 25, 2025August 29, 2025",
    where the glued year hides the dates from `find_dates`)."""
    return bool(_BYLINE.match(line)) and bool(byline_name(line) or _YEAR_IN.search(line))


_YEAR_IN = re.compile(r"(?:19|20)\d\d")


def byline_name(line: str) -> str | None:
    m = _BYLINE.match(line)
    if not m:
        return None
    name = name_in_byline(m.group(1).strip(" ,|-"))
    if name is None:
        return None
    # A byline names people: a few capitalised words, not a sentence.
    parts = name.split()
    if not 1 <= len(parts) <= 6 or ends_sentence(name) and not name.endswith("."):
        return None
    return name if any(p[:1].isupper() for p in parts) else None


# The marks that set a site's name or section apart from the headline in a page's title:
# "Headline | Site", "Headline – Site", "Site » Section: Headline" (a spaced hyphen, colon or dot too).
TITLE_MARKS = "|-\u2013\u2014:\u00bb\u00b7"


def title_separator(marks: str = TITLE_MARKS) -> re.Pattern[str]:
    """Marks between spaces, doubled too: "Site :: Section", "Headline -- Site"."""
    return re.compile(rf"\s+[{re.escape(marks)}]{{1,2}}\s+")


def before_last_part(title: str, last: str, marks: str = TITLE_MARKS) -> str:
    """The title up to its last part (`last`, a site's name) and the mark before it."""
    return title[: title.rfind(last)].rstrip(" " + marks)


def glued_prefix(paragraph: str) -> str | None:
    m = _GLUED_PREFIX.match(paragraph)
    return m.group(1) if m else None


def is_prose(line: str, language: str = "en") -> bool:
    """A sentence or more of running text: long enough, ending like a sentence (or very long), and
    made of a language's function words as much as prose is."""
    tokens = words(line)
    n = len(tokens)
    if n < PROSE_MIN_WORDS or (n < PROSE_LONG_WORDS and not ends_sentence(line)):
        return False
    stops = stop_words(language)
    return not stops or stop_word_share(tokens, stops) >= PROSE_MIN_STOP_SHARE


def stop_word_share(tokens: list[str], stops: frozenset[str]) -> float:
    if not tokens:
        return 0.0
    return sum(t.lower() in stops for t in tokens) / len(tokens)


# A clock time, "18:26", "6:26 pm", "05:30:12"; not a citation's volume and pages ("2021;72:45-62",
# "16:22-31"), a ratio of larger numbers or a running time ("90:00").
TIME = re.compile(r"(?<![\w;:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d\u2013-])\s*(am|pm)?\b", re.I)
_CALENDAR = calendar_words()


# The verbs of publication stamps in the relay languages ("Publié le ... à 14:05, mis à jour le ...",
# "Veröffentlicht am ... um 14:05 Uhr", "Diterbitkan ... pukul 14.05 WIB"): a date line that holds one is
# the article's own stamp, not a site's "today" printed above every page.
_STAMP_VERB_PHRASES = (
    "published", "updated", "posted", "publié", "mis à jour", "modifié", "veröffentlicht", "aktualisiert",
    "stand", "filed", "publicado", "actualizado", "publicat", "actualizat", "опубликовано", "обновлено",
    "опубліковано", "оновлено", "diterbitkan", "diperbarui", "dipublikasikan",
)
_STAMP_VERBS = _Vocabulary(r"\b(?:" + "|".join(_STAMP_VERB_PHRASES) + r")\b")
# Every word such a stamp is made of, its verbs and the small words around them.
_STAMP_WORDS = frozenset(word for phrase in _STAMP_VERB_PHRASES for word in phrase.split()) | frozenset([
    "last", "modified", "on", "at", "am", "pm", "le", "à", "mise", "um", "uhr", "zuletzt", "el", "a", "las",
    "la", "ora", "modificat", "в", "о", "г", "pukul", "wib", "wita", "wit",
])


def is_publication_stamp(line: str) -> bool:
    """A date line that says it is the article's publication or update ("Published: ...")."""
    return _STAMP_VERBS.search(line) and is_date_line(line)


# A publication stamp that lost its line break and opens the lede: "May 3, 2013 11:45 AM PDT Early Friday
# morning, ...", "Published: August 2, 2013 Ellen DeGeneres will ...", "12:52 p.m. EDT May 2, 2013 She ...".
# Its pieces: a stamp verb ("Last updated at", or a lower-case "on" left of "Posted by X on"), a clock
# time with its zone, a weekday, the date; "Published: ... Updated: ..." repeats them.
_STAMP_LABEL = re.compile(
    r"(?:(?:first|originally|last)\s+)?(?:" + "|".join(_STAMP_VERB_PHRASES) + r")(?:\s+(?:on|at|le|am|el|pada))?"
    r"\s*:?\s*|(?-i:on)\s+",
    re.I,
)
_TIME_ZONES = (
    "ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|EET|EEST|MSK|IST|AEST|AEDT|WIB|WITA|WIT|JST|"
    "KST|HKT|SGT|UK|hrs|Uhr"
)
_CLOCK = re.compile(
    r"(?:(?:at|um|à|pukul|@)\s*)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?(?:\s?m\.?)?(?![^\W\d_]))?"
    rf"(?:\s*(?-i:{_TIME_ZONES})\b)?(?:\s*\(?(?:GMT|UTC)[+-]\d\d?(?::?\d\d)?\)?)?\s*",
    re.I,
)
_WEEKDAY = re.compile(
    r"(?:" + "|".join(sorted(WEEKDAYS | SHORT_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+",
    re.I,
)
_STAMP_GAP = re.compile(r"\s*(?:[.,|•\u2013\u2014-]\s*)?")
_NUMERIC_DAY = re.compile(r"[0-3]?\d/[0-3]?\d/(?:19|20)\d\d\b")  # 05/02/2013: the 5th of February or May 2nd
# What follows the stamp must read as the lede's opening: a capital, a digit or a quotation mark.
_LEDE_START = re.compile(r"[^\W\d_]|[\d\"“'‘«„]")
_LEDE_MIN_WORDS = 6


def stamp_opening(paragraph: str) -> tuple[str, str | None] | None:
    """The publication stamp that opens a paragraph of prose, and its day (YYYY-MM-DD, None where the
    stamp's numbers could be read either way): (stamp, day)."""
    pos, day, dated, labelled, clocked = 0, None, False, False, False
    while True:
        at = _end(_STAMP_GAP, paragraph, pos) if pos else 0
        label = _STAMP_LABEL.match(paragraph, at)
        at = label.end() if label else at
        clock = _CLOCK.match(paragraph, at)
        if clock:
            at = _end(_STAMP_GAP, paragraph, clock.end())
        at = _end(_WEEKDAY, paragraph, at)
        found = date_at(paragraph, at)
        numeric = None if found else _NUMERIC_DAY.match(paragraph, at)
        if found or numeric:
            day = day or (found[0] if found else None)
            at = found[1] if found else numeric.end()
            after = _CLOCK.match(paragraph, _end(_STAMP_GAP, paragraph, at))
            if after:
                clock, at = after, after.end()
        elif not (dated and clock):
            break
        dated, labelled = True, labelled or bool(label and label.group(0).strip().lower() != "on")
        clocked = bool(clock)
        pos = at
    if not dated:
        return None
    gap = _STAMP_GAP.match(paragraph, pos)
    if "," in gap.group(0) and not (labelled or clocked):
        return None  # "May 3, 2013, President Obama signed ...": a sentence that opens with its date
    rest = paragraph[gap.end() :]
    if not _LEDE_START.match(rest) or rest[:1].islower() or len(words(rest)) < _LEDE_MIN_WORDS:
        return None
    return paragraph[: gap.end()].rstrip(), day


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    m = pattern.match(text, pos)
    return m.end() if m else pos


_NUMERIC_DATE = re.compile(r"\b[0-3]?\d[/.][01]?\d[/.](?:19|20)\d\d\b")


_GLUED_BYLINE = re.compile(rf"(?:^|(?<=[\s|,;\u00b7]))(?:{BYLINE_LABEL})\s+(\S.*)$", re.I)
_GLUED_BYLINE_WORDS = 6


def is_date_line(text: str) -> bool:
    """A date with little else: a weekday, a time and its zone, the words of a publication stamp
    ("Rabu, 5 Maret 2031 | 08:15 WIB", "Published: July 23, 2012", "Publié le 24/09/2019 à 14:05, mis à
    jour le 24/09/2019 à 16:30")."""
    found = [s for _, s in find_dates(text)]
    # 04/03/2031 says no month a reader of the page could not tell; as a stamp it counts all the same
    found += _NUMERIC_DATE.findall(text)
    if not found:
        return False
    # a byline glued on after the date ("Filed 13/03/2031 09:58 by our news desk", "Опубликовано:
    # 15 ноября 2031 г. Автор: Игорь Савельев"): the date line is what stands before it
    if (glued := _GLUED_BYLINE.search(text)) and glued.start() > 0 and 1 <= len(words(glued.group(1))) <= _GLUED_BYLINE_WORDS:
        text = text[: glued.start()]
        found = [s for s in found if s in text]
        if not found:
            return False
    rest = text
    for s in found:
        rest = rest.replace(s, " ")
    rest = TIME.sub(" ", rest)
    other = [w for w in words(rest) if not w.isdigit() and w.lower() not in _CALENDAR and w.lower() not in _STAMP_WORDS]
    return len(other) <= 3
