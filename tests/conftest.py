import pytest

from newslint.registry import Registry
from tests.helpers import _REGISTRY


@pytest.fixture(scope="session")
def registry() -> Registry:
    return _REGISTRY
