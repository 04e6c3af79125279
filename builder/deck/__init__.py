"""The training deck (16:9 PowerPoint), in two stages.

- ``plan.plan_deck(briefing, theme, pages) -> DeckPlan``: pure; decides every slide,
  measures every text frame with the real font (``fit``, ``pack``), splits long content
  over "(2 of 3)" continuation slides and returns warnings as Problems at file:line.
- ``emit.write_deck(plan, briefing, theme, out)``: python-pptx calls only; native charts
  (``charts``), footers, notes, en-GB, fixed core properties and zip dates (``repro``).
- ``template``: the branded master and named layouts are built in code from the theme on
  every build (deterministic, nothing generated is committed; ``python -m
  builder.deck.template OUT.pptx`` writes it for an organisation to start from), and
  ``check_template`` checks an organisation's own template before a build.

The package is ``deck``, not ``pptx``, so it cannot shadow python-pptx.
"""
