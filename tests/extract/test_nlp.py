"""load_nlp: the model's layers on NumPy's BLAS held to one thread; the model as shipped on request."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps, get_current_ops

from wirewatch.extract.nlp import SerialBlasOps, load_nlp, serial_blas_ops

threadpoolctl = pytest.importorskip("threadpoolctl")


def _threads() -> list[int]:
    return [
        c.num_threads for c in threadpoolctl.ThreadpoolController().select(user_api="blas").lib_controllers
    ]


def test_products_are_numpys_on_one_thread(monkeypatch):
    ops = serial_blas_ops()
    assert ops is not None
    seen, dot = [], np.dot
    monkeypatch.setattr(
        np, "dot", lambda a, b, *args, **kw: seen.append(_threads()) or dot(a, b, *args, **kw)
    )
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 96), dtype=np.float32), rng.random((96, 288), dtype=np.float32)
    before = _threads()
    out = ops.gemm(x, y)
    np.testing.assert_allclose(out, x @ y, rtol=1e-5)
    assert seen and all(n == 1 for threads in seen for n in threads)
    assert _threads() == before  # the limit holds during the product only


def test_pipeline_layers_use_serial_blas_and_current_ops_are_left_alone():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("ner").model.ops, SerialBlasOps)
    assert isinstance(nlp.get_pipe("tok2vec").model.ops, SerialBlasOps)
    assert not isinstance(get_current_ops(), SerialBlasOps)


def test_stock_pipeline_is_the_model_as_shipped():
    nlp = load_nlp(stock=True)
    assert type(nlp.get_pipe("ner").model.ops) is NumpyOps
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names
