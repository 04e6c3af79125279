"""The training deck's numbers as a trainer would count them, from the built .pptx:

    .venv/bin/python bench/deck_numbers.py output/health-2022/health-2022.pptx

The file's size and embedded typefaces, slides (shown and hidden), on-slide words per shown slide (every text frame except the
footer and slide number; chart text not counted) as median / p90 / max, the body text
sizes (every run outside titles, footers and chart source lines), the chart text sizes,
speaker-note words, and the minutes: the time the notes suggest ("Time: N min") where
they give one, else a reading estimate (2 minutes a slide plus the notes read aloud at
130 words a minute). Used for the numbers in issue reports, so they can be re-run.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

SKIP = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE}
TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
TIME = re.compile(r"Time: (?:about )?(\d+) min")


def words(text: str) -> int:
    return len(re.findall(r"\w[\w'\u2019%.,-]*", text))


def slide_words(slide: object) -> tuple[int, list[float]]:
    """On-slide words, and the body run sizes in points."""
    count, sizes = 0, []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if not shape.has_text_frame:
            continue
        kind = shape.placeholder_format.type if shape.is_placeholder else None
        if kind in SKIP:
            continue
        count += words(shape.text_frame.text)
        if kind in TITLES or shape.name.startswith("Source"):
            continue
        sizes += [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs
                  if r.font.size is not None and r.text.strip()]
    return count, sizes


def chart_sizes(slide: object) -> list[float]:
    """Every explicit text size in the slide's charts, in points."""
    out = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if getattr(shape, "has_chart", False) and shape.has_chart:
            xml = shape.chart._chartSpace.xml
            out += [int(s) / 100 for s in re.findall(r'<a:(?:defRPr|rPr)[^>]* sz="(\d+)"', xml)]
    return out


def numbers(path: Path) -> dict[str, object]:
    prs = Presentation(str(path))
    shown, hidden, body, charts, notes, minutes = [], 0, [], [], [], []
    for slide in prs.slides:
        if slide._element.get("show") == "0":
            hidden += 1
            continue
        count, sizes = slide_words(slide)
        shown.append(count)
        body += sizes
        charts += chart_sizes(slide)
        text = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        notes.append(words(text))
        m = TIME.search(text)
        minutes.append(int(m.group(1)) if m else None)
    timed = all(m is not None for m in minutes)
    est = sum(minutes) if timed else round(2 * len(shown) + sum(notes) / 130)  # type: ignore[arg-type]
    shown_sorted = sorted(shown)
    embedded = prs.part._element.findall(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}embeddedFontLst/*")
    return {
        "file KB": round(path.stat().st_size / 1024),
        "embedded typefaces": len(embedded),
        "slides": len(prs.slides), "shown": len(shown), "hidden": hidden,
        "words median": statistics.median(shown),
        "words p90": shown_sorted[int(0.9 * (len(shown) - 1))],
        "words max": max(shown), "slides over 40 words": sum(w > 40 for w in shown),
        "body pt min": min(body), "body pt max": max(body),
        "chart pt min": min(charts, default=0),
        "notes words median": statistics.median(notes), "notes words max": max(notes),
        "notes words total": sum(notes),
        "minutes": est, "minutes from": "notes" if timed else "estimate",
    }


if __name__ == "__main__":
    for key, value in numbers(Path(sys.argv[1])).items():
        print(f"{key}: {value}")
