"""Whole sentences of inline text, and author-date citations."""

from __future__ import annotations

from builder.citations import cites
from builder.model import Emphasis, FootnoteRef, Link, Reference, Strong, Text
from builder.sentences import cut, leading_sentences, sentence_ends


def _split(text: str) -> list[str]:
    ends = [0, *sentence_ends(text), len(text)]
    return [text[a:b].strip() for a, b in zip(ends, ends[1:], strict=False)]


def test_sentences_end_at_stops_before_a_capital_or_digit() -> None:
    assert _split("One (Daniel et al., 2010). Two, e.g. GPs and Dr. Who. 3 is next? 'Yes.' "
                  "Then: 'What does this mean for the child?' Done") == [
        "One (Daniel et al., 2010).", "Two, e.g. GPs and Dr. Who.", "3 is next?", "'Yes.'",
        "Then: 'What does this mean for the child?'", "Done"]
    assert _split("Seen by J. Smith (p. 201). Then") == ["Seen by J. Smith (p. 201).", "Then"]
    assert sentence_ends("   ") == []


def test_cut_keeps_the_spans_and_their_kinds() -> None:
    spans = (Text(text="A "), Strong(children=(Text(text="bold"),)), Text(text=" and "),
             Link(children=(Emphasis(children=(Text(text="a link"),)),), url="https://x.org"),
             Text(text=". Next."))
    assert cut(spans, 8) == (Text(text="A "), Strong(children=(Text(text="bold"),)),
                             Text(text=" a"))
    assert cut(spans, 15) == spans[:3] + (
        Link(children=(Emphasis(children=(Text(text="a li"),)),), url="https://x.org"),)


def test_leading_sentences_within_a_word_budget() -> None:
    spans = (Text(text="One two three. Four five. Six seven eight nine."),)
    assert leading_sentences(spans, None) == (spans, False)
    assert leading_sentences(spans, 5) == ((Text(text="One two three. Four five."),), True)
    assert leading_sentences(spans, 1) == ((Text(text="One two three."),), True)
    marker = (Text(text="One."), FootnoteRef(target="f"), Text(text=" Two."))
    assert leading_sentences(marker, 1) == ((Text(text="One."),), True)


def _ref(text: str) -> Reference:
    return Reference(id="r", text=(Text(text=text),))


def test_cites_first_author_and_year() -> None:
    daniel = _ref("Daniel, B., Taylor, J. and Scott, J. (2010). Recognition of neglect.")
    assert cites(daniel, "occurs on its own (Daniel et al., 2010). It is")
    assert not cites(daniel, "(Daniel et al., 2011)") and not cites(daniel, "(Taylor, 2010)")
    panel = _ref("Child Safeguarding Practice Review Panel. (2020a). It was hard to escape.")
    assert cites(panel, "the Child Safeguarding Practice Review Panel (2020a) found")
    assert not cites(_ref("No year here."), "No year here (2010)")
