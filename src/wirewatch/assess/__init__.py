"""Assessment: credibility signals with evidence, outlet profiles, source ratings."""
