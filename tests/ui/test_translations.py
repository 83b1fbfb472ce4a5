"""The translation files are complete, consistent with their sources, and compiled.

Arabic translates every message, each plural with its six forms (zero, one, two, few, many,
other); English holds only the plural messages ("1 article", "2 articles"). A string added to
the code without a translation, a translation left unfinished, a vanished source or a .qm not
recompiled fails here.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"
FORMS = {"ar": 6, "en": 2}
# %1..%99, QProgressBar's %v %m %p, and the {name} places of core messages.
PLACEHOLDER = re.compile(r"%\d{1,2}|%[vmp]|\{[a-z_]+\}")
COUNT = re.compile(r"%L?n")


@dataclass(frozen=True)
class Message:
    """One message of a .ts file."""

    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # the translation's type attribute: "" when finished
    texts: tuple[str, ...]  # the translation, or its plural forms

    @property
    def key(self) -> tuple[str, str, str, bool]:
        """What identifies the message, whatever its line in the code."""
        return (self.context, self.source, self.comment, self.numerus)


def translations_script() -> ModuleType:
    """build_spec/translations.py, the one place that knows how the files are made."""
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "build_spec" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[Message]:
    """Every message of a .ts file."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None, (name, m.findtext("source"))
            numerus = m.get("numerus") == "yes"
            texts = (
                tuple(f.text or "" for f in tr.iter("numerusform")) if numerus else (tr.text or "",)
            )
            out.append(
                Message(
                    name,
                    m.findtext("source") or "",
                    m.findtext("comment") or "",
                    numerus,
                    tr.get("type", ""),
                    texts,
                )
            )
    return out


def _problems(lang: str, msgs: list[Message]) -> list[str]:
    """Everything wrong with the messages of one language, one line each."""
    bad: list[str] = []
    for m in msgs:
        where = f"{lang} {m.context}: {m.source!r}"
        if m.kind:
            bad.append(f"{where} is {m.kind}")
        if lang == "en" and not m.numerus:
            bad.append(f"{where} has no plural: the English file holds plurals only")
        if m.numerus and len(m.texts) != FORMS[lang]:
            bad.append(f"{where} has {len(m.texts)} plural forms, not {FORMS[lang]}")
        wanted = set(PLACEHOLDER.findall(m.source))
        for i, text in enumerate(m.texts):
            if not text.strip():
                bad.append(f"{where} form {i} is empty")
                continue
            found = set(PLACEHOLDER.findall(text))
            if found != wanted:
                bad.append(f"{where} form {i} has {sorted(found)}, the source {sorted(wanted)}")
            if m.numerus:
                bad.extend(_count_problems(lang, where, i, text))
    return bad


def _count_problems(lang: str, where: str, i: int, text: str) -> list[str]:
    """The number of a plural form: %Ln (the interface's digits), where the form needs it."""
    counts = COUNT.findall(text)
    if "%n" in counts:
        return [f"{where} form {i} writes %n: %Ln follows the digits setting"]
    # Arabic says "مقال واحد", "مقالان" without the number; few, many and other need it,
    # and both English forms ("1 article", "2 articles").
    needs_number = i >= 3 if lang == "ar" else True
    if needs_number and not counts:
        return [f"{where} form {i} does not show the number"]
    return []


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_every_message_is_translated_with_its_forms_and_placeholders(lang: str) -> None:
    ts = I18N / f"hamish_{lang}.ts"
    text = ts.read_text(encoding="utf-8")
    assert "<!DOCTYPE TS>" in text.splitlines()[1]
    assert ET.parse(ts).getroot().get("language", "").startswith(lang)
    msgs = messages(ts)
    assert msgs and any(m.numerus for m in msgs)
    assert _problems(lang, msgs) == []


def test_the_checks_catch_what_they_are_for() -> None:
    # A check that passes on anything proves nothing: each broken message must be reported.
    good = Message("C", "%n article(s) in “%1”", "", True, "", ("%Ln مقال «%1»",) * 6)
    assert _problems("ar", [good]) == []
    broken = [
        Message("C", "Open", "", False, "unfinished", ("فتح",)),
        Message("C", "Close", "", False, "", ("",)),
        Message("C", "%n note(s)", "", True, "", ("%Ln ملاحظة",) * 5),
        Message("C", "Tags of “%1”", "", False, "", ("الوسوم 📌",)),
        Message("C", "reviewer comments: {count}", "", False, "", ("تعليقات: {عدد}",)),
        Message("C", "%n result(s)", "", True, "", ("لا نتائج",) * 6),
        Message("C", "%n result(s)", "", True, "", ("%n نتيجة",) * 6),
    ]
    assert [m.source for m in broken if not _problems("ar", [m])] == []
    assert _problems("en", [Message("C", "Open", "", False, "", ("Open",))])
    assert _problems("en", [Message("C", "%n file(s)", "", True, "", ("1 file", "%Ln files"))])


def test_the_ts_files_hold_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    script = translations_script()
    if shutil.which(script.tool("pyside6-lupdate")) is None:
        pytest.skip("pyside6-lupdate is not installed")
    for lang in script.LANGS:
        committed = I18N / f"hamish_{lang}.ts"
        fresh = tmp_path / committed.name
        shutil.copyfile(committed, fresh)
        subprocess.run(
            script.lupdate_command(lang, str(fresh)), cwd=ROOT, check=True, capture_output=True
        )
        now = {m.key for m in messages(fresh)}
        before = {m.key for m in messages(committed)}
        assert sorted(now - before) == [], (
            f"new in the code, run build_spec/translations.py ({lang})"
        )
        assert sorted(before - now) == [], f"gone from the code ({lang})"


def test_the_qm_files_are_compiled_from_the_ts_files(tmp_path: Path) -> None:
    script = translations_script()
    for lang in script.LANGS:
        qm = tmp_path / f"hamish_{lang}.qm"
        subprocess.run(
            script.lrelease_command(str(I18N / f"hamish_{lang}.ts"), str(qm)),
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        committed = I18N / f"hamish_{lang}.qm"
        assert committed.read_bytes() == qm.read_bytes(), f"recompile {committed.name}"


# Where a string is looked up by value, its table marks it for lupdate with QT_TRANSLATE_NOOP
# (label and language names, core messages, importer and exporter names).
LOOKUPS_BY_VALUE = {
    "desktop_app/ui/i18n.py",
    "desktop_app/ui/import_flow.py",
    "desktop_app/ui/messages.py",
    "desktop_app/ui/panels/briefing_exporter.py",
}


def test_every_translated_string_is_a_literal_lupdate_can_see() -> None:
    """A helper such as `_t(text)` hides its strings from lupdate: they stay English forever."""
    import ast

    hidden = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            if (
                node.func.attr == "translate"
                and isinstance(owner, ast.Name)
                and owner.id
                in (
                    "QCoreApplication",
                    "QApplication",
                )
            ):
                position = 1
            elif node.func.attr == "tr":
                position = 0
            else:
                continue
            args = node.args
            if len(args) > position and not (
                isinstance(args[position], ast.Constant) and isinstance(args[position].value, str)
            ):
                if rel not in LOOKUPS_BY_VALUE:
                    hidden.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert hidden == []
