"""Stage 2, clean: from a raw page (HTML or text with clutter) to an Article.

Entry point: ``clean(doc) -> Article``. HTML goes through trafilatura for the body and
metadata, plus the page's own date meta tags (they carry the time and offset that
trafilatura's date-only value drops); prose blocks trafilatura skipped between the paragraphs
it kept are put back, and a standfirst (dek, or a meta description that is not the lead) is the
subtitle. Text pages go through ``textpage``. Either way the
body is then swept for leftover furniture (adverts, 'related' items, credits), so what
reaches the language stages is only the report.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from .errors import NoArticleText
from .models import Article, InputDocument, RelatedLink
from .textpage import PageParts, author_names, normalise_published, parse_stamp, parse_text_page, url_date

# Below this many characters of body, or this share of the text in the page's paragraphs,
# lists and tables, trafilatura is asked again, favouring recall.
MIN_BODY_CHARS = 250
MIN_PAGE_SHARE = 0.5
MAX_RELATED_LINKS = 12
_BLOCK_TEXT_XPATH = "//p//text()|//li//text()|//h2//text()|//h3//text()|//td//text()"

_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                   "publish-date", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date")
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
                 "dc.date.modified")

# DOM blocks trafilatura dropped between the paragraphs it kept come back when they read like
# prose: this many words, at most this share of the text in links, and no furniture marker.
MIN_GAP_WORDS = 8
# Between two kept blocks, a shorter line without links is the article's too (a note, a label, a date).
MIN_INSIDE_WORDS = 3
MAX_GAP_LINK_SHARE = 0.3
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th dd dt blockquote pre div section article table tr ul ol dl figcaption figure "
    "header footer main aside nav caption form body address details summary center fieldset".split())
_UNREAD_TAGS = frozenset(
    "script style noscript template svg iframe button select option head textarea math canvas video audio picture "
    "pre".split())  # preformatted code keeps line breaks that extractors and this reading cut differently
PARTLY_KEPT_WORDS = 6
# Between kept blocks, a list item without links comes back from this many words.
MIN_ITEM_WORDS = 2
# A run of repeated lines this long is a copy of a section (the story shown twice), not labels.
COPIED_SECTION_WORDS = 40
_SECTION_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
# Headings of the page's own furniture, not of a section of the article.
_NOT_A_SECTION_HEADING = re.compile(
    r"(?:table of contents|contents|in this (?:article|post|guide)|jump to|on this page|latest (?:news|posts|stories)"
    r"|recent (?:posts|articles|stories)|popular (?:posts|articles|stories)|trending(?: now)?|editor'?s note)\s*:?",
    re.IGNORECASE)
# After the last block the extractor kept, the article goes on while prose keeps coming: more than
# this many link lines in a row (a list of other stories) end it.
MAX_BLOCKS_PAST_THE_END = 2
# The article's element on the page: the innermost one holding this share of the body's text
# found in the page's blocks, when at least this share of the body was found there at all.
ARTICLE_ELEMENT_SHARE = 0.8
# A body that opens or closes with this many lines in a row that are links on the page (this share of
# their text or more) opens with breadcrumbs or closes with other stories' headlines, not with the report.
LINK_LINE_SHARE = 0.5
MIN_LINK_RUN = 2
# A body that closes with this many excerpts cut off with an ellipsis ("... the biggest..."), between
# labels of at most this many words (their sections), closes with other stories' teasers.
MIN_CLOSING_TEASERS = 2
MAX_TEASER_LABEL_WORDS = 6
# ... or a headline of up to this many words right over an excerpt; and at most this many lines of
# this many words in all may follow the run.
MAX_TEASER_HEADLINE_WORDS = 16
MAX_LINES_AFTER_TEASERS, MAX_WORDS_AFTER_TEASERS = 4, 30
# A line that opens with a speaker's label ("Caller:") or a quotation mark is speech: a transcript or a
# quotation trailing off, not a teaser.
_SPEECH_LINE = re.compile(r"""^(?:[A-Z][\w.' -]{0,30}:\s|["“‘'])""")
MIN_PLACED_SHARE = 0.5
_FAQ_HEADING = re.compile(r"(?:FAQs?|frequently asked questions)\b[^.!?]{0,80}$", re.IGNORECASE)
_FURNITURE_TAGS = frozenset("header footer nav aside figure figcaption address".split())
# ... but a figure holding a quotation is the article's pull quote, unless it embeds a post from elsewhere.
_EMBED_MARKER = re.compile(r"embed|tweet|instagram|tiktok", re.IGNORECASE)
# An element named or tagged as furniture that holds more than this share of the page's text is a
# wrapper (a <body class="has-sidebar">, a <header> left unclosed around the article), not furniture.
MAX_FURNITURE_SHARE = 0.5
# A marker starts a word of the class or id, and short ones are whole words: the 'ad' inside a hashed
# class name ('sc-9749ad0f') or a 'bio' in 'biology' names nothing.
_FURNITURE_MARKER = re.compile(
    r"(?<![a-z0-9])(?:author|bio(?![a-z0-9])|newsletter|related|promo|share|social|disclaimer|comment|subscri|"
    r"sign-?up|sidebar|footer|nav(?![y0-9])|menu|breadcrumb|cookie|banner|popup|modal|advert|ads?(?![a-z0-9])|"
    r"sponsor|cta(?![a-z0-9])|caption|credit|footnote)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_LETTERS_RUN = re.compile(r"[^\W\d_]{2,}")  # a heading of bare numbers ("1", "2.") has none

# React's streamed sections: hidden at the page's end, each with a template marking its place.
_STREAMED_SECTIONS = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")
_STREAM_SLOTS = etree.XPath("//template[starts-with(@id, 'B:') or starts-with(@id, 'P:')]")
# A box named as the page's disclaimer or disclosure, unless it holds more than this share of the page's text.
_DISCLAIMER_MARKER = re.compile(r"disclaimer|disclosure", re.IGNORECASE)
_CLASSED_ELEMENTS = etree.XPath("//*[@class or @id]")
# The word by which extractors take a box for the site's menu.
_MENU_WORD = re.compile(r"menu", re.IGNORECASE)
# A sidebar's name, and the same name telling a layout: the page "has" or comes "with" a sidebar.
_SIDEBAR_WORD = re.compile(r"side-?bar", re.IGNORECASE)
_LAYOUT_WORD = re.compile(r"(?:with|has)[-_]?side-?bar", re.IGNORECASE)
# ... or a box holding an <article> with more than this share of the page's text.
SIDEBAR_ARTICLE_SHARE = 0.5
MAX_DISCLAIMER_SHARE = 0.3
# Small boxes of the page's own: tooltips, newsletter sign-ups, cookie notices (byline boxes stay: the
# extractor reads the author and date from them).
_SMALL_BOX_MARKER = re.compile(r"tooltip|newsletter|cookie", re.IGNORECASE)
MAX_SMALL_BOX_WORDS = 120
# A form is a contact or search box when it has fields to fill and at most a prompt or two of prose
# (this many words of sentences in its paragraphs); site builders (ASP.NET) wrap the whole content
# column, article and all, in a <form>.
MAX_FORM_PROSE_WORDS = 40
_FORM_CONTROLS = etree.XPath(".//select | .//textarea | .//button | .//input[not(@type='hidden')]")
# Other stories' teaser cards: this many sibling <article> elements, or boxes whose class names a card or
# post, each headed by a link (this share of the heading's text) over an excerpt of at most this many
# words, and none holding the page's <h1>.
_CARD_CLASS = re.compile(r"(?<![a-z])(?:card|post|teaser|excerpt)(?![a-z])", re.IGNORECASE)
MIN_TEASER_CARDS = 2
# Unnamed boxes whose title and "Learn more" link to the same page, over a blurb of at least this many
# words, filling this share of their row: teasers of the site's pages, unless their blurbs make up at
# least this share of the body (a hub page whose content is its cards).
MIN_BLURB_WORDS = 5
TEASER_ROW_SHARE = 0.75
MAX_BLURB_SHARE = 0.3
TEASER_HEADING_LINK_SHARE = 0.8
MAX_TEASER_CARD_WORDS = 150
# A card titled with the page's own headline (at least this many words of its <title> or <h1>) is the story
# itself, shown among the latest: its excerpt is the article's lead, and on a blog the card is the article.
MIN_OWN_TITLE_WORDS = 3
MAX_PLACEHOLDER_WORDS = 4  # "Loading paragraph...", a spinner
# ... unless the page as served, sections left hidden at its end, gives this many times more text.
STREAMED_FALLBACK_RATIO = 2

MIN_SUBTITLE_WORDS, MAX_SUBTITLE_WORDS = 6, 60
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " • ", " · ")
MAX_TITLE_TAG_WORDS = 4  # "| Patient Education", "| UC Davis Children's Hospital"

_SUBTITLE_XPATH = ("//*[self::p or self::h2 or self::div or self::span]"
                   "[contains(@class, 'dek') or contains(@class, 'standfirst') or contains(@class, 'subtitle')"
                   " or contains(@class, 'sub-title') or contains(@class, 'strapline')"
                   " or contains(@class, 'article-summary') or contains(@class, 'deck')]")

# A short line naming what follows as not the article (sources, bio, related reading, calls to act)
# ends the body when it comes in its second half; earlier, it is more likely part of the report.
_TRAILING_SECTION = re.compile(
    r"(?:(?:article |external )?sources?|references?|citations?|works cited|bibliography|footnotes"
    r"|about the (?:authors?|writer)|meet the author|author bio(?:graphy)?|(?:article )?written by"
    r"|(?:article |medically |expert )?(?:reviewed|fact[- ]checked|edited)"
    r"(?: and (?:reviewed|fact[- ]checked|edited))? by,?"
    r"|related(?: \w+){0,2}(?: that may interest you)?|read (?:this|more|next)\w*(?: next)?"
    r"|you may (?:also )?(?:like|enjoy|be interested in[\w ]*)|more (?:from|on|about) [\w ’'.-]{1,40}"
    r"|recommended(?: for you| reading| articles| stories)?|more (?:stories|articles|reading|news)|further reading"
    r"|popular (?:posts|articles|stories)|share (?:this(?: article| story| post)?|your story)|subscribe[\w ]*"
    r"|sign up[\w ]*|get in touch|(?:request|book) a demo|leave a (?:reply|comment)|\d* ?comments?|disclaimer"
    r"|contact us|have (?:any )?questions\??|how was this (?:issue|article|post|newsletter)\?"
    r"|(?:did you find|was) this (?:content|article|page|post|information) helpful\??|rate this (?:article|post)"
    r"|references? (?:&|and) citations|explore more|meet our clients"
    r"|(?:written|reviewed|fact[- ]checked) by ?[A-Z][\w.’' -]{1,40}"
    r"|learn more about our (?:contributors|authors|editors|editorial process)\.?)\s*:?",
    re.IGNORECASE)
# A caption's closing credit: "Credit: Jane Roe", "Picture: Getty", "Photo credit: AP".
_CAPTION_CREDIT = re.compile(r"(?:^|[.!?]\s|\s)(?i:(?:photo |image |picture )?(?:credit|picture|photo|image)s?)\s*:\s*"
                             r"(?P<credit>[A-Z][\w.'’&/ -]{1,50})$")
MAX_CAPTION_WORDS = 60
# ... or in a courtesy line: "Photo courtesy of Jane Roe", "... 1932. Silver print. Courtesy Roe Gallery."
_COURTESY_CREDIT = re.compile(r"(?:^|[.!?)]\s)(?i:(?:photos? |images? |pictures? )?courtesy(?: of)?)\s+"
                              r"(?P<credit>[A-Z][\w.'’&/ -]{1,50}?)\.?$")
# ... or in a photo agency's form, the agency and the photographer either way round a slash: "Getty Images /
# Jane Roe", "AP Photo/Jane Roe", "Jane Roe / Reuters".
_PHOTO_AGENCY = r"(?:Getty Images|AP(?: Photo)?|Reuters|AFP|EPA(?:-EFE)?|Shutterstock|iStock(?:photo)?|Alamy|Bloomberg)"
# The photographer's is a name, each word capitalised ("Reuters/Ipsos polling shows ..." is the report's sentence).
_CREDITED_NAME = r"i?[A-Z][\w.'’&-]*(?: (?:(?:de|da|del|van|von|la|le|al|bin) )?i?[A-Z][\w.'’&-]*){0,5}"
_AGENCY_CREDIT = re.compile(rf"(?:^|[.!?)]\s)(?P<credit>{_PHOTO_AGENCY}\s*/\s*{_CREDITED_NAME}"
                            rf"|{_CREDITED_NAME}\s*/\s*{_PHOTO_AGENCY})\.?$")
_TRAILING_NOTE = re.compile(r"(?:about the authors?|disclaimer)\s*[:\-–—]|this (?:work|article|content) is licensed under"
                            r"|prices were accurate at the time|learn more about our editorial process"
                            r"|enjoyed this (?:piece|article|story)\?|would you like to receive notifications"
                            r"|become a paid subscriber|this (?:article|story|post) is exclusive to|last reviewed\b",
                            re.IGNORECASE)
TRAILING_SECTION_MIN_SHARE = 0.5
# A site's note that it earns from the links on the page ("this guide includes affiliate links", "we
# may earn a commission when you buy ..."): about the page, not the report, wherever it is set. A long
# paragraph that mentions commissions is the article discussing them; so is one quoting or citing someone ("'we get
# compensation for the homes,' a farmer said"), and one neither speaking as the site nor to the reader ("the retailer,
# which has affiliate partnerships with bloggers, ...") is about another's links.
_DISCLOSURE = re.compile(
    r"\b(?:contains?|includes?|features?|uses?|may contain|might contain|has|have) (?:some |paid |sponsored )?"
    r"affiliate (?:links?|partnerships?)"
    r"|\b(?:we|i)(?:'d|’d| may| might| could| will)? (?:earn|receive|get|make)s? (?:a |an )?(?:small |tiny )?"
    r"(?:(?:affiliate )?commissions?|compensation|(?:a )?kick ?back|a share of (?:the )?(?:sales|revenue))",
    re.IGNORECASE)
MAX_DISCLOSURE_WORDS = 60
_QUOTED_OR_CITED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b", re.IGNORECASE)
_SITE_OR_READER = re.compile(r"\b(?:we|us|our|i|my|you|your|this (?:post|page|article|story|guide|site|website))\b",
                             re.IGNORECASE)
# Among the body's last paragraphs, a note on its writer ends the article: how to reach them, or who
# wrote or produced the story. A writer is reached under a personal name at an email address; an
# agency's tip line ("Crime Stoppers can be reached at ...") closes many a crime report. (Cutting a
# closing bio too, "Jane Roe is a freelance writer ...", was tried, even only one opening with the
# byline's own name: WCXB's gold keeps it on some pages, and must-include rows fell.)
_CLOSING_CREDIT = re.compile(
    r"contact (?:staff writer|reporter|the (?:writer|reporter|author)) (?-i:[A-Z])"
    r"|(?!(?:\S+ ){0,3}(?:police|crime|stoppers|detectives?|officers?|investigators?|sheriff|department|unit|office"
    r"|hotline|tip|line|desk|center|centre)\b)(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) (?:can|may) be reached at\b"
    r"(?=.*(?:@|\be-?mail\b))"
    r"|this (?:story|article|post|piece)(?: about [^.]{0,80})? was (?:developed|written|produced|reported|originally|first)\b",
    re.IGNORECASE)
CLOSING_CREDIT_PARAGRAPHS = 3
MAX_AFTER_CREDIT_WORDS = 80
# A reading-time stamp, alone or after the date and byline: "Jun 8, 2023 • 11 min read", "3 MIN. READ".
_READING_TIME = re.compile(r"(?:\S.{0,80}\s)?\d*\s?min(?:ute)?s?\.? read", re.IGNORECASE)
# A label that can only head a list of other stories ends the body from this share of it on.
_OTHER_STORIES = re.compile(
    r"(?:read (?:this )?next|related (?:articles|posts|stories|reading|content)|you (?:may|might) (?:also )?(?:like|enjoy)"
    r"|recommended (?:for you|articles|stories|posts)|more (?:stories|articles|posts) (?:like this|you (?:may|might) (?:like|enjoy))"
    r"|you[’']ll (?:also )?(?:love|like|enjoy)(?:\.\.\.|…)?)\s*:?",
    re.IGNORECASE)
OTHER_STORIES_MIN_SHARE = 0.2
# Past the extractor's last block, a line that opens the page's comments, ratings, form or review notes
# ends the article however it is worded after these words.
_PAST_THE_END_STOP = re.compile(
    r"(?:add a comment|leave a (?:comment|reply)|comments are closed|\d+ (?:comments|responses)|average rating"
    r"|vote count|rate this|recommended? (?:posts|articles|reading)|how we (?:reviewed|tested|researched)"
    r"|this field is for validation|written by|about the authors?|share this)\b", re.IGNORECASE)

_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
           "|nov(?:ember)?|dec(?:ember)?")
_CALENDAR_WORD = re.compile(rf"\b(?:{_MONTHS}|may|last updated|updated|published|posted)\b", re.IGNORECASE)
_DAY = rf"(?:(?:{_MONTHS})\.? \d{{1,2}},? \d{{4}}|\d{{1,2}} (?:{_MONTHS})\.? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
# A line that only dates the article, as themes print it over the text: "Sep 26, 2022", "Updated: March 3,
# 2024", "August 16, 2019 - Updated July 9, 2025", "October 11, 2023 by Jane Roe".
_DATE_LINE = re.compile(
    rf"(?:(?:last )?(?:updated|published|posted)(?: on)?:? )?{_DAY}"
    rf"(?:\s*[-–—|•·,]\s*(?:last )?(?:updated|modified)(?: on)?:? {_DAY})?"
    r"(?: by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})?", re.IGNORECASE)
DATE_LINE_PARAGRAPHS = 3  # only over the text: further down, a date on a line of its own is the report's
# The page's own labels over the text, left behind when the box they head was not kept: a table of
# contents, a way back to the listing, a note that the article goes on past an advert.
_LEADING_PAGE_LABEL = re.compile(
    r"(?:table of contents?|contents|in this (?:article|post|guide)|jump to(?: a)? section|on this page"
    r"|back to (?:\w+ ?){1,2}|article continues below)\s*:?", re.IGNORECASE)
_NAME_TAIL = re.compile(rf"(?:\s+(?:{_MONTHS}|last|updated|published|posted|view in))+$", re.IGNORECASE)
_NAME_LABEL = re.compile(r"^(?:author|written by|by)\s*:?\s+", re.IGNORECASE)
_AUTHOR_PAGE = re.compile(r"/(?:authors?|writers?|contributors?|producers?|people|staff)/[\w.-]+/?$", re.IGNORECASE)
_BY_LABEL = re.compile(r"(?:written|article|posted|authored|words|story|reported)\s+by:?(?:\s+(?P<name>.+))?",
                       re.IGNORECASE)

# A lead byte of two or three byte UTF-8 read as Windows-1252 (Â..ï), then its continuation bytes so read.
_MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u201a-\u201e\u2018\u2019\u2122\u0153\u0161]")
_MOJIBAKE_RUN = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0081\u008d\u008f\u0090\u009d\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}")

_RELATED_CLASS = re.compile(r"related|read-?more|also-?read|more-?stories|recommended", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer", re.IGNORECASE)

_STOPWORDS = {
    "en": "the of and to in a is that for was on with as by at from it his said were has have are be".split(),
    "es": "de la que el en los del se las por un para con una su al lo como más pero sus le ha fue".split(),
    "fr": "de la le et les des en du un une est que pour dans qui au sur par pas ce il sont avec".split(),
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch".split(),
    "pt": "de que o a do da em um para com não uma os no se na por mais as dos foi ao pelo".split(),
    "it": "di che il la è e per un in del della non una sono le dei con gli si al ha nel".split(),
    "nl": "de het een van en in is dat op te zijn met voor niet aan er die werd ook door".split(),
}
_STOPWORD_SETS = {language: set(words) for language, words in _STOPWORDS.items()}
_LATIN_RE = re.compile(r"[A-Za-z]{3,}(?:\W+[A-Za-z]{3,}){5}")  # six Latin-script words in a row
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u0600-\u06ff]"), "ar"), (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[\u0900-\u097f]"), "hi"), (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u3040-\u30ff]"), "ja"), (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
)
LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
                  "nl": "Dutch", "ar": "Arabic", "ru": "Russian", "hi": "Hindi", "zh": "Chinese",
                  "ja": "Japanese", "ko": "Korean", "he": "Hebrew"}


def clean(doc: InputDocument) -> Article:
    """The article in ``doc``: body text, headline, bylines, dates, links and credits."""
    if doc.html is not None:
        parts, site = _clean_html(without_mojibake(doc.html), doc.url)
    else:
        parts, site = parse_text_page(without_mojibake(doc.text or ""), url=doc.url), None
    if not parts.text.strip():
        raise NoArticleText(f"{doc.origin or doc.id}: no article text left after removing the page furniture")
    warnings: list[str] = []
    published = parts.published
    if doc.published:
        published = normalise_published(doc.published)
        if published is None:
            warnings.append(f"the given publication date {doc.published!r} could not be read")
            published = parts.published
    published = published or url_date(doc.url)  # a day only: the address says no time
    language = detect_language(parts.text)
    if language != "en":
        warnings.append(f"document is in {LANGUAGE_NAMES.get(language, language)}; incident extraction is for English")
    return Article(
        id=doc.id or "", url=doc.url, site=hostname(doc.url) or site,
        title=doc.title or parts.title, subtitle=parts.subtitle, authors=parts.authors,
        published=published, updated=parts.updated, language=language, text=parts.text,
        related_links=parts.related_links, image_credits=parts.image_credits,
        dateline=parts.dateline, stamped=parts.published, warnings=warnings,
    )


def without_mojibake(text: str) -> str:
    """``text`` with UTF-8 that was decoded as Windows-1252 somewhere upstream ("itâ€™s", "costsÂ ")
    read again; a run that is not valid UTF-8 that way is left as it is (a real "Ã" or "â")."""
    if not ("\u00c2" in text or "\u00c3" in text or "\u00e2" in text) or not _MOJIBAKE_HINT.search(text):
        return text
    return _MOJIBAKE_RUN.sub(_redecoded, text)


def _redecoded(match: re.Match[str]) -> str:
    run = match.group()
    try:  # bytes 0x80-0x9f read as Latin-1 (or left undefined by Windows-1252) came through as the same code points
        fixed = b"".join(bytes([ord(char)]) if "\x80" <= char <= "\x9f" else char.encode("cp1252")
                         for char in run).decode("utf-8")
    except UnicodeError:
        return run
    return run if re.search("[\x80-\x9f]", fixed) else fixed


def detect_language(text: str) -> str:
    """A cheap guess at the language: the script, else the share of common function words."""
    sample = text[:3000]
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if not _LATIN_RE.search(sample):
        for pattern, language in _SCRIPT_LANGUAGES:
            if pattern.search(sample):
                return language
    if len(words) < 8:
        return "en"
    counts = Counter(words)
    scores = {language: sum(counts[word] for word in stopwords) for language, stopwords in _STOPWORD_SETS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > scores["en"] * 1.2 else "en"


# --------------------------------------------------------------------------- HTML


def _clean_html(html: str, url: str | None) -> tuple[PageParts, str | None]:
    tree = _parsed(html)
    if tree is None:
        return PageParts(), None
    published, updated = _meta_dates(tree)
    headline = _page_headline(tree)
    head_titles = [" ".join(element.text_content().split()) for element in tree.iter("title")] + [
        meta.get("content") or "" for meta in tree.iter("meta") if meta.get("property") == "og:title"]
    subtitle_candidates = _subtitle_sources(tree)
    related_boxes, credit_elements = _marked_elements(tree)
    related = _related_links(related_boxes, url)
    credits = _image_credits(credit_elements)
    link_targets = _link_targets(tree, url)
    blurbs = _linked_twice_card_texts(tree)
    page_authors = _page_authors(tree)
    page_chars = _block_text_chars(tree)
    streamed = "<template" in html and _place_streamed_sections(tree)
    _ready_for_extraction(tree, page_chars)
    blocks = _dom_blocks(tree)  # before trafilatura, which prunes the tree it is given
    extracted = _extraction(tree, html, url, page_chars, streamed)
    if streamed:
        # A site's article markup can read as comments or furniture once in place, where the hidden copy did not.
        as_served = _parsed(html)
        _ready_for_extraction(as_served, page_chars)
        served_blocks = _dom_blocks(as_served)
        served = _extraction(as_served, html, url, page_chars, False)
        if served is not None and len(served.text or "") > STREAMED_FALLBACK_RATIO * len(
                extracted.text or "" if extracted else ""):
            extracted, blocks = served, served_blocks
    if extracted is None:
        return PageParts(), None
    body = _with_dropped_prose(extracted.text or "", blocks)
    parts = parse_text_page(body.replace("\n", "\n\n"), url=url, find_headline=False)
    parts.text = _with_short_repeats(body, parts.text)
    parts.title = _title(headline, extracted.title, extracted.sitename, head_titles)
    headlines = [parts.title, headline, extracted.title, *(_clean_title(title, extracted.sitename) for title in head_titles)]
    parts.text = _without_trailing_sections(_without_leading_title(parts.text, headlines))
    parts.text = _without_credited_captions(parts.text, parts.image_credits)
    parts.text = _without_leading_labels(_without_reading_times(_without_disclosures(parts.text)))
    parts.text = _without_link_runs_at_the_ends(_without_trailing_outsiders(parts.text, blocks), blocks)
    parts.text = _without_closing_credits(_without_closing_teasers(_without_card_blurbs(parts.text, blurbs)))
    parts.subtitle = _subtitle(subtitle_candidates, parts.title, parts.text)
    parts.authors = _authors(extracted.author) or parts.authors or page_authors
    parts.published = _first_publication(published, extracted.date) or parts.published or extracted.date
    parts.updated = updated or parts.updated
    parts.related_links = [link if link.url else link.model_copy(update={"url": link_targets.get(link.title)})
                           for link in parts.related_links]
    known_titles = {link.title for link in parts.related_links}
    for link in related:
        if len(parts.related_links) < MAX_RELATED_LINKS and link.title not in known_titles:
            parts.related_links.append(link)
    parts.image_credits.extend(credit for credit in credits if credit not in parts.image_credits)
    return parts, extracted.hostname or extracted.sitename


def _parsed(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree as trafilatura itself builds it (its extraction differs on others), with what
    follows a premature ``</html>`` put at the end of the body, where a browser shows it.

    Themes that close the document after their header leave the article in a second root element,
    which neither the extractor nor the page's block reading would see."""
    tree = load_html(html)
    if tree is None:
        return None
    body = tree.find("body")
    for stray in list(tree.itersiblings()) if body is not None else ():
        if stray.text and stray.text.strip():
            _append_text(body, len(body), stray.text)
        body.extend(child for child in list(stray) if child.tag != "head")  # the emptied root stays, harmless
    return tree


