"""Tagged PDF: marked content on every page, a structure tree in reading order, headings,
figure alt text, a consistent ParentTree, and output that stays reproducible and valid."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from builder.model import Block, Briefing, CaseExample, Figure, LearningPoints, walk_sections
from builder.pdf import render_pdf
from builder.theme import Theme
from tests.pdf.conftest import Built, norm

PAINTING = {b"Tj", b"TJ", b"'", b'"', b"Do", b"sh", b"f", b"F", b"f*", b"B", b"B*", b"b",
            b"b*", b"S", b"s"}


def _root(reader: PdfReader) -> Any:
    return reader.trailer["/Root"]


def _elements(reader: PdfReader) -> list[DictionaryObject]:
    """Every structure element, depth first (reading order)."""
    out: list[DictionaryObject] = []

    def walk(ref: Any) -> None:
        elem = ref.get_object()
        out.append(elem)
        kids = elem.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject) and kid.get("/Type", "/StructElem") == "/StructElem" \
                    and "/S" in kid:
                walk(kid)

    walk(_root(reader)["/StructTreeRoot"]["/K"])
    return out


def _page_index(reader: PdfReader) -> dict[int, int]:
    return {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}


def _mcids(elem: DictionaryObject, pages: dict[int, int]) -> list[tuple[int, int]]:
    """(page index, MCID) of an element's own marked content, in order."""
    own = elem.raw_get("/Pg") if "/Pg" in elem else None
    kids = elem.get("/K")
    out = []
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid, int):
            out.append((pages[own.idnum], int(kid)))
        else:
            obj = kid.get_object()
            if obj.get("/Type") == "/MCR":
                out.append((pages[obj.raw_get("/Pg").idnum], int(obj["/MCID"])))
    return out


def _marked(reader: PdfReader) -> list[list[tuple[str, int | None]]]:
    """Per page: the (tag, MCID) of each marked-content sequence opened, asserting that every
    painting operator is inside one and that sequences balance."""
    out = []
    for number, page in enumerate(reader.pages, start=1):
        ops = ContentStream(page.get_contents(), reader).operations
        depth = 0
        opened: list[tuple[str, int | None]] = []
        for args, op in ops:
            if op in (b"BDC", b"BMC"):
                depth += 1
                props = args[1] if op == b"BDC" else None
                mcid = props.get("/MCID") if isinstance(props, dict) else None
                opened.append((str(args[0]), None if mcid is None else int(mcid)))
            elif op == b"EMC":
                depth -= 1
                assert depth >= 0, f"page {number}: EMC without BMC/BDC"
            elif op in PAINTING:
                assert depth > 0, f"page {number}: {op!r} outside marked content or artifact"
        assert depth == 0, f"page {number}: unclosed marked content"
        out.append(opened)
    return out


