"""Who speaks in the phrasings relays use: a quotation "quoted as saying" by an agency, a bare
"the agency" after an acronym, an institution named with its country or seat, and a name the
tagger left untyped that an apposition gives a person's role, and "the allegation, made by X, is that ..."."""

from __future__ import annotations

from wirewatch import analyze_text


def statements(body: str):
    article = analyze_text("Militants moved to the northern valleys\n\n" + body + "\n", until="extract")
    return [s for s in article.extracted.statements if s.span is not None]


def test_a_quotation_quoted_as_saying_by_an_agency_is_the_speakers_relayed_by_the_agency():
    found = statements(
        '"More than 1,200 fighters of the Red Crescent group have been moved there," Temir Saparov, '
        "the head of the Border Committee, was quoted as saying by the Kabar news agency."
    )
    (s,) = found
    assert (s.speaker, s.speaker_role, s.cue, s.quote) == (
        "Temir Saparov", "head of the Border Committee", "was quoted as saying", "direct")
    assert s.via is not None and "Kabar" in s.via


def test_quoted_as_saying_that_keeps_the_quoted_as_speaker_and_the_quoter_as_relay():
    (s,) = statements("Local agencies quoted border chief Temir Saparov as saying that the camps were empty.")
    assert s.speaker == "Temir Saparov" and s.cue == "quoted as saying" and s.via == "Local agencies"


def test_the_agency_after_an_acronym_is_that_organisation():
    found = statements(
        "The militants are being moved to the northern valleys, the country's GKNB security service alleged.\n\n"
        "More than 1,200 fighters have been brought in, the agency said, without giving details."
    )
    assert len(found) == 2 and "GKNB" in found[0].speaker and found[1].speaker == found[0].speaker
    assert found[1].cue == "said"


def test_an_institution_with_its_country_and_seat_speaks_as_itself():
    (s,) = statements("The US embassy in Bishkek on Wednesday rejected the claim that it had moved fighters.")
    assert s.speaker == "US embassy in Bishkek" and s.sourcing == "named"


def test_a_countrys_ministry_in_lower_case_speaks_not_the_country():
    # the small model tags "ministry" a proper noun after a possessive; the country only says whose
    (s,) = statements("Kyrgyzstan's defence ministry said on Tuesday that the camps were empty.")
    assert s.speaker == "Kyrgyzstan's defence ministry" and s.sourcing == "named"
    (s,) = statements("The camps were empty, the Kyrgyz border security committee said in a statement.")
    assert s.speaker == "Kyrgyz border security committee"


def test_a_named_ministry_is_not_the_agency_named_before_it():
    found = statements(
        "The GKNB said on Monday that the camps were empty.\n\n"
        "The Defence Ministry of Kyrgyzstan said it had no information. The ministry said patrols would go on."
    )
    assert found[-1].speaker != "GKNB"


def test_a_relaying_participle_in_the_source_phrase_is_the_relay_not_the_role():
    (s,) = statements("Temir Saparov, quoted by Interfax, said that the camps near the border were full.")
    assert (s.speaker, s.speaker_role, s.via) == ("Temir Saparov", None, "Interfax")


def test_the_owner_of_the_comments_speaks_them():
    (s,) = statements(
        "Temir Saparov's comments, carried by the state news agency Kabar, alleged that foreign agencies "
        "were moving fighters into the northern valleys."
    )
    assert s.speaker == "Temir Saparov" and s.via is not None and "Kabar" in s.via


def test_an_allegation_made_by_someone_is_that_persons_claim():
    for body in (
        "The allegation, made by border chief Temir Saparov on Monday, is that the camps were moved east.",
        "The claim first made by border chief Temir Saparov was that the camps were moved east.",
        "Saparov's allegation is that the camps were moved east.",
    ):
        (s,) = statements(body)
        assert "Saparov" in s.speaker and s.sourcing == "named", body
        assert s.content == "that the camps were moved east", body


