"""The briefing PDF conforms to PDF/UA-1 and PDF/A-2a: no rule of either profile fails in
``page-validation`` (veraPDF's rules, reimplemented), and the metadata it checks says what
the content says."""

from __future__ import annotations

import re

import page
import pytest
from pypdf import PdfReader

from builder.gate import check_conformance
from builder.pdf.metadata import publication_date
from tests.pdf.conftest import Built


def test_no_rule_fails_for_pdf_ua_1_or_pdf_a_2a(built: Built) -> None:
    assert check_conformance(built.path) == []


@pytest.mark.parametrize("profile", ["ua1", "2a"])
def test_every_rule_of_the_profile_is_checked(built_health: Built, profile: str) -> None:
    report = page.validate_pdf(built_health.path, profile=profile)
    assert report.is_compliant
    assert report.rules.total == report.rules.passed > 100
    assert report.checks.failed == 0


def test_xmp_repeats_the_info_dictionary_and_identifies_the_profiles(built_health: Built) -> None:
    reader = PdfReader(built_health.path, strict=True)
    meta = built_health.briefing.meta
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    info = reader.trailer["/Info"]
    assert info["/Title"] == meta.title
    assert f'<rdf:li xml:lang="x-default">{meta.title}</rdf:li>' in xmp.replace("&amp;", "&")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>A" in xmp
    assert f"<rdf:li>{meta.language}</rdf:li>" in xmp
    assert info["/CreationDate"] == "D:20221201000000+00'00'"
    assert "<xmp:CreateDate>2022-12-01T00:00:00+00:00</xmp:CreateDate>" in xmp
    intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3


def test_every_annotation_is_printable_and_described(built_health: Built) -> None:
    reader = PdfReader(built_health.path, strict=True)
    count = 0
    for p in reader.pages:
        for annot in p.get("/Annots", []) or []:
            obj = annot.get_object()
            assert int(obj["/F"]) & 4, "annotation not printable"
            assert str(obj["/Contents"]).strip(), "link without a description"
            count += 1
    assert count > 30


@pytest.mark.parametrize(("text", "day"), [
    ("December 2022", "2022-12-01"), ("3 March 2021", "2021-03-03"), ("2019", "2019-01-01"),
    ("", "2000-01-01"), ("undated", "2000-01-01")])
def test_publication_date_is_read_from_the_content(text: str, day: str) -> None:
    assert publication_date(text).isoformat() == day


def test_notes_have_unique_ids(built_health: Built) -> None:
    data = built_health.path.read_bytes()
    assert data.count(b"/S /Note") == len(set(re.findall(rb"/ID \((fn-\d+)\)", data))) == 5


@pytest.mark.parametrize(("data", "written"), [
    (b"abc", b"stream\nabc\nendstream\n"),
    (b"ab\r", b"stream\nab\r\r\nendstream\n"),  # a CR at the end is data, not the marker
])
def test_streams_end_with_a_marker_length_does_not_count(data: bytes, written: bytes) -> None:
    from reportlab.pdfbase.pdfdoc import PDFDocument, PDFStream

    from builder.pdf.pdfa import pdfa_syntax

    with pdfa_syntax():
        out = PDFStream(content=data, filters=[]).format(PDFDocument())
    assert out.endswith(written) and f"/Length {len(data)}".encode() in out
