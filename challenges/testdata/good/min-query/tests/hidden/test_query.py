def test_run():
    """run returns 1"""
    from solution import run

    assert run() == 1