def _extraction(tree: lxml.html.HtmlElement, html: str, url: str | None, page_chars: int,
                streamed: bool) -> Document | None:
    """Trafilatura's reading of ``tree``, asked again favouring recall when it keeps too little of the page."""
    extracted = bare_extraction(tree, url=url, with_metadata=True, include_comments=False, include_tables=True)
    if extracted is None or len(extracted.text or "") < max(MIN_BODY_CHARS, MIN_PAGE_SHARE * page_chars):
        fresh = _parsed(html)
        if streamed:
            _place_streamed_sections(fresh)
        _ready_for_extraction(fresh, page_chars)
        retried = bare_extraction(fresh, url=url, with_metadata=True, include_comments=False,
                                  include_tables=True, favor_recall=True)
        if retried is not None and len(retried.text or "") > len(extracted.text or "" if extracted else ""):
            extracted = retried
    return extracted


def _ready_for_extraction(tree: lxml.html.HtmlElement, page_chars: int) -> None:
    """The page as the extractor should read it: boxes that are not the article out, tables it would
    wrongly skip let in."""
    _drop_disclaimers(tree, page_chars)
    _drop_teaser_cards(tree)
    _unmark_embedded_tables(tree)
    body = tree.find("body")
    read_chars = _read_chars(body if body is not None else tree)  # the page's text once the disclaimers are out
    _unmark_menu_sections(tree, read_chars)
    _unmark_sidebar_layouts(tree, read_chars)


