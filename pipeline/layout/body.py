"""The body: agenda item headings, heading lines ('Decisions:', 'New action: 9/24'), inline
prefixes ('RESOLVED:', 'ACTION:'), and paragraphs split into sentences with that context
(see 'Context of a sentence' in docs/LAYOUTS.md)."""
from __future__ import annotations

import re

from .attendance import coded_heading
from .lines import Line, trim
from .model import Paragraph, Sentence
from .roles import is_heading_like
from .sentences import split_sentences

ITEM_RE = re.compile(
    r"^(?:(?:agenda\s+)?item\s+(?P<n1>\d{1,3}[a-z]?)\s*[:.\-–—)]?\s*(?P<t1>.*)"
    r"|(?P<n2>\d{1,3}[a-z]?(?:\.\d{1,2})?)[.):]\s+(?P<t2>\S.*))$",
    re.I,
)
HEADING_RE = re.compile(
    r"^(?:decisions?|actions?|resolved|resolutions?|recommendations?|outcomes?|agreed\s+actions?|actions?\s+agreed"
    r"|decisions?\s+(?:and|&)\s+actions?|actions?\s+(?:and|&)\s+decisions?|new\s+actions?|action\s+points?)\s*:?$",
    re.I,
)
# A numbered action heading over its task ('New action: 9/24', 'Action 3:', 'Action point 12 -', 'ACTION NO. 4'):
# the heading and its number belong to the next paragraph.
NEW_ACTION_RE = re.compile(r"^(?:new\s+|agreed\s+)?action(?:\s+point)?(?:\s+(?:no\.?|number|ref\.?))?\s*:?\s*"
                           r"(?P<id>\d+[a-z]?(?:[/.]\d+)?)\s*[:\-–—]?$", re.I)
INLINE_RE = re.compile(
    r"^(?P<label>(?:RESOLVED|Resolved|RESOLUTIONS?|Resolutions?|MOTION|Motion|DECISIONS?|Decisions?|ACTIONS?|Actions?"
    r"|AGREED|Agreed|NEW ACTION|New action|\[NEW\]\s+ACTION|\[New\]\s+Action)"
    r"(?:\s+(?:no\.?\s*)?(?P<id>\d+[a-z]?(?:[/-]\d+)*))?)\s*(?P<sep>:|–|—|-(?=\s))\s*(?=\S)"
)
BULLET_RE = re.compile(r"^[•\-*–·▪●◦]\s+")
# A list line: bulleted, numbered or lettered ('- ', '3. ', '(b) ', 'iv) ').
LIST_ITEM_RE = re.compile(r"^(?:[•\-*–·▪●◦]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+", re.I)
# The line that opens a resolution's list ('RESOLVED that Cabinet:', '7. Resolved that the Committee:',
# 'It was AGREED that:'): a heading over the list, even when numbered like an agenda item.
RESOLUTION_INTRO_RE = re.compile(r"^(?:\d{1,3}[a-z]?[.)]\s+)?(?:it\s+was\s+)?(?:resolved|agreed|decided)\b[^.:]{0,80}:$",
                                 re.I)
# 'Action: RJ/DB/AC': only owners' initials, the task being the sentence above.
OWNERS_ONLY_RE = re.compile(r"^[A-Z]{2,4}(?:\s*(?:/|,|&|\band\b)\s*[A-Z]{2,4})*\s*\.?$")
# The same written after the task on its own line or in the same paragraph ('... OPCC. Action: RJ/DB').
OWNERS_SENTENCE_RE = re.compile(r"^actions?\s*[:\-–—]\s*(?P<who>[A-Z]{2,4}(?:\s*(?:/|,|&|\band\b)\s*[A-Z]{2,4})*)\s*\.?$",
                                re.I)
