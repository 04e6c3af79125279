"""Fixtures: the sample briefing and (when the loader and content exist) the health
briefing, each rendered once per test session."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.model import Briefing
from builder.pdf import PdfResult, render_pdf
from builder.pdf.finish import PRESS, SCREEN, Finish
from builder.theme import Theme, load_theme
from tests.pdf.sample import sample

ROOT = Path(__file__).resolve().parents[2]
HEALTH = ROOT / "content/health/briefing.yaml"


@dataclass(frozen=True)
class Built:
    briefing: Briefing
    result: PdfResult
    path: Path
    charts: dict[str, bytes]
    finish: Finish = SCREEN

    def pages_text(self) -> list[str]:
        reader = PdfReader(self.path, strict=True)
        return [norm(p.extract_text() or "") for p in reader.pages]


    def body_text(self) -> str:
        """The running text of all pages joined, without headers, footers and footnotes
        (drawn after the body on each page), so paragraphs split over pages join up."""
        meta = self.briefing.meta
        header = norm(meta.short_title or meta.title)
        footer = norm(meta.publisher.name)
        out = []
        for number, text in enumerate(self.pages_text(), start=1):
            cuts = [text.rfind(header), text.rfind(f"{number}{footer}")]
            cuts = [c for c in cuts if c >= 0]
            out.append(text[:min(cuts)] if cuts else text)
        # a box split over pages repeats its title: "Case example (continued)"
        return re.sub(r"(Caseexample|Learningpoints)[^()]{0,200}?\(continued\)", "",
                      "".join(out))


def norm(text: str) -> str:
    """Text with all whitespace removed: line breaks fall anywhere in a PDF."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def theme() -> Theme:
    return load_theme()


@pytest.fixture(scope="session")
def built_sample(theme: Theme, tmp_path_factory: pytest.TempPathFactory) -> Built:
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    briefing = sample()
    return Built(briefing, render_pdf(briefing, theme, {}, path), path, {})


def _charts(briefing: Briefing, theme: Theme, folder: Path) -> dict[str, bytes]:
    try:
        from builder.charts import render_charts
    except ImportError:
        return {}
    files = render_charts(briefing, theme, folder / "charts", folder / "cache").files
    return {cid: f.svg.read_bytes() for cid, f in files.items()}


@pytest.fixture(scope="session")
def built_health(theme: Theme, tmp_path_factory: pytest.TempPathFactory) -> Built:
    from builder.content import load_briefing

    briefing, problems = load_briefing(HEALTH, ROOT)
    assert briefing is not None, [str(p) for p in problems]
    folder = tmp_path_factory.mktemp("health")
    charts = _charts(briefing, theme, folder)
    path = folder / "health.pdf"
    return Built(briefing, render_pdf(briefing, theme, charts, path), path, charts)


def press(built: Built, folder: Path) -> Built:
    """``built`` again for a print shop, laid out from the screen PDF's seed."""
    path = folder / built.path.name.replace(".pdf", "-press.pdf")
    result = render_pdf(built.briefing, load_theme(), built.charts, path,
                        seed=built.result.seed, finish=PRESS)
    return Built(built.briefing, result, path, built.charts, PRESS)


@pytest.fixture(scope="session")
def built_sample_press(built_sample: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return press(built_sample, tmp_path_factory.mktemp("press"))


@pytest.fixture(scope="session")
def built_health_press(built_health: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return press(built_health, tmp_path_factory.mktemp("press"))


@pytest.fixture(scope="session", params=["sample", "health", "health_press"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(f"built_{request.param}")
