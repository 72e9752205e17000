"""Near-duplicate copies (syndication, reprints) found with MinHash and linked by `duplicate_group`.

Each body is shingled into word 5-grams and summarised by a MinHash signature; the signature is cut
into bands, and two bodies whose bands collide are compared on their signatures. A group's id is
the id of its first member, so groups are the same whatever order a batch was processed in, as long
as the batch order is the same.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from datasketch import MinHash

from wirewatch.settings import Settings

_WORD = re.compile(r"\w+", re.UNICODE)
# Bodies shorter than this many words are too short to call copies of each other.
_MIN_WORDS = 30


@dataclass(frozen=True, slots=True)
class Member:
    article_id: str
    signature: np.ndarray
    group: str | None


class BandIndex(Protocol):
    def prefetch(self, band_keys: Iterable[int]) -> None: ...

    def candidates(self, band_keys: list[int]) -> Iterable[Member]: ...

    def add(self, member: Member, band_keys: list[int]) -> None: ...

    def set_group(self, article_id: str, group: str) -> None: ...


@dataclass(slots=True)
class MemoryBandIndex:
    bands: dict[int, list[str]] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)

    def prefetch(self, band_keys: Iterable[int]) -> None:
        """Nothing to read ahead: every member is in memory."""

    def candidates(self, band_keys: list[int]) -> Iterable[Member]:
        seen: dict[str, Member] = {}
        for key in band_keys:
            for aid in self.bands.get(key, ()):
                seen.setdefault(aid, self.members[aid])
        return seen.values()

    def add(self, member: Member, band_keys: list[int]) -> None:
        self.members[member.article_id] = member
        for key in band_keys:
            self.bands.setdefault(key, []).append(member.article_id)

    def set_group(self, article_id: str, group: str) -> None:
        m = self.members[article_id]
        self.members[article_id] = Member(m.article_id, m.signature, group)


def _optimal_rows(num_perm: int, threshold: float) -> int:
    """Rows per band so that the LSH S-curve turns near the similarity threshold."""
    best, best_err = 1, 1.0
    for rows in range(1, num_perm + 1):
        if num_perm % rows:
            continue
        bands = num_perm // rows
        turn = (1 / bands) ** (1 / rows)
        if abs(turn - threshold) < best_err:
            best, best_err = rows, abs(turn - threshold)
    return best


def signature(text: str, *, num_perm: int, shingle: int) -> np.ndarray | None:
    tokens = [t.lower() for t in _WORD.findall(text)]
    if len(tokens) < _MIN_WORDS:
        return None
    grams = {" ".join(tokens[i : i + shingle]).encode("utf-8") for i in range(len(tokens) - shingle + 1)}
    mh = MinHash(num_perm=num_perm, seed=1)
    mh.update_batch(list(grams))
    return mh.hashvalues.astype(np.uint64)


class NearDuplicates:
    def __init__(self, settings: Settings, index: BandIndex) -> None:
        self.num_perm = int(settings.get("dedupe", "num_perm"))
        self.threshold = float(settings.get("dedupe", "threshold"))
        self.shingle = int(settings.get("dedupe", "shingle"))
        self.rows = _optimal_rows(self.num_perm, self.threshold)
        self.index = index
        # Earlier members that joined a group because a later copy arrived: the store updates them.
        self.regrouped: dict[str, str] = {}

    @classmethod
    def in_memory(cls, settings: Settings) -> NearDuplicates:
        return cls(settings, MemoryBandIndex())

    def _band_keys(self, sig: np.ndarray) -> list[int]:
        keys = []
        for b in range(0, self.num_perm, self.rows):
            digest = hashlib.blake2b(sig[b : b + self.rows].tobytes() + bytes([b // self.rows]), digest_size=8)
            keys.append(int.from_bytes(digest.digest(), "big", signed=True))
        return keys

    def assign_all(self, articles: Iterable[tuple[str, str]]) -> list[str | None]:
        """The duplicate groups of new articles, (id, body) in stored order: the members their bands
        meet are read once for them all, then each is assigned as `assign` does, in order."""
        signed = [(article_id, signature(body, num_perm=self.num_perm, shingle=self.shingle))
                  for article_id, body in articles]
        keys = [self._band_keys(sig) if sig is not None else [] for _, sig in signed]
        self.index.prefetch(k for ks in keys for k in ks)
        return [self._assign(article_id, sig, ks) if sig is not None else None
                for (article_id, sig), ks in zip(signed, keys, strict=True)]

    def assign(self, article_id: str, body: str) -> str | None:
        """The duplicate group of a new article (the id of the group's first member), or None."""
        sig = signature(body, num_perm=self.num_perm, shingle=self.shingle)
        if sig is None:
            return None
        return self._assign(article_id, sig, self._band_keys(sig))

    def _assign(self, article_id: str, sig: np.ndarray, keys: list[int]) -> str | None:
        best: Member | None = None
        best_sim = self.threshold
        for member in self.index.candidates(keys):
            if member.article_id == article_id:
                return member.group
            sim = float(np.mean(member.signature == sig))
            if sim >= best_sim and (best is None or sim > best_sim or member.article_id < best.article_id):
                best, best_sim = member, sim
        group = None
        if best is not None:
            group = best.group or best.article_id
            if best.group is None:
                self.index.set_group(best.article_id, group)
                self.regrouped[best.article_id] = group
        self.index.add(Member(article_id, sig, group), keys)
        return group