# A line that only gives the task above its deadline, owner or progress ('Due: March 2025', 'Owner: Clerk',
# 'Deadline - 30 June', 'Update 18.01.25 - complete'): part of that task's sentence, so the linkers see it.
# The verdict on a motion written after it ('Carried.', 'CARRIED UNANIMOUSLY', 'Motion lost.'): part of the
# motion's sentence, whose words say what was carried.
VERDICT_RE = re.compile(r"^(?:the\s+)?(?:motion\s+|amendment\s+|resolution\s+)?(?:was\s+)?"
                        r"(?:carried|lost|defeated|passed|fell|not\s+carried)"
                        r"(?:\s+(?:unanimously|nem\.?\s*con\.?|by\s+[\w\s,-]{1,40}|\d{1,3}\s*[/–—:-]\s*\d{1,3}"
                        r"(?:\s*[/–—:-]\s*\d{1,3})?))?\s*[.!]?\s*(?:\([^)]{0,40}\))?\.?$",
                        re.I)
ATTRIBUTE_RE = re.compile(r"^(?:(?:due(?:\s+date)?|deadline|target(?:\s+date)?|timescale|by\s+when|owner|lead"
                          r"|responsible(?:\s+officer)?|action\s+owner)\s*[:\-–—]"
                          r"|update(?:\s+(?:at|on)\s+[\w./-]+|\s+[\d./-]+)?(?:\s+[^.:–—]{1,60}?)?\s*[:\-–—])\s*\S", re.I)


# The readings of a by-law under the motion that passes it ('Read a first, second and third time and passed
# this 4th day of May, 2026. Carried.'): the record of that motion, not a sentence of its own.
READINGS_RE = re.compile(r"^(?:by-?law\s+)?read\s+(?:a|the)\s+(?:first|second|third)\b[^.]{0,60}\btimes?\b", re.I)


def joins_above(text: str) -> bool:
    """A deadline, owner or verdict line, or a by-law's readings, that completes the sentence above it."""
    return bool(ATTRIBUTE_RE.match(text) or VERDICT_RE.match(text) or READINGS_RE.match(text))


# A Markdown heading left in a text page ('### Item 2 – Budget'), and a minute number without a dot before a
# title-case heading ('30 Call-in: Library Closures').
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+(?=\S)")
BARE_NUMBER_RE = re.compile(r"^\d{1,3}\s+(?=[A-Z])")
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())  # '12 March 2026' is a date


def markdown_heading(text: str) -> bool:
    """A '## heading' line in the body of a text page: a heading, whatever its words."""
    md = MARKDOWN_HEADING_RE.match(text)
    return bool(md) and len(text[md.end():].split()) <= 20 and not text.endswith(".")


def item_heading(text: str) -> str | None:
    """The line itself when it is an agenda item heading: short, and not a sentence."""
    if coded_heading(text):  # 'TC/19 Bus Service Review'
        return text
    bare = BARE_NUMBER_RE.match(text)
    if bare and is_heading_like(text[bare.end():]) and 3 <= len(text.split()) <= 14 \
            and text.split()[1].lower()[:3] not in _MONTHS:
        return text
    m = ITEM_RE.match(text)
    if not m:
        return None
    if RESOLUTION_INTRO_RE.match(text):
        return None
    title = (m.group("t1") if m.group("n1") else m.group("t2")) or ""
    words = title.split()
    if len(words) > 14 or (title.endswith(".") and not title.isupper()) or title.endswith((";", ",")):
        return None  # a sentence, or a list line that runs on ('1. Approve the fees;')
    if words and not (words[0][0].isupper() or words[0][0].isdigit()):
        return None
    if len(words) > 1 and words[0] == "To" and words[1][:1].islower():
        return None  # '2. To confirm the room bookings': a numbered task in an action list, not a heading
    return text


def _append_owners(paragraphs: list[Paragraph], sentences: list[Sentence], page: str, heading: str, end: int) -> None:
    """'Action: RJ/DB/AC' under a sentence: the sentence runs on to the initials (so the owner
    linker sees them) and takes the 'Action:' heading."""
    last = sentences[-1]
    sentences[-1] = Sentence(last.index, page[last.char_start:end], last.char_start, end, last.item, heading,
                             last.action_id, 0)
    para = paragraphs[-1]
    paragraphs[-1] = Paragraph(page[para.char_start:end], para.char_start, end, para.item, heading,
                               para.action_id, 0)


