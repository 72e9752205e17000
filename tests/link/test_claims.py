import io
import json

from wirewatch.link.claims import affiliation, find_claims, presentation, single_origin
from wirewatch.link.corpus import StoryHook, claims
from wirewatch.model import Entity, Statement
from wirewatch.store.db import Store
from wirewatch.store.export import export_articles

from .conftest import make_article

LEAK = "the blast was caused by a gas leak in the storage hall of the Varnex plant"
FSB = Entity("Federal Security Service", "ORG", ("Federal Security Service", "FSB"))


def said(content, speaker="Ingrid Halvorsen", *, sourcing="named", via=None, role=None, span=(0, 10)):
    return Statement(speaker, role, speaker, via, "said", content, "indirect", sourcing, span)


def test_one_speaker_repeated_by_outlets_is_one_claim_with_its_first_telling():
    arts = [
        make_article("a", "x", outlet="wire.example", published="2024-03-12", statements=(said(LEAK),)),
        make_article("b", "x", outlet="daily.example", published="2024-03-13",
                     statements=(said("a gas leak in the storage hall caused the blast at Varnex", via="Selmar Radio"),)),
        make_article("c", "x", outlet="blog.example", published="2024-03-14",
                     statements=(said("The Varnex blast came from a gas leak in the storage hall", None, sourcing="none"),)),
    ]
    (claim,) = find_claims(arts, story="s1")
    assert claim.speaker == "Ingrid Halvorsen" and claim.first_seen == "2024-03-12"
    assert claim.first_outlet == "wire.example"
    assert claim.outlets == ("wire.example", "daily.example", "blog.example")
    assert [m.presentation for m in claim.mentions] == ["attributed", "attributed", "asserted"]
    assert claim.mentions[1].via == "Selmar Radio" and claim.corroboration == 1


def test_a_claim_is_first_seen_in_its_earliest_dated_telling_not_the_first_stored():
    arts = [
        make_article("a", "x", outlet="undated.example", statements=(said(LEAK),)),
        make_article("b", "x", outlet="daily.example", published="2024-03-13",
                     statements=(said("a gas leak in the storage hall caused the blast at Varnex"),)),
        make_article("c", "x", outlet="wire.example", published="2024-03-12",
                     statements=(said("The Varnex blast came from a gas leak in the storage hall"),)),
    ]
    (claim,) = find_claims(arts, story="s1")
    assert (claim.first_seen, claim.first_outlet) == ("2024-03-12", "wire.example")
    assert claim.content == LEAK  # the telling stored first still stands for the claim
    undated = [make_article(k, "x", outlet=f"{k}.example", statements=(said(LEAK),)) for k in "pq"]
    (claim,) = find_claims(undated, story="s2")
    assert (claim.first_seen, claim.first_outlet) == (None, "p.example")


def test_a_relay_keeps_the_original_speaker():
    arts = [make_article("a", "x", statements=(said(LEAK, "Ingrid Halvorsen", via="RIA Novosti"),))]
    assert find_claims(arts)[0].speaker == "Ingrid Halvorsen"


def test_a_claim_survives_translation_through_names_and_numbers():
    arts = [
        make_article("en", "x", statements=(said("Varnex will pay 2,300 workers while Selmar plant is closed"),)),
        make_article("de", "x", language="de",
                     statements=(said("Varnex werde die 2.300 Mitarbeiter in Selmar weiter bezahlen"),)),
    ]
    assert len(find_claims(arts)) == 1


def test_different_substance_from_one_speaker_is_two_claims():
    arts = [make_article("a", "x", statements=(said(LEAK), said("residents of Selmar face no danger from the fumes")))]
    assert len(find_claims(arts)) == 2


def test_copies_count_once_among_independent_outlets():
    arts = [make_article(n, "x", outlet=f"{n}.example", duplicate_group="g1" if n != "c" else None,
                         statements=(said(LEAK),)) for n in "abc"]
    (claim,) = find_claims(arts)
    assert len(claim.mentions) == 3 and claim.independent_outlets == 2


