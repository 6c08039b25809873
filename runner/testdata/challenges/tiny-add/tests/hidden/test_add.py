import ormtest
from solution import add

SECRET_MARKER_LINE = "hidden-source-marker-4f2a9c"


def test_adds_small():
    """adds two small numbers"""
    r = add(2, 3)
    ormtest.exact_type(r, int, "add(2, 3)")
    assert r == 5, "expected add(2, 3) to be 5, got %r" % (r,)


def test_adds_negative():
    """adds negative numbers"""
    r = add(-2, -3)
    ormtest.exact_type(r, int, "add(-2, -3)")
    assert r == -5, "expected add(-2, -3) to be -5, got %r" % (r,)
