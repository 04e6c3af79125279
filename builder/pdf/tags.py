"""Tagged PDF: marked content in the page streams and the logical structure tree.

reportlab draws pages but knows nothing of structure, so the renderer adds it:

* Every flowable that shows content carries a structure element (:class:`Elem`), made
  when the story is built (so each element knows its parent: Document > Part > Sect > P,
  L > LI, Table > TR > TH/TD, ...). :class:`TaggedCanvas` wraps each drawing of such a
  flowable in ``/Role <</MCID n>> BDC ... EMC``; a paragraph split over pages keeps its
  element, so one element gets marked content on each page.
* Everything else on a page (running header and footer, rules, backgrounds, table grids,
  cover shapes, repeated table headers, "(continued)" titles) is ``/Artifact``: each page
  stream opens an artifact sequence, and a tagged fragment closes it and opens it again.
* An element joins its parent's kids when its first content is drawn, so the tree is in
  reading order (the frame's flow; footnotes after the paragraph that cites them), never
  in the order page furniture is drawn. Elements with nothing drawn are left out.
* Link annotations drawn inside a tagged fragment get a ``Link`` element with an OBJR
  (child of the element being drawn) and a ``/StructParent``; pages get ``/Tabs /S``.

:func:`write_structure` turns the recorded structure into PDF objects (StructTreeRoot,
ParentTree, MarkInfo) with reportlab's own object model before the file is written, so
the output stays byte-reproducible and needs no post-processing pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString
from reportlab.platypus import Flowable

from builder.pdf._reportlab import (
    HookedCanvas,
    HookedTextObject,
    annotation_fields,
    current_matrix,
    format_text,
    page_index,
    page_ops,
    pdf_document,
    text_in_progress,
    text_ops,
    text_position,
)

ROOT_NAME = "BBStructTreeRoot"
PARENT_TREE_NAME = "BBParentTree"

MCR = tuple[int, int]  # (0-based page index, MCID)


class Annot:
    """A link annotation as a kid of a Link element: its object name and page index."""

    __slots__ = ("name", "page", "key")

    def __init__(self, name: str, page: int, key: int) -> None:
        self.name, self.page, self.key = name, page, key


class Elem:
    """One structure element. ``kids`` is filled while pages are drawn: child elements,
    marked-content references (page, MCID) and link annotations, in reading order.
    ``inline``: the Link whose words are being drawn inside this element's text (kept
    when a paragraph is split, so the link's words on the next page stay in it)."""

    __slots__ = ("role", "parent", "alt", "scope", "kids", "attached", "number", "id",
                 "contents", "inline", "spans")

    def __init__(self, role: str, parent: Elem | None, alt: str | None = None,
                 scope: str | None = None, id: str | None = None) -> None:
        self.role = role
        self.parent = parent
        self.alt = alt
        self.scope = scope  # a table header cell's: Column or Row
        self.id = id  # a Note's unique /ID
        self.contents: str | None = None  # a Link's description, its annotations' /Contents
        self.inline: Elem | None = None
        self.spans: list[tuple[int, float, float, float, float]] = []  # a Link's, see _Links
        self.kids: list[Elem | MCR | Annot] = []
        self.attached = parent is None
        self.number = -1

    def attach(self) -> None:
        if self.attached:
            return
        assert self.parent is not None
        self.parent.attach()
        self.parent.kids.append(self)
        self.attached = True

    def __repr__(self) -> str:
        return f"Elem({self.role})"


class Tags:
    """The structure of one layout pass: the Document element and, per page, the
    element each MCID belongs to."""

    def __init__(self) -> None:
        self.root = Elem("Document", None)
        self.pages: dict[int, list[Elem]] = {}
        self.annots: list[tuple[Elem, Annot]] = []


def tag(flowable: Any, elem: Elem | None, label: Elem | None = None) -> Any:
    """``flowable`` (one of ours that draws itself tagged) marked as content of ``elem``;
    ``label``: the element of its bullet or number (an Lbl), drawn first."""
    flowable.__dict__["tag"] = elem
    if label is not None:
        flowable.__dict__["label"] = label
    return flowable