def test_the_one_cited_at_the_head_of_the_sentence_speaks_and_the_agency_relays():
    (s,) = statements("Citing border chief Temir Saparov, the Kabar agency reported that the camps were moved east.")
    assert "Saparov" in s.speaker and s.via == "the Kabar agency" and s.content == "that the camps were moved east"


def test_what_he_told_a_meeting_is_his_even_when_the_parse_hangs_it_on_the_meeting():
    (s,) = statements("Saparov told the meeting that US agencies were moving the camps east, Interfax reported.")
    assert "Saparov" in s.speaker and s.via == "Interfax" and s.content.startswith("that US agencies")


def test_what_he_told_a_larger_audience_is_his_when_the_parse_hangs_it_on_its_last_noun():
    (s,) = statements("Union leader Paul Brandt told a rally of about two thousand workers that three men had "
                      "been injured on the cranes since January.")
    assert "Brandt" in s.speaker and s.content == "that three men had been injured on the cranes since January"


def test_reportedly_said_keeps_the_named_speaker():
    (s,) = statements("The camps were moved east, Temir Saparov reportedly said.")
    assert "Saparov" in s.speaker and s.sourcing == "named" and s.content == "The camps were moved east"


def test_the_committee_is_the_committee_named_before_even_if_it_has_not_spoken():
    found = statements("Kazakhstan's National Security Committee (KNB) issued a warning on Wednesday.\n\n"
                       "The committee claims US agencies are moving the camps east.")
    assert [s.speaker for s in found if "camps" in s.content] == ["National Security Committee"]


def test_a_trailing_attribution_with_a_manner_phrase_after_it_is_still_read():
    found = statements("US agencies are moving the camps east, the KNB claimed on Wednesday, without providing evidence.")
    assert [(s.speaker, s.content) for s in found] == [("KNB", "US agencies are moving the camps east")]


def test_officials_of_a_nation_are_anonymous_not_the_nation():
    for body in ("Russian officials said the camps were moved east.", "US officials said the camps were moved east.",
                 "Kazakh security officials told local media that the camps were moved east."):
        (s,) = statements(body)
        assert (s.speaker, s.sourcing) == (None, "anonymous"), body


def test_a_nations_intelligence_speaks_as_an_institution_not_as_the_nation():
    (s,) = statements("Kazakh intelligence says the camps were moved east.")
    assert (s.speaker, s.sourcing) == ("Kazakh intelligence", "named")


def test_an_institution_described_by_its_country_and_field_is_the_one_named_before():
    intro = "Kyrgyzstan's State Committee for National Security issued a warning on Tuesday.\n\n"
    for line in (
        "The Kyrgyz security service said that the camps near the border were full.",
        "The camps near the border are full, Kyrgyzstan's security agency claimed, without giving evidence.",
    ):
        (s,) = statements(intro + line)
        assert s.speaker == "State Committee for National Security" and s.sourcing == "named"


def test_a_description_with_another_country_is_not_the_institution_named_before():
    (s,) = statements(
        "Kyrgyzstan's State Committee for National Security issued a warning on Tuesday.\n\n"
        "The Tajik security service said that the camps near the border were full."
    )
    assert s.speaker != "State Committee for National Security"


def test_the_statement_speaks_for_whoever_issued_it():
    found = statements(
        "The Border Committee said in a statement that the camps near the border were full.\n\n"
        "Patrols have been doubled along the river, the statement added."
    )
    assert [s.speaker for s in found] == ["Border Committee", "Border Committee"]
    assert found[1].source_text == "the statement" and found[1].sourcing == "named"


def test_an_owned_claim_inside_someone_elses_statement_keeps_its_owner():
    found = statements("Temir Saparov's claim that the camps near the border were full was dismissed by the ministry.")
    owners = {s.speaker: s for s in found}
    assert "Temir Saparov" in owners and owners["Temir Saparov"].content.endswith("the camps near the border were full")
    assert len(found) == 2  # and the ministry's dismissal of it


