"""Small hand-built briefings for the PDF renderer tests (no YAML, no loader)."""

from __future__ import annotations

from builder.model import (
    Briefing,
    BulletList,
    CaseExample,
    Cell,
    Column,
    CrossRef,
    Emphasis,
    Figure,
    Footnote,
    FootnoteRef,
    Inlines,
    LearningPoints,
    Link,
    ListItem,
    Metadata,
    Paragraph,
    Part,
    Publisher,
    Quote,
    Reference,
    Row,
    Section,
    SourceRef,
    Strong,
    Table,
    Text,
)

FILE = "content/sample/briefing.yaml"


def at(line: int) -> SourceRef:
    return SourceRef(FILE, line)


def t(text: str, line: int = 1) -> Inlines:
    return (Text(text=text, at=at(line)),)


LOREM = ("Practitioners across health services see children in many settings, and each "
         "contact is a chance to notice what a child's daily life is like. ")


def para(text: str, line: int = 1) -> Paragraph:
    return Paragraph(content=t(text, line), at=at(line))


def meta(**kw: object) -> Metadata:
    fields: dict[str, object] = dict(
        title="Sample briefing for the PDF renderer",
        subtitle="Learning for the future: messages from a sample",
        series="Sample series – sector briefings", date="December 2022",
        publisher=Publisher(name="Sample Publisher", address=("1 Test Street", "Testtown"),
                            telephone="01234 567890", email="ask@example.org",
                            website="https://www.example.org", at=at(2)),
        authors=("Ann Author", "Bob Writer"), short_title="Sample briefing",
        acknowledgements=("With thanks to: Cee Helper",), copyright="© Sample Publisher 2022",
        partners=("Sample Publisher", "University of Somewhere"),
        colophon=("Sample Publisher is a registered charity.",),
        keywords=("sample", "safeguarding"), at=at(1))
    fields.update(kw)
    return Metadata(**fields)  # type: ignore[arg-type]


def table(rows: int = 4, cell: str = "") -> Table:
    cols = (Column(key="label", label="Category of death"),
            Column(key="a", label="Number of deaths 2014-17 (%) n=206", n=206),
            Column(key="b", label="Number of deaths 2017-19 (%) n=131", n=131))
    body = tuple(Row(label=cell or f"Category {i} & <b>kind</b>",
                     cells=(Cell(text=f"{i} ({i}%)", at=at(40 + i)),
                            Cell(text="1 (<1%)" if i % 2 else "n/a", at=at(40 + i))),
                     at=at(40 + i))
                 for i in range(1, rows + 1))
    return Table(id="table-1", number=1, title="Categories of death 2014-19 SCRs",
                 columns=cols, rows=body,
                 notes=(t("* The category terminology mirrors longstanding categories.", 60),),
                 at=at(39))


def sample(extra_blocks: tuple = (), rows: int = 4) -> Briefing:  # type: ignore[type-arg]
    """Two parts exercising every block kind, a cross-reference and two footnotes."""
    intro = Section(id="about", title="About this briefing", level=2, at=at(10), blocks=(
        Paragraph(content=(Text(text="This briefing", at=at(11)),
                           FootnoteRef(target="language", at=at(11)),
                           Text(text=" is based on ", at=at(11)),
                           Emphasis(children=t("Learning for the future", 11)),
                           Text(text=" and uses x < y & \"quotes\" literally; the new system is "
                                "described later (", at=at(11)),
                           CrossRef(target="new-system", at=at(11)),
                           Text(text=").", at=at(11))), at=at(11)),
        BulletList(items=(
            ListItem(content=t("Designated and named safeguarding leads", 12), at=at(12)),
            ListItem(content=(Strong(children=t("All doctors", 13)),
                              Text(text=", including GPs", at=at(13))), at=at(13),
                     children=(ListItem(content=t("a nested point", 14), at=at(14)),)),
        ), at=at(12)),
        *extra_blocks,
    ))
    new_system = Section(id="new-system", title="The new system", level=2, at=at(20), blocks=(
        para(LOREM * 4, 21),
        Figure(id="figure-1", number=1, title="Ages of children in SCRs", chart="figure-1-chart",
               caption=t("Counts by age group.", 23), missing=t("Earlier periods.", 24),
               source_note=t("Source: Sample et al. (2022)", 25), at=at(22)),
        table(rows),
    ), sections=(Section(id="transition", title="Transitional arrangements", level=3,
                         at=at(30), blocks=(para(LOREM * 3, 31),)),))
    learning = Section(id="neglect", title="Recognising neglect", level=2, at=at(50), blocks=(
        para(LOREM * 2, 51),
        Quote(paragraphs=(t("The focus was on managing his disabilities and health needs.", 52),),
              at=at(52)),
        Quote(paragraphs=(t("I wanted someone to ask me what it was like at home.", 53),),
              kind="voice", attribution=t("young person, 15", 53), at=at(53)),
        CaseExample(title="Missed appointments", blocks=(
            para(LOREM * 2, 55),
            Quote(paragraphs=(t("Professionals showed little curiosity.", 56),), at=at(56)),
        ), at=at(54)),
        LearningPoints(items=tuple(
            ListItem(content=(Text(text=f"Point {i}: " + LOREM, at=at(60 + i)),)
                     + ((FootnoteRef(target="second", at=at(60 + i)),) if i == 2 else ()),
                     at=at(60 + i))
            for i in range(1, 6)), at=at(60)),
    ))
    return Briefing(
        id="sample", meta=meta(),
        parts=(Part(id="part-1", title="Part 1: Introduction and key data",
                    sections=(intro, new_system), at=at(5)),
               Part(id="part-2", title="Part 2: Learning for the health sector",
                    sections=(learning,), at=at(49))),
        footnotes=(Footnote(id="language", content=(
                       Strong(children=t("A note on language:", 90)),
                       Text(text=" the briefings use several terms.", at=at(90))), at=at(90)),
                   Footnote(id="second", content=t("A second footnote in a box.", 91),
                            at=at(91))),
        references=(
            Reference(id="r1", text=(Text(text="Brandon, M. (2020). ", at=at(95)),
                                     Emphasis(children=t("Complexity and challenge", 95)),
                                     Text(text=". www.gov.uk/government/publications/x", at=at(95))),
                      url="https://www.gov.uk/government/publications/x", at=at(95)),
            Reference(id="r2", text=(Text(text="Cook, L. (2017). Making sense. ", at=at(96)),
                                     Link(children=t("Journal", 96),
                                          url="https://doi.org/10.1080/0265"),),
                      url="https://doi.org/10.1080/0265", at=at(96)),
        ),
        at=at(1))
