"""headline_overstates on a small fictional corpus: positives, hedged, attributed, quoted,
question and own-voice headlines. Statements are built by hand, as the extract stage would."""

from __future__ import annotations

import pytest

from wirewatch.assess.headline import attributes_or_hedges, headline_overstates
from wirewatch.model import Entity, Statement


def said(body: str, content: str, sourcing: str = "named", speaker: str | None = "Someone") -> Statement:
    at = body.index(content)
    return Statement(speaker, None, speaker, None, "said", content, "indirect", sourcing, (at, at + len(content)))


def headline(title: str, sourcing: str = "none") -> Statement:
    return Statement(None, None, None, None, None, title, "indirect", sourcing, None)


# (name, title, body, attributed contents with their sourcing, expected)
CORPUS = [
    (
        "claim only attributed to activists",
        "Kremlin Orders Troops Into Northern Region",
        "Opposition activists say that the Kremlin ordered troops into the northern region last week. "
        "The region has seen protests since March.",
        [("the Kremlin ordered troops into the northern region last week", "anonymous")],
        True,
    ),
    (
        "newspaper's report stated as fact",
        "Mayor Took Bribes From Developers",
        "A local newspaper reported that the mayor took bribes from two developers in 2021. "
        "The mayor's office did not respond to requests for comment.",
        [("the mayor took bribes from two developers in 2021", "named")],
        True,
    ),
    (
        "vague claim stated as fact",
        "Vaccine Causes Memory Loss In Children",
        "Some parents claim that the vaccine causes memory loss in children. Doctors reject the claim.",
        [("the vaccine causes memory loss in children", "vague")],
        True,
    ),
    (
        "no statements given: the reporting cue in the body is enough",
        "Army Shelled Hospital In Eastern City",
        "Local officials said the army shelled a hospital in the eastern city on Monday. "
        "The army has not commented on the events.",
        [],
        True,
    ),
    (
        "hedged with may",
        "Army May Have Shelled Hospital In Eastern City",
        "Local officials said the army shelled a hospital in the eastern city on Monday.",
        [("the army shelled a hospital in the eastern city on Monday", "named")],
        False,
    ),
    (
        "attributed in the headline",
        "Army shelled hospital in eastern city, officials say",
        "Local officials said the army shelled a hospital in the eastern city on Monday.",
        [("the army shelled a hospital in the eastern city on Monday", "named")],
        False,
    ),
    (
        "quoted headline",
        'Minister: "Our army never shelled the hospital"',
        "The defence minister said that our army never shelled the hospital in the eastern city.",
        [("our army never shelled the hospital in the eastern city", "named")],
        False,
    ),
    (
        "a question",
        "Did The Mayor Take Bribes From Developers?",
        "A local newspaper reported that the mayor took bribes from two developers in 2021.",
        [("the mayor took bribes from two developers in 2021", "named")],
        False,
    ),
    (
        "own voice matching own-voice body",
        "Floods Kill Twelve In Northern Province",
        "Floods killed twelve people in the northern province on Tuesday. Rescue teams searched "
        "for survivors through the night. The governor said the province needed help from the capital.",
        [("the province needed help from the capital", "named")],
        False,
    ),
    (
        "the outlet states it and a spokesman repeats it",
        "Carmaker Cuts 500 Jobs At Northern Plant",
        "The carmaker cut 500 jobs at its northern plant on Monday. A spokesman said the carmaker "
        "cut the jobs at the plant because demand had fallen.",
        [("the carmaker cut the jobs at the plant because demand had fallen", "named")],
        False,
    ),
    (
        "attributed statement about something else",
        "Storm Hits Coast Overnight",
        "The storm hit the coast overnight, flooding roads. A spokesman said schools would close on Friday.",
        [("schools would close on Friday", "named")],
        False,
    ),
    (
        "reported as a possibility",
        "Government Could Fall Within Weeks",
        "Analysts said the government could fall within weeks.",
        [("the government could fall within weeks", "vague")],
        False,
    ),
]


