"""Fewer glibc malloc arenas in the ingest process.

glibc gives each thread that allocates under contention an arena of its own, up to eight per core,
and memory freed into an arena stays with it. The ingest process runs many threads (DuckDB's, the
Dask client's and its scheduler's), and `benchmarks/memory.py` found some 250 MiB of its resident
memory in 15 such arenas, against 30-50 MiB for an ingest that runs in one thread
(docs/deployment.md, RAM). Capping the count is what the MALLOC_ARENA_MAX environment variable does
at start-up; `mallopt` does the same from inside, for arenas made after the call.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger("wirewatch")

_M_ARENA_MAX = -8  # glibc's malloc.h


def cap_malloc_arenas(arenas: int) -> bool:
    """Allow at most `arenas` malloc arenas from now on (0: leave glibc's default). False where the C
    library is not glibc (musl, macOS) or refuses: nothing changes there."""
    if arenas <= 0:
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False
    if getattr(libc, "gnu_get_libc_version", None) is None:
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    done = mallopt(_M_ARENA_MAX, arenas) == 1
    if not done:
        log.debug("mallopt(M_ARENA_MAX, %d) refused", arenas)
    return done
