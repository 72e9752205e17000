"""The cue lexicons: which statement cues are words of saying."""

from __future__ import annotations

import pytest

from wirewatch.extract.cues import says_something


@pytest.mark.parametrize(
    "cue",
    ["said", "said in an interview", "has warned", "according to", "claims", "denied", "admitted", "quipped",
     "replies", "argues", "told reporters", "tweeted", "doesn't feel", "showed"],
)
def test_words_of_saying(cue):
    assert says_something(cue)


@pytest.mark.parametrize("cue", ["released", "introduced", "sued", "has refused", "ordered", "praising", "be willing"])
def test_acts_are_not_saying(cue):
    assert not says_something(cue)
