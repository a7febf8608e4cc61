"""Lantern's data layer: models, sessions, queries and the management CLI."""