def _page_texts(page: Any, index: int, out: dict[tuple[int, int], str]) -> None:
    stack: list[int | None] = []

    def before(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"BDC":
            props = args[1]
            stack.append(int(props["/MCID"]) if isinstance(props, dict)
                         and "/MCID" in props else None)
        elif op == b"BMC":
            stack.append(None)
        elif op == b"EMC" and stack:
            stack.pop()

    def text(t: str, *rest: Any) -> None:
        if stack:  # artifacts under MCID -1
            out[(index, -1 if stack[-1] is None else stack[-1])] += t

    page.extract_text(visitor_operand_before=before, visitor_text=text)


def _texts(reader: PdfReader) -> dict[tuple[int, int], str]:
    """Text of each marked-content sequence with an MCID: (page index, MCID) -> text;
    the text of a page's artifacts is under MCID -1."""
    out: dict[tuple[int, int], str] = defaultdict(str)
    for index, page in enumerate(reader.pages):
        _page_texts(page, index, out)
    return out


def test_structure_tree_and_mark_info(built: Built) -> None:
    reader = PdfReader(built.path, strict=True)
    root = _root(reader)
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert root["/Lang"] == "en-GB"
    tree = root["/StructTreeRoot"]
    assert tree["/Type"] == "/StructTreeRoot"
    document = tree["/K"].get_object()
    assert document["/S"] == "/Document"
    roles = {str(e["/S"]) for e in _elements(reader)}
    assert {"/Document", "/Part", "/Sect", "/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TR",
            "/TH", "/TD", "/Caption", "/TOC", "/TOCI", "/Link"} <= roles
    if built.briefing.footnotes:
        assert "/Note" in roles
    if any(isinstance(b, Figure) for b in _blocks(built.briefing)):
        assert "/Figure" in roles


def _blocks(briefing: Briefing) -> list[Any]:
    out: list[Any] = []
    for part in briefing.parts:
        out += part.blocks
        for s in walk_sections(part.sections):
            out += s.blocks
    return out


def test_every_page_is_marked_content_or_artifact(built: Built) -> None:
    reader = PdfReader(built.path, strict=True)
    for number, opened in enumerate(_marked(reader), start=1):
        assert opened[0] == ("/Artifact", None), f"page {number} does not start as artifact"
        tagged = [m for _, m in opened if m is not None]
        assert tagged == list(range(len(tagged))), f"page {number}: MCIDs not 0..n-1"
        # a planned notes page before the back cover is page furniture only
        assert tagged or number in built.result.notes_pages, f"page {number} has no tagged content"


def test_parent_tree_maps_every_mcid_to_its_element(built: Built) -> None:
    reader = PdfReader(built.path, strict=True)
    pages = _page_index(reader)
    tree = _root(reader)["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    owner: dict[tuple[int, int], int] = {}
    for elem in _elements(reader):
        for mc in _mcids(elem, pages):
            assert mc not in owner, f"MCID {mc} in two elements"
            owner[mc] = elem.indirect_reference.idnum
    opened = _marked(reader)
    for index, page in enumerate(reader.pages):
        mcids = [m for _, m in opened[index] if m is not None]
        if not mcids:  # a notes page: artifacts only, so no entry in the ParentTree
            assert index + 1 in built.result.notes_pages and "/StructParents" not in page
            continue
        key = int(page["/StructParents"])
        assert page["/Tabs"] == "/S"
        array = parents[key]
        assert len(array) == len(mcids)
        for mcid, ref in enumerate(array):
            assert owner[(index, mcid)] == ref.idnum, f"page {index + 1} MCID {mcid}"
    # link annotations: /StructParent -> the Link element holding an OBJR to them
    links = 0
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            obj = annot.get_object()
            if "/StructParent" in obj:
                link = parents[int(obj["/StructParent"])].get_object()
                assert link["/S"] == "/Link"
                kids = link["/K"] if isinstance(link["/K"], list) else [link["/K"]]
                objrs = [k.get_object() for k in kids if not isinstance(k, int)]
                assert any(k.get("/Type") == "/OBJR" and k.raw_get("/Obj").idnum == annot.idnum
                           for k in objrs)
                links += 1
    assert links > 0
    assert int(tree["/ParentTreeNextKey"]) == max(parents) + 1


def _box_titles(blocks: tuple[Block, ...], level: int) -> list[tuple[str, str]]:
    """Learning points and case examples are titled by a heading below their section's."""
    out = []
    for b in blocks:
        if isinstance(b, LearningPoints):
            out.append((f"/H{level}", b.title or "Learning points"))
        elif isinstance(b, CaseExample):
            out.append((f"/H{level}", "Case example" + (f": {b.title}" if b.title else "")))
    return out


def _expected_headings(briefing: Briefing) -> list[tuple[str, str]]:
    meta = briefing.meta
    out = [("/H1", meta.title), ("/H1", "Contents")]
    for part in briefing.parts:
        out.append(("/H1", part.title))
        out += _box_titles(part.blocks, 2)
        for s in walk_sections(part.sections):
            level = 2 if s.level <= 2 else 3
            out.append((f"/H{level}", s.title))
            out += _box_titles(s.blocks, level + 1)
    if briefing.references:
        out.append(("/H2", "References"))
    if meta.authors:
        out.append(("/H2", "Authors"))
    if meta.acknowledgements:
        out.append(("/H2", "Acknowledgements"))
    return out


def test_headings_in_reading_order_with_their_text(built: Built) -> None:
    reader = PdfReader(built.path, strict=True)
    pages = _page_index(reader)
    texts = _texts(reader)
    found = [(str(e["/S"]), "".join(texts[mc] for mc in _mcids(e, pages)))
             for e in _elements(reader) if re.fullmatch(r"/H\d", str(e["/S"]))]
    expected = _expected_headings(built.briefing)
    assert [(r, norm(t)) for r, t in found] == [(r, norm(t)) for r, t in expected]


def test_body_paragraphs_are_tagged_with_their_text(built: Built) -> None:
    """The tagged text, read in structure order, holds the body text of the content."""
    reader = PdfReader(built.path, strict=True)
    pages = _page_index(reader)
    texts = _texts(reader)
    tagged = "".join(texts[mc] for e in _elements(reader) for mc in _mcids(e, pages))
    flat = norm(tagged)
    from builder.model import Paragraph, Text

    checked = 0
    for block in _blocks(built.briefing):
        if isinstance(block, Paragraph) and block.content and isinstance(block.content[0], Text):
            words = norm(block.content[0].text)[:40]
            assert words in flat, words
            checked += 1
    assert checked > 3


def test_artifacts_hold_only_page_furniture(built: Built) -> None:
    """No body text is left as an artifact (untagged): the artifacts' text is the running
    header and footer, "(continued)" titles and repeated table headers."""
    reader = PdfReader(built.path, strict=True)
    texts = _texts(reader)
    furniture = norm("".join(t for (_, mcid), t in texts.items() if mcid == -1))
    from builder.model import Paragraph, Text

    for block in _blocks(built.briefing):
        if isinstance(block, Paragraph) and block.content and isinstance(block.content[0], Text):
            words = norm(block.content[0].text)[:40]
            if len(words) >= 20:
                assert words not in furniture, words


def test_footnotes_are_notes_where_they_are_cited(built_health: Built) -> None:
    reader = PdfReader(built_health.path, strict=True)
    notes = [e for e in _elements(reader) if e["/S"] == "/Note"]
    assert len(notes) == len(built_health.briefing.footnotes)
    for note in notes:
        assert note["/P"].get_object()["/S"] in ("/P", "/LBody", "/TD", "/TH")


def test_figures_carry_the_charts_alt_text(built: Built) -> None:
    reader = PdfReader(built.path, strict=True)
    alts = {c.id: c.alt for c in built.briefing.charts}
    figures = [b for b in _blocks(built.briefing) if isinstance(b, Figure)]
    found = [str(e["/Alt"]) for e in _elements(reader) if e["/S"] == "/Figure"]
    assert len(found) == len(figures)
    for figure, alt in zip(figures, found, strict=True):
        assert alt.strip()
        assert alt == (alts.get(figure.chart) or f"Chart: {figure.title}")


def test_table_header_repeated_on_a_new_page_is_an_artifact(built_health: Built) -> None:
    """A header cell is one TH with content on one page only (repeats are artifacts)."""
    reader = PdfReader(built_health.path, strict=True)
    pages = _page_index(reader)
    for elem in _elements(reader):
        if elem["/S"] == "/TH" and elem.get("/A", {}).get("/Scope") == "/Column":
            assert len({p for p, _ in _mcids(elem, pages)}) == 1


def test_tagged_output_is_reproducible(built_sample: Built, theme: Theme,
                                       tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    render_pdf(built_sample.briefing, theme, built_sample.charts, again)
    assert again.read_bytes() == built_sample.path.read_bytes()
