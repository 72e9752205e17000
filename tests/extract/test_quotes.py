"""find_quotes on short invented texts: how far a quotation runs."""

from __future__ import annotations

from wirewatch.extract.quotes import find_quotes

SPLIT = (
    "The first reports were so bad that I wrote: \u201cThe mayor must explain his statements on the bridge "
    "and the contracts.\n\nIt is the worst mistake of his term and must be corrected at once.\u201d\n\n"
    "The mayor answered on Tuesday."
)


def test_quotation_set_in_two_paragraphs_without_reopening_runs_to_its_closing_mark():
    (q,) = find_quotes(SPLIT)
    inner = q.inner(SPLIT)
    assert inner.startswith("The mayor must explain") and inner.endswith("corrected at once.")
    assert q.paragraphs == 2


def test_unclosed_quotation_before_a_paragraph_opening_another_is_dropped():
    text = (
        "She wrote: \u201cThe mayor must explain his statements on the bridge.\n\n"
        "He replied: \u201cI have nothing to explain to anyone here.\u201d"
    )
    quotes = find_quotes(text)
    assert [q.inner(text) for q in quotes] == ["I have nothing to explain to anyone here."]


def test_straight_mark_is_not_carried_across_paragraphs():
    text = 'She wrote: "The mayor must explain his statements.\n\nNobody knows what he said" on the radio.'
    assert find_quotes(text) == ()
