"""Generate deterministic synthetic articles (zh-Hant source + English translation).

Each article pair shares a slug, six ``##`` sections (the last is "When to talk to your
doctor"), a "Key points" admonition and about ten pandoc citation groups with the same keys in
both languages, some with several keys and some with locators (``[@a, p. 5; @b]``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from healthsite.content.documents import body_hash, read_document

from . import vocabulary as v

#: Size targets per article (body text, citations and markup not counted).
HAN_TARGET = 2800
WORD_TARGET = 1500
CITATION_GROUPS = 10
SECTION_COUNT = 6

#: Han ideographs (CJK Unified Ideographs and Extension A).
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: Pandoc citation groups, for counting and for removing them before counting words.
GROUP_RE = re.compile(r"\[[^\[\]]*@[^\[\]]*\]")


@dataclass(frozen=True)
class Article:
    """One generated article in both languages."""

    slug: str
    zh: str
    en: str
    groups: tuple[tuple[tuple[str, str], ...], ...]  # ((key, locator), ...) per group


def han_count(text: str) -> int:
    """Han characters in ``text``."""
    return len(HAN_RE.findall(text))


def body_of(markdown: str) -> str:
    """Markdown without its front matter (the content rules' own splitter)."""
    return read_document(markdown).body


def word_count(markdown: str) -> int:
    """Prose words: front matter, citation groups and Markdown markers left out."""
    text = GROUP_RE.sub("", body_of(markdown))
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def source_hash(zh_markdown: str) -> str:
    """Hash of the zh-Hant source recorded in the translation's front matter: the library's
    `body_hash`, the value the translation parity check compares with."""
    return body_hash(zh_markdown)


def generate_articles(n: int, keys: list[str], seed: int, today: dt.date) -> list[Article]:
    """``n`` article pairs citing ``keys``; same inputs, same text."""
    rng = random.Random(f"articles-{seed}")
    combos = [(topic, angle) for angle in v.ANGLES for topic in v.TOPICS]
    articles = []
    for index in range(n):
        topic, angle = combos[index % len(combos)]
        round_ = index // len(combos)
        slug = f"{topic[2]}-{angle[2]}-{index + 1:04d}"  # numbered: never a real article's slug
        groups = _citation_plan(rng, keys)
        slots = _slots(rng, len(groups) - 1)  # shared: citations appear in the same order
        meta = _dates(rng, today)
        pair = _Pair(slug, topic, angle, (groups, slots), meta, round_)
        zh = _zh_article(rng, pair)
        en = _en_article(rng, pair, source_hash(zh))
        articles.append(Article(slug=slug, zh=zh, en=en, groups=groups))
    return articles


def format_group(group: tuple[tuple[str, str], ...]) -> str:
    """``[@a, p. 5; @b]`` from ``(("a", "p. 5"), ("b", ""))``."""
    items = [f"@{key}, {locator}" if locator else f"@{key}" for key, locator in group]
    return "[" + "; ".join(items) + "]"


def _citation_plan(rng: random.Random, keys: list[str]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """About ten groups; popular sources (low index) are cited more often across articles."""
    groups = []
    for _ in range(CITATION_GROUPS + rng.randint(-1, 1)):
        size = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
        chosen: list[str] = []
        while len(chosen) < size:
            key = keys[min(int(rng.paretovariate(0.6)) - 1, len(keys) - 1)]
            key = key if rng.random() < 0.5 else rng.choice(keys)
            if key not in chosen:
                chosen.append(key)
        group = []
        for key in chosen:
            roll = rng.random()
            locator = (
                f"p. {rng.randint(1, 400)}"
                if roll < 0.15
                else f"pp. {(start := rng.randint(1, 300))}-{start + rng.randint(1, 9)}"
                if roll < 0.25
                else ""
            )
            group.append((key, locator))
        groups.append(tuple(group))
    return tuple(groups)


@dataclass(frozen=True)
class _Dates:
    published: dt.date
    reviewed: dt.date
    next_review: dt.date
    status: str
    changes: tuple[dt.date, ...]


def _dates(rng: random.Random, today: dt.date) -> _Dates:
    """Valid, ordered dates: published ≤ changes ≤ last review < today < next review."""
    reviewed = today - dt.timedelta(days=rng.randint(10, 200))
    published = reviewed - dt.timedelta(days=rng.randint(0, 600))
    changes = [reviewed] if reviewed != published else []
    if rng.random() < 0.3 and (reviewed - published).days > 2:
        middle = published + dt.timedelta(days=(reviewed - published).days // 2)
        changes.append(middle)
    changes.append(published)
    status = "clinically-reviewed" if rng.random() < 0.4 else "awaiting-clinical-review"
    return _Dates(
        published=published,
        reviewed=reviewed,
        next_review=reviewed + dt.timedelta(days=365),
        status=status,
        changes=tuple(changes),
    )


#: Citation groups, and where in each section they go: (group index, position 0–1).
_Plan = tuple[tuple[tuple[tuple[str, str], ...], ...], list[list[tuple[int, float]]]]


@dataclass(frozen=True)
class _Pair:
    """What the two language versions of one article share."""

    slug: str
    topic: tuple[str, str, str]  # (zh-Hant, English, slug part)
    angle: tuple[str, str, str]
    plan: _Plan
    meta: _Dates
    round_: int  # how many times this topic and angle came round before


def _front_matter(fields: list[tuple[str, str]], changes: list[tuple[dt.date, str]]) -> str:
    lines = ["---", *(f"{name}: {value}" for name, value in fields), "changes:"]
    for date, summary in changes:
        lines += [f"  - date: {date.isoformat()}", f"    summary: {summary}"]
    return "\n".join(lines)


def _zh_article(rng: random.Random, pair: _Pair) -> str:
    topic, angle, round_ = pair.topic, pair.angle, pair.round_
    title = f"{topic[0]}與{angle[0]}：病人與家屬須知" + (f"（{round_ + 1}）" if round_ else "")
    front = _article_front_matter(
        pair.meta,
        [
            ("title", title),
            ("description", f"說明{topic[0]}在{angle[0]}方面的常見問題、研究證據與就醫時機。"),
            ("slug", pair.slug),
        ],
        reviewer="陳美華醫師，腫瘤內科專科醫師",
        summaries=("更新研究證據與就醫建議。", "首次發布。"),
    )
    return front + _body(rng, ZH, title, topic[0], angle[0], pair.plan)


def _en_article(rng: random.Random, pair: _Pair, zh_hash: str) -> str:
    topic, angle, round_, meta = pair.topic, pair.angle, pair.round_, pair.meta
    subject = topic[1][0].upper() + topic[1][1:]
    title = f"{subject} and {angle[1]}: what patients and families should know" + (
        f" ({round_ + 1})" if round_ else ""
    )
    description = (
        f"Common questions, research evidence and when to see a doctor about "
        f"{topic[1]} and {angle[1]}."
    )
    front = _article_front_matter(
        meta,
        [("title", f'"{title}"'), ("description", description), ("slug", pair.slug)],
        reviewer='"Mei-Hua Chen, MD, medical oncologist"',
        summaries=("Updated the evidence and advice.", "First published."),
        tail=[
            ("translated_from", "zh-Hant"),
            ("translated_on", meta.reviewed.isoformat()),
            ("translation_source_hash", f'"{zh_hash}"'),
        ],
    )
    return front + _body(rng, EN, title, topic[1], angle[1], pair.plan)


def _article_front_matter(
    meta: _Dates,
    head: list[tuple[str, str]],
    *,
    reviewer: str,
    summaries: tuple[str, str],
    tail: list[tuple[str, str]] | None = None,
) -> str:
    """Front matter (with its closing `---`): `head`, the review fields, a change summary per
    change (`summaries`: a later change's, the first publication's), then `tail`."""
    fields = [
        *head,
        ("last_reviewed", meta.reviewed.isoformat()),
        ("next_review", meta.next_review.isoformat()),
        ("review_status", meta.status),
    ]
    if meta.status == "clinically-reviewed":
        fields.append(("reviewed_by", reviewer))
    fields.append(("date_published", meta.published.isoformat()))
    later, first = summaries
    changes = [later] * (len(meta.changes) - 1) + [first]
    front = _front_matter(fields, list(zip(meta.changes, changes, strict=True)))
    for name, value in tail or []:
        front += f"\n{name}: {value}"
    return front + "\n---\n\n"


@dataclass(frozen=True)
class _Language:
    """How one language writes an article's body."""

    key_points: str  # the abstract admonition's title
    sections: tuple[str, ...]  # section headings, with {topic} and {angle}
    size: Callable[[str], int]  # what the size target counts: Han characters or words
    target: int
    overhead: int  # headings, admonition title, list, overshoot
    sentence: Callable[[random.Random, str, str], str]
    paragraph_size: tuple[int, int]  # a paragraph ends once it is over randint(*this)
    joiner: str  # between the sentences of a paragraph
    stop: str  # a sentence's full stop
    item: Callable[[random.Random], str]  # a bullet of the list in section 4


def _body(
    rng: random.Random,
    language: _Language,
    title: str,
    topic: str,
    angle: str,
    plan: _Plan,
) -> str:
    """The article's Markdown after its front matter: title, key points, the sections with
    their citations, the bibliography marker."""
    size = language.size
    groups, cite_slots = plan
    cites = [format_group(group) for group in groups]
    abstract = [language.sentence(rng, topic, angle) for _ in range(4)]
    abstract[0] = abstract[0].removesuffix(language.stop) + " " + cites[0] + language.stop
    budget = language.target - size(title) - language.overhead
    per_section = (budget - sum(size(item) for item in abstract)) // SECTION_COUNT
    sections = []
    for number, heading in enumerate(language.sections):
        heading = heading.format(topic=topic, angle=angle)
        sentences = _paragraphs(rng, language, topic, angle, per_section)
        for slot in cite_slots[number]:
            _attach_citation(sentences, slot, cites[1 + slot[0]], language.stop)
        paragraphs = [language.joiner.join(paragraph) for paragraph in sentences]
        if number == 3:
            paragraphs.insert(1, "\n".join(language.item(rng) for _ in range(3)))
        sections.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
    bullets = "\n".join(f"    - {sentence}" for sentence in abstract)
    return (
        f'# {title}\n\n!!! abstract "{language.key_points}"\n\n{bullets}\n\n'
        + "\n\n".join(sections)
        + "\n\n<!-- bibliography -->\n"
    )


def _slots(rng: random.Random, count: int) -> list[list[tuple[int, float]]]:
    """Spread ``count`` citation groups over the sections: (group index, position 0–1)."""
    slots: list[list[tuple[int, float]]] = [[] for _ in range(SECTION_COUNT)]
    for index in range(count):
        slots[index % SECTION_COUNT].append((index, rng.random()))
    return [sorted(section, key=lambda slot: slot[1]) for section in slots]


def _attach_citation(
    paragraphs: list[list[str]], slot: tuple[int, float], cite: str, stop: str
) -> None:
    """Put ``cite`` before the full stop of the sentence chosen by the slot's position."""
    sentences = [(p, s) for p, para in enumerate(paragraphs) for s in range(len(para))]
    index = min(int(slot[1] * len(sentences)), len(sentences) - 1)
    # one group per sentence: "[@a][@b]" would read as a Markdown reference link
    while "[@" in paragraphs[sentences[index][0]][sentences[index][1]]:
        index = (index + 1) % len(sentences)
    p, s = sentences[index]
    spacer = " " if stop == "." else ""
    paragraphs[p][s] = paragraphs[p][s].removesuffix(stop) + f"{spacer}{cite}{stop}"


def _zh_sentence(rng: random.Random, topic: str, angle: str) -> str:
    first = rng.choice((topic, angle, *v.TERMS_ZH))
    second = rng.choice(v.TERMS_ZH)
    sentence = f"{rng.choice(v.OPENERS_ZH)}{first}{rng.choice(v.VERBS_ZH)}{second}"
    if rng.random() < 0.6:
        sentence += f"，{rng.choice(v.CONNECTORS_ZH)}{rng.choice(v.TAILS_ZH)}"
    return sentence + "。"


def _en_sentence(rng: random.Random, topic: str, angle: str) -> str:
    first = rng.choice((topic, angle, *v.TERMS_EN))
    sentence = (
        f"{rng.choice(v.OPENERS_EN)}{first} {rng.choice(v.VERBS_EN)} {rng.choice(v.TERMS_EN)}"
    )
    if rng.random() < 0.6:
        sentence += f", {rng.choice(v.TAILS_EN)}"
    return sentence[0].upper() + sentence[1:] + "."


def _paragraphs(
    rng: random.Random, language: _Language, topic: str, angle: str, budget: int
) -> list[list[str]]:
    """Paragraphs of sentences until `budget` (Han characters or words) is used up."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    used = 0
    while used < budget:
        sentence = language.sentence(rng, topic, angle)
        current.append(sentence)
        used += language.size(sentence)
        if sum(language.size(s) for s in current) > rng.randint(*language.paragraph_size):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _word_count(text: str) -> int:
    return len(text.split())


def _zh_item(rng: random.Random) -> str:
    return f"- **{rng.choice(v.TERMS_ZH)}**：{rng.choice(v.TAILS_ZH)}。"


def _en_item(rng: random.Random) -> str:
    return f"- **{rng.choice(v.TERMS_EN).capitalize()}**: {rng.choice(v.TAILS_EN)}."


# One row per language, the columns of `_Language`: key points, headings, size, target,
# overhead, sentence, paragraph size, joiner, full stop, list item.
# fmt: off
ZH = _Language("重點", tuple(v.SECTIONS_ZH), han_count, HAN_TARGET, 160,
               _zh_sentence, (110, 180), "", "。", _zh_item)
EN = _Language("Key points", tuple(v.SECTIONS_EN), _word_count, WORD_TARGET, 90,
               _en_sentence, (70, 120), " ", ".", _en_item)
# fmt: on
