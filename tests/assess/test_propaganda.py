"""Propaganda spans: decoding, technique labels, signals, and the SemEval scores, on a hand-made
model and text; the shipped model only where it is installed."""

from __future__ import annotations

import time

import numpy as np
import pytest

from wirewatch.assess.propaganda import (
    TECHNIQUES,
    Model,
    find_spans,
    load_model,
    propaganda_spans,
    token_probabilities,
    token_probabilities_slow,
)
from wirewatch.assess.propaganda_gate import (
    FEATURE_NAMES,
    Gate,
    candidates,
    gate_arrays,
    gate_from,
    sentence_table,
)
from wirewatch.assess.propaganda_text import decode, sentence_spans, tokens
from wirewatch.assess.propaganda_train import is_held_out, merge, si_score, tc_micro_f1
from wirewatch.assess.weights import pack_names
from wirewatch.clean.line_model import Forest

TEXT = "The senator gave a speech.\nThose traitors want to destroy our great nation.\nThe vote is on Friday."


def tiny_model(**kw) -> Model:
    """Tokens 'traitors' and 'destroy' are likely; every span is Name_Calling unless 'destroy' is in it."""
    idx = {"w=traitors": 0, "w=destroy": 1}
    weights = np.zeros((2, len(TECHNIQUES)), dtype=np.float32)
    weights[0, TECHNIQUES.index("Name_Calling,Labeling")] = 3.0
    weights[1, TECHNIQUES.index("Appeal_to_fear-prejudice")] = 9.0
    settings = {"threshold": 0.5, "gap": 0, "min_chars": 1, "trigger": 0.0} | kw
    return Model(
        si_weights={"w=traitors": 8.0, "w=destroy": 8.0},
        si_bias=-4.0,
        tc_index=idx,
        tc_weights=weights,
        tc_bias=np.zeros(len(TECHNIQUES), dtype=np.float32),
        **settings,
    )


def test_sentences_end_at_line_breaks():
    assert [TEXT[s:e] for s, e in sentence_spans(TEXT)] == TEXT.split("\n")


def test_tokens_carry_offsets():
    assert all(TEXT[t.start : t.end] == t.text for t in tokens(TEXT))


def test_likely_tokens_become_spans():
    spans = find_spans(TEXT, tiny_model())
    assert [(TEXT[s.start : s.end], s.technique) for s in spans] == [
        ("traitors", "Name_Calling,Labeling"),
        ("destroy", "Appeal_to_fear-prejudice"),
    ]


def test_gap_bridges_unlikely_tokens():
    (span,) = find_spans(TEXT, tiny_model(gap=2))
    assert TEXT[span.start : span.end] == "traitors want to destroy"
    assert span.technique == "Appeal_to_fear-prejudice"


def test_spans_never_cross_sentences():
    text = "They are traitors\ndestroy them"
    probs = token_probabilities(tiny_model(), text)
    spans = decode(text, probs, threshold=0.5, gap=5, min_chars=1)
    assert [text[s:e] for s, e, _ in spans] == ["traitors", "destroy"]


def test_trigger_keeps_only_confident_runs():
    text = "Those traitors want to destroy us"
    probs = [[(t, 0.9 if t.text == "destroy" else 0.6 if t.text == "traitors" else 0.1) for t in tokens(text)]]
    spans = decode(text, probs, threshold=0.5, gap=0, min_chars=1, trigger=0.8)
    assert [text[s:e] for s, e, _ in spans] == ["destroy"]


def test_min_chars_drops_short_spans():
    assert find_spans(TEXT, tiny_model(min_chars=8)) == [find_spans(TEXT, tiny_model())[0]]


def test_no_model_no_spans():
    assert find_spans("", tiny_model()) == []


# --- the sentence gate ----------------------------------------------------------------------------


def top_gate(cutoff: float = 0.5) -> Gate:
    """One tree: a sentence whose highest token probability passes 0.5 scores 0.99, any other 0.01."""
    forest = Forest(
        feature=np.array([FEATURE_NAMES.index("top"), 0, 0]),
        threshold=np.array([0.5, 0.0, 0.0]),
        left=np.array([1, 0, 0]),
        right=np.array([2, 0, 0]),
        value=np.array([0.0, -4.6, 4.6]),
        leaf=np.array([False, True, True]),
        roots=np.array([0]),
        baseline=0.0,
    )
    return Gate(forest=forest, bag_weights={"sw=traitors": 1.0}, bag_bias=-1.0, cutoff=cutoff, relative=0.3)


def gated_model(**gate) -> Model:
    return Model(**{f: getattr(tiny_model(), f) for f in Model.__slots__ if f != "gate"}, gate=top_gate(**gate))


def test_gate_keeps_the_candidate_of_each_sentence_it_passes():
    spans = find_spans(TEXT, gated_model())
    assert [TEXT[s.start : s.end] for s in spans] == ["traitors want to destroy"]


def test_gate_cutoff_drops_every_sentence():
    assert find_spans(TEXT, gated_model(cutoff=0.999)) == []


def test_candidate_runs_between_the_tokens_near_the_top():
    text = "Those traitors want to destroy us."
    probs = [[(t, 0.9 if t.text == "destroy" else 0.3 if t.text == "traitors" else 0.1) for t in tokens(text)]]
    assert [text[s:e] for s, e in candidates(text, probs, relative=0.3)] == ["traitors want to destroy"]
    assert [text[s:e] for s, e in candidates(text, probs, relative=0.5)] == ["destroy"]