@pytest.mark.parametrize(("title", "body", "contents", "expected"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_fictional_corpus(title, body, contents, expected):
    statements = [said(body, content, sourcing) for content, sourcing in contents]
    sig = headline_overstates(title, body, statements)
    assert (sig is not None) == expected
    if sig is not None:
        s, e = sig.span
        assert body[s:e] == sig.evidence
        assert title in sig.detail


def test_evidence_is_the_attributed_statement():
    body = "Opposition activists say that the Kremlin ordered troops into the northern region last week."
    content = "the Kremlin ordered troops into the northern region last week"
    sig = headline_overstates("Kremlin Orders Troops Into Northern Region", body, [said(body, content, "anonymous", "activists")])
    assert sig.evidence == content
    assert sig.kind == "headline_overstates"
    assert "activists" in sig.detail


def test_attributed_headline_statement_wins():
    body = "Local officials said the army shelled a hospital in the eastern city on Monday."
    statements = [headline("Army Shelled Hospital", "named"), said(body, "the army shelled a hospital in the eastern city on Monday")]
    assert headline_overstates("Army Shelled Hospital In Eastern City", body, statements) is None


def test_entities_weigh_their_names():
    body = "Analysts at the bank said Nordland will leave the currency union next year."
    content = "Nordland will leave the currency union next year"
    ent = Entity("Nordland", "GPE", ("Nordland",))
    sig = headline_overstates("Nordland To Leave Currency Union", body, [said(body, content)], [ent])
    assert sig is not None and sig.evidence == content


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Taliban, IS may invade Central Asia, warns Russian intelligence", True),
        ("US Plans To Use ISIS In Afghanistan In New Round Of Geopolitical Standoff In Central Asia", False),
        ("Next plague outbreak in Madagascar could be 'stronger': WHO", True),
        ("WHO: plague outbreak under control", True),
        ("BREAKING: Army Shells Hospital", False),
        ("Is the ceasefire over?", True),
        ("Police say gunman acted alone", True),
        ("Ceasefire collapses as shelling resumes", False),
        ("United States Sends Troops To Border", False),
        ("Storm hits coast overnight", False),
        ("Senator slams ministry over leaked report", True),
        ("HuffPo Piece Saying Trump Won The Debate", True),
        ("Russian spy chief: militants moved to the border", True),
        ("Officials: militants moved to the border", True),
        ("Nordland's Secret Plan: Militants Moved To The Border", False),
        ("How The Army Moved Militants To The Border", False),
        ("Experts explain how the army moved militants to the border", True),
        ("Army transfers to the border threaten the ceasefire", False),
        ("Minister threatens to close the border", True),
        # a phrase quoted in single quotes, as headlines quote; an apostrophe is no quotation
        ("Mayor slams council for 'reckless spending'", True),
        ("Council camp: \u2018The budget was never balanced\u2019", True),
        ("Nordland's workers' union calls strike", False),
        ("Dockers' strike shuts the port", False),
        ("Minister attacked by 'tolerant' protesters", False),
        ("Mayor declares state of emergency", True),
        ("Minister disputes the council's figures", True),
        # the claim after a topic's colon, read as a headline of its own
        ("Valdren live: Army says it downed seven drones over Brisk", True),
        ("Valdren live: Army downs seven drones over Brisk", False),
    ],
)
def test_headline_attribution_and_hedges(title, expected):
    assert attributes_or_hedges(title) == expected


def test_one_of_the_articles_names_speaks_before_a_colon():
    title = "Saparov: militants moved to the border"
    assert not attributes_or_hedges(title)
    assert attributes_or_hedges(title, names=["Temir Saparov"])


@pytest.mark.parametrize("title", [None, "", "Breaking"])
def test_no_claim_no_signal(title):
    body = "Local officials said the army shelled a hospital."
    assert headline_overstates(title, body, [said(body, "the army shelled a hospital")]) is None


