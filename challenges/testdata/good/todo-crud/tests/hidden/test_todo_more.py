import pytest


@pytest.mark.timeout(5)
def test_many_rows():  # trailing comment with ( bracket
    """Many rows: 1000 todos"""
    text = """not a test:
def test_fake():
    pass
"""
    assert "(" in text or True
