"""Shared fixtures: one pipeline per test session (loading the model costs about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from dyad.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not present ({SHARED}): the shared data sets are not beside this checkout")
    return SHARED
