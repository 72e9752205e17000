import pytest

from wirewatch.extract.headline import headline_statement, names_source
from wirewatch.extract.speakers import EntityIndex
from wirewatch.model import Entity

VOSK = Entity("Vostok Guard", "ORG", ("Vostok Guard",), spans=((0, 12),))


@pytest.mark.parametrize(
    ("title", "sourcing", "speaker"),
    [
        ("Militants moving to the northern border: Selmar intelligence", "named", "Selmar intelligence"),
        ("Dam on the Varna river will fail within a year: officials", "anonymous", None),
        ("Militants crossing into Quarn province: Vostok Guard", "named", "Vostok Guard"),
        # A subtitle after the colon is no source: the outlet asserts the headline.
        ("Quarn province: the forgotten front line", "none", None),
        ("Varnex plant blast: What we know so far", "none", None),
    ],
)
def test_a_source_after_the_colon_is_read_only_when_it_is_one(title, sourcing, speaker):
    st = headline_statement(title, EntityIndex([VOSK]))
    assert st is not None and st.sourcing == sourcing and st.speaker == speaker
    assert st.span is None


@pytest.mark.parametrize(
    ("title", "sourcing", "speaker"),
    [
        ("Vostok Guard: Militants Crossing Into Quarn Province", "named", "Vostok Guard"),
        ("Border Chief: Militants Crossing Into Quarn Province", "named", "Border Chief"),
        ("WHO: Outbreak In Quarn Province Under Control", "named", "WHO"),
        # A topic before the colon is no source either.
        ("Selmar's Secret Plan: Militants Moved Into Quarn Province", "none", None),
    ],
)
def test_a_source_before_the_colon_is_read_only_when_it_is_one(title, sourcing, speaker):
    st = headline_statement(title, EntityIndex([VOSK]))
    assert st is not None and st.sourcing == sourcing and st.speaker == speaker


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        # described by its country and field, as the body named it
        ("Kazakh security committee warns of militants at the border", "National Security Committee"),
        ("Militants gather at the border, says Kazakhstan's security committee", "National Security Committee"),
        # no institution of the article has that field: the headline's words stay the speaker
        ("Kazakh border committee warns of militants", "Kazakh border committee"),
    ],
)
def test_a_headline_describing_an_institution_names_it(title, speaker):
    knb = Entity("National Security Committee", "ORG", ("National Security Committee",), spans=((40, 67),))
    guard = Entity("Vostok Guard", "ORG", ("Vostok Guard",), spans=((0, 12),))
    st = headline_statement(title, EntityIndex([guard, knb]))
    assert st is not None and st.speaker == speaker


@pytest.mark.parametrize(
    ("title", "language", "sourcing", "speaker"),
    [
        ("Militants crossing into Quarn province \u2014 Vostok Guard", "en", "named", "Vostok Guard"),
        ("Selmar moving militants to the northern border - SVR", "en", "named", "SVR"),
        ("Боевиков перебрасывают к границе Кварна \u2014 Восток", "ru", "named", "Vostok Guard"),
        # after a dash, words that name nobody of the article are a subtitle
        ("Quarn province \u2014 the forgotten front line", "en", "none", None),
        ("Die Lage in Quarn \u2014 Neue Kämpfe an der Grenze", "de", "none", None),
    ],
)
def test_a_source_after_a_dash_is_read_only_when_it_is_one(title, language, sourcing, speaker):
    guard = Entity("Vostok Guard", "ORG", ("Vostok Guard", "Восток"), spans=((0, 12),))
    st = headline_statement(title, EntityIndex([guard]), language=language)
    assert st is not None and (st.sourcing, st.speaker) == (sourcing, speaker)


@pytest.mark.parametrize(
    ("title", "language", "sourcing", "speaker"),
    [
        ("Selmar Tuding Quarn Pindahkan Militan ke Perbatasan", "id", "named", "Selmar"),
        ("Vostok Guard acuză Quarn că mută militanți la graniță", "ro", "named", "Vostok Guard"),
        # accusing is telling: "acusa", "accuse", "обвинил", "звинуватила"
        ("El Vostok Guard acusa a Quarn de trasladar militantes a la frontera", "es", "named", "Vostok Guard"),
        ("Le Vostok Guard accuse Quarn de déplacer des militants vers la frontière", "fr", "named", "Vostok Guard"),
        ("Vostok Guard обвинил Quarn в переброске боевиков к границе", "ru", "named", "Vostok Guard"),
        # a capitalised word before the cue that names nobody of the article is not a source
        ("Militan Sebut Perbatasan Quarn Tidak Aman", "id", "none", None),
    ],
)
def test_a_foreign_headline_source_before_its_cue(title, language, sourcing, speaker):
    guard = Entity("Vostok Guard", "ORG", ("Vostok Guard",), spans=((0, 12),))
    selmar = Entity("Selmar", "GPE", ("Selmar",), spans=((20, 26),))
    st = headline_statement(title, EntityIndex([guard, selmar]), language=language)
    assert st is not None and (st.sourcing, st.speaker) == (sourcing, speaker)


@pytest.mark.parametrize(
    ("title", "sourcing", "speaker", "content"),
    [
        ("Militants crossing into Quarn province, Vostok Guard says", "named", "Vostok Guard",
         "Militants crossing into Quarn province"),
        ("Three Dead In Varnex Plant Blast, Officials Say", "anonymous", None, "Three Dead In Varnex Plant Blast"),
        ("Strike to go on for a third week, sources say", "anonymous", None, "Strike to go on for a third week"),
        ("Officials say the dam on the Varna river will fail", "anonymous", None, "the dam on the Varna river will fail"),
        # the present of a verb that is also a deed, and an imperative, attribute nothing
        ("Rebels claim town after heavy fighting in Quarn", "none", None, "Rebels claim town after heavy fighting in Quarn"),
        ("When in doubt about the dam, say no", "none", None, "When in doubt about the dam, say no"),
    ],
)
def test_a_source_before_its_cue_at_the_end_of_the_headline(title, sourcing, speaker, content):
    st = headline_statement(title, EntityIndex([VOSK]))
    assert st is not None and (st.sourcing, st.speaker, st.content) == (sourcing, speaker, content)


def test_a_topic_at_a_place_before_a_colon_names_no_speaker():
    assert not names_source("Massacre in Tolla", ["Tolla"])
    assert names_source("Tolla", ["Tolla"])
