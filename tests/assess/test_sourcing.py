"""vague_sourcing: one signal per vague attribution, evidence the words, span into the body."""

from __future__ import annotations

import pytest

from wirewatch.assess.sourcing import vague_sourcing
from wirewatch.model import Statement


@pytest.mark.parametrize(
    ("body", "evidence"),
    [
        ("There have been numerous reports of drones over the border.", ["There have been numerous reports"]),
        ("The group is believed to have links with smugglers.", ["is believed to"]),
        ("It has been reported that the plant closed.", ["It has been reported"]),
        ("Speculation of foreign involvement is not new.", ["Speculation"]),
        ("Experts say the dam is unsafe. Some say it will fail.", ["Experts say", "Some say"]),
        ("According to unconfirmed reports, the convoy turned back.", ["According to unconfirmed reports"]),
        ("The minister reportedly resigned on Friday.", ["reportedly"]),
        ("Many people believe the vote was rigged.", ["Many people believe"]),
    ],
)
def test_patterns(body, evidence):
    found = vague_sourcing(body)
    assert [s.evidence for s in found] == evidence
    for s in found:
        assert s.kind == "vague_sourcing"
        assert body[s.span[0] : s.span[1]] == s.evidence


@pytest.mark.parametrize(
    "body",
    [
        "The minister said the plant would close.",
        "Experts such as John Smith say the dam is safe.",
        "Three officials said the convoy turned back.",
        "The report was published on Monday.",
        "The shooter was reported to the FBI by a neighbour.",
        "He is wanted for allegedly defrauding 240 people.",
        "Senator Jane Roe and others have suggested a military trial.",
    ],
)
def test_named_or_plain_text_is_not_vague(body):
    assert vague_sourcing(body) == ()


def _vague(body: str, content: str, source_text: str | None, cue: str) -> Statement:
    at = body.index(content)
    return Statement(None, None, source_text, None, cue, content, "indirect", "vague", (at, at + len(content)))


def test_vague_statement_without_a_known_pattern():
    body = "Whispers in the capital have it that the cabinet will be reshuffled."
    st = _vague(body, "the cabinet will be reshuffled", "Whispers in the capital", "have it")
    (sig,) = vague_sourcing(body, [st])
    assert sig.evidence == "Whispers in the capital"
    assert body[sig.span[0] : sig.span[1]] == sig.evidence


def test_statement_and_pattern_give_one_signal():
    body = "There have been numerous reports of drones over the border."
    st = _vague(body, "drones over the border", "numerous reports", "reports")
    assert [s.evidence for s in vague_sourcing(body, [st])] == ["There have been numerous reports"]


def test_a_bare_pronoun_is_not_evidence():
    body = "The movement, that recently announced allegiance to the group, operates in the north."
    st = _vague(body, "allegiance to the group", "that", "announced")
    assert vague_sourcing(body, [st]) == ()


@pytest.mark.parametrize(
    ("body", "content", "source_text"),
    [
        ("Voters in the county say the new road is too loud.", "the new road is too loud", "Voters in the county"),
        ("62% of respondents said the council should resign.", "the council should resign", "62% of respondents"),
        ("New data show that the river is cleaner.", "that the river is cleaner", "New data"),
        ("The inspector's report said the bridge was unsafe.", "the bridge was unsafe", "The inspector's report"),
        ("The ERA reports said the bridge was unsafe.", "the bridge was unsafe", "The ERA reports"),
    ],
)
def test_a_group_the_extractor_could_not_name_is_no_vague_sourcing(body, content, source_text):
    assert vague_sourcing(body, [_vague(body, content, source_text, "say")]) == ()
