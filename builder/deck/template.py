"""The branded template, built in code from the theme on every build (deterministic, so
nothing generated is committed), and the check of an organisation's own template.

The master carries the theme's colours and fonts, the title rule, footer, slide number
and a logo drawn as shapes; the layouts are named (``geometry.LAYOUTS``) so slides a
trainer adds later match. ``python -m builder.deck.template OUT.pptx`` writes the
template on its own, for an organisation to start its own from.
"""

from __future__ import annotations

import sys
import zipfile
from copy import deepcopy
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import SlideLayoutPart
from pptx.presentation import Presentation as PresentationT
from pptx.slide import SlideLayout

from builder.deck import geometry as g
from builder.deck._pptx import replace_blob
from builder.deck.embed import embed_fonts
from builder.deck.eot import face_info
from builder.deck.styles import Styles
from builder.model import NOWHERE, SourceRef
from builder.problems import Problem
from builder.theme import Theme

EMU = 914400
TRAINER_TAG = "FOR THE TRAINER TO COMPLETE"
DECORATIVE = ('<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
              '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/'
              'decorative" val="1"/></a:ext></a:extLst>')


def emu(inches: float) -> int:
    return round(inches * EMU)


def _xfrm(b: g.Box) -> str:
    return (f'<a:xfrm><a:off x="{emu(b.x)}" y="{emu(b.y)}"/>'
            f'<a:ext cx="{emu(b.w)}" cy="{emu(b.h)}"/></a:xfrm>')


def _fill(hex_colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{hex_colour.lstrip("#").upper()}"/></a:solidFill>'


def _rect(sid: int, name: str, b: g.Box, colour: str, geom: str = "rect") -> str:
    return (f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{sid}" name="{name}">{DECORATIVE}'
            f'</p:cNvPr><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(b)}'
            f'<a:prstGeom prst="{geom}"><a:avLst/></a:prstGeom>{_fill(colour)}<a:ln><a:noFill/>'
            f'</a:ln></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr/></a:p>'
            f'</p:txBody></p:sp>')


def _dashed(sid: int, name: str, b: g.Box, fill: str, line: str) -> str:
    """A tinted panel with a dashed outline: the mark of a placeholder for the trainer."""
    return (f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{sid}" name="{name}">{DECORATIVE}'
            f'</p:cNvPr><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(b)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{_fill(fill)}<a:ln w="25400">'
            f'{_fill(line)}<a:prstDash val="dash"/></a:ln></p:spPr><p:txBody><a:bodyPr/>'
            f'<a:lstStyle/><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>')


def _glyph(sid: int, name: str, b: g.Box, text: str, colour: str, size: float) -> str:
    return (f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{sid}" name="{name}">{DECORATIVE}'
            f'</p:cNvPr><p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
            f'{_xfrm(b)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f'<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0"><a:noAutofit/>'
            f'</a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="{round(size * 100)}" b="1">'
            f'{_fill(colour)}<a:latin typeface="+mj-lt"/></a:rPr><a:t>{text}</a:t></a:r></a:p>'
            f'</p:txBody></p:sp>')


def _logo(first_id: int, box: g.Box, colours: tuple[str, str, str]) -> list[str]:
    """The mark: three rising bars, as in a bar chart."""
    return [_rect(first_id + i, f"Logo bar {i + 1}", b, colour)
            for i, (b, colour) in enumerate(zip(g.logo_bars(box), colours, strict=True))]


_PROMPTS = {"title": "Click to add title", "ctrTitle": "Click to add title",
            "subTitle": "Click to add subtitle", "chart": "Click to add a chart"}


def _placeholder(sid: int, ph: g.PlaceholderSpec, lst: str, anchor: str = "t") -> str:
    attrs = f'type="{ph.kind}"' if ph.kind != "obj" else ""
    if ph.idx:
        attrs += f' idx="{ph.idx}"'
    if ph.kind in ("ftr", "sldNum"):
        attrs += ' sz="quarter"'
    if ph.kind == "sldNum":
        para = ('<a:p><a:fld id="{4F3B5A44-1B7C-4C5E-9B0E-5D1A7B2C3D4E}" type="slidenum">'
                '<a:rPr lang="en-GB"/><a:t>\u2039#\u203a</a:t></a:fld></a:p>')
    elif ph.kind == "ftr":
        para = '<a:p><a:endParaRPr lang="en-GB"/></a:p>'
    else:
        prompt = _PROMPTS.get(ph.kind, "Click to add text")
        para = f'<a:p><a:r><a:rPr lang="en-GB"/><a:t>{prompt}</a:t></a:r></a:p>'
    return (f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{sid}" name="{ph.role.title()} '
            f'Placeholder {sid - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph {attrs.strip()}/></p:nvPr></p:nvSpPr><p:spPr>{_xfrm(ph.box)}'
            f'</p:spPr><p:txBody><a:bodyPr lIns="{emu(g.INSET_X_IN)}" tIns="{emu(g.INSET_Y_IN)}" '
            f'rIns="{emu(g.INSET_X_IN)}" bIns="{emu(g.INSET_Y_IN)}" anchor="{anchor}" '
            f'wrap="square"><a:noAutofit/></a:bodyPr><a:lstStyle>{lst}</a:lstStyle>{para}'
            f'</p:txBody></p:sp>')


def _tree(shapes: list[str]) -> str:
    return (f'<p:spTree {nsdecls("a", "p")}><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
            '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
            + "".join(shapes) + "</p:spTree>")


def _replace(parent: etree._Element, tag: str, xml: str) -> None:
    new = parse_xml(xml)
    old = parent.find(qn(tag))
    if old is None:
        parent.insert(0, new)
    else:
        parent.replace(old, new)


# ---------------------------------------------------------------- theme, master, layouts


def _theme_part(prs: PresentationT, st: Styles) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    root.set("name", st.theme.name)
    scheme = root.find(f"{a}themeElements/{a}clrScheme")
    assert scheme is not None
    scheme.set("name", "Briefing")
    for slot, colour in st.scheme.items():
        el = scheme.find(f"{a}{slot}")
        assert el is not None
        for child in list(el):
            el.remove(child)
        etree.SubElement(el, f"{a}srgbClr", val=colour)
    fonts = root.find(f"{a}themeElements/{a}fontScheme")
    assert fonts is not None
    fonts.set("name", st.family)
    info = face_info(st.theme.fonts.regular.read_bytes())
    for kind in ("majorFont", "minorFont"):
        latin = fonts.find(f"{a}{kind}/{a}latin")
        assert latin is not None
        latin.set("typeface", st.family)  # with the data a substituting application matches
        latin.set("panose", info.panose)
        latin.set("pitchFamily", str(info.pitch_family))
        latin.set("charset", str(info.charset))
    replace_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True))