def test_a_second_speaker_saying_the_same_corroborates_and_clears_single_origin():
    one = make_article("a", "x", statements=(said(LEAK),))
    two = make_article("b", "x", statements=(said("a gas leak in the storage hall caused the Varnex plant blast",
                                                  "Marek Jansky"),))
    found = find_claims([one, two])
    assert {c.corroboration for c in found} == {2}
    assert single_origin(one, found) is None
    repeated = make_article("c", "x", outlet="other.example", statements=(said(LEAK),))
    signal = single_origin(one, find_claims([one, repeated]))
    assert signal is not None and signal.kind == "single_origin" and "Ingrid Halvorsen" in signal.evidence


def test_a_claim_one_report_alone_tells_raises_no_single_origin():
    one = make_article("a", "x", statements=(said(LEAK),))
    assert single_origin(one, find_claims([one])) is None


def test_two_officials_of_one_service_are_one_origin():
    role = "head of the 5th FSB service"
    arts = [
        make_article("a", "x", entities=(FSB,), statements=(said("militants from Afghanistan threaten Tajikistan",
                                                                 "Sergei Beseda", role=role),)),
        make_article("b", "x", entities=(FSB,), statements=(said("militants from Afghanistan threaten Tajikistan now",
                                                                 "Federal Security Service"),)),
    ]
    assert affiliation(arts[0], arts[0].extracted.statements[0]) == "Federal Security Service"
    assert {c.origin for c in find_claims(arts)} == {"Federal Security Service"}
    assert {c.corroboration for c in find_claims(arts)} == {1}


def test_a_page_without_the_speakers_office_still_traces_the_claim_to_the_service():
    arts = [
        make_article("a", "x", entities=(FSB,), statements=(
            said("militants from Afghanistan threaten Tajikistan", "Federal Security Service"),
            said("the border posts were reinforced in spring", "Sergei Beseda", role="head of the 5th FSB service"),
        )),
        make_article("b", "x", outlet="other.example", entities=(FSB,), statements=(
            said("militants from Afghanistan threaten Tajikistan now", "Sergei Beseda"),)),
    ]
    threat = [c for c in find_claims(arts) if "Tajikistan" in c.content]
    assert {c.origin for c in threat} == {"Federal Security Service"}
    assert {c.corroboration for c in threat} == {1}


def test_a_headline_takes_up_the_claim_it_sums_up():
    head = Statement("Russian intelligence", None, "Russian intelligence", None, "warns",
                     "Taliban may invade Central Asia", "indirect", "named", None)
    body = said("Taliban fighters may invade Central Asia", "Federal Security Service")
    (claim,) = find_claims([make_article("a", "x", statements=(head, body))])
    assert claim.speaker == "Federal Security Service"
    assert sorted(m.presentation for m in claim.mentions) == ["attributed", "headline"]
    assert presentation(head) == "headline"


RED_CRESCENT = Entity("Red Crescent Brigade", "ORG", ("Red Crescent Brigade", "RCB", "Красный полумесяц"))
SELMAR = Entity("Selmar", "GPE", ("Selmar", "Селмар", "Селмара"))
VALLEY = Entity("Dorvik Valley", "LOC", ("Dorvik Valley", "Дорвикской долины"))
TOLMAR = Entity("Tolmar", "GPE", ("Tolmar", "Толмар"))
ENTITIES = (FSB, RED_CRESCENT, SELMAR, VALLEY, TOLMAR)


def test_a_claim_survives_translation_through_the_entities_it_names():
    arts = [
        make_article("en", "x", entities=ENTITIES, statements=(
            said("Tolmar agents are moving RCB fighters from Selmar into the Dorvik Valley", "Arman Dosov"),)),
        make_article("ru", "x", language="ru", entities=ENTITIES, statements=(
            said("агенты перебрасывают боевиков «Красный полумесяц» из Селмара в район Дорвикской долины",
                 "Арман Досов"),)),
    ]
    (claim,) = find_claims(arts)
    assert len(claim.mentions) == 2