class TaggedCanvas(HookedCanvas):
    """A canvas that writes marked-content operators and records the MCIDs it hands out.

    Inside a fragment, the content can change hands: to a Link while a link's words are
    drawn (:meth:`link_start`/:meth:`link_end`, called from paragraph callbacks inside the
    text object), to the body after a label (:meth:`drawText`), to an artifact for
    decoration (:meth:`artifact`). Each change ends the open sequence and starts the next.
    Every line a paragraph draws ends with a space (:class:`SpacedText`), so words on two
    lines never run together when the text is read out of the structure.
    """

    def __init__(self, *args: Any, tags: Tags, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tags = tags
        self._open: Elem | None = None  # whose marked content is open
        self._base: Elem | None = None  # the fragment's element
        self._after_label: Elem | None = None
        self._links: list[Elem] = []  # links started in this fragment
        self._fresh: object = None  # the sequence started when a link ended
        self._depth = 0
        self._annot_count = 0

    @property
    def open_elem(self) -> Elem | None:
        """The element of the fragment being drawn (None between fragments)."""
        return self._base

    def _mcid(self, elem: Elem) -> str:
        page = page_index(self)
        mcids = self.tags.pages.setdefault(page, [])
        mcids.append(elem)
        elem.attach()
        elem.kids.append((page, len(mcids) - 1))
        self._open = elem
        return f"/{elem.role} <</MCID {len(mcids) - 1}>> BDC"

    def begin_mc(self, elem: Elem, label: Elem | None = None) -> None:
        """Start a fragment of ``elem``'s content (its ``label`` first, when given);
        nested fragments join the outer one."""
        self._depth += 1
        if self._depth > 1:
            return
        self._base = elem
        self._after_label = elem if label is not None else None
        page_ops(self).append("EMC " + self._mcid(label or elem.inline or elem))

    def end_mc(self) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        self._open = self._base = self._after_label = None
        self._links = []
        page_ops(self).append("EMC /Artifact BMC")

    def showPage(self) -> None:  # noqa: N802
        # what was drawn outside any tagged fragment is page furniture: an artifact
        assert self._depth == 0, "a tagged fragment is still open at the page end"
        page_ops(self).insert(0, "/Artifact BMC")
        page_ops(self).append("EMC")
        super().showPage()

    def _switch(self, elem: Elem, code: list[str]) -> None:
        code.append("EMC " + self._mcid(elem))

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803
        """A label's text (the first text object of a labelled fragment) ends with a
        space, then the fragment's body starts."""
        body = self._after_label
        if body is None:
            super().drawText(aTextObject)
            return
        self._after_label = None
        text_ops(aTextObject).append(format_text(aTextObject, " "))
        super().drawText(aTextObject)
        self._switch(body.inline or body, page_ops(self))

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> Any:  # noqa: N802
        return SpacedText(self, x, y, direction)

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """What is drawn in the block is decoration inside a fragment (dot leaders)."""
        elem = self._open
        if elem is None:
            yield
            return
        page_ops(self).append("EMC /Artifact BMC")
        try:
            yield
        finally:
            self._switch(elem, page_ops(self))

    def _text_code(self) -> list[str]:
        text = text_in_progress(self)
        return text_ops(text) if text is not None else page_ops(self)

    def _where(self) -> tuple[float, float]:
        m = current_matrix(self)
        x, y = text_position(self) or (0.0, 0.0)
        return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]

    def link_start(self, contents: str) -> None:
        """A link's words begin: they go in a new Link element inside the fragment's."""
        base = self._base
        if base is None:
            return
        link = Elem("Link", base)
        link.contents = contents
        base.inline = link
        x, y = self._where()
        link.spans.append((page_index(self), x, y, float("inf"), float("-inf")))
        self._links.append(link)
        self._switch(link, self._text_code())

    def link_end(self) -> None:
        base = self._base
        if base is None or base.inline is None:
            return
        link, base.inline = base.inline, None
        page, x0, y0, _, _ = link.spans[-1]
        x, y = self._where()
        link.spans[-1] = (page, x0, y0, x, y)
        self._switch(base, self._text_code())
        self._fresh = base.kids[-1]

    def place(self, elem: Elem) -> None:
        """Put ``elem`` (a footnote's Note) in the fragment's element here: after what is
        drawn so far, before the words that follow a link just ended."""
        base = self._base
        if base is None:
            elem.attach()
            return
        elem.parent, elem.attached = base, True
        fresh = base.kids[-1] if base.kids and base.kids[-1] is self._fresh else None
        base.kids.insert(len(base.kids) - (fresh is not None), elem)

    def _link_for(self, rect: tuple[float, float, float, float]) -> Elem | None:
        """The Link element whose words the annotation ``rect`` covers: one started in
        this fragment whose words run over the rectangle's line (from its start, on its
        first line), or the open Link element (a contents entry), or a new Link inside
        the open element."""
        page = page_index(self)
        x1, y1, _, y2 = rect
        low = y1 - (y2 - y1) / 2  # a box holds its line's baseline, or is raised above it
        for link in self._links:
            for p, sx, sy, ex, ey in link.spans:
                if p == page and low <= sy and ey <= y2 and \
                        (not low <= sy <= y2 or x1 >= sx - 0.5) and \
                        (not low <= ey <= y2 or x1 < ex):
                    return link
        if self._open is not None and self._open.role == "Link":
            return self._open
        if self._base is None:
            return None
        link = Elem("Link", self._open or self._base)
        link.attach()
        return link

    def add_annotation(self, annotation: Any, name: str | None, addtopage: int) -> None:
        self._annot_count += 1
        name = name or f"BBA{self._annot_count}"
        is_dict = isinstance(annotation, PDFDictionary)
        fields = annotation_fields(annotation, ("StructParent", "F"))
        fields["F"] = 4  # printed, as PDF/A requires
        link = self._link_for(_rect(fields.get("Rect") if is_dict else annotation.Rect)) \
            if addtopage else None
        if link is not None:
            key = len(self.tags.annots)  # offset by the page count when written
            fields["StructParent"] = _Later(self.tags, key)
            text = PDFString(link.contents or "Link")
            if is_dict:
                fields["Contents"] = text
            else:
                annotation.Contents = text
            note = Annot(name, page_index(self), key)
            link.kids.append(note)
            self.tags.annots.append((link, note))
        super().add_annotation(annotation, name, addtopage)


