"""The `wirewatch` command: thin Typer commands, one per library function."""
