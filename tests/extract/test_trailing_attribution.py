"""Reports whose source comes last ("CONTENT, the head of X said on Tuesday."), however the small
parser hangs the verb: on the content's verb, on the source phrase taken for an apposition, or with a
subject of its own; offices as speakers; and surnames the model took for places."""

from __future__ import annotations

import pytest

from wirewatch import analyze_text

CONTENT = "Foreign agents have moved Red Crescent fighters from Selmar to the northern valleys"


def statements(sentence: str):
    article = analyze_text("Report on the northern valleys\n\n" + sentence + "\n", until="extract")
    return [s for s in article.extracted.statements if s.span is not None]


@pytest.mark.parametrize(
    ("source", "cue", "speaker"),
    [
        ("the head of Kazakhstan's security service", "said on Tuesday", "head of Kazakhstan's security service"),
        ("the head of Kazakhstan's security service", "claimed on Tuesday", "head of Kazakhstan's security service"),
        ("the head of Kazakhstan's security service", "alleged on Tuesday", "head of Kazakhstan's security service"),
        ("the chief of the border guard", "told reporters", "chief of the border guard"),
        ("Kazakhstan's top spy", "claimed on Wednesday", "Kazakhstan's top spy"),
    ],
)
def test_a_source_after_the_content_speaks_it(source, cue, speaker):
    found = statements(f"{CONTENT}, {source} {cue}.")
    assert len(found) == 1
    s = found[0]
    assert s.content.startswith(CONTENT[:40]) and s.content.rstrip(".,").endswith("northern valleys")
    assert s.speaker == speaker and s.cue == cue.split()[0] and s.sourcing == "named"


def test_a_subordinate_clause_before_the_comma_is_not_a_report():
    assert statements("When the plane landed, the pilot said hello.") == []


def test_an_office_without_a_name_speaks_as_the_office():
    (s,) = statements("The plan will fail, the former minister of finance warned.")
    assert s.speaker == "former minister of finance" and s.sourcing == "named"


def test_an_unnamed_office_holder_is_an_anonymous_source():
    (s,) = statements("The plan will fail, a deputy minister warned.")
    assert s.speaker is None and s.sourcing == "anonymous"


def test_a_surname_the_model_took_for_a_place_joins_the_person():
    text = ("Militants moving to the valleys\n\n"
            "Arman Dosov, chief of the Dorvik security committee, said militants were moving north.\n\n"
            "According to Dosov, more than 2,500 fighters had arrived. Dosov did not give details.\n")
    entities = analyze_text(text, until="extract").extracted.entities
    people = [e for e in entities if "Dosov" in e.name]
    assert [(e.name, e.type) for e in people] == [("Arman Dosov", "PERSON")]
    assert people[0].count >= 2


@pytest.mark.parametrize(
    "source",
    [
        "the head of the border guard's Fifth Service, Temir Saparov,",
        "Temir Saparov, the head of the border guard's Fifth Service,",
        "the head of the Fifth Service of Kazakhstan's National Security Committee (KNB), Temir Saparov,",
    ],
)
def test_a_name_and_role_set_off_by_commas_before_the_verb_speak_it(source):
    found = statements(f"{CONTENT}, {source} said on Tuesday.")
    assert len(found) == 1
    s = found[0]
    assert s.content.rstrip(".,").endswith("northern valleys") and s.speaker == "Temir Saparov"
    assert s.speaker_role is not None and "Fifth Service" in s.speaker_role


@pytest.mark.parametrize(
    "source",
    [
        "the head of the Selmar Border Service, Arman Dosov,",
        # an acronym in brackets between the role and its comma
        "the head of the Selmar Border Service (SBS), Arman Dosov,",
    ],
)
def test_a_role_and_a_name_set_off_before_the_verb_are_the_source_not_the_content(source):
    [s] = statements(f"{CONTENT}, {source} said on Tuesday.")
    assert s.content.rstrip(".,").endswith("northern valleys")
    assert s.speaker == "Arman Dosov"
    assert (s.speaker_role or "").startswith("head of the Selmar Border Service")


@pytest.mark.parametrize(
    ("opening", "speaker", "cue"),
    [
        ("As Arman Dosov put it, ", "Arman Dosov", "put it"),
        ("As Arman Dosov told reporters on Tuesday, ", "Arman Dosov", "told"),
    ],
)
def test_as_the_source_put_it_the_rest_of_the_sentence_is_theirs(opening, speaker, cue):
    [s] = statements(f"{opening}{CONTENT[0].lower()}{CONTENT[1:]}.")
    assert (s.speaker, s.cue) == (speaker, cue)
    assert s.content.lower().startswith(CONTENT[:30].lower())


def test_a_sentence_opening_as_something_happened_reports_nothing():
    assert statements("As the storm approached the valley, residents of the coast fled inland.") == []


def test_went_as_far_as_to_say_keeps_the_subject_of_went():
    [s] = statements(f"Arman Dosov went as far as to say that {CONTENT[0].lower()}{CONTENT[1:]}.")
    assert s.speaker == "Arman Dosov" and s.content.startswith("that ")


def test_a_relay_named_after_the_cue_is_the_via_and_the_source_is_not_said():
    sentence = ("Six people have died and 212 have fallen ill in a cholera outbreak in the coastal city of Selmar, "
                "the country's health ministry said, as cited by the Harbour Daily Record, which in turn quoted "
                "the Meridian news agency.")
    found = statements(sentence)
    assert len(found) == 1
    s = found[0]
    assert s.content.endswith("coastal city of Selmar") and s.via == "the Harbour Daily Record"
    assert "ministry" in (s.source_text or "")


@pytest.mark.parametrize(
    "tail",
    ["a source in law enforcement has said, in what would be one of the largest graft cases in the south",
     "the regional prosecutor's office said on Monday, six days after it opened a second case"],
)
def test_a_source_the_parse_joined_as_a_second_clause_speaks_the_first(tail):
    found = statements(f"A former deputy governor of Selmar province has been detained at the northern border, {tail}.")
    first = found[0]
    assert first.content == "A former deputy governor of Selmar province has been detained at the northern border"
    assert first.sourcing in ("named", "anonymous") and first.cue.endswith("said")


def test_a_report_citing_an_unnamed_source_is_the_sources_words_relayed_by_the_agency():
    sentence = ("Oleh Marchuk, the former deputy head of the Selmar regional administration, was detained overnight "
                "near the northern border checkpoint, Interfax-Selmar reported on Oct. 18, citing a source in the law "
                "enforcement agencies.")
    found = statements(sentence)
    assert len(found) == 1
    s = found[0]
    assert s.content.endswith("northern border checkpoint") and s.sourcing == "anonymous"
    assert s.source_text == "a source in the law enforcement agencies" and s.via == "Interfax-Selmar"
