"""Who speaks in a relayed report: an office in a wire lead ("..., the head of X said") resolved to the
person the article names later in full, a headline's "says police chief", a dateline kept out of
content, and the relay formulas ("quoted X as saying", "X said, according to Y", "..., citing X")
keeping X as the speaker and Y as the relay."""

from __future__ import annotations

import pytest

from wirewatch import analyze_text

LEAD = (
    "Smugglers moving rifles across northern border, says police chief\n\n"
    "OSLO (Nordic Wire) - Armed smugglers are moving rifles across the northern border into Finland, "
    "the head of Norway's national police service said on Monday.\n\n"
    "The head of Norway's National Police Service, Ingrid Halvorsen, told a conference in Tromso that "
    "about 300 rifles had been seized since May.\n\n"
    "\u201cOur border is under pressure,\u201d Halvorsen said.\n\n"
    "Finnish officials have not commented on the figures."
)


@pytest.fixture(scope="module")
def named():
    return analyze_text(LEAD, until="extract").extracted


@pytest.fixture(scope="module")
def unnamed():
    text = LEAD.replace("The head of Norway's National Police Service, Ingrid Halvorsen, told", "Officials told")
    text = text.replace("Halvorsen said", "an officer said")
    return analyze_text(text, until="extract").extracted


def lead_statement(article):
    return next(s for s in article.statements if s.span and "smugglers are moving" in s.content)


def test_office_in_the_lead_is_the_person_named_later(named):
    s = lead_statement(named)
    assert s.speaker == "Ingrid Halvorsen"
    assert "head of Norway" in (s.speaker_role or "")


def test_dateline_and_source_stay_out_of_the_content(named):
    s = lead_statement(named)
    assert s.content.startswith("Armed smugglers")
    assert "head of" not in s.content


def test_headline_office_takes_the_body_speaker(named):
    head = named.statements[0]
    assert head.span is None and head.source_text == "police chief"
    assert head.speaker == "Ingrid Halvorsen"


def test_unnamed_office_is_the_office_not_the_country(unnamed):
    s = lead_statement(unnamed)
    assert s.speaker and "head of Norway" in s.speaker
    assert s.sourcing == "named"
    head = unnamed.statements[0]
    assert head.speaker == s.speaker


@pytest.mark.parametrize(
    ("sentence", "speaker", "via"),
    [
        (
            "Nordic media quoted police director Ingrid Halvorsen as saying that 300 rifles had been seized.",
            "Halvorsen",
            "Nordic media",
        ),
        ("Halvorsen was quoted by the Baltic Wire agency as saying that the smugglers used boats.", "Halvorsen", "Baltic"),
        (
            "\u201cThe smugglers use old fishing boats,\u201d Halvorsen said, according to the Baltic Wire agency.",
            "Halvorsen",
            "Baltic",
        ),
        (
            "Oslo says smugglers are moving rifles into Finland, citing police director Ingrid Halvorsen.",
            "Halvorsen",
            "Oslo",
        ),
    ],
)
def test_relay_formulas_keep_the_original_speaker(sentence, speaker, via):
    text = f"Rifles seized in the north\n\n{sentence}\n\nFinnish officials did not comment."
    found = [s for s in analyze_text(text, until="extract").extracted.statements if s.span]
    first = found[0]
    assert speaker in (first.speaker or ""), found
    assert via in (first.via or ""), found
    assert not any(via.split()[0] in (s.speaker or "") for s in found), "the relay is not a speaker"
    assert "citing" not in first.content and "according" not in first.content


def test_russian_relay_page_keeps_one_speaker_through_cases_pronouns_and_places():
    """The flattened Russian relay of tests/clean/fixtures: "заявил ... председатель Комитета ...
    Арман Досов", "По словам Досова" (genitive), "сказал он на совещании в Астане" (a pronoun, and a
    place that is where it was said), and the headline "Досов: ..."."""
    from pathlib import Path

    page = (Path(__file__).parents[1] / "clean" / "fixtures" / "flat_ru_relay.txt").read_text(encoding="utf-8")
    found = analyze_text(page, until="extract").extracted
    dosov = next(e for e in found.entities if e.name == "Arman Dosov")
    assert "Досова" in dosov.mentions
    assert [s.speaker for s in found.statements] == ["Arman Dosov"] * 4
    assert found.statements[0].span is None  # the headline's own statement