def _unmark_embedded_tables(tree: lxml.html.HtmlElement) -> None:
    """Let the extractor read the tables a writer pasted in as raw HTML ("embed" blocks of site builders).

    Extractors drop every element classed as an embed, taking it for a social post or a player; a
    table of figures inside one is the article's own."""
    for table in tree.iter("table"):
        for holder in table.iterancestors():
            if _EMBED_MARKER.search(holder.get("class") or ""):
                holder.set("class", " ".join(word for word in holder.get("class").split()
                                             if not _EMBED_MARKER.search(word)))


def _unmark_menu_sections(tree: lxml.html.HtmlElement, page_chars: int) -> None:
    """Let the extractor read the article's sections whose class or id mentions a menu.

    Extractors drop every element so named, taking it for the site's navigation; but anchors made
    from a section's heading ("menu-planning-for-a-crowd") and restaurant pages put the word on the
    article's own sections. A box that holds paragraphs of prose, mostly not links, and lies in no
    furniture (sidebar, footer, nav...) is the article's: the word is taken off it."""
    body = tree.find("body")
    marked = [element for element in _CLASSED_ELEMENTS(body if body is not None else tree)
              if _MENU_WORD.search(element.get("class") or "") or _MENU_WORD.search(element.get("id") or "")]
    sizes: dict[lxml.html.HtmlElement, int] = {}
    articles = {element for element in marked
                if _holds_prose(element) and not _in_furniture(element, page_chars, sizes)}
    # a short paragraph of the same kind ("Happy holidays!") goes with them
    article_classes = {element.get("class") for element in articles if element.get("class")}
    for element in marked:
        if element not in articles and (element.get("class") not in article_classes
                                        or _in_furniture(element, page_chars, sizes)):
            continue
        _strip_name(element, _MENU_WORD)


