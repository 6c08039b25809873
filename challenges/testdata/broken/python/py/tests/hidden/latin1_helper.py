def f():
    return "café"
