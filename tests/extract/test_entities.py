"""Entities of one article: merging, aliases across articles and scripts, roles, places.

The sentences are invented for these tests (people, agencies and events are fictional), written
in the phrasing of wire reports.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from wirewatch.extract.aliases import load_aliases
from wirewatch.extract.entities import _named_like_a_person, find_entities
from wirewatch.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def analyse():
    nlp = load_nlp()
    aliases = load_aliases()

    def run(text: str, language: str = "en"):
        return find_entities(nlp(text), aliases=aliases, language=language), text

    return run


def holding(entities, surface):
    """The entity that has `surface` among its mentions."""
    found = [e for e in entities if surface in e.mentions]
    assert found, f"no entity mentions {surface!r}: {[e.mentions for e in entities]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        (
            "The Baltic Coastal Agency (BCA) said on Tuesday that two patrol boats had left port. "
            "BCA officials declined to say where they were going.",
            "Baltic Coastal Agency",
            "BCA",
        ),
        (
            "Fighters of the Islamic State (IS) attacked a checkpoint outside the town on Sunday. "
            "Local elders said IS had threatened the village before.",
            "Islamic State",
            "IS",
        ),
        (
            "Ministers of the KDA (Kestrel Defence Alliance) met in Riga on Monday. "
            "The KDA said it would meet again.",
            "Kestrel Defence Alliance",
            "KDA",
        ),
        (
            "They joined the Committee for Water Rights and Safety (CWRS) last year. Later CWRS disagreed.",
            "Committee for Water Rights and Safety",
            "CWRS",
        ),
    ],
)
def test_acronym_and_expansion_merge(analyse, text, long, short):
    entities, _ = analyse(text)
    e = holding(entities, long)
    assert short in e.mentions
    assert e.count >= 3


def test_surname_merges_with_full_name(analyse):
    entities, _ = analyse(
        "Trade envoy Petra Lindqvist arrived in Oslo on Monday for the talks. "
        "Lindqvist said the first round had been useful, and Lindqvist will return in May."
    )
    e = holding(entities, "Petra Lindqvist")
    assert e.type == "PERSON" and e.name == "Petra Lindqvist"
    assert "Lindqvist" in e.mentions and e.count == 3


def test_spans_cover_every_mention(analyse):
    entities, text = analyse(
        "The Northern Customs Service (NCS) seized the cargo in Gdansk. NCS director Jonas Varga said "
        "the crates were mislabelled. Varga added that the NCS would publish its findings."
    )
    for e in entities:
        for a, b in e.spans:
            assert text[a:b] in e.mentions
    ncs = holding(entities, "NCS")
    assert ncs.count == 4
    varga = holding(entities, "Jonas Varga")
    assert varga.count == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "ISIS fighters seized two villages near the river, residents said.",
            "Daesh claimed the raid on Friday.",
        ),
        ("Officials blamed ISIL for the blast at the market.", "The attack was claimed by ISIS on Monday."),
    ],
)
def test_alias_table_joins_articles(analyse, first, second):
    a, _ = analyse(first)
    b, _ = analyse(second)
    names_a = {e.name for e in a if e.type == "ORG"}
    names_b = {e.name for e in b if e.type == "ORG"}
    assert "Islamic State" in names_a & names_b


@pytest.mark.parametrize(
    "text",
    ["THE REPORT IS READY AND IT IS LONG.", "What the report is about is not clear.", "What IS the plan?"],
)
def test_the_verb_is_is_not_the_group(analyse, text):
    entities, _ = analyse(text)
    assert not any(e.name == "Islamic State" for e in entities)


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("ФСБ сообщила о задержании двух человек в Казани.", "ФСБ", "Federal Security Service"),
        ("Путин провёл совещание с членами правительства.", "Путин", "Vladimir Putin"),
        ("Боевики ИГИЛ атаковали блокпост.", "ИГИЛ", "Islamic State"),
    ],
)
def test_cyrillic_meets_latin(analyse, text, surface, canonical):
    entities, _ = analyse(text, language="ru")
    assert holding(entities, surface).name == canonical


def test_unparsed_language_finds_names_by_capitals(analyse):
    entities, _ = analyse("Вчера министр Иван Соколов посетил Москву и встретился с журналистами.", "ru")
    person = holding(entities, "Иван Соколов")
    assert person.name == "Ivan Sokolov" and person.type == "PERSON"


@pytest.mark.parametrize(
    ("text", "language", "full", "name", "declined"),
    [
        # a surname with no telling ending, named by its given name, then declined on its stem
        ("Начальник службы Сергей Гладка выступил в Казани. По словам Гладки, граница закрыта.", "ru",
         "Сергей Гладка", "Sergey Gladka", "Гладки"),
        ("Das sagte Sergej Gladka am Dienstag in Kasan. Gladka sprach von einer Gefahr.", "de",
         "Sergej Gladka", "Sergej Gladka", None),
        ("Serghei Gladka a vorbit marți la Kazan. Potrivit lui Gladka, granița este închisă.", "ro",
         "Serghei Gladka", "Serghei Gladka", "Gladka"),
    ],
)
def test_a_given_name_makes_a_person_on_a_page_read_without_a_parser(analyse, text, language, full, name, declined):
    entities, _ = analyse(text, language)
    person = holding(entities, full)
    assert person.name == name and person.type == "PERSON"
    if declined:
        assert declined in person.mentions


@pytest.mark.parametrize(
    ("text", "language", "full"),
    [
        # the one-word "according to" opens the sentence, not the name
        ("Laut Sergej Gladka ist die Grenze seit Dienstag geschlossen.", "de", "Sergej Gladka"),
        ("Selon Sergueï Gladka, la frontière est fermée depuis mardi.", "fr", "Sergueï Gladka"),
        # a capitalised noun before a given name is a title, not part of the name
        ("Der Dienst-Chef Sergej Gladka sprach am Dienstag in Kasan.", "de", "Sergej Gladka"),
    ],
)
def test_a_name_read_by_capitals_starts_at_the_name(analyse, text, language, full):
    entities, _ = analyse(text, language)
    person = holding(entities, full)
    assert person.type == "PERSON"
    assert all(m.startswith(full.split()[0]) for m in person.mentions)


@pytest.mark.parametrize(
    ("text", "language", "surface", "name"),
    [
        ("Die Kämpfer wurden in den Norden Afghanistans gebracht, sagte der Sprecher.", "de", "Afghanistans", "Afghanistan"),
        ("Militanții Statului Islamic au fost mutați în nordul Afganistanului, a declarat el.", "ro", "Statului Islamic",
         "Islamic State"),
        ("Militan Negara Islam dipindahkan ke utara oleh Dinas Keamanan Federal, kata dia.", "id",
         "Dinas Keamanan Federal", "Federal Security Service"),
        # a name of three words or more whose first two words decline
        ("Совещание провёл директор Службы внешней разведки в Казани.", "ru", "Службы внешней разведки",
         "Foreign Intelligence Service"),
        ("Сотрудники Федеральной службы безопасности задержали двоих в Казани.", "ru",
         "Федеральной службы безопасности", "Federal Security Service"),
    ],
)
def test_inflected_and_translated_names_resolve_on_pages_without_a_parser(analyse, text, language, surface, name):
    entities, _ = analyse(text, language)
    assert holding(entities, surface).name == name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("SELMAR, 3 Maret 2031 - Badan perbatasan menutup jalan pada Selasa malam.", "id"),
        ("Die Grenze wurde am 3. März 2031 geschlossen, am Dienstag wieder geöffnet.", "de"),
        ("Об этом заявил начальник Пятой службы комитета в Селмаре.", "ru"),
    ],
)
def test_months_weekdays_ordinals_and_a_word_after_a_dateline_dash_name_nothing(analyse, text, language):
    entities, _ = analyse(text, language)
    names = {m for e in entities for m in (e.name, *e.mentions)}
    assert not names & {"Maret", "Selasa", "Badan", "März", "Dienstag", "Пятой"}


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        (
            "Marta Kowalczyk, head of the regional customs office, said the border would stay open.",
            "Marta Kowalczyk",
            "head of the regional customs office",
        ),
        ("Finance Minister Tomas Varga said the budget would be cut.", "Tomas Varga", "Finance Minister"),
        (
            "The meeting was chaired by the director of the Coastal Survey Institute, Anna Berg, in Riga.",
            "Anna Berg",
            "director of the Coastal Survey Institute",
        ),
        (
            "Police chief Dara Okafor told reporters that two men were arrested.",
            "Dara Okafor",
            "Police chief",
        ),
        (
            "Ivan Petrov, 45, a senior adviser to the governor, resigned on Monday.",
            "Ivan Petrov",
            "senior adviser to the governor",
        ),
        (
            "The ministry's spokeswoman, Lena Marsh, said the claims were false.",
            "Lena Marsh",
            "ministry's spokeswoman",
        ),
    ],
)
def test_roles(analyse, text, surface, role):
    entities, _ = analyse(text)
    assert role in holding(entities, surface).roles


@pytest.mark.parametrize(
    "text",
    [
        "In Riga, Anna Berg said the survey was finished.",
        "After meeting the president, Anna Berg said the talks went well.",
        "The two candidates for president Anna Berg and Tomas Varga spoke on Monday.",
    ],
)
def test_no_role_that_belongs_to_someone_else(analyse, text):
    entities, _ = analyse(text)
    assert holding(entities, "Anna Berg").roles == ()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Militia convoys entered Tripoli on Friday as Libya's rival governments traded accusations.", "LY"),
        ("Protesters gathered in Tripoli on Friday, the third day of unrest in northern Lebanon.", "LB"),
    ],
)
def test_tripoli_in_context(analyse, text, country):
    entities, _ = analyse(text)
    assert holding(entities, "Tripoli").geo.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Aid convoys crossed from Kenya into Somalia on Tuesday.", "Kenya", "KE"),
        ("Aid convoys crossed from Kenya into Somalia on Tuesday.", "Somalia", "SO"),
        ("Two lorries were stopped at the border with Tajikistan.", "Tajikistan", "TJ"),
    ],
)
def test_country_codes(analyse, text, surface, country):
    entities, _ = analyse(text)
    assert holding(entities, surface).geo.country == country


def test_regions_resolve(analyse):
    entities, _ = analyse("The envoy toured Central Asia and the Middle East before the summit.")
    asia = holding(entities, "Central Asia")
    assert asia.geo is not None and asia.geo.country is None
    assert holding(entities, "Middle East").geo is not None


def test_non_places_have_no_geo(analyse):
    entities, _ = analyse("Trade envoy Petra Lindqvist met officials of the Baltic Coastal Agency.")
    assert holding(entities, "Petra Lindqvist").geo is None


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Делегация прибыла в Москву во вторник.", "Москву", "Moscow", "RU"),
        ("Переговоры прошли в Казани.", "Казани", "Kazan", "RU"),
    ],
)
def test_inflected_cyrillic_places(analyse, text, surface, name, country):
    entities, _ = analyse(text, language="ru")
    place = holding(entities, surface)
    assert place.name == name and place.geo.country == country


@pytest.mark.parametrize(("text", "name"), [("Лидер КНДР Ким Чен Ын заявил, что переговоры продолжатся.", "Ким Чен Ын"),
                                          ("Посол Ли Чен сказал, что переговоры продолжатся.", "Ли Чен")])
def test_a_word_inside_a_name_is_not_a_city_it_is_an_alternate_name_of(analyse, text, name):
    entities, _ = analyse(text, language="ru")
    assert holding(entities, name).type == "PERSON"
    assert "Chenzhou" not in {e.name for e in entities}  # alternately "Chen"


def test_a_ukrainian_given_name_opens_a_person(analyse):
    entities, _ = analyse("Про це заявив голова комітету Сергій Бесіда на нараді в Казані.", language="uk")
    assert holding(entities, "Сергій Бесіда").type == "PERSON"


def test_german_nouns_are_not_names(analyse):
    entities, _ = analyse("Die Regierung in Berlin hat am Montag neue Regeln beschlossen.", language="de")
    assert {e.name for e in entities} == {"Berlin"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "It happened before Field Marshal Omar Tessin began his offensive on the port city.",
            "Omar Tessin",
            "Field Marshal",
        ),
        ("General Dmitri Varlamov's troops crossed the river on Sunday.", "Dmitri Varlamov", "General"),
        (
            "It was confirmed by Lieutenant General Andrei Volkov on Monday.",
            "Andrei Volkov",
            "Lieutenant General",
        ),
    ],
)
def test_title_and_possessive_taken_out_of_the_name(analyse, text, name, role):
    entities, _ = analyse(text)
    person = next(e for e in entities if e.name == name)
    assert person.type == "PERSON" and role in person.roles


def test_leading_the_and_possessive_do_not_split_a_name(analyse):
    entities, _ = analyse("The Varnok Institute said the Varnok Institute's report was late.")
    institute = holding(entities, "Varnok Institute")
    assert institute.mentions == ("Varnok Institute",) and institute.count == 2


def test_city_tagged_as_organisation_is_placed(analyse):
    entities, _ = analyse("Officials in Kiev said the convoy had reached the border.")
    assert holding(entities, "Kiev").geo.country == "UA"


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Smugglers may soon reach central Asia, the report said.", "central Asia", "Central Asia"),
        ("Troops moved to the north Caucasus and east Africa.", "north Caucasus", "North Caucasus"),
    ],
)
def test_lower_case_region_names(analyse, text, surface, name):
    entities, _ = analyse(text)
    region = holding(entities, surface)
    assert region.name == name and region.geo is not None


def test_user_alias_file_reaches_the_entities(tmp_path):
    path = tmp_path / "brigades.csv"
    path.write_text("canonical,type,alias\nNorthern Shield Brigade,ORG,NSB\n", encoding="utf-8")
    nlp = load_nlp()
    entities = find_entities(
        nlp("NSB fighters held the bridge, officials said."), aliases=load_aliases(str(path))
    )
    brigade = next(e for e in entities if "NSB" in e.mentions)
    assert brigade.name == "Northern Shield Brigade" and brigade.type == "ORG"


_FRAGMENTS = [
    "Trade envoy Petra Lindqvist",
    "the Baltic Coastal Agency (BCA)",
    "BCA",
    "Lindqvist",
    "ISIS fighters",
    "Daesh",
    "in Tripoli",
    "Libya's",
    "said on Monday",
    "IS",
    "is",
    "(",
    ")",
    ",",
    ".",
    "ФСБ",
    "Москву",
    "the director of the Coastal Survey Institute, Anna Berg,",
    "central Asia",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=14), st.sampled_from(["en", "ru"]))
def test_spans_always_point_at_a_mention(words, language):
    text = " ".join(words)
    entities = find_entities(load_nlp()(text), aliases=load_aliases(), language=language)
    seen = []
    for e in entities:
        assert e.count == len(e.spans)
        for a, b in e.spans:
            assert text[a:b] in e.mentions
            seen.append((a, b))
    seen.sort()
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(seen, seen[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Students in Moscow, Idaho, returned to class on Monday, officials in the United States said.",
            "US",
        ),
        ("Officials in the United States said a delegation had flown to Moscow for talks.", "RU"),
    ],
)
def test_a_named_state_beats_a_world_city(analyse, text, country):
    entities, _ = analyse(text)
    assert holding(entities, "Moscow").geo.country == country


def test_alias_country_is_context_for_places(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("canonical,type,alias,country\nRami Haddad,PERSON,Haddad,LB\n", encoding="utf-8")
    nlp = load_nlp()
    text = "Rami Haddad visited Tripoli on Friday to meet local traders."
    plain = find_entities(nlp(text), aliases=load_aliases())
    tied = find_entities(nlp(text), aliases=load_aliases(str(path)))
    assert holding(plain, "Tripoli").geo.country == "LY"  # the most populous namesake
    assert holding(tied, "Tripoli").geo.country == "LB"  # the person ties the article to Lebanon


@pytest.mark.parametrize(
    "text",
    [
        "IS claimed the attack on Monday.",
        "Fighters, also called IS, entered the town.",
        "They pledged allegiance to IS.",
    ],
)
def test_the_group_is_found_as_is(analyse, text):
    entities, _ = analyse(text)
    assert holding(entities, "IS").name == "Islamic State"


@pytest.mark.parametrize(
    ("text", "surface", "absent"),
    [
        (
            "Speakers included Maria Lopez\nRepresentatives of the union spoke.",
            "Maria Lopez",
            "Representatives",
        ),
    ],
)
def test_a_name_stops_at_a_line_break(analyse, text, surface, absent):
    entities, _ = analyse(text)
    assert all(absent not in m for m in holding(entities, surface).mentions)


def test_translated_acronym_of_an_unknown_organisation(analyse):
    entities, _ = analyse(
        "The State Committee for Border Affairs (GKPD) said on Tuesday that it had closed two crossings. "
        "GKPD officers were sent to the region."
    )
    assert "GKPD" in holding(entities, "State Committee for Border Affairs").mentions


def test_hyphenated_place_is_one_name(analyse):
    entities, _ = analyse("Militants claimed attacks in Kunduz and Mazar-i-Sharif last week.")
    assert holding(entities, "Mazar-i-Sharif").geo.country == "AF"


def test_counterpart_is_a_role_and_a_nationality_is_not_an_organisation(analyse):
    entities, _ = analyse("Ministers met. Then the minister met his Kazakh counterpart Kassym Tokenov in Astana.")
    assert holding(entities, "Kazakh").type == "NORP"
    assert any("counterpart" in r for r in holding(entities, "Kassym Tokenov").roles)


def test_a_given_name_and_a_surname_typed_otherwise_make_a_person():
    vocab = load_nlp().vocab

    def span(text):
        return Doc(vocab, words=text.split())[:]

    assert _named_like_a_person(span("Sergei Dosov"))
    assert not _named_like_a_person(span("Jordan Valley"))  # a place
    assert not _named_like_a_person(span("Mark Dosov Holdings Group"))  # too long, and a firm
    assert not _named_like_a_person(span("Ivan Petrov Bank"))


def test_surname_of_two_people_is_a_person_of_neither(analyse):
    # the page gives its informant two first names; "Campbell" alone may be either, and the small
    # model types it an organisation
    ents, _ = analyse(
        "The informant, Douglas Campbell, said in a statement that he was paid by the firm. "
        "Campbell testified before congressional investigators in March. "
        "Undercover informant William Campbell has given written testimony. "
        "Campbell claims to have video evidence of the payments. Campbell was paid $51,000 at a dinner."
    )
    alone = [e for e in ents if e.name == "Campbell"]
    assert alone and alone[0].type == "PERSON" and alone[0].count == 3
    assert {e.name for e in ents if e.type == "PERSON"} >= {"Douglas Campbell", "William Campbell"}


@pytest.mark.parametrize("surname", ["Whitcombe", "Harwell"])
def test_title_before_a_surname_is_no_organisation(analyse, surname):
    # the model tags "State Whitcombe" (ORG), or "State" (ORG) beside "Harwell" (PERSON)
    ents, _ = analyse(
        f"Secretary of State {surname} gave Moldova the news on Wednesday. The commitment, he said, is now open-ended."
    )
    person = holding(ents, surname)
    assert person.type == "PERSON" and person.roles == ("Secretary of State",)
    assert not [e for e in ents if e.type == "ORG" and "State" in e.name]


@pytest.mark.parametrize("city", ["Kirkuk", "Erbil"])
def test_big_city_named_alone_is_a_place_whatever_the_model_says(analyse, city):
    # the small model tags Kirkuk PERSON and Erbil ORG in two of their three mentions here
    ents, _ = analyse(
        f"The fighters were run out of {city} within a day. Now they have lost {city} and its oil. "
        f"What if the militias that helped retake {city} refuse to join the army?"
    )
    place = holding(ents, city)
    assert place.type == "GPE" and place.count == 3 and place.geo is not None and place.geo.country == "IQ"


def test_surname_that_is_a_city_stays_a_person(analyse):
    ents, _ = analyse("Senator Anna Warren spoke in Detroit. Warren said the plant would stay open.")
    assert holding(ents, "Warren").type == "PERSON"


def test_broadcaster_glued_to_its_presenter_is_split(analyse):
    # the model tags "Channel Nine Sean Mallory" as one organisation
    ents, _ = analyse("Last night Channel Nine Sean Mallory spoke with two reporters about the deal.")
    assert holding(ents, "Sean Mallory").type == "PERSON"
    assert holding(ents, "Channel Nine").type == "ORG"


def test_firm_named_after_two_people_stays_a_firm(analyse):
    ents, _ = analyse("Magna International Inc said it agreed to buy Douglas & Lomason Co for $25 a share.")
    assert holding(ents, "Douglas & Lomason Co").type == "ORG"


@pytest.mark.parametrize(("city", "country"), [("Aleppo", "SY"), ("Mariupol", "UA")])
def test_city_the_model_calls_a_nationality_or_a_firm_is_placed(analyse, city, country):
    ents, _ = analyse(
        f"The army said it would restart operations in the northern city of {city}, scene of some of the "
        f"most bitter fighting. Talks on {city} collapsed."
    )
    place = holding(ents, city)
    assert place.type == "GPE" and place.geo is not None and place.geo.country == country


@pytest.mark.parametrize("name", ["Natalia", "Melania"])
def test_given_name_the_model_calls_a_place_is_a_person(analyse, name):
    ents, _ = analyse(f"But Mayor Harwell, with his wife {name} at his side, took a few questions from reporters.")
    assert holding(ents, name).type == "PERSON"
