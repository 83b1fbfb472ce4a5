"""The language of a text from its letters; metadata only names a language the letters allow.

Pages marked lang="en-US" by a site template and PDFs stamped /Lang fr-FR by an editor's
default hold Arabic articles often enough that the text must decide. The script of the majority
of letters decides the family; Arabic, Persian and Urdu, which share a script, are told apart by
the letters each of them has and the others lack (or write differently):

- Urdu: ٹ ڈ ڑ ں ے ہ ھ (retroflex letters, noon ghunna, bari yeh, gol heh, do-chashmi heh);
- Persian: پ چ ژ گ, and keheh ک / Farsi yeh ی where Arabic writes ك / ي;
- Arabic: taa marbuta ة, alef maqsura ى, Arabic kaf ك and yeh ي.

A mixed document gets the language of the majority of its letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.models import Paragraph

# Letters by script, counted after one str.translate (C speed: a language check runs on every
# import): each letter becomes the code of its class, everything else is deleted.
_CLASSES = (
    ("u", "\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be"),  # Urdu letters
    ("p", "\u067e\u0686\u0698\u06af\u06a9\u06cc"),  # Persian letters
    ("q", "\u0629\u0649\u0643\u064a"),  # Arabic letters Persian and Urdu write otherwise
)
_RANGES = (
    ("a", "\u0620\u064a"),
    ("a", "\u066e\u06d3"),
    ("a", "\u06d5\u06d5"),
    ("a", "\u06fa\u06ff"),
    ("a", "\u0750\u077f"),
    ("h", "\u05d0\u05ea"),
    ("l", "AZ"),
    ("l", "az"),
    ("l", "\u00c0\u024f"),
    ("c", "\u0400\u04ff"),
    ("g", "\u0370\u03ff"),
    ("k", "\u3040\u30ff"),
    ("k", "\u3400\u4dbf"),
    ("k", "\u4e00\u9fff"),
    ("k", "\uac00\ud7af"),
)
_TABLE: dict[int, str | None] = {}
for _code, _span in _RANGES:
    _TABLE.update(dict.fromkeys(range(ord(_span[0]), ord(_span[1]) + 1), _code))
for _code, _letters in _CLASSES:
    _TABLE.update(dict.fromkeys(map(ord, _letters), _code))
_SCRIPT_CODES = {
    "arabic": "aupq",
    "hebrew": "h",
    "latin": "l",
    "cyrillic": "c",
    "greek": "g",
    "cjk": "k",
}


class _Classes(dict[int, str | None]):
    """The translate table: the class code of a letter, None (deleted) for anything else."""

    def __missing__(self, code: int) -> None:
        self[code] = None  # remembered: the next lookup stays in C
        return None


_CLASS_TABLE = _Classes(_TABLE)

ARABIC_SCRIPT_LANGUAGES = frozenset(
    {"ar", "fa", "ur", "ps", "ku", "ckb", "sd", "ug", "ks", "prs", "bal"}
)
# Scripts whose letters name one language when metadata is silent.
_SCRIPT_DEFAULT = {"hebrew": "he", "greek": "el", "cyrillic": "ru", "latin": "en", "cjk": ""}
_SCRIPT_OF_LANGUAGE = {
    **{code: "arabic" for code in ARABIC_SCRIPT_LANGUAGES},
    "he": "hebrew",
    "yi": "hebrew",
    "el": "greek",
    "ru": "cyrillic",
    "uk": "cyrillic",
    "bg": "cyrillic",
    "sr": "cyrillic",
    "zh": "cjk",
    "ja": "cjk",
    "ko": "cjk",
}
URDU_SHARE = 0.01  # Urdu letters per Arabic-script letter from which a text is Urdu
SAMPLE_CHARS = 1500  # characters sampled across a document: plenty to count letters


def _classes(text: str) -> str:
    return text.translate(_CLASS_TABLE)


def _script_counts(classes: str) -> dict[str, int]:
    return {script: sum(classes.count(c) for c in codes) for script, codes in _SCRIPT_CODES.items()}


def arabic_script_language(text: str, classes: str = "") -> str:
    """'ar', 'fa' or 'ur' for a text in Arabic script, by the letters each language has."""
    classes = classes or _classes(text)
    letters = sum(classes.count(c) for c in "aupq") or 1
    if classes.count("u") / letters >= URDU_SHARE:
        return "ur"
    if classes.count("p") > classes.count("q"):
        return "fa"
    return "ar"


def detect_language(text: str, declared: str = "") -> str:
    """An ISO 639 code from the letters of text; declared (metadata) only picks among languages
    written in the winning script ("fr" for Latin letters, never for Arabic ones). "" when the
    text has no letters and nothing is declared."""
    classes = _classes(text)
    counts = _script_counts(classes)
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return declared
    if script == "arabic":
        guess = arabic_script_language(text, classes)
        # Pashto, Kurdish, Sindhi... declared on Arabic letters: the metadata knows better.
        if declared in ARABIC_SCRIPT_LANGUAGES and declared not in ("ar", "fa", "ur"):
            return declared
        return guess
    if declared and _SCRIPT_OF_LANGUAGE.get(declared, "latin") == script:
        return declared
    return _SCRIPT_DEFAULT[script]


def document_sample(paragraphs: Sequence[Paragraph], chars: int = SAMPLE_CHARS) -> str:
    """Text spread over a whole document (front matter in another language opens many)."""
    total = sum(len(p.text) for p in paragraphs)
    if total <= chars:
        return "\n".join(p.text for p in paragraphs)
    picked = paragraphs[:: max(1, len(paragraphs) // 20)]
    per = max(75, chars // len(picked))
    return "\n".join(p.text[:per] for p in picked)