def _rect(value: Any) -> tuple[float, float, float, float]:
    seq = getattr(value, "sequence", value)
    x1, y1, x2, y2 = (float(v) for v in seq)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


class SpacedText(HookedTextObject):
    """A text object whose lines (reportlab ends each paragraph line with T*) end with a
    space: a soft line break is a word boundary for whoever reads the text. ``glued``:
    the lines that end inside a word, which get none (set by the paragraph)."""

    glued: frozenset[int] = frozenset()
    line = 0

    def write_line(self, text: str, line_break: bool) -> None:
        if line_break:
            if self.line not in self.glued:
                text += " "
            self.line += 1
        super().write_line(text, line_break)


class _Later(pdfdoc.PDFObject):  # type: ignore[misc]
    """An annotation's /StructParent key: its place after the pages' keys, known when
    the structure is written."""

    def __init__(self, tags: Tags, key: int) -> None:
        self.tags, self.key = tags, key

    def format(self, document: Any) -> bytes:
        return str(len(document.Pages.pages) + self.key).encode()


def draw_tagged(flowable: Flowable, draw: Any, canvas: Any, *args: Any) -> Any:
    """Call ``draw(canvas, *args)`` inside a fragment of the flowable's element, if any.
    A flowable object drawn a second time in a pass (a table's header row repeated on
    the next page) is an artifact: its content is already in the structure."""
    elem = flowable.__dict__.get("tag")
    begin = getattr(canvas, "begin_mc", None)
    if elem is None or begin is None:
        return draw(canvas, *args)
    tags = canvas.tags
    if flowable.__dict__.get("_tagged_in") is tags:
        return draw(canvas, *args)
    flowable.__dict__["_tagged_in"] = tags
    begin(elem, flowable.__dict__.get("label") if getattr(flowable, "bulletText", None) else None)
    try:
        return draw(canvas, *args)
    finally:
        canvas.end_mc()


