"""How the assess stage's linear models are stored: feature names packed as one UTF-8 array.

`.npz` files hold arrays only (no pickles, so loading a model runs no code); a list of feature names
is kept as its newline-joined UTF-8 bytes.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np


def pack_names(names: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8)


def unpack_names(packed: np.ndarray) -> list[str]:
    return packed.tobytes().decode("utf-8").split("\n")


def model_path(shipped: str, path: str | None = None) -> Path | None:
    """`path`, or the model shipped in wirewatch/data under `shipped`; None where it is absent."""
    p = Path(path) if path else Path(str(resources.files("wirewatch.data").joinpath(shipped)))
    return p if p.is_file() else None