def test_an_institution_speaking_through_a_person_is_that_persons_statement():
    found = statements(
        "The Border Committee, through its spokeswoman Aida Kenzhebekova, said the camps near the river were empty.\n\n"
        "The ministry, in the words of its deputy head Temir Saparov, says the patrols will go on until May."
    )
    assert [s.speaker for s in found] == ["Aida Kenzhebekova", "Temir Saparov"]


def test_a_statement_issued_through_a_channel_keeps_its_speaker():
    (s,) = statements("The Border Committee said through its press office that the camps were empty.")
    assert s.speaker == "Border Committee"


def test_a_name_after_an_opening_relay_clause_speaks_the_content_after_the_verb():
    (s,) = statements("As reported by Kabar, the border committee's Temir Saparov said the camps near the river were full.")
    assert s.speaker == "Temir Saparov" and s.content.startswith("the camps")


def test_a_claim_made_by_or_coming_from_someone_is_theirs():
    found = statements(
        "The claim that foreign agencies were moving fighters to the river camps was made by Temir Saparov, "
        "head of the Border Committee, at a briefing.\n\n"
        "The allegation that the camps were full came from Aida Kenzhebekova, a senior ministry official."
    )
    assert [(s.speaker, s.sourcing) for s in found] == [("Temir Saparov", "named"), ("Aida Kenzhebekova", "named")]
    assert [s.content for s in found] == [
        "that foreign agencies were moving fighters to the river camps", "that the camps were full"]


def test_a_wire_dateline_without_the_year_is_no_part_of_the_statement():
    (s,) = statements("VARNA, Sept 24 - Fighters are being moved to the valleys, the Border Committee said.")
    assert s.content == "Fighters are being moved to the valleys"


def test_a_person_cited_through_a_news_agency_speaks_and_the_agency_relays():
    (s,) = statements(
        "Foreign instructors are training around 150 militants in the northern valleys, according to Temir "
        "Saparov, the head of the Border Committee, citing the news agency Steppe Wire."
    )
    assert s.speaker == "Temir Saparov" and s.via is not None and "Steppe Wire" in s.via


def test_officials_who_spoke_to_an_outlet_are_anonymous_not_the_outlet():
    (s,) = statements(
        "The messaging app will be blocked from April 1, according to officials familiar with the matter who "
        "spoke to Steppe Wire."
    )
    assert s.sourcing == "anonymous" and s.speaker is None


def test_the_official_told_refers_back_to_the_official_named_before():
    found = statements(
        "Temir Saparov, the first deputy head of the Border Committee, was quoted by the agency as saying that "
        'the camps had been moved north. "These people are being prepared for attacks," the official told the '
        "agency."
    )
    assert [s.speaker for s in found] == ["Temir Saparov", "Temir Saparov"]


def test_she_after_an_unnamed_neighbour_is_the_neighbour_not_the_official_quoted_before():
    found = statements(
        "Temir Saparov, the head of the Border Committee, said seven men had been detained. A neighbour of one "
        'of the detained men told our correspondent that officers searched the house. "He repaired cars, we '
        'never thought anything of it," she said.'
    )
    assert found[-1].speaker is None and found[-1].sourcing == "anonymous"


def test_a_minister_named_after_the_ministry_is_the_person_with_the_office_as_role():
    found = statements(
        "The app will be blocked from April 1, Minister of Digital Development Talant Oskonbaev told a news "
        'conference. "The law is the same for everyone," Oskonbaev said.'
    )
    assert [(s.speaker, s.speaker_role) for s in found][0] == ("Talant Oskonbaev", "Minister of Digital Development")


def test_an_office_that_speaks_without_a_name_is_the_person_who_opens_the_next_sentence():
    found = statements(
        "Seven men have been detained for smuggling rifles across the river, the committee's first deputy "
        "chairman said on Friday. Temir Saparov told state television that officers had seized twelve rifles."
    )
    assert [s.speaker for s in found] == ["Temir Saparov", "Temir Saparov"]
