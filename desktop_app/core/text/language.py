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

import re
from collections.abc import Sequence

from desktop_app.core.models import Paragraph

# Counted with re.findall (C speed): a language check runs on every import.
_ARABIC_SCRIPT = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]")
_URDU = re.compile("[\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be]")
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_ARABIC_ONLY = re.compile("[\u0629\u0649\u0643\u064a]")
_HEBREW = re.compile("[\u05d0-\u05ea]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GREEK = re.compile("[\u0370-\u03ff]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

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
SAMPLE_CHARS = 6000  # characters sampled across a document


def _script_counts(text: str) -> dict[str, int]:
    return {
        "arabic": len(_ARABIC_SCRIPT.findall(text)),
        "hebrew": len(_HEBREW.findall(text)),
        "latin": len(_LATIN.findall(text)),
        "cyrillic": len(_CYRILLIC.findall(text)),
        "greek": len(_GREEK.findall(text)),
        "cjk": len(_CJK.findall(text)),
    }


def arabic_script_language(text: str) -> str:
    """'ar', 'fa' or 'ur' for a text in Arabic script, by the letters each language has."""
    letters = len(_ARABIC_SCRIPT.findall(text)) or 1
    urdu = len(_URDU.findall(text))
    if urdu / letters >= URDU_SHARE:
        return "ur"
    if len(_PERSIAN.findall(text)) > len(_ARABIC_ONLY.findall(text)):
        return "fa"
    return "ar"


def detect_language(text: str, declared: str = "") -> str:
    """An ISO 639 code from the letters of text; declared (metadata) only picks among languages
    written in the winning script ("fr" for Latin letters, never for Arabic ones). "" when the
    text has no letters and nothing is declared."""
    counts = _script_counts(text)
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return declared
    if script == "arabic":
        guess = arabic_script_language(text)
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
    step = max(1, len(paragraphs) // 20)
    per = max(200, chars // min(len(paragraphs), 20))
    return "\n".join(p.text[:per] for p in paragraphs[::step])
