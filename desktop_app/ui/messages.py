"""Core messages in the interface language: a message code's template, translated, then filled."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_app.core.errors import HamishError
from desktop_app.core.messages import CONTEXT, MESSAGES, fill


def translated(code: str, params: Mapping[str, object], fallback: str = "") -> str:
    """The message of a code in the interface language (fallback when the code is unknown)."""
    template = MESSAGES.get(code)
    if template is None:
        return fallback
    return fill(QCoreApplication.translate(CONTEXT, template), params)


def error_text(exc: BaseException) -> str:
    """A core error as one line in the interface language (its English text without a code)."""
    if isinstance(exc, HamishError) and exc.code:
        return translated(exc.code, exc.params, str(exc))
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
