"""`python -m desktop_app` does what the `hamish` command does."""

from __future__ import annotations

import sys

from desktop_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
