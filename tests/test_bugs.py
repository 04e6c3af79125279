"""What the command line says about a bug or the machine: one line naming where; and a
Ctrl-C that Python could not raise where it landed is sent again, not lost."""

from __future__ import annotations

import errno
import sys
import time
from pathlib import Path

import pytest

from builder.bugs import FilesystemError, StageError, explain, in_stage, keep_interrupts


def _fails() -> None:
    raise ValueError("the deck's table has no rows")


def test_a_bug_in_a_stage_is_named_with_its_traceback_kept_for_v() -> None:
    with pytest.raises(StageError) as caught:
        in_stage("health-2022", "making the deck", _fails)
    code, line = explain(caught.value, "build", verbose=False)
    assert code == 2 and "\n" not in line
    assert line.startswith("briefing: internal error while making the deck for "
                           "'health-2022' (ValueError: the deck's table has no rows); the "
                           "previous outputs were kept")
    code, text = explain(caught.value, "build", verbose=True)
    assert "Traceback" in text and "_fails" in text and text.endswith(line)


def test_a_full_disk_names_the_folder_the_stage_wrote_to() -> None:
    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FilesystemError) as caught:
        in_stage("tiny", "making the PDF", full, Path("/out/.tiny.build-x1/.attempt-1/t.pdf"))
    assert explain(caught.value, "build", verbose=True) == (1, (
        "briefing: /out: cannot write (the disk is full; free some space) and build "
        "again; the previous outputs were kept"))


def test_a_ctrl_c_python_could_not_raise_is_sent_again() -> None:
    class RaisesWhenCollected:
        def __del__(self) -> None:
            raise KeyboardInterrupt  # "Exception ignored in ...": Python cannot raise it

    saved = sys.unraisablehook
    keep_interrupts()
    try:
        with pytest.raises(KeyboardInterrupt):
            RaisesWhenCollected()
            for _ in range(100):
                time.sleep(0.01)
    finally:
        sys.unraisablehook = saved