def test_the_service_and_its_official_saying_one_thing_are_one_claim():
    role = "head of the Fifth Service of the Federal Security Service"
    arts = [
        make_article("a", "x", outlet="a.example", entities=ENTITIES, statements=(
            said("Tolmar agents are moving RCB fighters from Selmar into the Dorvik Valley", "Federal Security Service"),)),
        make_article("b", "x", outlet="b.example", entities=ENTITIES, statements=(
            said("Tolmar agents are moving fighters of the RCB out of Selmar to the Dorvik Valley", "Sergei Beseda",
                 role=role),)),
    ]
    (claim,) = find_claims(arts)
    assert claim.origin == "Federal Security Service" and claim.independent_outlets == 2
    assert claim.corroboration == 1


def test_the_organisation_named_last_in_a_role_is_the_speakers():
    fifth = Entity("Fifth Service", "ORG", ("Fifth Service",))
    art = make_article("a", "x", entities=(fifth, FSB))
    s = said("x", "Sergei Beseda", role="head of the Fifth Service of Russia's Federal Security Service (FSB)")
    assert affiliation(art, s) == "Federal Security Service"


def test_an_organisation_in_the_possessive_holds_the_one_after_it():
    fifth = Entity("Fifth Service", "ORG", ("Fifth Service",))
    art = make_article("a", "x", entities=(fifth, FSB))
    s = said("x", "Sergei Beseda", role="head of the FSB's Fifth Service")
    assert affiliation(art, s) == "Federal Security Service"


def test_a_headline_sums_up_a_claim_of_its_own_article_before_one_elsewhere():
    elsewhere = make_article("en", "x", entities=ENTITIES, statements=(
        said("RCB fighters were seen in the Dorvik Valley", "Marek Jansky"),))
    own = make_article("ru", "x", language="ru", entities=ENTITIES, statements=(
        Statement("Selmar", None, "Селмар", None, "обвиняет", "Толмар перебрасывает боевиков «Красный полумесяц» "
                  "в район Дорвикской долины", "indirect", "named", None),
        said("агенты Толмара перебрасывают боевиков из Селмара к границе Дорвикской долины", "Арман Досов"),
    ))
    found = find_claims([elsewhere, own])
    headline = next(c for c in found if any(m.presentation == "headline" for m in c.mentions))
    assert headline.speaker == "Арман Досов"


def test_two_names_shared_across_languages_are_the_topic_not_the_same_claim():
    arts = [
        make_article("en", "x", outlet="a.example", entities=ENTITIES, statements=(
            said("RCB fighters were seen in the Dorvik Valley last spring", "Marek Jansky"),)),
        make_article("ru", "x", language="ru", outlet="b.example", entities=ENTITIES, statements=(
            said("Толмар перебрасывает боевиков «Красный полумесяц» в район Дорвикской долины", "Арман Досов"),)),
    ]
    assert {c.corroboration for c in find_claims(arts)} == {1}


def test_vague_sourcing_makes_no_claim():
    arts = [make_article("a", "x", statements=(said("it is believed the leak was old", None, sourcing="vague"),))]
    assert find_claims(arts) == []


def test_single_origin_is_stored_as_a_signal_and_exported(settings, tmp_path):
    db = tmp_path / "w.duckdb"
    body = "An explosion at the Varnex plant in Selmar injured 14 workers, Mayor Ingrid Halvorsen said."
    arts = [make_article(n, body + f" Report {n}.", outlet=f"{n}.example", published="2024-03-12",
                         statements=(said(LEAK),)) for n in ("a", "b")]
    with Store(db) as store:
        store.save_batch(arts, link=StoryHook(settings))
        rows = store.con.execute("SELECT article_id, evidence FROM single_origin ORDER BY article_id").fetchall()
        docs = [json.loads(r[0]) for r in store.con.execute("SELECT doc FROM articles").fetchall()]
    assert [r[0] for r in rows] == ["a", "b"] and "2 independent reports" in rows[0][1]
    assert all(d["signals"] == [] for d in docs)  # a stored document is never rewritten: reads add it
    out = io.StringIO()
    export_articles(db, out=out)
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(any(s["kind"] == "single_origin" for s in d["signals"]) for d in exported)
    (claim,) = claims(db, entity="Halvorsen")
    assert claim.outlets == ("a.example", "b.example") and claim.independent_outlets == 2
    assert claims(db, entity="Jansky") == []


