"""Reproducible decks: core properties from the content, never from the clock, and a
zip written with fixed dates in a fixed order, so two builds are byte-identical."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from pptx.presentation import Presentation as PresentationT

from builder.deck.text import clean
from builder.limits import listed
from builder.model import Briefing

EPOCH = (1980, 1, 1, 0, 0, 0)
_DATE_FORMATS = ("%B %Y", "%d %B %Y", "%Y-%m-%d", "%Y-%m", "%Y", "%b %Y")


def content_date(text: str) -> datetime:
    """The briefing's publication date ("December 2022" -> 2022-12-01), else 2000-01-01."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    return datetime(2000, 1, 1)


def core_properties(prs: PresentationT, briefing: Briefing) -> None:
    meta = briefing.meta
    cp = prs.core_properties
    cp.title = clean(meta.title)
    cp.subject = clean(meta.subtitle)
    cp.author = clean(listed(meta.authors, "et al.")[0])  # a property holds 255 characters
    cp.keywords = clean(listed(meta.keywords)[0])
    cp.category = clean(meta.series)
    cp.language = meta.language
    cp.last_modified_by = clean(meta.publisher.name)
    cp.comments = ""
    cp.revision = 1
    when = content_date(meta.date)
    cp.created = when
    cp.modified = when
    cp.last_printed = when


def normalise(blob: bytes) -> bytes:
    """The same zip, every entry dated 1980-01-01 with fixed permissions, order kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