def _master(prs: PresentationT, st: Styles) -> None:
    el = prs.slide_master.element
    content = g.LAYOUTS[g.CONTENT]
    shapes = [_placeholder(2, content.placeholders[0], "", "b"),
              _placeholder(3, g.PlaceholderSpec("body", "body", content.box("body"), 1), ""),
              _placeholder(4, g.FOOTER, st.footer_lst()),
              _placeholder(5, g.SLIDE_NUMBER, st.footer_lst("r")),
              *_rules(6, st), *_logo(8, g.LOGO_BOX, st.logo)]
    bg = f'<p:bg><p:bgPr>{_fill(st.white)}<a:effectLst/></p:bgPr></p:bg>'
    _replace(el, "p:cSld", f'<p:cSld {nsdecls("a", "p")}>{bg}{_tree(shapes)}</p:cSld>')
    _replace(el, "p:txStyles", st.text_styles())


def _rules(first_id: int, st: Styles) -> list[str]:
    return [_rect(first_id, "Title rule", g.Box(g.MARGIN, g.TITLE_RULE_Y, g.CONTENT_W, 0.014),
                  st.rule),
            _rect(first_id + 1, "Title accent", g.Box(g.MARGIN, g.TITLE_RULE_Y - 0.025, 1.3,
                                                      0.064), st.accent)]


