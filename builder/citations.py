"""Which references a text cites: an author-date citation ("Daniel et al., 2010",
"Powell & Appleton, 2012") names the reference's first author and its year."""

from __future__ import annotations

import re

from builder.model import Reference, plain_text

AUTHOR_YEAR = re.compile(r"(.+?)\s*\((\d{4}[a-z]?)\)\.?\s*")  # "Authors (2020a). "
_SURNAME = re.compile(r"([A-Z][\w'\u2019-]+), (?:[A-Z]\.\s?)+")  # "Brandon, M., "


def surnames(authors: str) -> list[str]:
    """The surnames in a reference's author list ("Daniel, B., Taylor, J. and ...")."""
    return _SURNAME.findall(authors)


def cites(ref: Reference, text: str) -> bool:
    """Whether ``text`` cites ``ref``: its first author's surname (or the organisation)
    followed within a few words by its year, as in "(Daniel et al., 2010)" or "Dickens et
    al. (2022a)"."""
    m = AUTHOR_YEAR.match(plain_text(ref.text))
    if m is None:
        return False
    people = surnames(m.group(1))
    name = people[0] if people else re.split(r"[,.&(]", m.group(1))[0].strip()
    near = r"[^()]{0,40}?\(?"  # "Daniel et al., 2010" or "Dickens et al. (2022a)"
    return bool(name) and re.search(re.escape(name) + near + re.escape(m.group(2)),
                                    text) is not None