class _Context:
    """Item and heading in force while walking the body."""

    def __init__(self) -> None:
        self.item = ""
        self.heading = ""
        self.once: tuple[str, str] | None = None  # ('New action: 9/24', '9/24'): the next paragraph only
        self.gap = 0  # paragraphs since the heading in force
        self.intro = ""  # 'The Board agreed the following:': the heading of the list lines below it

    def new_heading(self, item: str | None, heading: str = "") -> None:
        if item is not None:
            self.item = item
        self.heading, self.once, self.gap, self.intro = heading, None, 0, ""


def parse_body(lines: list[Line], page: str, last_index: int) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs (one per line) and their sentences; ``last_index`` is the page's last content line,
    where a full stop glued to the next word still ends a sentence."""
    ctx = _Context()
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for ln in lines:
        text = ln.text
        under_intro = bool(ctx.intro) and bool(LIST_ITEM_RE.match(text))
        if (item_heading(text) and not INLINE_RE.match(text) and not under_intro) or markdown_heading(text):
            ctx.new_heading(text)
            continue
        m = NEW_ACTION_RE.match(text)
        if m:
            ctx.once, ctx.intro = (text, m.group("id")), ""
            continue
        if HEADING_RE.match(text) or RESOLUTION_INTRO_RE.match(text):
            ctx.new_heading(None, text)
            continue
        if is_heading_like(BULLET_RE.sub("", text)) and not INLINE_RE.match(text) and not joins_above(text):
            ctx.new_heading(text)  # an unnumbered item title
            continue
        start = ln.start
        b = BULLET_RE.match(text)
        if b:
            start += b.end()
        heading, action_id = ctx.once or (ctx.heading, "")
        gap = 0 if ctx.once else ctx.gap
        listed = under_intro and not ctx.once
        if listed:  # a list line under 'The Board agreed the following:' reads with that intro
            heading, gap = ctx.intro, 0
        ctx.once = None  # a 'New action' heading covers one paragraph; the earlier heading resumes
        m = INLINE_RE.match(page[start:ln.end])
        if m:
            heading = m.group("label") + page[start + m.end("label"):start + m.end("sep")]
            heading = re.sub(r"\s+", " ", heading)
            action_id = m.group("id") or action_id
            start += m.end()
            gap = 0
        start, end = trim(page, start, ln.end)
        if start >= end:
            continue
        if not m and joins_above(page[start:end]) and sentences and paragraphs \
                and paragraphs[-1].item == ctx.item:
            _append_owners(paragraphs, sentences, page, sentences[-1].heading, end)
            continue
        if m and m.group("label").lower().startswith("action") and OWNERS_ONLY_RE.match(page[start:end]) \
                and paragraphs and sentences and paragraphs[-1].item == ctx.item:
            _append_owners(paragraphs, sentences, page, heading, end)
            continue
        if not m and heading == ctx.heading:
            ctx.gap += 1
        para = Paragraph(page[start:end], start, end, ctx.item, heading, action_id, gap)
        paragraphs.append(para)
        first = len(sentences)
        for s, e in split_sentences(para.text, glued_tail=ln.index == last_index):
            part = page[start + s:start + e]
            if (OWNERS_SENTENCE_RE.match(part) or joins_above(part)) and sentences \
                    and sentences[-1].char_start >= para.char_start:
                last = sentences[-1]  # '... jointly. Action: RJ/DB' or '... register. Due: May' completes the task before
                sentences[-1] = Sentence(last.index, page[last.char_start:start + e], last.char_start, start + e,
                                         last.item, last.heading, last.action_id, last.heading_gap)
                continue
            sentences.append(Sentence(len(sentences), page[start + s:start + e], start + s, start + e,
                                      ctx.item, heading, action_id, gap))
        last = sentences[-1].text.rstrip() if len(sentences) > first else ""
        if last.endswith(":"):
            ctx.intro = last
        elif not listed:
            ctx.intro = ""
    return paragraphs, sentences
