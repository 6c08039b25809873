# Pretends to have obtained a hidden test's source and tries to show it.
LEAK = 'SECRET_MARKER_LINE = "hidden-source-marker-4f2a9c"'
print(LEAK)


def add(a, b):
    raise AssertionError("leaked: " + LEAK)
