import ormtest
from solution import add_todo


def test_update(
):
    """
    update_todo changes the title

    More words, not part of the name.
    """
    assert add_todo


def test_update_missing():
    r"""update_todo raises LookupError for \d ids"""
    assert True


def test_delete():
    # A comment before the docstring.

    "delete_todo removes the row"
    x = f"{1 + 2:>{4}} {{literal}}"
    assert x
