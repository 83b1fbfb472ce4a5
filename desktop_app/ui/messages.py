"""Core messages in the interface language: a message code's template, translated, then filled."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_app.core.errors import HamishError
from desktop_app.core.messages import CONTEXT, MESSAGES, fill
from desktop_app.ui.i18n import format_number

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a path or name keeps its own order


def isolated(text: object) -> str:
    """Text that keeps its own order inside a sentence of the other direction (a path, a name)."""
    return f"{FSI}{text}{PDI}"


def translated(code: str, params: Mapping[str, object], fallback: str = "") -> str:
    """The message of a code in the interface language (fallback when the code is unknown).

    Each parameter is isolated, so a path such as /home/sara/مكتبة reads in its own order
    inside an Arabic sentence (and an Arabic file name inside an English one).
    """
    template = MESSAGES.get(code)
    if template is None:
        return fallback
    shown = {k: isolated(_shown(v)) for k, v in params.items()}
    return fill(QCoreApplication.translate(CONTEXT, template), shown)


def _shown(value: object) -> str:
    """A parameter as text; whole numbers in the interface's digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def error_text(exc: BaseException) -> str:
    """A core error as one line in the interface language (its English text without a code)."""
    if isinstance(exc, HamishError) and exc.code:
        return translated(exc.code, exc.params, str(exc))
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
