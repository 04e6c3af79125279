"""A hand-built briefing exercising every slide kind, independent of the YAML loader."""

from __future__ import annotations

from builder.model import (
    Briefing,
    BulletList,
    CaseExample,
    Cell,
    ChartSpec,
    Column,
    CrossRef,
    DataRow,
    Dataset,
    DataValue,
    Emphasis,
    ExtraSlide,
    Figure,
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
    Series,
    SlideOverride,
    SourceRef,
    Strong,
    Table,
    Text,
    Training,
)

PART = "content/sample/part.yaml"
HOSTILE = "Tom <tom@example.com> & x<y \x1b\ufffe kept: *not emphasis* {braces}"


def at(line: int, path: str = PART) -> SourceRef:
    return SourceRef(path, line)


def t(text: str) -> Inlines:
    return (Text(text=text),)


def p(text: str, line: int) -> Paragraph:
    return Paragraph(content=t(text), at=at(line))


LONG = ("Practitioners need time, supervision and a shared language to notice what is "
        "happening to a child and to act on it before harm becomes serious. ")

TABLE = Table(
    id="table-1", number=1, title="Categories of death", at=at(40), chart="table-1-chart",
    columns=(Column(key="category", label="Category"),
             Column(key="d2017", label="2017-19 (n=131)", n=131, partition=True)),
    rows=tuple(Row(label=label, at=at(41 + i),
                   cells=(Cell(text=f"{n} ({pc}%)", count=n, percent=pc),))
               for i, (label, n, pc) in enumerate([("Fatal physical abuse", 18, "14"),
                                                   ("Overt filicide", 15, "11"),
                                                   ("Extreme neglect", 6, "5")])))

DATASET = Dataset(
    id="ages", title="Ages", columns=("period", "under1", "over16"), at=at(80),
    rows=tuple(DataRow(label=period, at=at(81 + i), values=(
        DataValue(column="under1", value=a), DataValue(column="over16", value=b)))
        for i, (period, a, b) in enumerate([("2011-14", 45.0, 11.0), ("2014-17", 37.5, None),
                                            ("2017-19", 37.0, 19.0)])))

CHARTS = (
    ChartSpec(id="table-1-chart", kind="hbar", source="table-1", category="label",
              series=(Series(column="d2017", label="2017-19 (n=131)"),), unit="count",
              title="Categories of death, 2017-19", x_label="Number of deaths",
              highlight=("Fatal physical abuse",), alt="Fatal physical abuse 18, overt "
              "filicide 15, extreme neglect 6.", source_note="Source: Dickens et al. (2022a)",
              at=at(100)),
    ChartSpec(id="ages-chart", kind="grouped", source="ages", category="label",
              series=(Series(column="under1", label="Under 1"),
                      Series(column="over16", label="16 and over")), unit="percent",
              title="Ages of children by review period", y_label="Share of SCRs",
              alt="Grouped bars: under 1 falls from 45% to 37%; 16 and over rises to 19%.",
              at=at(110)),
)


def _items(texts: list[str], line: int) -> tuple[ListItem, ...]:
    return tuple(ListItem(content=t(x), at=at(line + i)) for i, x in enumerate(texts))


INTRO = Section(
    id="intro", title="About this briefing", level=2, at=at(5), blocks=(
        Paragraph(content=(Text(text="This briefing draws on "), Emphasis(children=t(
            "Learning for the future")), Text(text=" (Dickens et al., 2022a). It is the ninth "
                                                   "report."), FootnoteRef(target="fn1")),
                  at=at(7)),
        Paragraph(content=(Strong(children=t("Read more")), Text(text=" at "),
                           Link(children=t("the website"), url="https://example.org/scr"),
                           Text(text=" and ("), CrossRef(target="neglect"),
                           Text(text=").")), at=at(8)),
        BulletList(at=at(9), items=(
            ListItem(content=t("Designated and named safeguarding leads"), at=at(10)),
            ListItem(content=t("All nurses, including:"), at=at(11), children=_items(
                ["midwives", "health visitors"], 12)),
        )),
        Paragraph(content=t(HOSTILE), at=at(14)),
    ))

