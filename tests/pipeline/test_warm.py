"""Stages are warmed in this process before forked workers start, and only then."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline.executors import InlineExecutor, ProcessExecutor
from wirewatch.pipeline.run import analyze
from wirewatch.pipeline.runner import PLANS, Runner
from wirewatch.pipeline.stage import Stage, warm_up
from wirewatch.settings import load_settings


def _stage(name: str, warm) -> Stage:
    return Stage(name, lambda article, ctx: article, frozenset(), frozenset(), None, warm)


def test_warm_up_calls_each_warm_with_the_settings():
    settings, seen = load_settings(), []
    warm_up([_stage("a", seen.append), _stage("b", None), _stage("c", seen.append)], settings)
    assert seen == [settings, settings]


def test_a_failing_warm_is_left_to_the_stage():
    seen = []

    def broken(settings):
        raise RuntimeError("model missing")

    warm_up([_stage("a", broken), _stage("b", seen.append)], load_settings())
    assert len(seen) == 1


def test_extract_declares_a_warm():
    assert PLANS["extract"][1].warm is not None


class _Forking(InlineExecutor):
    forks = True


def test_runner_warms_only_for_forking_executors(monkeypatch):
    calls = []
    monkeypatch.setattr("wirewatch.pipeline.runner.warm_up", lambda stages, settings: calls.append(stages))
    Runner(load_settings(), until="extract", executor=InlineExecutor())
    assert calls == []
    Runner(load_settings(), until="extract", executor=_Forking())
    assert calls == [PLANS["extract"]]


def test_process_executor_says_whether_it_forks():
    executor = ProcessExecutor(2)
    try:
        assert isinstance(executor.forks, bool)
    finally:
        executor.close()


def test_two_forked_workers_give_what_one_process_gives(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Talks resume in Geneva\n\nThe talks will resume on Monday, the foreign minister of Norway, "
        "Jonas Berg, told reporters in Geneva. \"We are ready,\" Berg said.\n",
        encoding="utf-8",
    )
    one = [o for o in analyze([page, page], until="extract", workers=1) if isinstance(o, Article)]
    two = [o for o in analyze([page, page], until="extract", workers=2) if isinstance(o, Article)]
    assert [a.extracted for a in two] == [a.extracted for a in one]
    assert one and one[0].extracted is not None and one[0].extracted.statements
