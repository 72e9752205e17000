"""Values handed to DuckDB in bulk: rows as an Arrow table, lists of keys as one packed string.

Why not bound parameters: DuckDB's Python binding checks every bound value for pandas types and,
where pandas is not installed, tries the import again for each value (two failed imports per value,
each a walk of `sys.path`). A profile of `ingest` spent about a fifth of its time in those imports,
and `executemany` also runs its statement once per row. An Arrow table registered on the connection
is read by DuckDB column by column without any value passing through the binding, and a list of keys
packed into one string is one bound value, split in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

# Joins packed values: a control character no key, id or date contains.
SEP = "\x1f"
# What a query writes to split a packed parameter back into its values.
UNPACK = "unnest(string_split(?, chr(31)))"

TEXT = pa.string()
INT = pa.int64()
FLOAT = pa.float64()
BLOB = pa.binary()
TEXT_LIST = pa.list_(pa.string())


def packed(values: Iterable[str]) -> str:
    """Many values as one parameter, split in SQL by `UNPACK`."""
    return SEP.join(values)


def marks(values: Sequence[Any]) -> str:
    """One placeholder per value, for an explicit IN list: DuckDB answers that from a primary-key
    index (3 ms for 20 ids at 1M articles), an `UNPACK` list with a scan (24 ms)."""
    return ", ".join("?" * len(values))


def column(kind: pa.DataType, values: Sequence[Any]) -> pa.Array:
    """One column of rows; the type is given, as a column of only NULLs would otherwise have none."""
    return pa.array(values, type=kind)


@contextmanager
def rows(con: duckdb.DuckDBPyConnection, name: str, columns: Mapping[str, pa.Array]) -> Iterator[str]:
    """Rows readable in SQL as the view `name` while the block runs (`INSERT INTO t BY NAME SELECT ...
    FROM name`); the view is dropped after, so nothing of the batch stays referenced."""
    con.register(name, pa.table(dict(columns)))
    try:
        yield name
    finally:
        con.unregister(name)
