from solution import answer


def test_answer_hidden():
    """answer returns 42"""
    assert answer() == 42
