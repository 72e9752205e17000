import pytest

from wirewatch.web.highlight import Mark, highlight, segments


@pytest.mark.parametrize(("marks", "expected"), [
    ([], [("abcdef", "")]),
    ([Mark(1, 3, "a", "x")], [("a", ""), ("bc", "a"), ("def", "")]),
    ([Mark(0, 4, "a", "x"), Mark(2, 6, "b", "y")], [("ab", "a"), ("cd", "a b"), ("ef", "b")]),
    ([Mark(0, 6, "a", "x"), Mark(0, 6, "a", "x")], [("abcdef", "a")]),
])
def test_segments_cut_at_every_boundary(marks, expected):
    assert [(s.text, s.css) for s in segments("abcdef", marks)] == expected


@pytest.mark.parametrize("span", [[5, 2], [0, 99], [-1, 3], None, ["a", "b"], [1]])
def test_spans_that_do_not_fit_the_body_are_ignored(span):
    a = {"body": "short body", "statements": [{"span": span, "sourcing": "named"}], "signals": [{"kind": "k", "span": span}]}
    assert [s.text for s in highlight(a)] == ["short body"]


def test_entity_mentions_are_found_as_whole_words():
    a = {"body": "FSB and the FSBX and FSB.", "entities": [{"name": "FSB", "type": "ORG", "mentions": ["FSB"]}]}
    assert [s.text for s in highlight(a) if s.css] == ["FSB", "FSB"]


def test_a_hostile_type_cannot_escape_the_class_attribute():
    a = {"body": "Selmar", "entities": [{"name": "S", "type": '"><script>', "mentions": ["Selmar"]}]}
    assert highlight(a)[0].css == "ent ent-script"
