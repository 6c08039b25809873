def test_same_file_name():
    """a hidden module named like a public one"""