def _unmark_sidebar_layouts(tree: lxml.html.HtmlElement, page_chars: int) -> None:
    """Take the sidebar's name off the wrappers that say the layout has one ("content-has-sidebar",
    "main-with-sidebar") or that hold the article's headline, its main element, or an article
    element with most of the page's text.

    Extractors drop every element whose class names a sidebar, and this module's block reading takes
    what is inside for furniture; around the article, the name tells the layout, not the box."""
    for element in _CLASSED_ELEMENTS(tree):
        if element.tag in ("html", "body"):
            continue
        words = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _SIDEBAR_WORD.search(words):
            continue
        # an <article> counts only when it holds most of the page: a real sidebar lists other
        # stories as <article> cards
        if not (_LAYOUT_WORD.search(words) or any(True for _ in element.iter("h1", "main"))
                or any(_read_chars(article) > SIDEBAR_ARTICLE_SHARE * page_chars
                       for article in element.iter("article"))):
            continue
        _strip_name(element, _SIDEBAR_WORD)


def _strip_name(element: lxml.html.HtmlElement, marker: re.Pattern[str]) -> None:
    """Take the words matching ``marker`` off the element's class, and its id if that matches."""
    if marker.search(element.get("class") or ""):
        element.set("class", " ".join(word for word in element.get("class").split() if not marker.search(word)))
    if marker.search(element.get("id") or ""):
        del element.attrib["id"]


def _holds_prose(element: lxml.html.HtmlElement) -> bool:
    """Whether ``element`` has a paragraph of prose and is mostly not links (a menu is mostly links)."""
    text = " ".join(element.text_content().split())
    link_text = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return link_text <= MAX_GAP_LINK_SHARE * len(text) and any(
        len(paragraph.text_content().split()) >= MIN_GAP_WORDS for paragraph in element.iter("p"))


def _in_furniture(element: lxml.html.HtmlElement, page_chars: int, sizes: dict[lxml.html.HtmlElement, int]) -> bool:
    """Whether ``element`` lies in (or is) a header, footer, nav, aside, or a box named as furniture,
    leaving out the builder's own words and wrappers around most of the page."""
    for holder in (element, *element.iterancestors()):
        if holder.tag in ("html", "body"):
            break
        marker = " ".join(word for word in f"{holder.get('class') or ''} {holder.get('id') or ''}".split()
                          if not _MENU_WORD.search(word))
        if ((holder.tag in _FURNITURE_TAGS and not _quote_figure(holder))
                or (marker and _FURNITURE_MARKER.search(marker))):
            if holder not in sizes:
                sizes[holder] = _read_chars(holder)
            if sizes[holder] <= MAX_FURNITURE_SHARE * page_chars:
                return True
    return False


def _drop_disclaimers(tree: lxml.html.HtmlElement, page_chars: int) -> None:
    """Remove the boxes a page marks as its disclaimer or disclosure (affiliate, advertiser, legal notes).

    Extractors keep them when they sit inside the article's element; one big enough to hold much of
    the page's text is a wrapper whose name only mentions one, and stays."""
    for element in _CLASSED_ELEMENTS(tree):
        if element.tag in ("html", "body"):
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _DISCLAIMER_MARKER.search(marker):
            text = element.text_content()
            if len(text) <= MAX_DISCLAIMER_SHARE * page_chars:
                element.drop_tree()  # its tail, text after it in the parent, stays
        elif _SMALL_BOX_MARKER.search(marker):
            text = element.text_content()
            if len(text) <= MAX_DISCLAIMER_SHARE * page_chars and len(text.split()) <= MAX_SMALL_BOX_WORDS:
                element.drop_tree()
    for form in list(tree.iter("form")):
        text = form.text_content()
        if (len(text) <= MAX_DISCLAIMER_SHARE * page_chars and len(text.split()) <= MAX_SMALL_BOX_WORDS
                and _control_form(form)):
            form.drop_tree()


def _drop_teaser_cards(tree: lxml.html.HtmlElement) -> None:
    """Remove the cards of other stories ("Latest news", "Recent posts"): sibling <article> elements, or
    boxes named as cards or posts, each a linked headline over a short excerpt.

    Extractors drop the linked headlines but keep the excerpts, which then read as the article's
    closing paragraphs; the article itself holds the page's <h1> or is longer than an excerpt."""
    by_parent: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {}
    for element in tree.iter("article", "div", "li", "section"):
        if element.tag == "article" or _CARD_CLASS.search(element.get("class") or ""):
            by_parent.setdefault(element.getparent(), []).append(element)
    page_titles = _page_titles(tree)
    for siblings in by_parent.values():
        cards = [element for element in siblings if _teaser_card(element, page_titles)]
        if len(cards) >= MIN_TEASER_CARDS:
            for card in cards:
                card.drop_tree()


