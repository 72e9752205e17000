"""Check-worthiness: features, the ranking metric, and ranking statements with a hand-made model."""

from __future__ import annotations

import json

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


def test_claimbuster_files_are_pooled_once_per_text_and_split_by_sentence_id(tmp_path):
    from wirewatch.assess.checkworthy_train import load_claimbuster

    (tmp_path / "train.json").write_text(json.dumps([
        {"sentence_id": 10, "label": 1, "text": "Unemployment fell to 4 percent last year."},
        {"sentence_id": 11, "label": 0, "text": "Thank you all for coming tonight."},
    ]))
    (tmp_path / "kfold_25ncs.json").write_text(json.dumps([
        {"sentence_id": 10, "label": 1, "text": "Unemployment fell to 4 percent last year."},
        {"sentence_id": 12, "label": 1, "text": "We spend twice what Canada spends on health care."},
    ]))
    train, held = load_claimbuster(tmp_path)
    assert held.sentences == ("Unemployment fell to 4 percent last year.",) and held.labels == (1,)
    assert sorted(train.sentences) == ["Thank you all for coming tonight.",
                                       "We spend twice what Canada spends on health care."]


def test_each_set_weighs_the_same_in_the_fit_whatever_its_size():
    from wirewatch.assess.checkworthy_train import Transcript, train

    # The big set calls a sentence not worth checking three times in 100, the small one worth it
    # twice in 4: pooled as one set, the three outvote the two (0.40); each set weighing the same,
    # the small set's judgement stands (0.94).
    big = Transcript("debates", ("taxes rose 40 percent",) * 50 + ("good evening everyone",) * 47 + ("wash your hands",) * 3,
                     (1,) * 50 + (0,) * 50)
    small = Transcript("tweets", ("wash your hands",) * 2 + ("good evening everyone",) * 2, (1, 1, 0, 0))
    model = train({"big": [big], "small": [small]}, c=10.0)
    assert score("wash your hands", model) > 0.5 > score("good evening everyone", model)
    assert score("taxes rose 40 percent", model) > 0.5
