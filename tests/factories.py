"""Kept for imports written before the factories moved into one module per app
(tests/<app>/factories.py): import from there."""

from tests.accounts.factories import PASSWORD, UserFactory

__all__ = ["PASSWORD", "UserFactory"]
