# want: wrong-answer
# flag: refused: gc.get_objects
import gc


def add(a, b):
    for obj in gc.get_objects():
        pass
    return a + b