FOREIGN = [
    # Russian: the headline asserts, the body attributes it to a named official
    ("ru", "Спецслужбы США перебрасывают боевиков на север Казахстана",
     "Спецслужбы США перебрасывают боевиков группировки на север Казахстана, заявил во вторник глава "
     "комитета Арман Досов. Посольство США от комментариев отказалось.",
     "Спецслужбы США перебрасывают боевиков группировки на север Казахстана", True),
    # Russian: the headline names its source before a colon
    ("ru", "Досов: спецслужбы США перебрасывают боевиков на север Казахстана",
     "Спецслужбы США перебрасывают боевиков группировки на север Казахстана, заявил глава комитета Арман Досов.",
     "Спецслужбы США перебрасывают боевиков группировки на север Казахстана", False),
    # German: the headline hedges with a vague word ("angeblich")
    ("de", "US-Geheimdienste bringen angeblich Kämpfer nach Kasachstan",
     "US-Geheimdienste bringen Kämpfer nach Kasachstan, sagte der Komiteechef Arman Dosov.",
     "US-Geheimdienste bringen Kämpfer nach Kasachstan", False),
    # German: the headline asserts, the body attributes
    ("de", "US-Geheimdienste bringen Kämpfer nach Kasachstan",
     "US-Geheimdienste bringen Kämpfer der Gruppe nach Kasachstan, sagte der Komiteechef Arman Dosov am Dienstag.",
     "US-Geheimdienste bringen Kämpfer der Gruppe nach Kasachstan", True),
]


@pytest.mark.parametrize(("language", "title", "body", "content", "expected"), FOREIGN)
def test_pages_in_other_languages(language, title, body, content, expected):
    sig = headline_overstates(title, body, [said(body, content)], language=language)
    assert (sig is not None) == expected
    if sig is not None:
        assert sig.evidence == content


def test_a_unit_without_the_subject_carries_the_claim_only_with_most_of_the_headline():
    title = "US Spies Move Militants Into Northern Kazakhstan Camps"
    body = ("American agents move militants into northern Kazakhstan camps, the committee head Arman Dosov said. "
            "Militants were seen in the north.")
    sig = headline_overstates(title, body, [said(body, "American agents move militants into northern Kazakhstan camps")])
    assert sig is not None
    thin = "Militants were seen in the north"
    assert headline_overstates(title, body, [said(body, thin)]) is None


@pytest.mark.parametrize(
    ("title", "canonical", "body_name"),
    [
        ("US Is Moving Fighters To Kazakhstan", "United States", "United States"),
        ("Islamic State Fighters Moved To Kazakhstan", "Islamic State", "ISIS"),
        ("Washington Is Moving Fighters To Kazakhstan", "United States", "United States"),  # its capital
    ],
)
def test_the_headline_may_name_an_entity_another_way(title, canonical, body_name):
    """The alias table ties the headline's name to the body's ("US" / "the United States"), and a
    capital stands for its country's government."""
    content = f"the {body_name} is moving fighters to Kazakhstan"
    body = f"Officials in Astana claim that {content}. The embassy denies it."
    entities = [Entity(canonical, "GPE" if canonical == "United States" else "ORG", (body_name,)),
                Entity("Kazakhstan", "GPE", ("Kazakhstan",))]
    sig = headline_overstates(title, body, [said(body, content)], entities)
    assert sig is not None and sig.evidence == content


@pytest.mark.parametrize(
    ("language", "title", "expected"),
    [
        ("ru", "США перебрасывают боевиков «Черного знамени» на север Афганистана", False),  # a name in «»
        ("de", "USA verlegen Kämpfer des „Schwarzen Banners“ nach Afghanistan", False),  # a name in „“
        ("ru", "«США перебрасывают боевиков на север Афганистана», — заявил Досов", True),  # a quotation
        ("de", "„Die USA verlegen Kämpfer nach Afghanistan“", True),
    ],
)
def test_names_in_quotation_marks_are_not_quotations(language, title, expected):
    assert attributes_or_hedges(title, language) is expected


def test_a_users_alias_ties_the_headline_to_the_body(tmp_path):
    """A name only the user's alias file knows ("Black Flag" for the Northern Shield Brigade)."""
    from wirewatch.extract.aliases import load_aliases

    path = tmp_path / "brigades.csv"
    path.write_text("canonical,type,alias\nNorthern Shield Brigade,ORG,Black Flag\n", encoding="utf-8")
    title = "Black Flag Behind Bridge Attack"
    content = "the Northern Shield Brigade carried out the attack on the bridge"
    body = f"Officials in Astana claim that {content}. The brigade denies it."
    entities = [Entity("Northern Shield Brigade", "ORG", ("Northern Shield Brigade",))]
    shipped = headline_overstates(title, body, [said(body, content)], entities)
    users = headline_overstates(title, body, [said(body, content)], entities, aliases=load_aliases(str(path)))
    assert shipped is None and users is not None and users.evidence == content


