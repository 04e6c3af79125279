"""The participant handout: a pure plan (what it holds, in order, how short) that the PDF
renderer (``builder.pdf.handout``) lays out on two to four A4 pages."""

from builder.handout.plan import CUTS, Cut, HandoutPlan, plan_handout

__all__ = ["CUTS", "Cut", "HandoutPlan", "plan_handout"]
