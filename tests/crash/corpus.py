"""Deterministic Arabic, mixed and emoji text for the crash harness's files and notes."""

from __future__ import annotations

import random
from pathlib import Path

QUOTE = "الوَزِيرُ"
_WORDS = (
    "الوزير المفاوضات الحكومة الاقتصاد النفط البرلمان الانتخابات المنطقة الأمن التعاون"
    " الاتفاق الرئيس الوفد القمة الموازنة التقرير الصحافة المؤتمر الشركة السوق"
).split()
_LATIN = "OPEC Vienna Reuters pipeline summit budget".split()


def note_text(i: int) -> str:
    """The text of the i-th note: Arabic with harakat, English and an emoji."""
    return f"ملاحظة {i} عن {QUOTE} والمفاوضات 📌 note {i} on the talks"


def article_text(i: int, rng: random.Random) -> str:
    """A few paragraphs of article i (its number makes every article distinct)."""
    paras = [f"{QUOTE} يلتقي الوفد في المقال رقم {i} 📰 Vienna talks {i}"]
    paras.append(f"قال {QUOTE} إن المفاوضات ستستمر 📌 in Vienna, talks round {i}.")
    for _ in range(rng.randint(3, 8)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(20, 60))]
        words.insert(rng.randint(0, len(words)), rng.choice(_LATIN))
        paras.append(" ".join(words) + ".")
    return "\n\n".join(paras) + "\n"


def write_files(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """count text files in folder (made once; the same seed gives the same bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"مقال-{i:04d}.txt"
        text = article_text(i, rng)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