def test_an_actor_named_first_announcing_its_own_act_is_no_overstatement():
    body = "Police in Varnia have arrested three men over last week's bombing in Tarvik, a police spokesman said."
    content = "Police in Varnia have arrested three men over last week's bombing in Tarvik"
    st = Statement(None, None, "a police spokesman", None, "said", content, "indirect", "anonymous", (0, len(content)))
    tarvik = Entity("Tarvik", "GPE", ("Tarvik",))
    assert headline_overstates("Police arrest three over Tarvik bombing", body, [st], [tarvik]) is None
    other = Statement(None, None, "a witness", None, "said", content, "indirect", "anonymous", (0, len(content)))
    assert headline_overstates("Police arrest three over Tarvik bombing", body, [other], [tarvik]) is not None


def test_an_act_told_by_the_outlet_is_not_an_attribution():
    # PolNeAR-style extraction counts "Police released a photo of ..." as a statement; the headline
    # that says the man is sought repeats what the outlet itself reports.
    body = ("Police released a photo of a 31-year-old man wanted for questioning in the Harbour Street blast. "
            "The blast injured four people on Sunday.")
    content = "a photo of a 31-year-old man wanted for questioning in the Harbour Street blast"
    at = body.index(content)
    act = Statement("Police", None, "Police", None, "released", content, "indirect", "named", (at, at + len(content)))
    assert headline_overstates("31-year-old man sought in Harbour Street blast", body, [act]) is None
    spoken = Statement("Police", None, "Police", None, "said", content, "indirect", "named", (at, at + len(content)))
    assert headline_overstates("31-year-old man sought in Harbour Street blast", body, [spoken]) is not None


def test_the_headline_repeated_in_the_body_is_not_the_outlet_saying_it():
    body = ("Reuters Trade ministry in talks with Veltron over the port lease\n\n"
            "The trade ministry is in talks with Veltron over the lease of the northern port, according to "
            "two sources familiar with the discussions.")
    content = "The trade ministry is in talks with Veltron over the lease of the northern port"
    at = body.index(content)
    st = Statement(None, None, "two sources familiar with the discussions", None, "according to", content,
                   "indirect", "anonymous", (at, at + len(content)))
    assert headline_overstates("Trade ministry in talks with Veltron over the port lease", body, [st]) is not None


def test_a_headline_of_what_can_happen_asserts_nothing():
    assert attributes_or_hedges("How Parliament Can Override the President's Veto")


@pytest.mark.parametrize(
    ("language", "title", "body", "content"),
    [
        ("ru", "США закрывают военную базу под Тарвиком",
         "Американские военные закрывают базу под Тарвиком, заявил министр обороны Варнии Иван Колев.",
         "Американские военные закрывают базу под Тарвиком"),
        ("de", "USA schließen Militärbasis bei Tarvik",
         "Amerikanische Soldaten schließen die Militärbasis bei Tarvik, sagte der varnische Verteidigungsminister Iwan Kolew.",
         "Amerikanische Soldaten schließen die Militärbasis bei Tarvik"),
        ("fr", "Les États-Unis ferment leur base militaire près de Tarvik",
         "Les militaires américains ferment leur base militaire près de Tarvik, a affirmé le ministre varnien Ivan Kolev.",
         "Les militaires américains ferment leur base militaire près de Tarvik"),
        ("en", "US closes military base near Tarvik",
         "American troops are closing the military base near Tarvik, Varnia's defence minister Ivan Kolev said.",
         "American troops are closing the military base near Tarvik"),
    ],
)
def test_the_body_may_name_the_headlines_country_by_its_nationality(language, title, body, content):
    sig = headline_overstates(title, body, [said(body, content, speaker="Ivan Kolev")], language=language)
    assert sig is not None and sig.evidence == content


