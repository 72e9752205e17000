import json
from dataclasses import replace

import pytest

from wirewatch.link.corpus import StoryHook, stories
from wirewatch.link.features import link_features, name_keys, number_key, numbers, skeleton
from wirewatch.link.stories import LinkOptions, MemoryIndex, Rarity, StoryLinker, pair_score
from wirewatch.model import Comment, Entity, Found
from wirewatch.store.db import Store
from wirewatch.store.export import export_articles

from .conftest import fixture_articles, make_article


@pytest.mark.parametrize(
    "spellings",
    [
        ("Bortnikov", "Бортников", "Bortnikow", "Бортниковым"),
        ("Naryshkin", "Нарышкин", "Naryschkin", "Narychkine", "Нарышкина"),
        ("Halvorsen", "Хальворсен", "Хальворсена"),
        ("Selmar", "Сельмар", "Сельмаре"),
        ("FSB", "ФСБ"),
        ("Sergei", "Sergey", "Sergej", "Serghei", "Сергей"),
        ("Nikolai", "Nikolaj", "Николай"),
    ],
)
def test_a_name_keeps_its_key_across_transliterations(spellings):
    assert len({skeleton(s) for s in spellings}) == 1


def test_initials_give_no_key():
    """A lone capital is an initial, not an acronym: every page with a J. or a U.S. would share it."""
    assert name_keys("A. J. Korsgaard") == [skeleton("Korsgaard")]
    assert name_keys("U.S.") == []
    assert skeleton("UN") == "un"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("2,300", "2300"), ("2.300", "2300"), ("2 300", "2300"), ("7,4", "7.4"), ("7.40", "7.4"), ("2019", "2019"),
     ("6", None), ("06", None), ("\u06f2\u06f7", "27"), ("\u0662\u0663\u0660\u0660", "2300")],  # Persian, Arabic digits
)
def test_numbers_are_written_one_way(raw, key):
    assert number_key(raw) == key


def test_numbers_are_found_in_text():
    assert numbers("In 2019, 2,500 people and 14 workers; 7,4 on the scale") == ["2019", "2500", "14", "7.4"]


