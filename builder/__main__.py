"""``python -m builder``: the command line; a Ctrl-C while it starts says so, briefly."""

import sys

try:
    from builder.cli import main
except KeyboardInterrupt:
    print("interrupted; nothing was built", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
