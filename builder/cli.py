"""Command line: ``briefing build``, ``briefing check`` and ``briefing watch``.

Exit 0 on success, 1 on problems in content or configuration (messages, no
traceback), 2 for a bug (with its traceback).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="validate and build PDF, deck and charts")
    b.add_argument("paths", nargs="*", metavar="PATH", help="briefing folders or files")
    b.add_argument("--out", default="output", metavar="DIR", help="output folder (default output/)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    c = sub.add_parser("check", help="validate content without rendering")
    c.add_argument("paths", nargs="*", metavar="PATH")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    w = sub.add_parser("watch", help="build, then rebuild whenever content or assets change")
    w.add_argument("paths", nargs="*", metavar="PATH", help="briefing folders or files")
    w.add_argument("--out", default="output", metavar="DIR", help="output folder (default output/)")
    w.add_argument("--strict", action="store_true", help="treat warnings as errors")
    w.add_argument("--interval", type=float, default=0.3, metavar="S",
                   help="seconds between checks for changes (default 0.3)")
    return p


def _up_to_date(paths: list[str], out: str) -> bool:
    """The no-change fast path: only the stamp module (no model, no YAML) is imported."""
    from builder import stamp

    cwd = Path.cwd()
    target = Path(out) if Path(out).is_absolute() else cwd / out
    return stamp.unchanged(cwd, stamp.key(paths, target))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build" and not args.force and _up_to_date(args.paths, args.out):
            print("nothing changed; outputs are up to date", file=sys.stderr)
            return 0
        if args.command == "watch":
            from builder import watch

            return watch.watch(args.paths, Path.cwd(), Path(args.out), strict=args.strict,
                               interval=args.interval)
        from builder import pipeline

        if args.command == "check":
            return pipeline.check(args.paths, Path.cwd(), strict=args.strict)
        return pipeline.build(args.paths, Path.cwd(), Path(args.out), strict=args.strict)
    except KeyboardInterrupt:
        print("interrupted; previous outputs were left untouched", file=sys.stderr)
        return 130
    except Exception as exc:
        from builder.theme import ThemeError

        if isinstance(exc, ThemeError):  # the brand file or a font it names: configuration
            print(f"briefing: {exc}", file=sys.stderr)
            return 1
        traceback.print_exc()  # a bug, not a content problem: show everything
        print("briefing: internal error (a bug); please report it with the text above",
              file=sys.stderr)
        return 2
