"""Linking: stories across outlets and languages, claims, origins and corroboration."""
