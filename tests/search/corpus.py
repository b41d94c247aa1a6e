"""A deterministic two-language test corpus for search: a tiny MkDocs site with many articles.

`write_site(root, articles_per_language=100)` writes the site into `root` (a
`site_testing.TinySite` with the search hook). The site has a few *target* pages (the page a
query must find first), *decoys* that share part of a query (「肝」, 「肝炎」, 「骨」, 放射治療
without 骨轉移 …), filler pages of neutral health text, and one page per language whose
bibliography is stuffed with query words and unique marker words.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from site_testing import TinySite, i18n_plugins

# Words that appear ONLY inside bibliography containers: search must never find them.
BIBLIOGRAPHY_ONLY_WORDS = {
    "zh-Hant": ("quokkabiblio", "wombatcitation", "numbatreference"),
    "en": ("quollbiblio", "dunnartcitation", "bilbyreference"),
}


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    body: str


def url_of(slug: str, language: str) -> str:
    """Site-relative URL path of an article (zh-Hant at the root, English under `en/`)."""
    prefix = "" if language == "zh-Hant" else "en/"
    return f"{prefix}articles/{slug}/"


def write_site(root: Path, articles_per_language: int = 100) -> TinySite:
    """Write a strict-buildable two-language site with the search hook into `root`."""
    site = TinySite(root)
    site.configure(
        ["search_index.py"],
        site_name="搜尋測試",
        site_url="https://search-test.example.org/",
        plugins=i18n_plugins({"site_name": "Search test"}),
        extra_javascript=["assets/javascripts/search.js"],
        extra_css=["assets/stylesheets/search.css"],
    )
    site.pages(
        {
            "index.zh-Hant.md": "# 測試站\n\n這是首頁。\n",
            "index.en.md": "# Test site\n\nHome page for search tests.\n",
        }
    )
    for language in LANGUAGES:
        site.pages(
            {
                f"articles/{article.slug}.{language}.md": (
                    f"---\ntitle: {article.title}\n---\n\n# {article.title}\n\n{article.body}\n"
                )
                for article in articles(language, articles_per_language)
            }
        )
    return site


def articles(language: str, count: int) -> list[Article]:
    """A language's articles: its targets and decoys, then filler pages up to `count`."""
    spec = LANGUAGES[language]
    rng = random.Random(spec.seed)

    def fill(paragraphs: int = 3) -> str:
        return _paragraphs(rng, spec.filler, paragraphs, joiner=spec.joiner)

    found = spec.targets(fill, BIBLIOGRAPHY_ONLY_WORDS[language])
    return found + [
        Article(f"topic-{index:03d}", spec.filler_title.format(index), fill(4))
        for index in range(count - len(found))
    ]


def _zh_targets(fill: Callable[[], str], a: tuple[str, ...]) -> list[Article]:
    """Chinese targets and decoys (`a`: the words only the bibliography holds)."""
    return [
        Article(
            "liver-cancer-overview",
            "肝癌：診斷與治療",
            f"肝癌是常見的癌症之一。肝癌的早期症狀不明顯，肝癌篩檢很重要。\n\n{fill()}\n\n"
            "## 肝癌的治療\n\n肝癌可以用手術、局部治療或藥物治療。",
        ),
        Article(
            "hepatitis-b",
            "B型肝炎與肝臟健康",
            f"肝炎會傷害肝臟。B型肝炎病毒造成慢性肝炎，肝炎病人要定期追蹤肝功能。\n\n{fill()}",
        ),
        Article(
            "hepatitis-c",
            "C型肝炎的治療",
            f"C型肝炎可以用口服藥物治癒。肝炎治療後仍要追蹤肝臟。\n\n{fill()}",
        ),
        Article(
            "liver-function",
            "肝功能檢查",
            f"肝是人體重要的器官。肝、腎、心都需要照顧；護肝從生活習慣做起，肝不好的人要少喝酒。"
            f"\n\n{fill()}",
        ),
        Article(
            "blood-test", "抽血檢查須知", f"抽血前要空腹。血、尿檢查能看出許多問題。\n\n{fill()}"
        ),
        Article(
            "bone-health", "骨骼保健", f"骨、關節和肌肉一起支撐身體。骨質疏鬆要補鈣。\n\n{fill()}"
        ),
        Article(
            "bone-metastases-radiotherapy",
            "骨轉移的放射治療",
            "骨轉移是癌細胞擴散到骨頭。骨轉移造成的疼痛可以用放射治療緩解；"
            "立體定位放射治療（SBRT）能用較少次數給予高劑量。\n\n"
            f"{fill()}\n\n## 骨轉移放射治療的副作用\n\n放射治療後骨轉移處可能暫時更痛。",
        ),
        Article(
            "bone-metastases-surgery",
            "骨轉移的手術",
            f"骨轉移造成骨折時可能需要手術固定。\n\n{fill()}",
        ),
        Article(
            "lung-cancer-radiotherapy",
            "肺癌的放射治療",
            f"放射治療是肺癌的重要治療。放射治療前要先做定位。\n\n{fill()}",
        ),
        Article(
            "sbrt-lung",
            "SBRT 與早期肺癌",
            f"SBRT 適合不能開刀的早期肺癌病人。SBRT 通常只需要幾次治療。\n\n{fill()}",
        ),
        Article(
            "sleep-hygiene",
            "睡眠衛生",
            f"規律作息有助睡眠。\n\n{fill()}\n\n"
            + _bibliography_html(
                [f"肝癌 肝癌 肝癌 {a[0]} 研究。", f"肝癌 骨轉移 放射治療 {a[1]}。"],
                "肝癌 骨轉移 SBRT",
                a[2],
            ),
        ),
    ]


