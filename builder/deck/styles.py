"""The theme as PowerPoint styles: the only module that turns brand values into slide
colours, fonts and text styles (for the template and for emitted runs)."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.theme import Theme


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _clr(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{_hex(colour)}"/></a:solidFill>'


class Styles:
    """Colours as RRGGBB, the font family, and the XML text styles of the template."""

    def __init__(self, theme: Theme) -> None:
        c = theme.colours
        self.theme = theme
        self.family = theme.fonts.family
        self.primary, self.accent, self.secondary = _hex(c.primary), _hex(c.accent), _hex(c.secondary)
        self.highlight, self.text, self.muted = _hex(c.highlight), _hex(c.text), _hex(c.muted)
        self.rule, self.tint, self.tint_green = _hex(c.rule), _hex(c.tint), _hex(c.tint_green)
        self.white = _hex(c.white)
        self.palette = tuple(_hex(p) for p in theme.chart_palette)
        self.chart_highlight = _hex(theme.chart_highlight)
        self.logo = (self.accent, self.secondary, self.primary)
        self.logo_dark = (self.accent, self.secondary, self.white)
        pal = self.palette + (self.accent,) * 6
        self.scheme = {
            "dk1": self.text, "lt1": self.white, "dk2": self.primary, "lt2": self.tint,
            "accent1": pal[0], "accent2": pal[1], "accent3": pal[2], "accent4": pal[3],
            "accent5": pal[4], "accent6": pal[5], "hlink": self.accent, "folHlink": self.primary,
        }

    # ------------------------------------------------------------ text colours by role

    def colour(self, style: str, dark: bool) -> str | None:
        """The explicit colour of a paragraph style, or None to inherit the layout's."""
        if style == "muted":
            return self.tint if dark else self.muted
        if style == "figure":
            return self.accent
        return None

    # ------------------------------------------------------------ template XML

    def _rpr(self, size: float, colour: str, bold: bool = False, italic: bool = False,
             major: bool = False) -> str:
        face = "+mj-lt" if major else "+mn-lt"
        return (f'<a:defRPr lang="en-GB" sz="{round(size * 100)}" b="{int(bold)}" '
                f'i="{int(italic)}" kern="0">{_clr(colour)}<a:latin typeface="{face}"/>'
                f'<a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr>')

    def _level(self, n: int, size: float, colour: str, bullet: str | None, bullet_colour: str,
               space: float, bold: bool = False, italic: bool = False, algn: str = "l",
               major: bool = False) -> str:
        if bullet is None:
            mar, ind, bu = 0.0, 0.0, "<a:buNone/>"
        else:
            mar, ind = g.BULLET_INDENT_IN[min(n, len(g.BULLET_INDENT_IN) - 1)]
            bu = (f'<a:buClr><a:srgbClr val="{bullet_colour}"/></a:buClr><a:buSzPct val="100000"/>'
                  f'<a:buFont typeface="Arial"/><a:buChar char="{bullet}"/>')
        return (f'<a:lvl{n + 1}pPr marL="{round(mar * 914400)}" indent="{-round(ind * 914400)}" '
                f'algn="{algn}"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef>'
                f'<a:spcPct val="{round(space * 100000)}"/></a:spcBef>{bu}'
                + self._rpr(size, colour, bold, italic, major) + f"</a:lvl{n + 1}pPr>")

    def body_levels(self, size: float, colour: str, bullet_colour: str,
                    bullets: bool = True, italic: bool = False, bold: bool = False) -> str:
        chars = ("\u2022", "\u2013", "\u2022")
        out = []
        for n in range(9):
            char = chars[min(n, 2)] if bullets else None
            space = g.SPACE_BEFORE[min(n, 1)]
            out.append(self._level(n, size, colour, char, bullet_colour, space, bold, italic))
        return "".join(out)

    def text_styles(self) -> str:
        s = self.theme.slides
        title = self._level(0, s.title_size, self.primary, None, self.primary, 0, bold=True,
                            major=True)
        other = self._level(0, s.min_body_size, self.text, None, self.text, 0)
        return ('<p:txStyles xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                f"<p:titleStyle>{title}</p:titleStyle>"
                f"<p:bodyStyle>{self.body_levels(s.body_size, self.text, self.accent)}"
                f"</p:bodyStyle><p:otherStyle>{other}</p:otherStyle></p:txStyles>")

    def footer_lst(self, algn: str = "l") -> str:
        return self._level(0, self.theme.slides.footer_size, self.muted, None, self.muted, 0,
                           algn=algn)

    def layout_lst(self, spec: g.LayoutSpec, ph: g.PlaceholderSpec) -> str:
        s = self.theme.slides
        if ph.kind in ("ftr", "sldNum"):
            return self.footer_lst("r" if ph.kind == "sldNum" else "l")
        if spec.dark:
            if ph.kind in ("title", "ctrTitle"):
                return self._level(0, s.title_size + 8, self.white, None, self.white, 0,
                                   bold=True, major=True)
            return self.body_levels(s.body_size, self.tint, self.highlight,
                                    bullets=spec.name == g.DIVIDER)
        if ph.kind in ("title", "ctrTitle"):
            return ""
        if ph.role == "quote":
            return self.body_levels(s.body_size + 2, self.primary, self.accent, False, italic=True)
        if ph.role in ("context", "side"):
            return self.body_levels(s.min_body_size, self.muted, self.accent, False)
        if ph.role == "source":
            return self.body_levels(s.footer_size + 1, self.muted, self.accent, False)
        if ph.role == "prompt":
            return self.body_levels(s.body_size, self.white, self.white, False, bold=True)
        if spec.name == g.LEARNING:
            return self.body_levels(s.body_size, self.text, self.secondary)
        return ""

    def anchor(self, spec: g.LayoutSpec, ph: g.PlaceholderSpec) -> str:
        if ph.kind in ("title", "ctrTitle"):
            return "b"
        if ph.kind in ("ftr", "sldNum") or ph.role in ("prompt", "source", "quote"):
            return "ctr"
        return "t"
