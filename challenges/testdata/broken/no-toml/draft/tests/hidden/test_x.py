def test_x():
    """x"""