class Tagged(Flowable):
    """Any flowable drawn as the content of one element (a chart as a Figure)."""

    def __init__(self, inner: Flowable, elem: Elem) -> None:
        super().__init__()
        self.inner = inner
        self.tag = elem
        self.hAlign = getattr(inner, "hAlign", "LEFT")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        draw_tagged(self, self.inner.drawOn, canvas, x, y, _sW)


# ---------------------------------------------------------------- writing the tree


def _ref(elem: Elem) -> PDFObjectReference:
    return PDFObjectReference(f"BBSE{elem.number}")


def _page_ref(page: int) -> PDFObjectReference:
    return PDFObjectReference(f"Page{page + 1}")  # reportlab's names for its page objects


def _number(elem: Elem, out: list[Elem]) -> None:
    elem.number = len(out)
    out.append(elem)
    for kid in elem.kids:
        if isinstance(kid, Elem):
            _number(kid, out)


def _first_page(elem: Elem) -> int | None:
    for kid in elem.kids:
        if isinstance(kid, tuple):
            return kid[0]
        if isinstance(kid, Annot):
            return kid.page
    return None


def write_structure(canv: TaggedCanvas, lang: str) -> None:
    """Add the structure tree of ``canv.tags`` to the document before it is saved."""
    doc = pdf_document(canv)
    tags = canv.tags
    elems: list[Elem] = []
    _number(tags.root, elems)
    for elem in elems:
        d: dict[str, Any] = {"Type": PDFName("StructElem"), "S": PDFName(elem.role),
                             "P": _ref(elem.parent) if elem.parent is not None
                             else PDFObjectReference(ROOT_NAME)}
        page = _first_page(elem)
        if page is not None:
            d["Pg"] = _page_ref(page)
        kids: list[Any] = []
        for kid in elem.kids:
            if isinstance(kid, Elem):
                kids.append(_ref(kid))
            elif isinstance(kid, Annot):
                kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Pg": _page_ref(kid.page),
                                           "Obj": doc.refAnnotation(kid.name)}))
            elif kid[0] == page:
                kids.append(kid[1])
            else:
                kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": _page_ref(kid[0]),
                                           "MCID": kid[1]}))
        d["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)
        if elem.alt:
            d["Alt"] = PDFString(elem.alt)
        if elem.id:
            d["ID"] = PDFString(elem.id)
        if elem.scope:
            d["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(elem.scope)})
        doc.Reference(PDFDictionary(d), f"BBSE{elem.number}")
    pages = doc.Pages.pages
    nums: list[Any] = []
    for index, page_obj in enumerate(pages):
        owners = tags.pages.get(index)
        if not owners:
            continue
        page_obj.__NoDefault__ = [*page_obj.__NoDefault__, "StructParents", "Tabs"]
        page_obj.StructParents = index
        page_obj.Tabs = PDFName("S")
        nums += [index, PDFArray([_ref(e) for e in owners])]
    for link, note in tags.annots:
        nums += [len(pages) + note.key, _ref(link)]
    doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}), PARENT_TREE_NAME)
    root = {"Type": PDFName("StructTreeRoot"), "K": _ref(tags.root),
            "ParentTree": PDFObjectReference(PARENT_TREE_NAME),
            "ParentTreeNextKey": len(pages) + len(tags.annots)}
    named = sorted((e.id, e) for e in elems if e.id)
    if named:
        root["IDTree"] = PDFDictionary({"Names": PDFArray(
            [x for i, e in named for x in (PDFString(i), _ref(e))])})
    doc.Reference(PDFDictionary(root), ROOT_NAME)
    catalog = doc.Catalog
    catalog.StructTreeRoot = PDFObjectReference(ROOT_NAME)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    if getattr(catalog, "Lang", None) is None:
        catalog.Lang = PDFString(lang)
