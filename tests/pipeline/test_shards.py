"""Parquet shards (pipeline/shards.py): what a Dask worker writes is exactly what the ingest process reads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from wirewatch.ingest.readers import read_inputs
from wirewatch.model import Article, Rejection
from wirewatch.pipeline.run import analyze, analyze_text
from wirewatch.pipeline.runner import Runner
from wirewatch.pipeline.shards import PREFIX, clear_shards, read_shard, write_shard
from wirewatch.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pages"


@pytest.fixture(scope="module")
def analysed() -> list[Article | Rejection]:
    """The sample pages through every stage (comments, statements, signals) and a page naming real places."""
    placed = analyze_text(
        "Border Guards Report Clash Near Tajik Frontier\n\nBorder guards in northern Afghanistan said on Tuesday "
        "that they had exchanged fire with a group crossing from Tajikistan near the town of Kunduz. A spokesman in "
        "Kabul said two guards were wounded.\n", url="https://frontier.example/clash", settings=load_settings(env={}))
    return [*analyze([SAMPLES], workers=1, settings=load_settings(env={})), placed]


def test_every_field_of_every_outcome_survives_the_round_trip(analysed, tmp_path):
    articles = [o for o in analysed if isinstance(o, Article)]
    assert any(a.cleaned.comments for a in articles) and any(a.signals for a in articles)
    entities = [e for a in articles for e in a.extracted.entities]
    assert any(e.geo for e in entities) and any(e.spans for e in entities)
    cleaned_only = replace(articles[0], extracted=None, signals=(), duplicate_group="g1")
    rejected = Rejection("empty.txt", "empty", "empty or whitespace-only text", "abc123")
    outcomes = [*analysed, cleaned_only, rejected, Rejection("broken.jsonl:3", "broken_record", "not JSON")]
    assert read_shard(write_shard(outcomes, tmp_path)) == outcomes


def test_a_shard_is_deleted_once_read_unless_kept(analysed, tmp_path):
    kept = write_shard(analysed[:1], tmp_path)
    read_shard(kept, keep=True)
    assert Path(kept.path).exists()
    read_shard(kept)
    assert list(tmp_path.iterdir()) == []


def test_kept_shards_can_be_queried_in_place(analysed, tmp_path):
    write_shard(analysed, tmp_path)
    write_shard(analysed[:1], tmp_path)
    rows = duckdb.sql(
        f"SELECT cleaned.language, count(*) FROM '{tmp_path}/*.parquet' WHERE outcome = 'article' GROUP BY 1"
    ).fetchall()
    assert sum(n for _, n in rows) == sum(isinstance(o, Article) for o in analysed) + 1


def test_clear_shards_deletes_only_shards(tmp_path):
    (tmp_path / f"{PREFIX}old.parquet").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("mine")
    assert clear_shards(tmp_path) == 1 and clear_shards(tmp_path / "absent") == 0
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_runner_with_a_shard_folder_gives_the_same_outcomes_and_leaves_nothing(tmp_path, settings):
    sources = list(read_inputs([str(SAMPLES)], max_bytes=10_000_000))
    direct = Runner(settings, until="extract").run_batch(sources)
    sharded = Runner(settings, until="extract", shards=tmp_path / "shards").run_batch(sources)
    assert sharded == direct
    assert list((tmp_path / "shards").iterdir()) == []


def test_a_worker_that_cannot_write_a_shard_returns_its_outcomes(tmp_path, settings, caplog):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    sources = list(read_inputs([str(SAMPLES)], max_bytes=10_000_000))[:2]
    assert Runner(settings, until="clean", shards=not_a_folder).run_batch(sources) == \
        Runner(settings, until="clean").run_batch(sources)
    assert "cannot write a shard" in caplog.text