def test_a_later_article_revises_the_signal_and_rewrites_only_the_claims_it_changed(settings, tmp_path):
    db = tmp_path / "w.duckdb"
    body = "An explosion at the Varnex plant in Selmar injured 14 workers, Mayor Ingrid Halvorsen said."
    other = "Selmar's water board said the reservoir near the Varnex plant was tested on Monday and found clean."

    def article(n: str, *statements):
        return make_article(n, body + " " + other + f" Report {n}.", outlet=f"{n}.example", published="2024-03-12",
                            statements=statements)

    with Store(db) as store:
        store.save_batch([article("a", said(LEAK)), article("b", said(LEAK))], link=StoryHook(settings))
        store.save_batch([article("c", said(LEAK), said(other, "the water board"))], link=StoryHook(settings))
        store.save_batch([article("d", said(LEAK))], link=StoryHook(settings))
        evidence = dict(store.con.execute("SELECT article_id, evidence FROM single_origin").fetchall())
        # DuckDB's rowid of a row says whether it was deleted and written again.
        rowids = dict(store.con.execute("SELECT content, rowid FROM claims").fetchall())
        store.save_batch([article("e", said(LEAK))], link=StoryHook(settings))
        after = dict(store.con.execute("SELECT content, rowid FROM claims").fetchall())
    assert sorted(evidence) == ["a", "b", "c", "d"] and all("4 independent reports" in e for e in evidence.values())
    assert after[other] == rowids[other] and after[LEAK] != rowids[LEAK]
    out = io.StringIO()
    export_articles(db, out=out)
    shown = {d["id"]: d for d in map(json.loads, out.getvalue().splitlines())}
    assert [g["kind"] for g in shown["a"]["signals"]] == ["single_origin"]
    assert "5 independent reports" in shown["a"]["signals"][0]["evidence"]


def test_one_speakers_figures_in_other_languages_are_one_claim():
    arts = [
        make_article("en", "x", outlet="en.example", statements=(said("At least 9 people were killed and 31 injured"),)),
        make_article("fr", "x", language="fr", outlet="fr.example",
                     statements=(said("Au moins 9 personnes ont été tuées et 31 blessées"),)),
        make_article("ru", "x", language="ru", outlet="ru.example",  # the name declined: "according to Halvorsena"
                     statements=(said("погибли по меньшей мере 9 человек, 31 ранен", "Ingrid Halvorsena"),)),
        make_article("de", "x", language="de", outlet="de.example",
                     statements=(said("Das Werk bleibt mindestens 31 Tage geschlossen", "Marek Jansky"),)),
    ]
    found = find_claims(arts, story="s1")
    told = {c.speaker: sorted(m.article_id for m in c.mentions) for c in found}
    assert told == {"Ingrid Halvorsen": ["en", "fr", "ru"], "Marek Jansky": ["de"]}


def test_single_origin_quotes_the_articles_own_telling_and_names_only_what_is_known():
    arts = [
        make_article("en", "x", statements=(said("At least 9 people were killed and 31 injured", "Dario Velk"),)),
        make_article("fr", "x", language="fr", statements=(said("Au moins 9 morts et 31 blessés", "Dario Velk"),)),
    ]
    found = find_claims(arts, story="s1")
    signal = single_origin(arts[1], found)
    assert signal is not None
    assert signal.evidence == ("“Au moins 9 morts et 31 blessés” traces back to Dario Velk alone; told by 2 "
                               "independent reports, with no other source for it")