def test_sentence_table_has_a_row_per_sentence():
    probs = token_probabilities(tiny_model(), TEXT)
    table = sentence_table(TEXT, probs, [0.5] * len(probs), candidates(TEXT, probs, 0.3))
    assert table.shape == (3, len(FEATURE_NAMES))
    assert table[:, FEATURE_NAMES.index("is_first")].tolist() == [1.0, 0.0, 0.0]


def test_gate_survives_storage():
    gate = top_gate()
    restored = gate_from({k: np.asarray(v) for k, v in gate_arrays(gate).items()})
    assert (restored.cutoff, restored.relative, restored.bag_bias) == (gate.cutoff, gate.relative, gate.bag_bias)
    assert restored.bag_weights == gate.bag_weights
    assert restored.forest.probabilities(np.eye(len(FEATURE_NAMES))).tolist() == pytest.approx(
        gate.forest.probabilities(np.eye(len(FEATURE_NAMES))).tolist()
    )


def test_gate_built_for_other_features_is_ignored():
    arrays = gate_arrays(top_gate()) | {"gate_features": pack_names(["top"])}
    assert gate_from(arrays) is None


# --- SemEval-2020 Task 11 scores -----------------------------------------------------------------


def test_si_score_partial_credit():
    # One predicted span of 10 characters covering half of a 10-character gold span.
    res = si_score({"a": [(5, 15)]}, {"a": [(0, 10)]})
    assert res["precision"] == pytest.approx(0.5)
    assert res["recall"] == pytest.approx(0.5)
    assert res["f1"] == pytest.approx(0.5)


def test_si_score_merges_overlapping_predictions():
    res = si_score({"a": [(0, 6), (4, 10)]}, {"a": [(0, 10)]})
    assert (res["predicted"], res["f1"]) == (1, pytest.approx(1.0))


def test_si_score_counts_missed_articles():
    res = si_score({"a": [(0, 10)]}, {"a": [(0, 10)], "b": [(0, 5)]})
    assert res["precision"] == pytest.approx(1.0)
    assert res["recall"] == pytest.approx(0.5)


def test_merge():
    assert merge([(5, 8), (0, 3), (2, 4), (9, 9)]) == [(0, 4), (5, 8)]


def test_tc_micro_f1_is_accuracy_on_gold_spans():
    assert tc_micro_f1(["Doubt", "Slogans"], ["Doubt", "Repetition"]) == 0.5


def test_held_out_split_is_fixed_by_id():
    assert is_held_out("111111115") and not is_held_out("111111111")


# --- the shipped model ----------------------------------------------------------------------------

shipped = pytest.mark.skipif(load_model() is None, reason="propaganda model not installed")

BODY = (
    "The corrupt elites and their lapdogs in the media will stop at nothing to silence patriots.\n\n"
    "This disgraceful witch hunt is a shameful attack on every freedom-loving American. "
    "The committee meets again on Tuesday."
)


@shipped
def test_signals_point_at_their_evidence():
    found = propaganda_spans(BODY)
    assert found
    for sig in found:
        assert sig.kind.removeprefix("propaganda:") in TECHNIQUES
        assert BODY[sig.span[0] : sig.span[1]] == sig.evidence


def clustered_model() -> Model:
    """`tiny_model` with word clusters: 'traitors' and 'cowards' share one, so 'cowards' is likely too."""
    clusters = {"traitors": (1, 7, 30), "cowards": (1, 7, 31), "the": (0, 2, 4), "want": (2, 3, 9)}
    weights = {"w=traitors": 2.0, "c1024=30": 1.0, "c256=7": 5.0, "cp256=7": 0.5, "cn64=2": -0.25, "sc256=7": 0.125}
    return Model(**{f: getattr(tiny_model(), f) for f in Model.__slots__ if f not in ("si_weights", "clusters", "gate")},
                 si_weights=weights, clusters=clusters)


def test_clusters_carry_weight_to_unseen_words():
    text = "The cowards fled. The vote is on Friday."
    spans = find_spans(text, clustered_model())
    assert [text[s.start : s.end] for s in spans] == ["cowards"]


@pytest.mark.parametrize("model", [tiny_model(), clustered_model(), load_model()], ids=["tiny", "clustered", "shipped"])
def test_fast_scoring_equals_the_feature_sum(model):
    if model is None:
        pytest.skip("propaganda model not installed")
    text = BODY + '\n\n"They are traitors," he said. "Traitors!" Nothing else.'
    fast, slow = token_probabilities(model, text), token_probabilities_slow(model, text)
    assert [[t for t, _ in row] for row in fast] == [[t for t, _ in row] for row in slow]
    for row_f, row_s in zip(fast, slow, strict=True):
        assert [p for _, p in row_f] == pytest.approx([p for _, p in row_s], abs=1e-12)


@shipped
def test_plain_news_has_few_spans():
    plain = "The committee meets again on Tuesday. The report was published in March and runs to 40 pages."
    assert len(propaganda_spans(plain)) <= 1


@shipped
def test_fast_per_article():
    text = "\n\n".join([BODY] * 20)  # about 4,000 characters, a typical article
    load_model()
    t0 = time.perf_counter()
    for _ in range(5):
        find_spans(text)
    assert (time.perf_counter() - t0) / 5 < 0.2  # generous for a loaded CI box; typical is a few ms


def test_vector_script_gelu_is_the_erf_one():
    from math import erf, sqrt

    from wirewatch.assess.propaganda_vectors import _gelu

    x = np.linspace(-6, 6, 101)
    assert _gelu(x) == pytest.approx([0.5 * v * (1 + erf(v / sqrt(2))) for v in x], abs=1e-6)