KEY_DATA = Section(
    id="key-data", title="Key data", level=2, at=at(30), blocks=(
        p("Key data from the analysis are set out below.", 31),
        TABLE,
        Figure(id="figure-1", number=1, title="Ages of children", chart="ages-chart",
               caption=t("Shares of SCRs by age."), at=at(60)),
    ))

SKIPPED = Section(id="skipped", title="A section trainers skip", level=2, at=at(70),
                  slides=SlideOverride(skip=True, at=at(72)),
                  blocks=(p("Never on a slide.", 71),))

NEGLECT = Section(
    id="neglect", title="Recognising neglect", level=2, at=at(200), blocks=(
        p("Neglect continues to feature prominently. " + LONG, 201),
        p("Health professionals had sometimes focused on tasks, as in the following case.", 202),
        Quote(paragraphs=(t("What is striking is that contacts were very 'task focused'."),),
              at=at(203)),
        Quote(paragraphs=(t("They never asked about the change in me."),), kind="voice",
              attribution=t("a young person"), at=at(204)),
        CaseExample(title="Rosie", at=at(205), blocks=(
            p("Rosie was admitted to hospital having suffered long-term neglect.", 206),
            Quote(paragraphs=(t("Professionals showed little curiosity."),), at=at(207)),
        )),
        LearningPoints(at=at(210), items=_items([LONG * 2 + f"Point {i}." for i in
                                                 range(1, 8)], 211)),
    ),
    training=Training(questions=(t("What do you look for at a home visit?"),),
                      prompts=(t("Pairs first, then the whole group."),), at=at(220)),
    sections=(Section(
        id="normalisation", title="Normalisation of neglect", level=3, at=at(230),
        slides=SlideOverride(at=at(231), bullets=(t("Override bullet one"),
                                                  t("Override bullet two")),
                             extra=(ExtraSlide(title="Activity: mapping neglect",
                                               bullets=(t("List the signs you see"),),
                                               notes="Ten minutes in pairs.", at=at(233)),)),
        blocks=(p("Loss of focus on neglect in the context of poverty.", 235),)),))

BRIEFING = Briefing(
    id="sample", at=at(1, "content/sample/briefing.yaml"),
    meta=Metadata(title="Triennial analysis of serious case reviews 2022",
                  subtitle="Learning for the future: Messages for health",
                  series="Sector briefings", date="December 2022",
                  publisher=Publisher(name="Research in Practice",
                                      website="https://www.researchinpractice.org.uk",
                                      email="ask@researchinpractice.org.uk",
                                      telephone="01803 867692", at=at(3)),
                  authors=("Steve Flood", "Julie Wilkinson"),
                  short_title="Messages for health", keywords=("SCRs", "health"),
                  copyright="\u00a9 Research in Practice 2022",
                  at=at(2, "content/sample/briefing.yaml")),
    parts=(Part(id="part-1", title="Part 1: Introduction and key data", at=at(3), shared=True,
                sections=(INTRO, KEY_DATA, SKIPPED)),
           Part(id="part-2", title="Part 2: Learning for the health sector", at=at(190),
                sections=(NEGLECT,))),
    references=tuple(Reference(id=f"ref-{i}", text=(Text(text=f"Author, A. ({2000 + i}). "),
                                                    Emphasis(children=t(f"Book {i}")),
                                                    Text(text=". Publisher.")),
                               url=f"https://example.org/{i}", at=at(300 + i))
                     for i in range(12)),
    charts=CHARTS, datasets=(DATASET,),
)

PAGES = {"intro": 3, "key-data": 7, "table-1": 8, "figure-1": 9, "neglect": 15,
         "normalisation": 16, "part-1": 3, "part-2": 15,
         # blocks, as the PDF records them: the page each paragraph or box starts on
         "@content/sample/part.yaml:7": 4, "@content/sample/part.yaml:201": 15,
         "@content/sample/part.yaml:205": 17, "@content/sample/part.yaml:210": 18}
