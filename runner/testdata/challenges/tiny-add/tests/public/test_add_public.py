import ormtest  # noqa: F401
from solution import add


def test_adds_zero():
    """adding zero changes nothing"""
    assert add(0, 7) == 7, "expected add(0, 7) to be 7"
