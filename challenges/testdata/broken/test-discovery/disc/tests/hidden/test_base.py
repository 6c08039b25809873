import pytest


def test_with_fixture(db):
    """uses a fixture"""
    assert db


def test_multiline_params(
    a,
    b=1,
):
    """takes two"""


async def test_async():
    """async"""


def test_no_docstring():
    x = """not a docstring: not the first statement"""


def test_empty_docstring():
    """   """


def test_fstring_docstring():
    f"""an f-string is not a docstring"""


class TestGroup:
    def test_in_class(self):
        """inside a class"""


def testcamel():
    """pytest collects this too"""


def test_fine():
    """a good one"""