def _linked_twice_card_texts(tree: lxml.html.HtmlElement) -> set[str]:
    """The texts (as lower-case words) in the page's unnamed teaser boxes: rows of boxes, each with a
    title and a "Learn more" that link to the same page, over a short blurb. Boxes, not list items: a
    list in the report ("help lines: <name> ... <call now>") links each item twice too."""
    by_parent: dict[tuple[lxml.html.HtmlElement, str], list[lxml.html.HtmlElement]] = {}
    for element in tree.iter("div", "section"):
        by_parent.setdefault((element.getparent(), element.tag), []).append(element)
    texts: set[str] = set()
    page_titles = _page_titles(tree)
    for siblings in by_parent.values():
        if len(siblings) < MIN_TEASER_CARDS:
            continue
        cards = [element for element in siblings if _linked_twice_card(element)]
        if len(cards) >= MIN_TEASER_CARDS and len(cards) >= TEASER_ROW_SHARE * len(siblings):
            others = [card for card in cards  # a card linking under the page's own headline is the story's
                      if not any(_names_the_page(link.text_content(), page_titles) for link in card.iter("a"))]
            texts.update(" ".join(_WORD.findall(part.text_content().lower())) for card in others for part in card.iter())
    texts.discard("")
    return texts


def _linked_twice_card(element: lxml.html.HtmlElement) -> bool:
    """A box whose links all go to one page, at least twice (its title, "Learn more"), around a blurb."""
    links = [link for link in element.iter("a") if (link.get("href") or "#")[0] != "#"]
    if len(links) < 2 or len({link.get("href") for link in links}) != 1:
        return False
    words = element.text_content().split()
    if len(words) > MAX_TEASER_CARD_WORDS or next(element.iter("h1"), None) is not None:
        return False
    return len(words) - sum(len(link.text_content().split()) for link in links) >= MIN_BLURB_WORDS


def _without_card_blurbs(text: str, blurbs: set[str]) -> str:
    """The body without the blurbs of teaser boxes the extractor kept, unless they are much of it."""
    paragraphs = text.split("\n\n")
    in_cards = [" ".join(_WORD.findall(paragraph.lower())) in blurbs for paragraph in paragraphs]
    blurb_chars = sum(len(paragraph) for paragraph, flag in zip(paragraphs, in_cards) if flag)
    if not blurb_chars or blurb_chars >= MAX_BLURB_SHARE * len(text):
        return text
    return "\n\n".join(paragraph for paragraph, flag in zip(paragraphs, in_cards) if not flag)


def _teaser_card(element: lxml.html.HtmlElement, page_titles: list[str]) -> bool:
    """A short <article> under a heading that is a link to another story, with no <h1> in it."""
    if next(element.iter("h1"), None) is not None or len(element.text_content().split()) > MAX_TEASER_CARD_WORDS:
        return False
    headings = list(element.iter(*_SECTION_HEADINGS))
    if any(_names_the_page(heading.text_content(), page_titles) for heading in headings):
        return False
    for heading in headings:
        text = "".join(heading.text_content().split())
        linked = sum(len("".join(link.text_content().split())) for link in heading.iter("a"))
        if text and linked >= TEASER_HEADING_LINK_SHARE * len(text):
            return True
    return False


