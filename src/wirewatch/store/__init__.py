"""Storage in DuckDB: schema, writes in one transaction per batch, queries and exports."""
