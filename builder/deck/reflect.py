"""Learning points turned into questions for discussion, mechanically and only where the
sentence allows it: "Practitioners should aim to ..." -> "How do you aim to ...?";
"Health providers should ensure ..." -> "How do health providers in your area ensure
...?"; "... need to be aware of ..." -> "Are you aware of ...?". Anything else (no
"should", "need to" or "must"; a subject that is not people or organisations; a
pronoun that would point the wrong way) gets no question, and the slide says
"Discuss: <the point>" instead. Pure."""

from __future__ import annotations

import re

from builder.deck.text import sentence_ends

_MODAL = re.compile(r"\b(should|must|needs? to)\s+")
_PEOPLE = {"practitioners", "professionals", "staff", "clinicians", "workers", "gps",
           "nurses", "midwives", "doctors", "you", "we", "colleagues", "managers",
           "supervisors", "trainers"}
_BODIES = {"providers", "organisations", "services", "leaders", "commissioners",
           "partnerships", "agencies", "partners", "boards", "teams"}
_ASIDE = ("including", "such as", "for example", "e.g.", "in particular")
_ADVERBS = {"also", "always", "still", "routinely", "then"}
_BACKWARD = re.compile(r"\b(they|their|them|theirs)\b", re.IGNORECASE)


def question(point: str) -> str | None:
    """A question for the group from one learning point, or None when the point does
    not read as one."""
    text = point.strip()
    ends = [0, *sentence_ends(text), len(text)]
    for a, b in zip(ends, ends[1:], strict=False):
        q = _from_sentence(text[a:b].strip())
        if q:
            return q
    return None


def _from_sentence(sentence: str) -> str | None:
    m = _MODAL.search(sentence)
    if m is None:
        return None
    subject = _subject(sentence[:m.start()])
    rest = sentence[m.end():].rstrip(" .;:")
    if not subject or not rest or _BACKWARD.search(rest) or "?" in rest:
        return None
    head = subject.split()[-1].lower().strip("'\u2019")
    if head in _PEOPLE or head.endswith(("practitioners", "professionals")):
        who, be = "you", "are you"
    elif head in _BODIES:
        who = f"{subject[0].lower()}{subject[1:]} in your area"
        be = f"are {who}"
    else:
        return None
    words = rest.split(" ")
    adverbs = []
    while words and words[0] in _ADVERBS:
        adverbs.append(words.pop(0))
    if not words:
        return None
    if words[0] in ("not", "never"):
        they = "you" if who == "you" else "they"
        neg = ["do", *words] if words[0] == "not" else words
        return f"How do {who} make sure {they} {' '.join([*adverbs, *neg])}?"
    if words[0] == "be":
        body = " ".join([*adverbs, *words[1:]])
        return f"{be[0].upper()}{be[1:]} {body}?"
    body = " ".join([*adverbs, *words])
    return f"How do {who} {body}?"


def _subject(before: str) -> str:
    """The grammatical subject before the modal, without a leading clause or an aside:
    "While patterns ... younger children, professionals " -> "professionals"."""
    parts = [p.strip() for p in before.strip().rstrip(",").split(",")]
    parts = [p for p in parts if p and not p.lower().startswith(_ASIDE)]
    if not parts:
        return ""
    subject = parts[-1]
    if len(subject.split()) > 4 or not re.fullmatch(r"[A-Za-z'\u2019 -]+", subject):
        return ""
    return subject