def _page_titles(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's headlines as lower-case words, padded with spaces: its <title>, og:title and <h1>s."""
    titles = [element.text_content() for element in tree.iter("title", "h1")]
    titles += [meta.get("content") or "" for meta in tree.iter("meta") if meta.get("property") == "og:title"]
    return [f" {' '.join(_WORD.findall(title.lower()))} " for title in titles]


def _names_the_page(text: str, page_titles: list[str]) -> bool:
    """Whether a card's title is the page's own headline (or all of a part of it)."""
    words = _WORD.findall(text.lower())
    return len(words) >= MIN_OWN_TITLE_WORDS and any(f" {' '.join(words)} " in title for title in page_titles)


def _control_form(form: lxml.html.HtmlElement) -> bool:
    """A contact or search form (fields, their labels and a prompt), not a wrapper around the article:
    it has controls to fill in and neither an <article> nor more than a prompt or two of sentences."""
    if not _FORM_CONTROLS(form) or next(form.iter("article"), None) is not None:
        return False
    sentences = (paragraph.text_content().strip() for paragraph in form.iter("p"))
    prose_words = sum(len(text.split()) for text in sentences if text.endswith((".", "?", "!")))
    return prose_words <= MAX_FORM_PROSE_WORDS


def _place_streamed_sections(tree: lxml.html.HtmlElement) -> bool:
    """Move the sections a streaming page sends last, hidden, into the places its script would put them.

    React's streamed rendering leaves ``<template id="B:n">`` or ``"P:n"`` where a section goes, each
    ``B:`` followed by a short placeholder ("Loading..."), and sends the section at the end of the page
    as ``<div hidden id="S:n">``; without scripts the article body is hidden at the bottom of the page."""
    hidden = {element.get("id")[2:]: element for element in _STREAMED_SECTIONS(tree) if len(element)}
    placed = False
    while hidden:
        moved = False
        for template in _STREAM_SLOTS(tree):
            section = hidden.pop(template.get("id")[2:], None)
            if section is None:
                continue
            placeholder = template.getnext()
            if (template.get("id").startswith("B:") and placeholder is not None and placeholder.tag != "template"
                    and len(placeholder.text_content().split()) <= MAX_PLACEHOLDER_WORDS):
                placeholder.drop_tree()  # its tail stays
            parent, position = template.getparent(), template.getparent().index(template)
            for offset, child in enumerate(list(section)):
                parent.insert(position + offset, child)
            if section.text and section.text.strip():
                _append_text(parent, position, section.text)
            template.drop_tree()
            section.drop_tree()
            moved = placed = True
        if not moved:
            break
    return placed


def _append_text(parent: lxml.html.HtmlElement, position: int, text: str) -> None:
    """Add ``text`` where the child at ``position`` starts (after the previous child, or the parent's text)."""
    if position == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[position - 1]
        previous.tail = (previous.tail or "") + text


@dataclass
class _Block:
    """The text of one block element of the page (not of its nested blocks), in reading order."""

    text: str
    link_chars: int
    furniture: bool  # inside a header, footer, nav, aside... or an element classed as such
    heading: bool = False  # a section heading (h2-h6)
    item: bool = False  # a list item
    words: str = ""  # the text as extracted lines are compared: lower-case words, one space apart
    within: tuple[int, ...] = ()  # the block elements it lies in, outermost first, each by its number on the page
    wrapped: bool = False  # inside the page or a wrapper named as furniture, which as a whole is not


def _dom_blocks(tree: lxml.html.HtmlElement) -> list[_Block]:
    """The page's text cut at block elements, in document order, each with its link share."""
    blocks: list[_Block] = []
    pieces: list[str] = []
    link_chars = 0
    enclosing: list[int] = []  # the block elements the walk is in
    numbered = 0
    body = tree.find("body")
    root = body if body is not None else tree
    page_chars = _read_chars(root)

    def named_furniture(element: lxml.html.HtmlElement) -> bool:
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        return ((element.tag in _FURNITURE_TAGS and not _quote_figure(element))
                or bool(marker.strip() and _FURNITURE_MARKER.search(marker)))

    def is_wrapper(element: lxml.html.HtmlElement) -> bool:
        """The page itself or an element around most of it: its class names the page's layout."""
        return element is root or _read_chars(element) > MAX_FURNITURE_SHARE * page_chars

    def flush(furniture: bool, wrapped: bool, heading: bool = False, item: bool = False) -> None:
        nonlocal link_chars
        text = " ".join("".join(pieces).split())
        if text:
            blocks.append(_Block(text, link_chars, furniture, heading, item,
                                 " ".join(_WORD.findall(text.lower())), tuple(enclosing), wrapped))
        pieces.clear()
        link_chars = 0

    def add(text: str | None, in_link: bool) -> None:
        nonlocal link_chars
        if text:
            pieces.append(text)
            if in_link:
                link_chars += len(text.strip())

    def walk(element: lxml.html.HtmlElement, in_link: bool, furniture: bool, wrapped: bool) -> None:
        nonlocal numbered
        tag = element.tag
        if not isinstance(tag, str) or tag in _UNREAD_TAGS:
            return
        is_block = tag in _BLOCK_TAGS
        if is_block:
            flush(furniture, wrapped)
            if not furniture and named_furniture(element):
                if is_wrapper(element):
                    wrapped = True
                else:
                    furniture = True
            numbered += 1
            enclosing.append(numbered)
        in_link = in_link or tag == "a"
        add(" " if tag == "br" else element.text, in_link)
        for child in element:
            walk(child, in_link, furniture, wrapped)
            add(child.tail, in_link)
        if is_block:
            flush(furniture, wrapped, tag in _SECTION_HEADINGS, tag == "li")
            enclosing.pop()

    walk(root, False, False, False)
    flush(False, False)
    return blocks


def _quote_figure(element: lxml.html.HtmlElement) -> bool:
    """A <figure> that sets a quotation apart (what someone said, in the article's own words), not an
    image or a post embedded from a social network."""
    return element.tag == "figure" and not _EMBED_MARKER.search(element.get("class") or "") and any(
        not _EMBED_MARKER.search(quote.get("class") or "") for quote in element.iter("blockquote"))


def _with_dropped_prose(text: str, blocks: list[_Block]) -> str:
    """The extracted ``text`` with the prose blocks and headings it skipped put back in place.

    Extractors drop whole sections of an article (a list of key points, the text after a table):
    between two kept blocks, prose and headings belong to the article; after the last one, the
    article goes on while prose keeps coming and no furniture or 'Related'-like line intervenes."""
    lines = text.split("\n")
    normalised = ""
    line_starts: list[int] = []
    for line in lines:
        line_starts.append(len(normalised))
        normalised += " " + " ".join(_WORD.findall(line.lower()))
    normalised += " "
    kept_lines = {" ".join(_WORD.findall(line.lower())) for line in lines}
    kept_at: list[int | None] = []  # the line each block was found on, None when it was dropped
    for block in blocks:
        offset = normalised.find(f" {block.words} ") if block.words.count(" ") >= 5 else -1
        kept_at.append(bisect_right(line_starts, offset + len(block.words)) - 1 if offset >= 0 else None)
    found = [index for index, line in enumerate(kept_at) if line is not None and len(blocks[index].text) > 40]
    if not found:
        return text
    insertions: dict[int, list[str]] = {}

    def label_inside(index: int) -> bool:
        """A furniture label ('More on Ohio:', 'Related') with more of the article kept after it: put
        back, it would read as the article's end and cut what follows. Before the page's furniture
        (or nothing kept), it does start the end, and goes back so that the cut happens."""
        if not _furniture_heading(blocks[index].text):
            return False
        after = bisect_right(found, index)
        return after < len(found) and not blocks[found[after]].furniture

    anchor = kept_at[found[0]]
    pending_headings: list[str] = []
    misses = 0
    for index in range(found[0], len(blocks)):
        block, line = blocks[index], kept_at[index]
        if line is not None:
            if line > anchor:
                # a section heading the extractor dropped above a paragraph it kept
                insertions.setdefault(anchor, []).extend(
                    heading for heading in pending_headings if _LETTERS_RUN.search(heading)
                    and " ".join(_WORD.findall(heading.lower())) not in kept_lines
                    and not _furniture_heading(heading))
            anchor, misses, pending_headings = line, 0, []
            continue
        if index > found[-1] and (block.furniture or _TRAILING_SECTION.fullmatch(block.text)
                                  or _PAST_THE_END_STOP.match(block.text)):
            break
        if block.wrapped and not block.heading:
            # a page whose own wrapper is named as furniture ('has-sidebar') gives no sign of which boxes
            # are furniture: only its dropped section headings come back, prose could be any box's
            continue
        if (index < found[-1] and _plain_item(block) and not _partly_kept(block.text, normalised)
                and not label_inside(index)):
            insertions.setdefault(anchor, []).extend([*pending_headings, "- " + block.text])
            misses, pending_headings = 0, []
        elif (_reads_like_prose(block, MIN_INSIDE_WORDS if index < found[-1] else MIN_GAP_WORDS)
              and not _partly_kept(block.text, normalised) and not label_inside(index)):
            # past the last kept block, it goes after whatever the extractor kept
            insertions.setdefault(anchor if index < found[-1] else len(lines) - 1, []).extend(
                [*pending_headings, block.text])
            misses, pending_headings = 0, []
        elif block.heading and not block.furniture and not block.link_chars and not label_inside(index):
            pending_headings.append(block.text)
        elif index > found[-1] and block.link_chars > MAX_GAP_LINK_SHARE * len(block.text):
            misses += 1
            if misses > MAX_BLOCKS_PAST_THE_END:
                break
    if not insertions:
        return text
    return "\n".join(line for index, kept in enumerate(lines) for line in [kept, *insertions.get(index, [])])


def _furniture_heading(text: str) -> bool:
    """A heading over the page's furniture (contents, related reading, comments), not over a section."""
    return bool(_NOT_A_SECTION_HEADING.fullmatch(text) or _TRAILING_SECTION.fullmatch(text)
                or _OTHER_STORIES.fullmatch(text) or _PAST_THE_END_STOP.match(text))


def _without_trailing_outsiders(text: str, blocks: list[_Block]) -> str:
    """The body without the paragraphs at its end that lie outside the page element holding most of it.

    An article is one subtree of the page; the extractor's last lines often come from the boxes
    after it (a bio, a call to action, a disclaimer, teasers). Paragraphs found in no block (the
    extractor renders tables and lists its own way) stay unless lines outside outweigh them."""
    paragraphs = text.split("\n\n")
    within_by_words: dict[str, tuple[int, ...]] = {}
    for block in blocks:
        within_by_words.setdefault(block.words, block.within)
    placed: list[tuple[int, ...] | None] = []
    for paragraph in paragraphs:
        words = " ".join(_WORD.findall(paragraph.lower()))
        placed.append(within_by_words.get(words) if words else None)
    placed_chars = Counter[tuple[int, int]]()  # (depth, element) -> characters of the paragraphs inside it
    found_chars = 0
    for paragraph, within in zip(paragraphs, placed):
        if within:
            found_chars += len(paragraph)
            placed_chars.update({(depth, element): len(paragraph) for depth, element in enumerate(within)})
    if not found_chars or found_chars < MIN_PLACED_SHARE * len(text):
        return text
    container = max(key for key, chars in placed_chars.items() if chars >= ARTICLE_ELEMENT_SHARE * found_chars)
    inside = [None if within is None else len(within) > container[0] and within[container[0]] == container[1]
              for within in placed]
    last = max((index for index, flag in enumerate(inside) if flag), default=None)
    if last is None:
        return text
    closing = list(zip(paragraphs[last + 1:], inside[last + 1:]))
    outside_words = sum(len(paragraph.split()) for paragraph, flag in closing if flag is False)
    unplaced_words = sum(len(paragraph.split()) for paragraph, flag in closing if flag is None)
    if (not outside_words or unplaced_words > outside_words
            or any(_FAQ_HEADING.match(paragraph) for paragraph, _ in closing)):
        return text  # many pages put their questions and answers in a box of its own
    return "\n\n".join(paragraphs[:last + 1])


def _without_link_runs_at_the_ends(text: str, blocks: list[_Block]) -> str:
    """The body without the runs of link lines that open or close it: breadcrumbs, a menu of the site's
    sections, a list of other stories' headlines that the extractor took with the article. A single
    linked line stays (a source, a 'read more' the report itself makes)."""
    linked: dict[str, bool] = {}
    for block in blocks:
        linked.setdefault(block.words, block.link_chars >= LINK_LINE_SHARE * len(block.text))
    paragraphs = text.split("\n\n")
    flags = [linked.get(" ".join(_WORD.findall(paragraph.lower())), False) for paragraph in paragraphs]

    def run_length(ordered: list[bool]) -> int:
        length = next((index for index, flag in enumerate(ordered) if not flag), len(ordered))
        return length if length >= MIN_LINK_RUN else 0

    start, end = run_length(flags), run_length(flags[::-1])
    if start + end >= len(paragraphs):
        return text  # nothing but links: no report to keep them apart from
    return "\n\n".join(paragraphs[start:len(paragraphs) - end])


def _without_closing_teasers(text: str) -> str:
    """The body without the teasers of other stories at its end: excerpts cut off with an ellipsis,
    with the short section labels or the headlines over them between them. One such line is a
    writer's trailing off, two in a closing run are a list; speech trailing off (a transcript, a
    quotation) is the report's own, as are lines a colon brings in (a recording's halting words), and
    a line that ends a sentence is no label. A few short lines
    may follow the run (the site's own links and blurbs); they go with it."""
    paragraphs = text.split("\n\n")
    tail_words = 0
    for tail in range(min(MAX_LINES_AFTER_TEASERS, len(paragraphs) - 1) + 1):
        if tail:
            tail_words += len(paragraphs[len(paragraphs) - tail].split())
            if tail_words > MAX_WORDS_AFTER_TEASERS:
                break
        start, teasers = len(paragraphs) - tail, 0
        while start > 0:
            line = paragraphs[start - 1].strip()
            over_a_teaser = start < len(paragraphs) - tail and paragraphs[start].strip().endswith(("...", "…"))
            if line.endswith(("...", "…")) and not _SPEECH_LINE.match(line):
                teasers += 1
            elif (len(line.split()) > (MAX_TEASER_HEADLINE_WORDS if over_a_teaser else MAX_TEASER_LABEL_WORDS)
                  or line.endswith((".", "?", "!", "…")) or _brings_in_lines(line)):
                break
            start -= 1
        if teasers >= MIN_CLOSING_TEASERS and start > 0 and not _brings_in_lines(paragraphs[start - 1].strip()):
            return "\n\n".join(paragraphs[:start])
    return text


def _brings_in_lines(line: str) -> bool:
    """Whether ``line`` is a sentence that a colon ends, bringing in the lines under it (a short label
    such as "More news:" heads a list of teasers instead)."""
    return line.endswith(":") and len(line.split()) > MAX_TEASER_LABEL_WORDS


def _without_closing_credits(text: str) -> str:
    """The body without the notes on who wrote it that close it: how to reach the writer, "This story
    was produced by ...", and what follows such a note among the last few paragraphs of the body's
    second half, when that is short (other notes, a disclaimer). Earlier, or before more of the
    report, a line like that is the report's own."""
    paragraphs = text.split("\n\n")
    for index in range(max(len(paragraphs) - CLOSING_CREDIT_PARAGRAPHS, 1), len(paragraphs)):
        if not (_CLOSING_CREDIT.match(paragraphs[index].strip())
                and sum(len(paragraph.split()) for paragraph in paragraphs[index + 1:]
                        if not _CLOSING_CREDIT.match(paragraph.strip())) <= MAX_AFTER_CREDIT_WORDS):
            continue
        kept = "\n\n".join(paragraphs[:index])
        # notes come in a run ("Contact ...", "This story was produced by ..."): the first ends the report
        while (index > 1 and _CLOSING_CREDIT.match(paragraphs[index - 1].strip())
               and len(shorter := "\n\n".join(paragraphs[:index - 1])) >= TRAILING_SECTION_MIN_SHARE * len(text)):
            index, kept = index - 1, shorter
        if len(kept) >= TRAILING_SECTION_MIN_SHARE * len(text):
            return kept
    return text


def _with_short_repeats(body: str, kept: str) -> str:
    """``kept`` (the text cleaner's paragraphs of ``body``) with the repeated lines it dropped put back,
    unless they form a copied section.

    The text cleaner keeps one copy of each paragraph, which suits sticky headers on a text page;
    in an extracted article body, repeats are mostly the article's own labels and list items
    ("Rest day", "Key features:"), while a page that shows the story twice repeats a long run, and
    form or widget furniture stutters (the same line several times in a row)."""
    paragraphs = kept.split("\n\n") if kept else []
    merged: list[str | None] = []  # kept paragraphs, with None marking where a repeat run starts
    repeats: list[list[str]] = []
    seen: set[str] = set()
    index = 0
    previous = None
    for raw in body.split("\n"):
        line = re.sub(r"[ \t]{2,}", " ", raw.replace("\u00a0", " ")).strip()
        if not line:
            continue
        stutter, previous = line == previous, line
        if index < len(paragraphs) and (line == paragraphs[index] or (index == 0 and line.endswith(paragraphs[0]))):
            merged.append(paragraphs[index])
            seen.add(line)
            index += 1
        elif line in seen and len(line.split()) >= 3 and not stutter:
            if not merged or merged[-1] is not None:
                merged.append(None)
                repeats.append([])
            repeats[-1].append(line)
    if index < len(paragraphs) or not repeats:
        return kept  # the two readings differ: keep the cleaner's
    runs = iter(repeats)
    restored: list[str] = []
    for paragraph in merged:
        if paragraph is not None:
            restored.append(paragraph)
        else:
            run = next(runs)
            if sum(len(line.split()) for line in run) < COPIED_SECTION_WORDS:
                restored.extend(run)
    return "\n\n".join(restored)


def _partly_kept(text: str, normalised: str) -> bool:
    """Whether the extraction already holds the start or the end of ``text`` (it renders some
    blocks differently, and a block put back twice costs more than one left out)."""
    words = _WORD.findall(text.lower())
    return any(f" {' '.join(edge)} " in normalised for edge in (words[:PARTLY_KEPT_WORDS], words[-PARTLY_KEPT_WORDS:]))


def _plain_item(block: _Block) -> bool:
    """A list item without links outside the page furniture: a checklist or key-points entry."""
    return block.item and not block.furniture and not block.link_chars and len(block.text.split()) >= MIN_ITEM_WORDS


def _reads_like_prose(block: _Block, min_words: int = MIN_GAP_WORDS) -> bool:
    return (not block.furniture and len(block.text.split()) >= min_words
            and block.link_chars <= MAX_GAP_LINK_SHARE * len(block.text))


def _read_chars(element: lxml.html.HtmlElement) -> int:
    """Characters of the text a reader sees in the element: scripts and styles left out, so a page's
    inline JavaScript does not change which element holds most of it."""
    return sum(len(text) for text in element.xpath(
        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"))


def _block_text_chars(tree: lxml.html.HtmlElement) -> int:
    """Characters of text in the page's paragraphs, list items, headings and cells."""
    return sum(len(text.strip()) for text in tree.xpath(_BLOCK_TEXT_XPATH))


def _meta_dates(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """Publication and update datetimes from meta tags and JSON-LD, with their offsets."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in found:
            found[key] = meta.get("content")
    for element in tree.xpath("//*[@itemprop='datePublished' or @itemprop='dateModified']"):
        key = element.get("itemprop").lower()
        value = element.get("content") or element.get("datetime")
        if value and key not in found:
            found[key] = value
    for script in tree.xpath("//script[@type='application/ld+json']"):
        for key, value in _json_ld_dates(script.text or ""):
            found.setdefault(key, value)
    published = next((stamp for key in _PUBLISHED_META if (stamp := _iso(found.get(key)))), None)
    updated = next((stamp for key in _UPDATED_META if (stamp := _iso(found.get(key)))), None)
    return published, updated


def _first_publication(meta_published: str | None, extracted_date: str | None) -> str | None:
    """The page's publication stamp, unless the extractor found an earlier day.

    Sites rewrite a publication meta tag when they re-save or refresh an article, while the extractor
    looks for the original date (it weighs the dates printed in the page and prefers the earliest), so
    an earlier day from it is the first publication; the meta stamp keeps its time when they agree."""
    if meta_published and extracted_date and extracted_date[:10] < meta_published[:10]:
        return parse_stamp(extracted_date) or meta_published
    return meta_published


def _json_ld_dates(script: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    pairs: list[tuple[str, str]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key in ("datePublished", "dateModified"):
                if isinstance(item.get(key), str):
                    pairs.append((key.lower(), item[key]))
            stack.extend(value for value in item.values() if isinstance(value, (dict, list)))
    return pairs


def _iso(value: str | None) -> str | None:
    return parse_stamp(value.strip()) if value else None


def _marked_elements(tree: lxml.html.HtmlElement) -> tuple[list, list]:
    """Elements whose class or id marks a 'related' box, and those marking an image credit.

    One pass in Python: faster on big pages than the equivalent XPath string tests."""
    related_boxes, credit_elements = [], []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        if marker == " ":
            continue
        if _RELATED_CLASS.search(marker):
            related_boxes.append(element)
        elif _CREDIT_CLASS.search(element.get("class") or ""):
            credit_elements.append(element)
    return related_boxes, credit_elements


def _link_targets(tree: lxml.html.HtmlElement, url: str | None) -> dict[str, str]:
    """Headline-like anchor texts and where they point, to give "Also read: <title>" lines a URL."""
    targets: dict[str, str] = {}
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if href and not href.startswith(("#", "javascript:")):
            title = " ".join(anchor.text_content().split())
            if len(title.split()) >= 4:
                targets.setdefault(title, urljoin(url or "", href))
    return targets


def _related_links(related_boxes: list, url: str | None) -> list[RelatedLink]:
    """Headlines linked from the page's 'related' / 'read more' boxes."""
    links: list[RelatedLink] = []
    for container in related_boxes:
        for anchor in container.iter("a"):
            title = " ".join(anchor.text_content().split())
            href = anchor.get("href")
            if len(title.split()) < 4 or not href or href.startswith(("#", "javascript:")):
                continue
            if all(title != link.title for link in links):
                links.append(RelatedLink(title=title, url=urljoin(url or "", href)))
            if len(links) >= MAX_RELATED_LINKS:
                return links
    return links


def _image_credits(credit_elements: list) -> list[str]:
    credits: list[str] = []
    for element in credit_elements:
        credit = " ".join(element.text_content().split())
        credit = re.sub(r"^(?:photo|image|picture|credit)s?\s*(?:credit)?\s*[:\-–—]\s*", "", credit, flags=re.I)
        if credit and len(credit) <= 80 and credit not in credits:
            credits.append(credit)
    return credits


def _subtitle_sources(tree: lxml.html.HtmlElement) -> tuple[list[str], list[str]]:
    """Candidate standfirsts: elements classed as one, and the meta descriptions.

    Read before trafilatura runs, since it prunes such elements from the tree it is given."""
    marked = [" ".join(element.text_content().split()) for element in tree.xpath(_SUBTITLE_XPATH)]
    described = [" ".join((meta.get("content") or "").split()) for meta in tree.iter("meta")
                 if (meta.get("property") or meta.get("name") or "").lower() in ("og:description", "description")]
    return marked, described


def _subtitle(candidates: tuple[list[str], list[str]], title: str | None, text: str) -> str | None:
    """A standfirst: a sentence or two, not the headline, not markup; a meta description only when it
    is not a copy of the opening lines (what many sites put there)."""
    marked, described = candidates
    opening = " ".join(_WORD.findall(text[:2000].lower()))
    for candidate in marked + described:
        words = _WORD.findall(candidate.lower())
        if (not MIN_SUBTITLE_WORDS <= len(words) <= MAX_SUBTITLE_WORDS or candidate.endswith(("...", "…"))
                or "<" in candidate or candidate.startswith("By ")):
            continue
        if title and words == _WORD.findall(title.lower()):
            continue
        if candidate in described and " ".join(words[:MIN_SUBTITLE_WORDS]) in opening:
            continue
        return candidate
    return None


def _page_headline(tree: lxml.html.HtmlElement) -> str | None:
    """The text of the page's one <h1> (None when it has none or several)."""
    headings = {_heading_text(heading) for heading in tree.iter("h1")}
    return next(iter(headings)) if len(headings) == 1 else None


def _heading_text(heading: lxml.html.HtmlElement) -> str:
    """A heading's own words: a line break is a space, and blocks nested in it (a theme's "Posted on
    ... by ..." line, a divider) are not the headline, unless the whole headline sits in one."""
    pieces: list[str] = []

    def read(element: lxml.html.HtmlElement) -> None:
        pieces.append(" " if element.tag == "br" else element.text or "")
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and child.tag not in _UNREAD_TAGS:
                read(child)
            pieces.append(child.tail or "")

    read(heading)
    own = " ".join("".join(pieces).split())
    return own or " ".join(heading.text_content().split())


def _title(h1: str | None, page_title: str | None, sitename: str | None, head_titles: list[str]) -> str | None:
    """The headline: the page's one <h1> when it reads like one, else the <title> without the site's name.

    An <h1> that the <title> begins with (before a separator) is the headline however short; an
    all-capitals <h1> takes the <title>'s casing when both have the same letters (the capitals are
    the style sheet's, the words the writer's); "| Section | Site" tags after an <h1> go."""
    title = _clean_title(page_title, sitename)
    if not h1:
        return title
    h1 = _without_title_tags(html.unescape(h1), sitename)
    for head_title in head_titles:  # "Headline | Site" with the site's name as the page's <h1> (its logo)
        head_title = " ".join(html.unescape(head_title).split())
        named = next((separator for separator in _TITLE_SEPARATORS if head_title.endswith(separator + h1)), None)
        before = head_title[: -len(named + h1)] if named else ""
        # "Site | Headline" the other way round: then the <h1> is the headline and what comes first the site.
        if named and len(before.split()) >= 3 and len(before.split()) > len(h1.split()) and (
                not sitename or before.casefold() != sitename.casefold()):
            return before
    full_title = " ".join(html.unescape(page_title or "").split())
    if h1 != sitename and any(full_title.startswith(h1 + separator) for separator in _TITLE_SEPARATORS):
        return h1
    if h1 == h1.upper():
        for candidate in [title, *(_clean_title(head_title, sitename) for head_title in head_titles)]:
            if candidate and candidate != candidate.upper() and _letters(candidate) == _letters(h1):
                return candidate
    if not 3 <= len(h1.split()) <= 30:
        return title
    return h1


def _letters(text: str) -> str:
    return "".join(re.findall(r"[^\W\d_]", text.casefold()))


def _without_title_tags(h1: str, sitename: str | None) -> str:
    """The <h1> without trailing "| Opinion", "| Site" tags or a "- Site name" ending."""
    if sitename:
        for separator in _TITLE_SEPARATORS:
            if h1.endswith(separator + sitename) and len(h1) > len(separator + sitename):
                h1 = h1[: -len(separator + sitename)]
    while True:
        head, _, tail = h1.rpartition(" | ")
        if not head or len(tail.split()) > MAX_TITLE_TAG_WORDS or len(head.split()) < 3:
            return h1
        h1 = head


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """The <title>/og:title without the site's name ("Headline | Site", "Headline - Site")."""
    if not title:
        return None
    title = " ".join(html.unescape(title).split())
    if sitename:
        for separator in _TITLE_SEPARATORS:
            if title.endswith(separator + sitename):
                return title[: -len(separator + sitename)]
    for separator in _TITLE_SEPARATORS:
        head, _, tail = title.rpartition(separator)
        if head and len(tail.split()) <= 3 and len(head.split()) >= 3:
            return head
    return title


def _without_leading_title(text: str, headlines: list[str | None]) -> str:
    """The body without the headline that extractors keep as its first line: the chosen title, or the
    page's other wording of it (its <h1>, its <title> without the site's name)."""
    first, _, rest = text.partition("\n\n")
    first = " ".join(first.split()).casefold()
    if any(headline and first == " ".join(headline.split()).casefold() for headline in headlines):
        return rest
    return text


def _without_credited_captions(text: str, credits: list[str]) -> str:
    """The body without image captions that end in their credit ("... the trail. Credit: Jane Roe",
    "Getty Images / Jane Roe"); the credit is kept in ``credits``."""
    kept = []
    for paragraph in text.split("\n\n"):
        tail = paragraph if len(paragraph) <= 80 else " " + paragraph[-80:].split(" ", 1)[-1]  # the label is near the end
        short = len(paragraph.split()) <= MAX_CAPTION_WORDS
        match = _CAPTION_CREDIT.search(tail) if ":" in tail and short else None
        if match is None and short and "ourtesy" in tail:
            match = _COURTESY_CREDIT.search(tail)
        if match is None and short and "/" in tail:
            match = _AGENCY_CREDIT.search(tail)
        if match is None:
            kept.append(paragraph)
        elif (credit := match.group("credit").strip()) not in credits:
            credits.append(credit)
    return "\n\n".join(kept)


def _without_disclosures(text: str) -> str:
    """The body without the site's notes on what it earns from the page's links and adverts."""
    kept = [paragraph for paragraph in text.split("\n\n")
            if len(paragraph.split()) > MAX_DISCLOSURE_WORDS or not _DISCLOSURE.search(paragraph)
            or _QUOTED_OR_CITED.search(paragraph) or not _SITE_OR_READER.search(paragraph)]
    return "\n\n".join(kept)


def _without_reading_times(text: str) -> str:
    """The body without the page's reading-time stamps: a note about the article, not its words."""
    kept = [paragraph for paragraph in text.split("\n\n")
            if not _READING_TIME.fullmatch(paragraph.strip().lstrip("-• ").strip())]
    return "\n\n".join(kept)


def _without_leading_labels(text: str) -> str:
    """The body without the lines over it that only date the article (the date is read from the page
    apart; in the text it would be a line the report does not say) or that label the page's boxes."""
    paragraphs = text.split("\n\n")
    head = [paragraph for paragraph in paragraphs[:DATE_LINE_PARAGRAPHS]
            if not _DATE_LINE.fullmatch(line := paragraph.strip().lstrip("-•· ").strip())
            and not _LEADING_PAGE_LABEL.fullmatch(line)]
    return "\n\n".join(head + paragraphs[DATE_LINE_PARAGRAPHS:])


def _without_trailing_sections(text: str) -> str:
    """The body cut before a 'Sources', 'About the author', 'Related articles'... line in its second half."""
    offset = 0
    for paragraph in text.split("\n\n"):
        line = paragraph.strip()
        if offset >= TRAILING_SECTION_MIN_SHARE * len(text) and (
                _TRAILING_SECTION.fullmatch(line) or _TRAILING_NOTE.match(line)):
            return text[:offset].rstrip()
        if offset >= OTHER_STORIES_MIN_SHARE * len(text) and _OTHER_STORIES.fullmatch(line):
            return text[:offset].rstrip()
        offset += len(paragraph) + 2
    return text


def _authors(author: str | None) -> list[str]:
    """Names from the extractor's author string, without the "Author" label or the date words it
    sometimes runs into ("Jane Roe December", "John Doe Last [updated]")."""
    names = []
    for name in author_names(author) or [] if author else []:
        name = _NAME_TAIL.sub("", _NAME_LABEL.sub("", name))
        if name and not _CALENDAR_WORD.fullmatch(name) and name not in names:
            names.append(name)
    return names


def _page_authors(tree: lxml.html.HtmlElement) -> list[str]:
    """A byline the extractor missed: a link to the author's page, or a name after "Written by"."""
    for anchor in tree.iter("a"):
        if _AUTHOR_PAGE.search(anchor.get("href") or ""):
            name = " ".join(anchor.text_content().split())
            if _is_full_name(name):
                return [name]
    for element in tree.iter("p", "span", "div", "h2", "h3", "h4", "h5", "h6"):
        raw = element.text
        if not raw or len(raw) > 80 or "by" not in raw.lower():
            continue
        text = " ".join(raw.split())
        label = _BY_LABEL.fullmatch(text)
        if not label or len(element) > 1:
            continue
        name = label.group("name") or ""
        if not name:
            following = element[0] if len(element) else element.getnext()
            name = " ".join((following.text_content() if following is not None else "").split())
        if _is_full_name(name):
            return [name]
    return []


def _is_full_name(text: str) -> bool:
    words = text.split()
    return (2 <= len(words) <= 4 and len(text) <= 40 and all(word[0].isupper() for word in words)
            and not re.search(r"\d|[|@:/]", text) and not _CALENDAR_WORD.search(text))


def hostname(url: str | None) -> str | None:
    """The page address's host without 'www.' ('news.example.com'), None without one."""
    if not url:
        return None
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    return host.removeprefix("www.") if host else None
