import pytest

from wirewatch.extract.headline import headline_statement
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