def _decor(spec: g.LayoutSpec, st: Styles, first_id: int) -> list[str]:
    """Shapes a layout draws behind its placeholders."""
    if spec.name == g.LEARNING:
        panel = g.Box(g.MARGIN, g.BODY_TOP, g.CONTENT_W, g.BODY_H)
        return [_rect(first_id, "Learning points panel", panel, st.tint_green),
                _rect(first_id + 1, "Learning points bar", g.Box(g.MARGIN, panel.y, 0.09,
                                                                  panel.h), st.secondary),
                _glyph(first_id + 2, "Learning points mark", g.Box(
                    panel.x + panel.w - 0.65, panel.y + 0.1, 0.5, 0.6), "\u2713", st.secondary, 30)]
    if spec.name == g.CASE:
        panel = g.Box(g.MARGIN, g.BODY_TOP, g.CONTENT_W, g.BODY_H)
        return [_rect(first_id, "Case panel", panel, st.tint),
                _rect(first_id + 1, "Case bar", g.Box(g.MARGIN, panel.y, 0.09, panel.h),
                      st.primary)]
    if spec.name == g.REFLECTION:
        prompt = spec.box("prompt")
        panel = g.Box(g.MARGIN, g.BODY_TOP, g.CONTENT_W, prompt.y - g.BODY_TOP - 0.1)
        return [_rect(first_id, "Reflection panel", panel, st.tint),
                _rect(first_id + 1, "Reflection bar", g.Box(g.MARGIN, panel.y, 0.09, panel.h),
                      st.accent),
                _rect(first_id + 2, "Prompt panel", g.Box(g.MARGIN, prompt.y - 0.02, g.CONTENT_W,
                                                          prompt.h + 0.04), st.primary),
                _glyph(first_id + 3, "Reflection mark", g.Box(
                    panel.x + panel.w - 0.6, panel.y + 0.05, 0.5, 0.8), "?", st.accent, 40)]
    if spec.name == g.TRAINER:
        body = spec.box("body")
        panel = g.Box(g.MARGIN, g.BODY_TOP, g.CONTENT_W, g.BODY_H)
        return [_dashed(first_id, "Trainer panel", panel, st.tint, st.accent),
                _glyph(first_id + 1, "Trainer tag", g.Box(body.x, g.BODY_TOP + 0.12, 6.0,
                                                           0.4), TRAINER_TAG, st.accent, 16)]
    if spec.name == g.QUOTE:
        q = spec.box("quote")
        return [_rect(first_id, "Quote panel", g.Box(g.MARGIN, q.y, g.CONTENT_W, q.h), st.tint),
                _glyph(first_id + 1, "Quotation mark", g.Box(g.MARGIN + 0.15, q.y - 0.05, 0.9,
                                                              1.4), "\u201c", st.accent, 80)]
    if spec.name == g.CHART:
        side = spec.box("side")
        return [_rect(first_id, "Side rule", g.Box(side.x - 0.2, side.y + 0.1, 0.014,
                                                   side.h - 0.2), st.rule)]
    if spec.dark:
        bar = g.accent_bar(spec.box("title"))
        return [_rect(first_id, "Accent bar", bar, st.highlight), *_logo(first_id + 1,
                                                                        g.DARK_LOGO_BOX,
                                                                        st.logo_dark)]
    return []


def _layout(layout: SlideLayout, spec: g.LayoutSpec, st: Styles) -> None:
    el = layout.element
    el.set("preserve", "1")
    el.attrib.pop("type", None)
    if spec.dark or spec.name == g.BLANK:
        el.set("showMasterSp", "0")
    else:
        el.attrib.pop("showMasterSp", None)
    shapes = _decor(spec, st, 2)
    sid = 2 + len(shapes)
    for ph in spec.placeholders:
        shapes.append(_placeholder(sid, ph, st.layout_lst(spec, ph), st.anchor(spec, ph)))
        sid += 1
    if not spec.dark:
        shapes.sort(key=lambda x: "userDrawn" not in x)  # decoration first, behind the text
    bg = (f'<p:bg><p:bgPr>{_fill(st.primary)}<a:effectLst/></p:bgPr></p:bg>'
          if spec.dark else "")
    _replace(el, "p:cSld", f'<p:cSld {nsdecls("a", "p")} name="{spec.name}">{bg}'
             + _tree(shapes) + "</p:cSld>")


def _add_layout(prs: PresentationT) -> None:
    """One more layout in the master (a copy of the first, to be rewritten): python-pptx
    can remove layouts but not add them."""
    master = prs.slide_master
    package = prs.part.package
    name = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    part = SlideLayoutPart(name, CT.PML_SLIDE_LAYOUT, package,
                           deepcopy(prs.slide_layouts[0].element))
    part.relate_to(master.part, RT.SLIDE_MASTER)
    rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    lst = master.element.get_or_add_sldLayoutIdLst()
    top = max(int(x.get("id")) for x in lst)
    lst.append(parse_xml(f'<p:sldLayoutId {nsdecls("p", "r")} id="{top + 1}" r:id="{rid}"/>'))


