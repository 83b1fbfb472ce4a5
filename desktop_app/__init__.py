"""Hamish (هامش): a reading-and-notes application for analysts, Arabic first."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Hamish"
