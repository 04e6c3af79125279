"""Values with a syntax of their own, checked once when read, so no output has to trust
them: language tags (BCP 47) and web and mail addresses (validated, then percent-encoded
so that a link target never holds a space, a quote, markup or a non-ASCII character)."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

ALLOWED_SCHEMES = ("https", "http", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# RFC 5646 language tags, well-formed: language, script, region, variants, extensions,
# private use (grandfathered irregular tags are not accepted)
_LANGUAGE = re.compile(r"""
    (?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})
    (?:-[A-Za-z]{4})?
    (?:-(?:[A-Za-z]{2}|\d{3}))?
    (?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*
    (?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*
    (?:-x(?:-[A-Za-z0-9]{1,8})+)?
    |x(?:-[A-Za-z0-9]{1,8})+""", re.VERBOSE)
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
# what may stay as written in each part of an address (RFC 3986); all else is %-encoded
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = _PATH_SAFE + "?"


def language_problem(tag: str) -> str | None:
    """Why ``tag`` is not a language tag, or None."""
    if len(tag) <= 35 and _LANGUAGE.fullmatch(tag):
        return None
    return (f"'{tag[:40]}' is not a language tag (BCP 47); write one such as en-GB, cy or "
            "fr-CA")


def normalise_url(url: str) -> str:
    """``url`` trimmed, a bare ``www.`` address made ``https://www.``, and percent-encoded
    where a link target may not hold a character as it is. An address that cannot be
    split is returned as it is (``url_problem`` says why)."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        netloc = parts.netloc
        if host and not host.isascii() and "@" not in netloc:
            port = f":{parts.port}" if parts.port else ""
            netloc = host.encode("idna").decode("ascii") + port
    except (ValueError, UnicodeError):
        return url
    path = quote(_BAD_PERCENT.sub("%25", parts.path), safe=_PATH_SAFE)
    query = quote(_BAD_PERCENT.sub("%25", parts.query), safe=_QUERY_SAFE)
    fragment = quote(_BAD_PERCENT.sub("%25", parts.fragment), safe=_QUERY_SAFE)
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def url_problem(url: str) -> str | None:
    """Why ``url`` (as ``normalise_url`` gives it) is not an allowed link, or None."""
    m = _SCHEME.match(url)
    if not m:
        return (f"link '{url[:80]}' has no scheme; write it in full, "
                "starting https://, http:// or mailto:")
    scheme = m.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return (f"link '{url[:80]}' uses the scheme '{m.group(1)}'; "
                "only https, http and mailto links are allowed")
    if _UNSAFE.search(url):
        return f"link '{url[:80]}' contains a control character; remove it"
    if scheme == "mailto":
        return None if "@" in url else (f"link '{url[:80]}' has no address after mailto:; "
                                        "write mailto:name@example.org")
    return _web_problem(url)


def _web_problem(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return f"link '{url[:80]}' is not a web address; check it"
    if "@" in parts.netloc:
        return (f"link '{url[:80]}' has a user name or password before the host (the host is "
                f"'{host}'); remove the part before '@'")
    if not host or not (_HOST.fullmatch(host) or _ip_literal(parts.netloc)):
        return (f"link '{url[:80]}' has no valid host name after '//'; write it as "
                "https://example.org/page")
    return None


def _ip_literal(netloc: str) -> bool:
    return netloc.startswith("[") and "]" in netloc
