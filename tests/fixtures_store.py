"""Fixtures for workspaces on SQLite and on a real PostgreSQL server."""
