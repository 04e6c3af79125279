"""Command line: ``briefing build``, ``check``, ``watch`` and ``new``.

Runs from any folder inside a project (the nearest folder above holding ``content/``).
Exit 0 on success, 1 on problems in content, configuration, the command line or the
machine (a full disk: messages, no traceback), 2 only for a bug (one line naming the
briefing and the stage; its traceback with -v).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path
from typing import NoReturn

from builder.bugs import explain, keep_interrupts


class _Parser(argparse.ArgumentParser):
    """A mistake on the command line is the user's, not a bug: exit 1, not argparse's 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: {message}\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing-builder")
    except PackageNotFoundError:  # run from a checkout without installing
        return "unknown (not installed)"


def _talk() -> _Parser:
    """-q and -v, accepted before or after the command."""
    p = _Parser(add_help=False)
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_const", const=0, dest="verbosity",
                      default=argparse.SUPPRESS, help="print errors only")
    talk.add_argument("-v", "--verbose", action="store_const", const=2, dest="verbosity",
                      default=argparse.SUPPRESS, help="also print each step as it ends, and "
                      "where an internal error happened (its traceback)")
    return p


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="briefing", description=__doc__.splitlines()[0], parents=[_talk()])
    p.add_argument("--version", action="version", version=f"briefing {_version()}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add = functools.partial(sub.add_parser, parents=[_talk()])
    b = add("build", help="validate and build PDF, deck and charts")
    b.add_argument("paths", nargs="*", metavar="PATH", help="briefing folders or files")
    b.add_argument("--out", metavar="DIR", help="output folder (default: output/ of the project)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    b.add_argument("--print", choices=("screen", "press"), dest="printing",
                   help="press: also the print shop's PDF (3 mm bleed, crop marks, pages a "
                        "multiple of 4); screen: not, whatever briefing.yaml says")
    _build_options(b)
    c = add("check", help="validate content without rendering")
    c.add_argument("paths", nargs="*", metavar="PATH")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    w = add("watch", help="build, then rebuild whenever content or assets change")
    w.add_argument("paths", nargs="*", metavar="PATH", help="briefing folders or files")
    w.add_argument("--out", metavar="DIR", help="output folder (default: output/ of the project)")
    w.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _build_options(w)
    w.add_argument("--interval", type=float, default=0.3, metavar="S",
                   help="seconds between checks for changes (default 0.3)")
    n = add("new", help="start a new briefing: files that build at once, with every place "
            "to fill marked TODO:")
    n.add_argument("id", metavar="ID", help="the new briefing's id and folder: a-z, 0-9, '-'")
    n.add_argument("--series", metavar="NAME", help="a series under content/shared/ whose "
                   "shared parts the briefing includes (default: a stand-alone briefing)")
    return p


def _only(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split(",") if w.strip())


def _build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--only", type=_only, default=frozenset(), metavar="LIST",
                   help="make only these outputs, e.g. pdf or pdf,charts (of pdf, deck, "
                        "press, handout, session-plan, charts; the four that cite the PDF's "
                        "pages make the PDF too); the others stay as the last build left them")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes, shared by all briefings (default: one per core)")
    p.add_argument("--wait", type=float, default=600.0, metavar="S",
                   help="how long to wait for another build of the same briefing to "
                        "finish (default 600)")


def _at_project(args: argparse.Namespace) -> str | None:
    """Move to the project folder, keeping the user's paths as they meant them; or why not."""
    from builder.project import find_root

    here = Path.cwd()
    root = find_root(here) or (here if args.command == "new" else None)
    if root is None:
        return (f"no project here: {here} is not inside a folder holding content/; run "
                "briefing in the project folder or one below it")
    if root != here:
        args.paths = [str(here / p) for p in getattr(args, "paths", [])]
        if getattr(args, "out", None):
            args.out = str(here / args.out)
        os.chdir(root)
    if "out" in args and args.out is None:
        args.out = "output"
    return None


def _new(args: argparse.Namespace) -> int:
    from builder.new import new_briefing, series_names

    files, problems = new_briefing(Path.cwd(), args.id, args.series)
    if problems:
        print("\n".join(f"briefing new: {p.message}" for p in problems), file=sys.stderr)
        return 1
    print("\n".join(f"created {f.relative_to(Path.cwd())}" for f in files))
    if args.series is None and (names := series_names(Path.cwd())):
        print(f"a stand-alone briefing; for one of a series, remove content/{args.id} and "
              f"give --series ({', '.join(names)})", file=sys.stderr)
    print("fill every TODO: (briefing check lists them), then: briefing build "
          f"content/{args.id}", file=sys.stderr)
    return 0


def _up_to_date(args: argparse.Namespace) -> bool:
    """The no-change fast path: only the stamp module (no model, no YAML) is imported."""
    from builder import stamp

    cwd = Path.cwd()
    target = Path(args.out) if Path(args.out).is_absolute() else cwd / args.out
    return stamp.unchanged(cwd, stamp.key(args.paths, target, args.strict, args.only,
                                          args.printing))


def main(argv: list[str] | None = None) -> int:
    keep_interrupts()
    try:
        args = _parser().parse_args(argv)
    except KeyboardInterrupt:
        print("interrupted; nothing was built", file=sys.stderr)
        return 130
    why = _at_project(args)
    if why:
        print(f"briefing: {why}", file=sys.stderr)
        return 1
    try:
        if args.command == "new":
            return _new(args)
        if args.command == "build" and not args.force and _up_to_date(args):
            if getattr(args, "verbosity", 1):
                print("nothing changed; outputs are up to date", file=sys.stderr)
            return 0
        if args.command == "watch":
            from builder import pipeline, watch

            pipeline.verbosity = getattr(args, "verbosity", pipeline.NORMAL)
            return watch.watch(args.paths, Path.cwd(), Path(args.out), strict=args.strict,
                               interval=args.interval, workers=args.jobs, wait_s=args.wait,
                               only=args.only)
        from builder import pipeline

        pipeline.verbosity = getattr(args, "verbosity", pipeline.NORMAL)
        if args.command == "check":
            return pipeline.check(args.paths, Path.cwd(), strict=args.strict)
        return pipeline.build(args.paths, Path.cwd(), Path(args.out), strict=args.strict,
                              workers=args.jobs, wait_s=args.wait, only=args.only,
                              printing=args.printing)
    except KeyboardInterrupt:  # before any build started (a build says what it left)
        print("interrupted; nothing was built", file=sys.stderr)
        return 130
    except Exception as exc:
        from builder.theme import ThemeError

        if isinstance(exc, ThemeError):  # the brand file or a font it names: configuration
            print(f"briefing: {exc}", file=sys.stderr)
            return 1
        verbose = getattr(args, "verbosity", 1) >= 2
        code, message = explain(exc, args.command, verbose)  # a bug, or the machine's
        print(message, file=sys.stderr)
        return code
