"""Extraction: entities with aliases and roles, places, and attributed statements."""
