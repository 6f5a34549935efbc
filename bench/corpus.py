"""A deterministic corpus of page dumps in the seed's template: varied text, dates, authors, related articles."""

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EGYPTIAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
LEVANTINE = [
    *("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"),
    *("تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"),
]
ENGLISH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
ENGLISH += ["November", "December"]
CITIES = ["بغداد", "البصرة", "أربيل", "الموصل", "النجف", "كربلاء", "كركوك", "الرمادي", "دمشق", "عمّان", "طهران"]
AUTHORS = ["Admin", "moh moh", "سارة الربيعي", "علي الحسيني", "زينب العبيدي", "حسن الجبوري"]
CREDITS = ["متابعة – وكالات", "متابعة", "خاص"]
TAGS = ["العراق", "بغداد", "الحشد الشعبي", "النفط", "الانتخابات", "الأمن", "الاقتصاد", "سوريا", "إيران"]
DISCLAIMER = (
    "النص الذي يتضمن اسم الكاتب او الجهة او الوكالة، لايعبّر بالضرورة عن وجهة نظر المسلة، والمصدر هو "
    "المسؤول عن المحتوى. ومسؤولية المسلة هو في نقل الأخبار بحيادية، والدفاع عن حرية الرأي بأعلى مستوياتها."
)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def sentences() -> list[str]:
    """The sentences of the bundled samples (text written for this project), to draw paragraphs from."""
    boilerplate = ("About Post Author", "النص الذي يتضمن", "المصدر:", "كلمات دلالية", "تاريخ النشر", "المسلة –")
    found: list[str] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if any(marker in line for marker in boilerplate):
                continue
            found += [s.strip() for s in re.split(r"(?<=[.!؟])\s+", line) if len(s.strip()) > 30 and "/" not in s]
    return found


def _article(rng: random.Random, pool: list[str], main: bool) -> list[str]:
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    digits = (lambda s: s.translate(ARABIC_INDIC)) if rng.random() < 0.2 else str
    months = LEVANTINE if rng.random() < 0.4 else EGYPTIAN
    title = " ".join(rng.choice(pool).split()[:9]).rstrip(".،")
    paragraphs = [" ".join(rng.choices(pool, k=rng.randint(1, 3))) for _ in range(rng.randint(3, 9))]
    lines = [title]
    if main:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day if day < 20 else day % 10, "th")
        lines.append(f"تاريخ النشر: {day}{suffix}, {ENGLISH[month - 1]} {year} GMT")
    lines.append(f"{digits(str(day))} {months[month - 1]}، {digits(str(year))}")
    lines.append(f"{rng.choice(CITIES)}/المسلة: {paragraphs[0]}")
    lines += paragraphs[1:]
    lines += [
        f"المسلة – {rng.choice(CREDITS)}",
        DISCLAIMER,
        f"About Post Author {rng.choice(AUTHORS)}See author's posts",
    ]
    if main:
        lines += ["المصدر: المسلة", "كلمات دلالية: " + "، ".join(rng.sample(TAGS, rng.randint(1, 4)))]
    return lines


def page(rng: random.Random, pool: list[str]) -> str:
    """One page dump: a main article and 0 to 3 related ones."""
    lines = _article(rng, pool, main=True)
    related = rng.randint(0, 3)
    if related:
        lines.append("إقرأ أيضاً:")
        for _ in range(related):
            lines += _article(rng, pool, main=False)
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, files: int, seed: int = 20240726) -> int:
    """Write `files` page dumps under `folder` (100 per subfolder); the bytes written."""
    rng = random.Random(seed)
    pool = sentences()
    written = 0
    for number in range(files):
        path = folder / f"{number // 100:05d}" / f"page-{number:07d}.txt"
        if number % 100 == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        data = page(rng, pool).encode("utf-8")
        path.write_bytes(data)
        written += len(data)
    return written
