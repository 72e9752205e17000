from wirewatch.ingest.dedupe import NearDuplicates

STORY = (
    "The council of Selmar voted on Tuesday to rebuild the old river bridge after engineers found that "
    "two of its pillars could not be repaired. The new bridge will cost about forty million euros and "
    "should open in three years. Until then a ferry will carry cars and bicycles across the river every "
    "twenty minutes from six in the morning until midnight, the council said in a statement."
)
OTHER = (
    "Farmers in the northern valley began the grape harvest two weeks early this year because of the "
    "long dry summer. Growers said the crop was smaller than usual but the quality was high, and prices "
    "for the best wines are expected to rise. The regional wine board will publish its first estimate "
    "of the harvest at the end of the month, a spokesman said."
)


def test_a_reprint_with_a_new_last_line_joins_the_first_copys_group(settings):
    nd = NearDuplicates.in_memory(settings)
    assert nd.assign("a", STORY) is None
    assert nd.assign("b", STORY + " Reporting by the Selmar Wire.") == "a"
    assert nd.regrouped == {"a": "a"}


def test_different_texts_and_short_texts_are_not_grouped(settings):
    nd = NearDuplicates.in_memory(settings)
    assert nd.assign("a", STORY) is None
    assert nd.assign("b", OTHER) is None
    assert nd.assign("c", "Too short to judge.") is None