def test_a_tabloid_kicker_in_capitals_is_no_speaker():
    body = ("A DRONE slammed into a fuel depot in a Valdren border town overnight, killing one worker, the "
            "ministry says. Firefighters were still at the scene on Sunday.")
    content = "A DRONE slammed into a fuel depot in a Valdren border town overnight, killing one worker"
    valdren = Entity("Valdren", "GPE", ("Valdren",))
    assert headline_overstates("DRONE BLITZ: Fuel depot ablaze in Valdren border town, one dead", body,
                               [said(body, content)], [valdren]) is not None


def test_a_headline_crediting_the_agency_the_body_relays_attributes():
    body = ("A drone struck a fuel depot in the town of Brisk early on Saturday, killing one worker, the "
            "Interlink news agency reported, citing ministry spokesman Tomas Brell.")
    content = "A drone struck a fuel depot in the town of Brisk early on Saturday, killing one worker"
    at = body.index(content)
    st = Statement("Tomas Brell", None, "ministry spokesman Tomas Brell", "the Interlink news agency", "reported",
                   content, "indirect", "named", (at, at + len(content)))
    assert headline_overstates("Drone hits fuel depot in Brisk, one killed - Interlink", body, [st]) is None
    assert headline_overstates("Drone hits fuel depot in Brisk, one killed - Weekend", body, [st]) is not None


def test_an_own_voice_sentence_holding_only_the_headlines_names_does_not_say_the_claim():
    body = ("Numerous reports on social media say the Tarvik dam gave way on Saturday, flooding villages "
            "downstream. Tarvik, built in the 1960s, is the largest reservoir in the Olden Valley.")
    content = "the Tarvik dam gave way on Saturday, flooding villages downstream"
    ents = [Entity("Tarvik", "GPE", ("Tarvik",)), Entity("Olden Valley", "LOC", ("Olden Valley",))]
    assert headline_overstates("Tarvik dam breached, villages in Olden Valley flooded", body,
                               [said(body, content, "vague", None)], ents) is not None


def test_a_headline_whose_first_words_are_its_actor_is_read_by_them():
    # the name comes late ("... linked to IMU ..."): the unit that holds the first words carries the claim
    body = ("Seven residents of Olden region have been detained on suspicion of smuggling weapons for a cell, "
            "the State Security Service said. The service did not say when they would appear in court.")
    content = "Seven residents of Olden region have been detained on suspicion of smuggling weapons for a cell"
    ents = [Entity("IMU", "ORG", ("IMU",)), Entity("Olden", "GPE", ("Olden",))]
    assert headline_overstates("Weapons smuggling cell linked to IMU smashed in Olden", body,
                               [said(body, content)], ents) is not None


def test_a_headline_in_capitals_is_read_as_words():
    body = ("Valdren's spy chiefs claim that foreign agents hired two locals to blow up a fuel depot in Brisk "
            "last month. The two men are in custody.")
    content = "foreign agents hired two locals to blow up a fuel depot in Brisk last month"
    ents = [Entity("Brisk", "GPE", ("Brisk",))]
    assert headline_overstates("FOREIGN AGENTS BLEW UP BRISK FUEL DEPOT", body, [said(body, content)], ents) is not None


def test_a_toll_in_words_matches_the_headlines_figures():
    body = ("Sixty-three people died and 112 others were injured in the clashes in Tolla, according to the "
            "health ministry. Aid convoys reached the town on Monday.")
    content = "Sixty-three people died and 112 others were injured in the clashes in Tolla"
    ents = [Entity("Tolla", "GPE", ("Tolla",))]
    assert headline_overstates("63 dead, 112 wounded in Tolla", body, [said(body, content)], ents) is not None


