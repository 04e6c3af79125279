"""Embedded OpenType as PowerPoint stores an embedded font: an uncompressed EOT (W3C EOT
submission, version 0x00020001) in front of the unchanged TrueType bytes, and the
font-matching data (PANOSE, pitch family, charset) that PowerPoint writes next to a
typeface. Pure: fontTools reads the TTF; the result depends only on its bytes.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from fontTools.ttLib import TTFont

VERSION = 0x00020001
MAGIC = 0x504C
DEFAULT_CHARSET = 0x01  # the EOT header's charset, as the submission asks
FSTYPE_RESTRICTED = 0x0002  # OS/2 fsType: the licence forbids embedding
_PANOSE = ("bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast",
           "bStrokeVariation", "bArmStyle", "bLetterForm", "bMidline", "bXHeight")
# Windows GDI pitch-and-family: pitch in the low bits, family in the high nibble.
_FIXED, _VARIABLE = 1, 2
_ROMAN, _SWISS, _MODERN, _SCRIPT, _DECORATIVE = 0x10, 0x20, 0x30, 0x40, 0x50


@dataclass(frozen=True, slots=True)
class FaceInfo:
    """What PowerPoint records about a typeface: ``panose`` as 20 hex digits,
    ``pitch_family`` and ``charset`` as the GDI numbers of ``p:font`` and ``a:latin``."""

    family: str
    panose: str
    pitch_family: int
    charset: int
    embeddable: bool


def _panose(font: TTFont) -> bytes:
    p = font["OS/2"].panose
    return bytes(getattr(p, field) for field in _PANOSE)


def _pitch_family(font: TTFont, panose: bytes) -> int:
    """GDI's pitch-and-family from PANOSE (Latin text: serif style 11-13 is sans)."""
    fixed = bool(font["post"].isFixedPitch) or (panose[0] == 2 and panose[3] == 9)
    if fixed:
        return _MODERN | _FIXED
    family = {2: _SWISS if 11 <= panose[1] <= 13 else _ROMAN, 3: _SCRIPT, 4: _DECORATIVE}
    return family.get(panose[0], 0) | _VARIABLE


def face_info(ttf: bytes) -> FaceInfo:
    """The font-matching data of a TrueType face, read from its OS/2, post and name tables."""
    font = TTFont(io.BytesIO(ttf), lazy=True)
    os2 = font["OS/2"]
    panose = _panose(font)
    latin1 = bool(getattr(os2, "ulCodePageRange1", 1) & 1)
    return FaceInfo(
        family=font["name"].getDebugName(1) or "",
        panose=panose.hex().upper(),
        pitch_family=_pitch_family(font, panose),
        charset=0 if latin1 else DEFAULT_CHARSET,
        embeddable=not os2.fsType & FSTYPE_RESTRICTED or bool(os2.fsType & 0x000C),
    )


def _name(font: TTFont, name_id: int) -> bytes:
    text = font["name"].getDebugName(name_id) or ""
    data = text.encode("utf-16-le")
    return struct.pack("<H", len(data)) + data


def eot(ttf: bytes) -> bytes:
    """The TrueType face wrapped as an uncompressed EOT, version 0x00020001."""
    font = TTFont(io.BytesIO(ttf), lazy=True)
    os2 = font["OS/2"]
    italic = 1 if os2.fsSelection & 1 else 0
    head = struct.pack(
        "<LL10sBBLHH4L2LL4L",
        VERSION, 0, _panose(font), DEFAULT_CHARSET, italic, os2.usWeightClass, os2.fsType,
        MAGIC, os2.ulUnicodeRange1, os2.ulUnicodeRange2, os2.ulUnicodeRange3,
        os2.ulUnicodeRange4, getattr(os2, "ulCodePageRange1", 0),
        getattr(os2, "ulCodePageRange2", 0), font["head"].checkSumAdjustment, 0, 0, 0, 0)
    pad = b"\x00\x00"
    names = pad.join(_name(font, i) for i in (1, 2, 5, 4))
    body = head + pad + names + pad + struct.pack("<H", 0)  # empty RootString
    size = 8 + len(body) + len(ttf)
    return struct.pack("<LL", size, len(ttf)) + body + ttf
