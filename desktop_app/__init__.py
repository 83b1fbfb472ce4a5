"""Hamish (هامش): a reading-and-notes application for analysts, Arabic first."""

from __future__ import annotations

from desktop_app.core.version import VERSION as __version__

APP_NAME = "Hamish"

__all__ = ["APP_NAME", "__version__"]