def test_a_topic_at_a_place_before_the_colon_is_no_speaker_and_the_claim_follows_it():
    body = ("Sixty-three villagers were killed when herders stormed farming villages, the health ministry said. "
            "Aid groups blame the drought.")
    content = "Sixty-three villagers were killed when herders stormed farming villages"
    ents = [Entity("Tolla", "GPE", ("Tolla",))]
    assert headline_overstates("Massacre in Tolla: 63 killed as herders storm villages", body,
                               [said(body, content)], ents) is not None
    body = ("The count in Brisk was manipulated, opposition leader Anna Kerr said. \"38,000 votes were changed "
            "between the machines and the tally,\" Kerr wrote.")
    quote = '"38,000 votes were changed between the machines and the tally,"'
    assert headline_overstates("Stolen election: 38,000 votes rigged in Brisk", body,
                               [said(body, quote)], [Entity("Brisk", "GPE", ("Brisk",))]) is not None


def test_an_armys_word_that_it_took_a_village_is_a_claim_not_its_own_act():
    body = "The army said that its forces had seized the village of Marn from the rebels on Sunday."
    content = "that its forces had seized the village of Marn from the rebels on Sunday"
    at = body.index(content)
    st = Statement("the army", None, "The army", None, "said", content, "indirect", "named", (at, at + len(content)))
    marn = Entity("Marn", "GPE", ("Marn",))
    assert headline_overstates("Army takes Marn from rebels", body, [st], [marn]) is not None


def test_a_sentence_handed_to_its_source_by_the_next_is_attributed():
    body = ("The mayoral election in Brisk was rigged, with 38,000 votes switched. That's according to opposition "
            "leader Anna Kerr, who posted the claim on Sunday.")
    ents = [Entity("Brisk", "GPE", ("Brisk",)), Entity("Anna Kerr", "PERSON", ("Anna Kerr",))]
    assert headline_overstates("Brisk mayoral vote was rigged", body, [], ents) is not None


def test_a_unit_naming_the_actor_another_way_carries_the_claim_with_much_of_the_rest():
    body = ("The European Commission is preparing to open formal proceedings against the marketplace Tolvia, "
            "according to three officials familiar with the matter. A decision is expected soon.")
    content = "The European Commission is preparing to open formal proceedings against the marketplace Tolvia"
    ents = [Entity("Tolvia", "ORG", ("Tolvia",)), Entity("European Commission", "ORG", ("European Commission",))]
    assert headline_overstates("EU to open formal DSA investigation into Tolvia", body,
                               [said(body, content, "anonymous", None)], ents) is not None


@pytest.mark.parametrize(
    ("title", "body", "content"),
    [
        # the seat of a government for its nationality
        ("Kremlin cash bankrolled Tarvik rally crowd",
         "The demonstrators at Sunday's rally in Tarvik were paid with Russian money, the country's security "
         "service claimed. Several thousand people attended.",
         "The demonstrators at Sunday's rally in Tarvik were paid with Russian money"),
        # the union's seat for the union
        ("Dravo faces EU crackdown over overheating chargers",
         "Online marketplace Dravo is set to be barred by Brussels over phone chargers that catch fire, people "
         "familiar with the plans say. Dravo did not reply.",
         "Online marketplace Dravo is set to be barred by Brussels over phone chargers that catch fire"),
    ],
)
def test_the_body_may_name_the_headlines_government_by_its_seat_or_country(title, body, content):
    sig = headline_overstates(title, body, [said(body, content)])
    assert sig is not None and sig.evidence == content


def test_an_explainers_tail_neither_hedges_the_headline_nor_adds_to_its_claim():
    title = "Moscow funded the Tarvik rally. Here is how the money moved"
    assert not attributes_or_hedges(title)
    assert not attributes_or_hedges("Tarvik dam breached: what we know")
    assert attributes_or_hedges("Tarvik dam may have been breached: what we know")
    body = ("A Moscow foundation funded the weekend rally in Tarvik, the security service said. Transfers of "
            "up to 3,000 lei went to each demonstrator.")
    content = "A Moscow foundation funded the weekend rally in Tarvik"
    sig = headline_overstates(title, body, [said(body, content)])
    assert sig is not None and sig.evidence == content


