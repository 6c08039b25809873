from solution import answer


def test_answer_public():
    """answer returns something"""
    assert answer() is not None
