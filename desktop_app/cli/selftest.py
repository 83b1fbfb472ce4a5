"""`hamish selftest`: check that every part of this installation works, in a temporary library."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop_app.cli.common import EXIT_FAILED, EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `hamish selftest`."""
    p = sub.add_parser(
        "selftest",
        help="import, index, search, annotate, export and draw the window in a temporary library",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object a step")
    p.add_argument("--keep", metavar="DIR", help="work in DIR and leave what was made there")
    p.set_defaults(handler=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    """Run the steps, one line each; exit 0 only when all of them worked."""
    from desktop_app import __version__, selftest

    def report(step: selftest.Step) -> None:
        if args.json:
            row = {"step": step.name, "ok": step.ok, "detail": step.detail}
            print(json.dumps(row | {"seconds": round(step.seconds, 3)}, ensure_ascii=False))
        else:
            mark = "ok  " if step.ok else "FAIL"
            print(f"{mark} {step.name:<9} {step.detail} ({step.seconds:.2f} s)", flush=True)

    steps = selftest.run(report, Path(args.keep) if args.keep else None)
    failed = [s.name for s in steps if not s.ok]
    if not args.json:
        if failed or len(steps) < len(selftest.STEPS):
            print(f"hamish {__version__} selftest: FAILED ({', '.join(failed)})")
        else:
            print(f"hamish {__version__} selftest: all {len(steps)} steps passed")
    return EXIT_FAILED if failed or len(steps) < len(selftest.STEPS) else EXIT_OK
