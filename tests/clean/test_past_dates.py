"""`latest_past_date`: the latest date a report speaks of as past, a lower bound on when it was written."""

import pytest

from wirewatch.clean.dates import latest_past_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March 2019, the head of the directorate said the militants had moved.", "2019-03-01"),
        ("The ceasefire of 12 June 2020 held. In May 2019 talks had failed.", "2020-06-12"),
        ("Im März 2019 warnte der Geheimdienst.", "2019-03-01"),
        # a sentence that looks ahead may name a later month than the report
        ("The pipeline will open in May 2031. It was approved in June 2020.", "2020-06-01"),
        ("Talks are due to resume by January 2027.", None),
        ("No date at all, only the year 2019 and March.", None),
    ],
)
def test_the_latest_date_spoken_of_as_past(text, expected):
    assert latest_past_date(text) == expected