def build_template(theme: Theme) -> PresentationT:
    """A new 16:9 presentation holding only the branded master and named layouts."""
    st = Styles(theme)
    prs = Presentation()
    prs.slide_width = emu(g.SLIDE_W)  # type: ignore[assignment]
    prs.slide_height = emu(g.SLIDE_H)  # type: ignore[assignment]
    sz = prs.element.find(qn("p:sldSz"))
    if sz is not None:
        sz.attrib.pop("type", None)
    for lang in prs.element.iter(qn("a:defRPr")):
        lang.set("lang", "en-GB")
    _theme_part(prs, st)
    _master(prs, st)
    layouts = list(prs.slide_layouts)
    for extra in layouts[len(g.LAYOUTS):]:
        prs.slide_layouts.remove(extra)
    while len(prs.slide_layouts) < len(g.LAYOUTS):
        _add_layout(prs)
    for layout, spec in zip(prs.slide_layouts, g.LAYOUTS.values(), strict=True):
        _layout(layout, spec, st)
    return prs


# ---------------------------------------------------------------- an organisation's template

_COMPATIBLE: dict[str, tuple[str, ...]] = {
    "title": ("title", "ctrTitle"), "ctrTitle": ("ctrTitle", "title"),
    "subTitle": ("subTitle", "body", "obj"), "body": ("body", "obj"), "obj": ("obj", "body"),
    "chart": ("chart", "obj"), "ftr": ("ftr",), "sldNum": ("sldNum",),
}
_WORDS = {"title": "a title", "ctrTitle": "a title", "subTitle": "a subtitle",
          "body": "a text", "obj": "a content", "chart": "a chart or content",
          "ftr": "a footer", "sldNum": "a slide number"}


def _ph_type(ph: object) -> str:
    t = ph.get("type", "obj")  # type: ignore[attr-defined]
    return str(t)


def match_roles(spec: g.LayoutSpec, layout: SlideLayout) -> tuple[dict[str, int], list[str]]:
    """Which placeholder idx of ``layout`` holds each role of ``spec``, and what is missing."""
    found = sorted(((_ph_type(p), int(p.get("idx", "0"))) for p in
                    layout.element.iter(qn("p:ph"))), key=lambda x: x[1])
    used: set[int] = set()
    roles: dict[str, int] = {}
    missing: list[str] = []
    for ph in spec.placeholders:
        match = next((i for t, i in found if t in _COMPATIBLE[ph.kind] and i not in used), None)
        if match is None:
            missing.append(f"{_WORDS[ph.kind]} placeholder ({ph.role})")
        else:
            used.add(match)
            roles[ph.role] = match
    return roles, missing


def layout_by_name(prs: PresentationT, name: str) -> SlideLayout | None:
    for master in prs.slide_masters:
        layout = master.slide_layouts.get_by_name(name)
        if layout is not None:
            return layout
    return None


def check_template(path: Path, where: SourceRef = NOWHERE) -> list[Problem]:
    """Everything the deck needs that the template lacks, in one error (empty if usable):
    the layouts by name (``geometry.REQUIRED_LAYOUTS``) and their placeholders."""
    shown = where.path if where is not NOWHERE else str(path)
    line = where.line
    try:
        prs = Presentation(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            etree.XMLSyntaxError) as exc:
        return [Problem(shown, line, f"template {path}: not a PowerPoint file that can be "
                        f"opened ({type(exc).__name__}); give a .pptx saved by PowerPoint")]
    gaps: list[str] = []
    for name in g.REQUIRED_LAYOUTS:
        layout = layout_by_name(prs, name)
        if layout is None:
            gaps.append(f"layout {name!r}")
            continue
        _, missing = match_roles(g.LAYOUTS[name], layout)
        gaps += [f"{m} in layout {name!r}" for m in missing]
    if not gaps:
        return []
    return [Problem(shown, line, f"template {path} cannot be used; it lacks: " + "; ".join(gaps)
                    + ". Layouts needed by name: " + ", ".join(g.REQUIRED_LAYOUTS))]


def main(argv: list[str]) -> int:
    """``python -m builder.deck.template OUT.pptx``: the branded template, for an
    organisation to start its own from (exit 1 with a message on a wrong argument)."""
    import argparse

    from builder.theme import read_theme

    parser = argparse.ArgumentParser(prog="python -m builder.deck.template",
                                     description="Write the branded deck template (built from "
                                     "the project's assets/brand.yaml) to OUT.pptx.")
    parser.add_argument("out", metavar="OUT.pptx", help="the file to write")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        print(f"{args.out}: the template is written as a .pptx file; give a name ending "
              ".pptx", file=sys.stderr)
        return 1
    theme, problems = read_theme(Path.cwd())
    if theme is None:
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    prs = build_template(theme)
    embed_fonts(prs, theme.fonts)
    prs.save(str(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
