from pathlib import Path

import pytest

from wirewatch.errors import ConfigError
from wirewatch.settings import cache_root, load_settings


def test_defaults_user_file_and_variables_merge_in_that_order(tmp_path):
    user = tmp_path / "w.toml"
    user.write_text("[ingest]\nmax_bytes = 5\nbatch_size = 7\n")
    s = load_settings(user, env={"WIREWATCH_INGEST_MAX_BYTES": "9", "WIREWATCH_DB": "x.duckdb"})
    assert (s.get("ingest", "max_bytes"), s.get("ingest", "batch_size"), s.get("store", "db")) == (9, 7, "x.duckdb")


def test_unknown_setting_in_a_user_file_is_an_error(tmp_path):
    user = tmp_path / "w.toml"
    user.write_text("[ingest]\nmax_byte = 5\n")
    with pytest.raises(ConfigError, match="max_byte"):
        load_settings(user, env={})


def test_a_variable_of_the_wrong_type_is_an_error():
    with pytest.raises(ConfigError):
        load_settings(env={"WIREWATCH_INGEST_WORKERS": "many"})


def test_cache_root_prefers_wirewatch_then_xdg_then_home(tmp_path):
    assert cache_root({"WIREWATCH_CACHE_DIR": str(tmp_path), "XDG_CACHE_HOME": "/x"}) == tmp_path
    assert cache_root({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "wirewatch"
    assert cache_root({}) == Path.home() / ".cache" / "wirewatch"