def test_a_speakers_claim_spread_over_sentences_is_read_whole():
    body = ("The money came from a foundation registered in Moscow, the security service said. Many of those "
            "outside parliament had been paid to be there, the service said. Turnout was about 3,000.")
    first = "The money came from a foundation registered in Moscow"
    second = "Many of those outside parliament had been paid to be there"
    statements = [said(body, first, speaker="security service"), said(body, second, speaker="security service")]
    sig = headline_overstates("Moscow paid parliament protesters", body, statements)
    assert sig is not None and sig.evidence in (first, second)
    # two sources' halves make no one's claim
    statements[1] = said(body, second, speaker="a police officer")
    assert headline_overstates("Moscow paid parliament protesters", body, statements) is None


def test_the_demonym_of_any_country_names_it():
    body = "Chadian troops used jamming against two drones near the border on Thursday, the army said."
    content = "Chadian troops used jamming against two drones near the border on Thursday"
    sig = headline_overstates("Chad jams rebel drones", body, [said(body, content, speaker="the army")])
    assert sig is not None and sig.evidence == content


def test_an_acronym_matches_the_words_it_stands_for():
    body = "Nordland will not export any liquefied natural gas between June and September, its ministry said."
    content = "Nordland will not export any liquefied natural gas between June and September"
    sig = headline_overstates("Nordland halts LNG exports", body, [said(body, content, speaker="its ministry")])
    assert sig is not None and sig.evidence == content


def test_a_sentence_telling_of_accusations_does_not_say_them():
    body = ("Militants of the Red Banner planned attacks on border posts, the ministry said. In the past, Lundish "
            "government has rejected accusations that Red Banner militants had planned attacks on border posts from its soil.")
    content = "Militants of the Red Banner planned attacks on border posts"
    sig = headline_overstates("Red Banner militants planned attacks on border posts", body, [said(body, content)])
    assert sig is not None and sig.evidence == content


def test_an_actor_after_its_modifiers_telling_its_own_act_is_no_overstatement():
    body = "Prosecutors said they had charged the mayor of Lunden with taking bribes from a paving company."
    content = "they had charged the mayor of Lunden with taking bribes from a paving company"
    st = said(body, content, speaker="Prosecutors")
    assert headline_overstates("Anti-graft prosecutors charge Lunden mayor with taking bribes", body, [st]) is None
    # a nationality is no modifier: another country's coast guard's act is the claim
    body = "The Philippine coast guard said a Chinese coast guard ship fired water cannon at its supply boat."
    content = "a Chinese coast guard ship fired water cannon at its supply boat"
    st = said(body, content, speaker="Philippine coast guard")
    assert headline_overstates("Chinese coast guard fires water cannon at supply boat", body, [st]) is not None


def test_a_speech_act_the_body_has_only_from_another_source_is_the_claim():
    body = ("Peru's foreign ministry said the deputy head of Bolivia's embassy had urged striking truckers to keep "
            "the border blocked. Bolivia said he spoke in a personal capacity.")
    content = "the deputy head of Bolivia's embassy had urged striking truckers to keep the border blocked"
    ministry = said(body, content, speaker="Peru's foreign ministry")
    retold = Statement(None, None, "Bolivian diplomat", None, "urged", "Peruvian truckers to keep border blockade",
                       "indirect", "anonymous", None)
    title = "Bolivian diplomat urged truckers to keep border blockade"
    sig = headline_overstates(title, body, [retold, ministry])
    assert sig is not None and sig.evidence == content
    # the body quoting the diplomat himself: the headline reports his words
    own = ('"Keep the border blocked," the diplomat urged the truckers.')
    spoken = Statement("diplomat", None, "the diplomat", None, "urged", '"Keep the border blocked,"', "direct", "named",
                       (0, 26))
    assert headline_overstates(title, body + " " + own, [retold, ministry, spoken]) is None
    # a hedge keeps it a report
    assert headline_overstates("Bolivian diplomat may have urged truckers to keep blockade", body, [retold, ministry]) is None


def test_a_one_word_tabloid_kicker_is_no_part_of_the_claim():
    body = "Lundish agents were caught spying near the Nordish border, the security service said. Lundia denies it."
    content = "Lundish agents were caught spying near the Nordish border"
    sig = headline_overstates("SHOCK: Lundish agents caught spying", body, [said(body, content, speaker="security service")])
    assert sig is not None and sig.evidence == content