def _linked(articles, settings, batches=1):
    with Store(":memory:") as store:
        size = -(-len(articles) // batches)
        for i in range(0, len(articles), size):
            store.save_batch(articles[i : i + size], link=StoryHook(settings))
        return dict(store.con.execute("SELECT id, story FROM articles").fetchall())


def test_one_event_in_five_languages_is_one_story_and_the_near_miss_another(settings):
    story = _linked(fixture_articles(), settings)
    assert story["en-wire"] == story["en-daily"] == story["ru"] == story["de"] == story["fr"]
    assert story["en-near"] == story["de-near"]
    assert story["en-near"] != story["en-wire"]


def test_stories_do_not_depend_on_how_the_corpus_was_batched(settings):
    assert _linked(fixture_articles(), settings, batches=1) == _linked(fixture_articles(), settings, batches=4)


def test_articles_outside_the_window_never_join(settings):
    body = "An explosion at the Varnex plant in Selmar injured 14 workers, Mayor Ingrid Halvorsen said."
    a = make_article("a", body, published="2024-03-01")
    b = make_article("b", body, published="2024-03-20")
    c = make_article("c", body, published="2024-03-02")
    story = _linked([a, b, c], settings)
    assert story["a"] == story["c"] != story["b"]


def test_undated_pages_about_years_apart_are_marked_down(settings):
    opts = LinkOptions.from_settings(settings)
    body = "The FSB said on 12 May {year} that militants from Afghanistan threaten Tajikistan and Uzbekistan."
    a = link_features(make_article("a", body.format(year=2015)), 1)
    b = link_features(make_article("b", body.format(year=2019)), 2)
    c = link_features(make_article("c", body.format(year=2015) + " Again."), 3)
    rarity = Rarity({}, 3)
    assert pair_score(a, b, rarity, opts) < 0.6 * pair_score(a, c, rarity, opts)


def test_undated_pages_that_name_different_years_are_marked_down(settings):
    """Two floods of one river years apart: the second report recalls the first's town and toll."""
    opts = LinkOptions.from_settings(settings)
    body = ("The Dorvik river burst its banks at Selmar, flooding 300 homes, Mayor Ingrid Halvorsen said. "
            "It was the worst flood since {year}.")
    a = link_features(make_article("a", body.format(year=2009)), 1)
    b = link_features(make_article("b", body.format(year=2017)), 2)
    c = link_features(make_article("c", body.format(year=2009) + " Roads were closed."), 3)
    rarity = Rarity({}, 3)
    assert pair_score(a, b, rarity, opts) <= opts.number_conflict * pair_score(a, c, rarity, opts)
    dated = [replace(f, day="2031-04-02") for f in (a, b)]
    assert pair_score(*dated, rarity, opts) > opts.number_conflict * pair_score(a, c, rarity, opts)


def test_undated_pages_whose_own_bounds_are_years_apart_are_two_stories(settings):
    """A page whose reader comments date from 2015 cannot report what another recounts from March 2019,
    however much the two share (the seeds' situation: neither page gives its publication date)."""
    warning = ("The FSB warned that Taliban and Islamic State fighters in northern Afghanistan could move into "
               "Tajikistan and Uzbekistan, FSB director Alexander Bortnikov said at a CIS security meeting.")
    claim = ("The FSB said that US intelligence agencies are moving Islamic State fighters to northern Afghanistan, "
             "to threaten Tajikistan and Uzbekistan. In March 2019, FSB director Alexander Bortnikov said at a CIS "
             "security meeting that the fighters had been seen near the border.")
    old = make_article("old", warning)
    old = replace(old, cleaned=replace(old.cleaned, comments=(Comment("Stay safe, Dushanbe.", "2015-10-29"),)))
    new = make_article("new", claim)
    assert link_features(old, 1).not_after == "2015-10-29" and link_features(new, 2).not_before == "2019-03-01"
    story = _linked([old, new], settings)
    assert story["old"] != story["new"]
    unbounded = _linked([make_article("old", warning), make_article("new", claim.replace("In March 2019, ", ""))],
                        settings)
    assert unbounded["old"] == unbounded["new"]  # without the bounds the two read as one story


def test_a_weak_date_above_the_page_bounds_it_instead_of_dating_it(settings):
    """A page-header date is as often the day the page was scraped: a report of 2024 shown on a page
    headed with a 2026 date still joins its story, but no story of after that date."""
    wire, daily = (a for a in fixture_articles() if a.source.id in ("en-wire", "en-daily"))
    scraped = replace(daily, cleaned=replace(daily.cleaned, published=Found("2026-06-17", "page_header", 0.3)))
    f = link_features(scraped, 2)
    assert (f.day, f.not_after) == (None, "2026-06-17")
    story = _linked([wire, scraped], settings)
    assert story[wire.id] == story[scraped.id]


def test_years_in_the_background_do_not_date_a_page(settings):
    """An obituary recounts a life: its bare years say nothing about when it was written."""
    body = "Actress Mira Tolvang, the 1950s star of Harbour Lights, died in Selmar. She was born in {year}."
    a = link_features(make_article("a", body.format(year=1931)), 1)
    b = link_features(make_article("b", body.format(year=1935) + " Her last film came in 1972."), 2)
    assert a.year is None and b.year is None
    assert link_features(make_article("c", "Updated 4 June 2031. " + body.format(year=1931)), 3).year == 2031


def _person(name: str, count: int) -> Entity:
    return Entity(name, "PERSON", (name,), count=count)


def test_the_people_a_page_is_about_are_its_leads():
    a = make_article("a", "x", entities=(_person("Dario Vence", 6), _person("Tom Ekland", 1), _person("Ana Ruiz", 3)))
    assert link_features(a, 1).leads == {skeleton("Vence"), skeleton("Ruiz")}
    assert link_features(make_article("b", "x", entities=(_person("Tom Ekland", 1),)), 2).leads == frozenset()


def test_a_big_city_the_tagger_took_for_a_person_is_no_lead():
    a = make_article("a", "x", entities=(_person("Alexandria", 5), _person("Dario Vence", 4)))
    assert link_features(a, 1).leads == {skeleton("Vence")}


def test_two_arrests_of_one_kind_with_different_leads_are_marked_down(settings):
    """The second player's arrest recalls the first: most words and names are shared, the leads are not."""
    opts = LinkOptions.from_settings(settings)
    first = ("Harbor City Mariners receiver Dario Vence was arrested on suspicion of drunk driving on Sunday. "
             "Vence was released on bail, police said. The Mariners said Vence would play on Saturday.")
    second = ("Harbor City Mariners tackle Luis Amaro was arrested on suspicion of drunk driving on Sunday, "
              "weeks after receiver Dario Vence. Amaro was released on bail, police said. The Mariners said Amaro "
              "would play on Saturday.")
    a = link_features(make_article("a", first, entities=(_person("Dario Vence", 3),)), 1)
    b = link_features(make_article("b", second, entities=(_person("Luis Amaro", 3), _person("Dario Vence", 1))), 2)
    c = link_features(make_article("c", first + " Fans were angry.", entities=(_person("Dario Vence", 3),)), 3)
    rarity = Rarity({}, 3)
    assert pair_score(a, b, rarity, opts) <= opts.lead_conflict * pair_score(replace(a, leads=frozenset()), b, rarity, opts)
    assert pair_score(a, c, rarity, opts) > 2 * pair_score(a, b, rarity, opts)


def test_an_unrelated_article_opens_its_own_story(settings):
    linker = StoryLinker(MemoryIndex(), LinkOptions.from_settings(settings))
    first = linker.link(link_features(make_article("a", "The Selmar council voted for a new bridge."), 1))
    second = linker.link(link_features(make_article("b", "Floods hit the Dorvik valley after storms."), 2))
    assert first != second and first == "sa" and second == "sb"


def test_the_stories_table_and_export_carry_the_story(settings, tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.save_batch(fixture_articles(), link=StoryHook(settings))
    found = stories(db)
    assert [s.articles for s in found] == [5, 2]
    assert set(found[0].languages) == {"de", "en", "fr", "ru"} and "Varnex" in found[0].top_entities
    import io

    out = io.StringIO()
    export_articles(db, out=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["id"]: r["story"] for r in rows}["ru"] == found[0].id


def test_an_undated_article_does_not_stretch_its_storys_dates_to_the_day_it_was_stored(settings, tmp_path):
    db = tmp_path / "w.duckdb"
    wire = next(a for a in fixture_articles() if a.source.id == "en-wire")
    undated = replace(wire, source=replace(wire.source, id="en-undated", raw=wire.source.raw + b" "),
                      cleaned=replace(wire.cleaned, published=replace(wire.cleaned.published, value=None)))
    with Store(db) as store:
        store.save_batch([*fixture_articles(), undated], link=StoryHook(settings))
    story = next(s for s in stories(db) if s.articles == 6)
    assert (story.first_seen, story.last_seen) == ("2024-03-12", "2024-03-13")


def test_an_interrupted_link_rolls_the_batch_back_instead_of_storing_it_unlinked(settings, monkeypatch):
    from wirewatch.link.stories import StoryLinker

    def interrupted(*_a, **_k):
        raise RuntimeError("Query interrupted")  # what DuckDB raises when Ctrl-C lands in a query

    with Store(":memory:") as store:
        monkeypatch.setattr(StoryLinker, "link", interrupted)
        with pytest.raises(RuntimeError):
            store.save_batch(fixture_articles()[:2], link=StoryHook(settings))
        assert store.article_count() == 0
        monkeypatch.undo()
        store.save_batch(fixture_articles()[:2], link=StoryHook(settings))
        assert all(story for _id, story in store.con.execute("SELECT id, story FROM articles").fetchall())


def _told(aid: str, seq: int, anchors: dict[str, float], terms: dict[str, int]):
    from wirewatch.link.features import LinkFeatures

    return LinkFeatures(aid, seq, "en", "2031-03-04", None, anchors, terms)


def test_a_small_story_that_a_new_article_also_tells_joins_its_story(settings):
    """A long background piece stands alone; two short relays find each other first; a third page,
    as close to the piece as to the relays, makes them one story."""
    event, eterms = {f"n:evt{i}": 1.0 for i in range(4)}, {f"ev{i}": 2 for i in range(6)}
    background, bterms = {f"n:bg{i}": 1.0 for i in range(200)}, {f"word{i}": 2 for i in range(200)}
    piece = _told("a", 1, {**event, **background}, {**eterms, **bterms})
    relays = [_told(k, n, {**event, "#:3000": 1.0}, {**eterms, w: 1}) for k, n, w in (("b", 2, "short"), ("c", 3, "brief"))]
    both = _told("d", 4, {**event, **dict(list(background.items())[:18]), "#:3000": 1.0},
                 {**eterms, **dict(list(bterms.items())[:18])})
    opts = LinkOptions.from_settings(settings)
    for absorb, expected in ((99.0, ["sa", "sb", "sb", "sa"]), (opts.absorb_score, ["sa", "sa", "sa", "sa"])):
        index = MemoryIndex()
        linker = StoryLinker(index, replace(opts, absorb_score=absorb))
        for f in (piece, *relays, both):
            linker.link(f)
        assert [story for _, story in index.members] == expected
    assert linker.absorbed == ["sb"]


def test_the_store_moves_an_absorbed_story_s_articles(settings, tmp_path):
    from wirewatch.store.stories import StoreLinkIndex

    with Store(tmp_path / "w.duckdb") as store:
        store.con.execute("INSERT INTO articles (id, seq, story) VALUES ('a', 1, 'sa'), ('b', 2, 'sb')")
        index = StoreLinkIndex(store.con)
        index.add(_told("a", 1, {"n:evt": 1.0}, {}), "sa")
        index.add(_told("b", 2, {"n:evt": 1.0}, {}), "sb")
        index.flush()
        index.add(_told("c", 3, {"n:evt": 1.0}, {}), "sb")
        index.merge("sb", "sa")
        index.flush()
        stored = sorted(store.con.execute("SELECT article_id, story FROM link_articles").fetchall())
        rows = sorted(store.con.execute("SELECT id, story FROM articles").fetchall())
    assert stored == [("a", "sa"), ("b", "sa"), ("c", "sa")] and rows == [("a", "sa"), ("b", "sa")]


def test_the_words_bodies_are_named_with_are_weak_anchors():
    # "State" of the Islamic State and of a State Committee, "Security" of two services: no event
    body = ("The State Security Committee said gunmen attacked the Dornak border post, and the "
            "Islamic State claimed the attack.")
    anchors = link_features(make_article("a", body), 1).anchors
    assert anchors["n:" + skeleton("Committee")] < anchors["n:" + skeleton("Dornak")]
    assert anchors["n:" + skeleton("State")] < anchors["n:" + skeleton("Islamic")]