def _en_targets(fill: Callable[[], str], a: tuple[str, ...]) -> list[Article]:
    """English targets (one about bone metastases) and decoys."""
    return [
        Article(
            "bone-metastases-radiotherapy",
            "Radiotherapy for bone metastases",
            "Bone metastases are cancer cells that spread to bone. Pain from bone metastases "
            "often improves after radiotherapy; SBRT gives a high dose in a few sessions.\n\n"
            f"{fill()}",
        ),
        Article(
            "liver-cancer-overview",
            "Liver cancer: diagnosis and treatment",
            "Liver cancer is common. Screening for liver cancer matters. Late liver cancer can "
            f"spread to the lungs (metastasis).\n\n{fill()}",
        ),
        Article("bone-health", "Bone health", f"Bones and joints carry the body.\n\n{fill()}"),
        Article(
            "lung-cancer-radiotherapy",
            "Radiotherapy for lung cancer",
            f"Radiotherapy is a key treatment for lung cancer.\n\n{fill()}",
        ),
        Article(
            "sleep-hygiene",
            "Sleep hygiene",
            f"A regular routine helps sleep.\n\n{fill()}\n\n"
            + _bibliography_html(
                [f"Metastasis metastasis metastases {a[0]} study.", f"Metastases {a[1]}."],
                "metastasis metastases",
                a[2],
            ),
        ),
    ]


def _bibliography_html(entries: list[str], citation_text: str, data_word: str) -> str:
    """The three bibliography shapes search must ignore, as raw HTML blocks."""
    items = "".join(f"<li>{entry}</li>" for entry in entries)
    return (
        f'<section class="bibliography"><h2>參考文獻 References</h2><ol>{items}</ol></section>\n\n'
        f'<div class="citation-bibliography"><p>{citation_text} {citation_text}</p></div>\n\n'
        f"<div data-bibliography><p>{data_word} {citation_text}</p></div>\n"
    )


def _paragraphs(rng: random.Random, words: tuple[str, ...], count: int, joiner: str) -> str:
    """`count` paragraphs of 25-40 filler words picked deterministically from `words`."""
    paragraphs = []
    for _ in range(count):
        chosen = [rng.choice(words) for _ in range(rng.randint(25, 40))]
        paragraphs.append(joiner.join(chosen) + ("。" if joiner == "" else "."))
    return "\n\n".join(paragraphs)


ZH_FILLER = (
    "運動", "飲食", "睡眠", "壓力", "醫師", "病人", "家屬", "照顧", "藥物", "副作用", "檢查",
    "追蹤", "症狀", "疼痛", "發燒", "咳嗽", "營養", "蔬菜", "水果", "喝水", "休息", "散步",
    "心臟", "血壓", "血糖", "體重", "皮膚", "眼睛", "牙齒", "疫苗", "感冒", "門診", "護理師",
    "生活", "習慣", "研究", "證據", "建議", "風險", "預防", "，", "，", "，", "。",
)  # fmt: skip

EN_FILLER = (
    "exercise", "diet", "sleep", "stress", "doctor", "patient", "family", "care", "medicine",
    "side", "effects", "test", "follow-up", "symptom", "pain", "fever", "cough", "nutrition",
    "vegetables", "fruit", "water", "rest", "walking", "heart", "blood", "pressure", "sugar",
    "weight", "skin", "eyes", "teeth", "vaccine", "cold", "clinic", "nurse", "life", "habits",
    "research", "evidence", "advice", "risk", "prevention", "the", "and", "of", "with",
)  # fmt: skip


@dataclass(frozen=True)
class _Language:
    """How one language's corpus is made."""

    seed: int
    filler: tuple[str, ...]
    joiner: str
    filler_title: str
    targets: Callable[[Callable[[], str], tuple[str, ...]], list[Article]]


LANGUAGES = {
    "zh-Hant": _Language(20261122, ZH_FILLER, "", "健康主題 {:03d}", _zh_targets),
    "en": _Language(20261123, EN_FILLER, " ", "Health topic {:03d}", _en_targets),
}