def test_the_claims_of_a_story_merged_into_another_go(tmp_path):
    from wirewatch.link.corpus import relink_claims
    from wirewatch.store.db import Store

    with Store(tmp_path / "w.duckdb") as store:
        store.con.execute("INSERT INTO claims (id, story, content, independent_outlets, corroboration) "
                          "VALUES ('c1', 'sgone', 'that the camps were moved', 1, 1)")
        relink_claims(store.con, ["sgone"])
        left = store.con.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert left == 0


def test_an_adjective_of_nationality_names_its_country_across_languages():
    from wirewatch.link.claims import statement_keys

    _, french = statement_keys("les services américains transfèrent des combattants vers le nord", "fr")
    _, english = statement_keys("US agencies are moving American-trained fighters north", "en")
    assert "e:United States" in french and "e:United States" in english


def test_a_nationality_an_english_page_names_as_an_entity_is_keyed_by_its_country():
    # "Russian" is a NORP entity of the English page; "russische" an adjective of the German one
    from wirewatch.link.claims import entity_patterns, statement_keys

    russian = Entity("Russian", "NORP", ("Russian",))
    _, english = statement_keys("Russian troops began the drills", "en", entity_patterns((russian,)))
    _, german = statement_keys("russische Soldaten begannen das Manöver", "de")
    assert "e:Russia" in english and "e:Russia" in german


def test_a_figure_written_in_words_is_the_same_figure_in_every_language():
    from wirewatch.link.claims import statement_keys

    _, english = statement_keys("the fighters in the north exceeded five thousand", "en")
    _, russian = statement_keys("число боевиков на севере превышает пять тысяч", "ru")
    _, figures = statement_keys("more than 5,000 fighters are in the north", "en")
    assert "#:5000" in english and "#:5000" in russian and "#:5000" in figures
    _, romanian = statement_keys("au fost uciși trei grăniceri", "ro")
    _, indonesian = statement_keys("tiga penjaga perbatasan tewas", "id")
    assert "#:3" in romanian and "#:3" in indonesian
    _, vague = statement_keys("thousands of people and the two sides", "en")
    assert not any(k.startswith("#:") for k in vague)


def test_a_headline_that_names_its_speaker_takes_up_no_other_speakers_claim():
    # "Velk: ..." over an article of its own shares words with Halvorsen's claim in another article
    arts = [
        make_article("a", "x", outlet="wire.example", published="2024-03-12",
                     statements=(said("the Varnex plant must close after the gas leak in the storage hall"),)),
        make_article("b", "x", outlet="daily.example", published="2024-03-13", title="Velk: Varnex Plant Gas Leak Frightens Us",
                     statements=(Statement("Anton Velk", None, "Velk", None, ":", "Varnex Plant Gas Leak Frightens Us",
                                           "indirect", "named", None),)),
    ]
    claims_found = find_claims(arts, story="s1")
    velk = next(c for c in claims_found if any(m.speaker == "Anton Velk" for m in c.mentions))
    assert velk.speaker == "Anton Velk" and velk.origin == "Anton Velk" and len(velk.mentions) == 1


def test_a_claim_is_ranked_for_a_fact_check_on_its_english_telling_only():
    from wirewatch.assess.checkworthy import score

    english = "the Varnex plant released 4 tonnes of chlorine into the Selmar river"
    arts = [
        make_article("a", "x", language="de", published="2024-03-12",
                     statements=(said("das Werk Varnex hat 4 Tonnen Chlor in den Fluss Selmar geleitet"),)),
        make_article("b", "x", language="en", published="2024-03-13", statements=(said(english),)),
    ]
    (claim,) = find_claims(arts, story="s1")
    assert claim.check_worthiness == round(score(english), 4)
    (german_only,) = find_claims(arts[:1], story="s2")
    assert german_only.check_worthiness is None
