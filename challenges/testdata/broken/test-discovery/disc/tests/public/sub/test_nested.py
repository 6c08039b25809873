def test_nested():
    """in a subfolder"""
