"""The version of Hamish (pyproject.toml's), where the core can read it: the web's user agent."""

VERSION = "0.1.0"
