"""Language identification with py3langid, whose model ships inside the package.

The model ships as an LZMA-compressed archive (4.5 MB, 68 MB unpacked); unpacking it costs about
0.6 s of CPU, paid by every worker process at start-up (a twentieth of the work of a run of a hundred
articles on two workers, benchmarks/throughput.py). The unpacked arrays are the same every time, so
they are written once, uncompressed, to the cache folder (`settings.cache_root`;
plain `.npy` files, no pickle) under a name that changes with the model file and the py3langid
version, and later processes map them instead (a few hundredths of a second). A cache that cannot be
read or written is skipped silently: the model is then unpacked in the process, as before.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import shutil
from array import array
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from wirewatch.settings import cache_root

# Below this many letters a guess is noise; such pages are labelled "und" (undetermined).
_MIN_LETTERS = 20
# The arrays py3langid's `LanguageIdentifier` is built from, as its loader returns them.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_DIR) / MODEL_FILE
    cached = cache_dir(model)
    parts = _read(cached) if cached is not None else None
    if parts is not None:
        try:
            ptc, pc, classes, nextmove, row, output = parts
            return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
        except (TypeError, ValueError):  # another py3langid layout: its own loader, below
            pass
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if cached is not None:
        _write(cached, identifier)
    return identifier


def detect_language(text: str) -> str:
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return "und"
    identifier = _identifier()
    code, _prob = identifier.classify(sample)
    if code == "ms":
        # Malay and Indonesian share most of their news vocabulary; py3langid splits a text with
        # neither's marker words ("kerana"/"karena", "polis"/"polisi") about evenly, and Indonesian
        # pages outnumber Malay ones many times over: a close call goes to Indonesian.
        scores = dict(identifier.rank(sample)[:3])
        if scores.get("id", 0.0) >= _INDONESIAN_SHARE:
            return "id"
    return str(code)


# The share of the probability Indonesian needs, where Malay comes first, to be chosen instead.
_INDONESIAN_SHARE = 0.25


def cache_dir(model: Path) -> Path | None:
    """Where the unpacked arrays of this model file are kept, or None if it cannot be read."""
    try:
        h = hashlib.sha256(model.read_bytes())
        h.update(metadata.version("py3langid").encode())
    except (OSError, metadata.PackageNotFoundError):
        return None
    return cache_root() / f"langid-{h.hexdigest()[:16]}"


def _read(folder: Path) -> tuple[Any, ...] | None:
    try:
        a = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
        return (
            a["ptc"],  # read where a text's features point, never copied whole
            np.array(a["pc"]),
            a["classes"].tolist(),
            _mapped(a["nextmove"]),  # walked byte by byte in Python: indexing a memoryview is fast
            _stdlib_array(a["row"]),
            a["output"].tolist(),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _mapped(values: np.memmap) -> memoryview:
    """A mapped array as a memoryview of its file's pages, not a copy: the state table (39 MB) was
    copied into every worker process; mapped, the processes share the pages they read, and a worker
    held 16 MiB less after 400 English articles, at the same speed and with the same labels."""
    with open(values.filename, "rb") as f:
        pages = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(pages)[values.offset :].cast({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])


def _stdlib_array(values: np.ndarray) -> array:
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out


def _write(folder: Path, identifier: Any) -> None:
    """The arrays of a freshly unpacked identifier, atomically: a worker starting beside the one
    writing reads a whole folder or none."""
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        nextmove, row = identifier.tk_nextmove, identifier.tk_row
        arrays = {
            "ptc": np.asarray(identifier.nb_ptc),
            "pc": np.asarray(identifier.nb_pc),
            "classes": np.array(identifier.nb_classes),
            "nextmove": np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
            "row": np.frombuffer(row, dtype=f"u{row.itemsize}"),
            "output": np.asarray(identifier.tk_output, dtype=np.int32),
        }
        tmp.mkdir(parents=True, exist_ok=True)
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", arrays[name], allow_pickle=False)
        os.replace(tmp, folder)
        for stale in folder.parent.glob("langid-*"):  # written for an earlier model or py3langid
            if stale != folder and not stale.name.endswith(".tmp"):
                shutil.rmtree(stale, ignore_errors=True)
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@lru_cache(maxsize=64)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list for a language, lower case (it ships lists for many languages it has no
    model for; no model is loaded), or an empty set for a code it does not know."""
    try:
        module = __import__(f"spacy.lang.{language}.stop_words", fromlist=["STOP_WORDS"])
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in module.STOP_WORDS)
