"""Check-worthiness: features, the ranking metric, and ranking statements with a hand-made model."""

from __future__ import annotations

import pytest

from wirewatch.assess.checkworthy import Model, features, load_model, rank_statements, score
from wirewatch.assess.checkworthy_train import average_precision
from wirewatch.model import Statement


def st(content: str, span: tuple[int, int] | None = (0, 1)) -> Statement:
    return Statement("X", None, "X", None, "said", content, "indirect", "named", span)


def test_features_mark_numbers_and_comparatives():
    f = features("Unemployment rose 5 percent, more than in 2010.")
    assert {"number", "percent", "comparative", "w=unemployment", "b=rose|5"} <= set(f)


@pytest.mark.parametrize(
    ("labels", "scores", "ap"),
    [
        ([1, 0, 0], [0.9, 0.5, 0.1], 1.0),
        ([0, 1, 0], [0.9, 0.5, 0.1], 0.5),
        ([1, 0, 1], [0.9, 0.5, 0.1], (1 + 2 / 3) / 2),
        ([0, 0], [0.2, 0.1], 0.0),
    ],
)
def test_average_precision(labels, scores, ap):
    assert average_precision(labels, scores) == pytest.approx(ap)


def test_rank_statements_orders_by_score():
    model = Model({"number": 3.0, "w=hello": -2.0}, 0.0)
    ranked = rank_statements([st("hello there"), st("taxes rose by 40 percent"), st("headline", None)], model)
    assert [s.content for s, _ in ranked] == ["taxes rose by 40 percent", "hello there"]
    assert ranked[0][1] > 0.9 > 0.2 > ranked[1][1]


@pytest.mark.skipif(load_model() is None, reason="check-worthiness model not installed")
def test_shipped_model_prefers_factual_claims():
    claim = score("We have lost 70,000 factories since China entered the World Trade Organization.")
    chatter = score("Thank you very much, it is great to be here tonight.")
    assert claim > chatter
