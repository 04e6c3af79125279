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

from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

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
    marked-content references (page, MCID) and link annotations, in reading order."""

    __slots__ = ("role", "parent", "alt", "scope", "kids", "attached", "number")

    def __init__(self, role: str, parent: Elem | None, alt: str | None = None,
                 scope: str | None = None) -> None:
        self.role = role
        self.parent = parent
        self.alt = alt
        self.scope = scope  # a table header cell's: Column or Row
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


def tag(flowable: Any, elem: Elem | None) -> Any:
    """``flowable`` (one of ours that draws itself tagged) marked as content of ``elem``."""
    flowable.__dict__["tag"] = elem
    return flowable


class TaggedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes marked-content operators and records the MCIDs it hands out."""

    def __init__(self, *args: Any, tags: Tags, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tags = tags
        self._open: Elem | None = None
        self._depth = 0
        self._annot_count = 0

    @property
    def open_elem(self) -> Elem | None:
        """The element whose content is being drawn (None between fragments)."""
        return self._open

    def begin_mc(self, elem: Elem) -> None:
        """Start a fragment of ``elem``'s content; nested fragments join the outer one."""
        self._depth += 1
        if self._depth > 1:
            return
        page = self._pageNumber - 1
        mcids = self.tags.pages.setdefault(page, [])
        mcid = len(mcids)
        mcids.append(elem)
        elem.attach()
        elem.kids.append((page, mcid))
        self._open = elem
        self._code.append(f"EMC /{elem.role} <</MCID {mcid}>> BDC")

    def end_mc(self) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        self._open = None
        self._code.append("EMC /Artifact BMC")

    def showPage(self) -> None:
        # what was drawn outside any tagged fragment is page furniture: an artifact
        assert self._depth == 0, "a tagged fragment is still open at the page end"
        self._code.insert(0, "/Artifact BMC")
        self._code.append("EMC")
        super().showPage()

    def _addAnnotation(self, annotation: Any, name: str | None = None,
                       addtopage: int = 1) -> None:
        self._annot_count += 1
        name = name or f"BBA{self._annot_count}"
        elem = self._open
        if elem is not None and addtopage:
            key = len(self.tags.annots)  # offset by the page count when written
            if isinstance(annotation, PDFDictionary):
                annotation.dict["StructParent"] = _Later(self.tags, key)
            else:
                annotation.permitted = (*type(annotation).permitted, "StructParent")
                annotation.otherkw["StructParent"] = _Later(self.tags, key)
            link = Elem("Link", elem)
            link.attached = True
            elem.kids.append(link)
            note = Annot(name, self._pageNumber - 1, key)
            link.kids.append(note)
            self.tags.annots.append((link, note))
        super()._addAnnotation(annotation, name, addtopage)


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
    begin(elem)
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
    doc = canv._doc
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
    doc.Reference(PDFDictionary({
        "Type": PDFName("StructTreeRoot"), "K": _ref(tags.root),
        "ParentTree": PDFObjectReference(PARENT_TREE_NAME),
        "ParentTreeNextKey": len(pages) + len(tags.annots)}), ROOT_NAME)
    catalog = doc.Catalog
    catalog.StructTreeRoot = PDFObjectReference(ROOT_NAME)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    if getattr(catalog, "Lang", None) is None:
        catalog.Lang = PDFString(lang)
