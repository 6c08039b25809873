# want: wrong-answer
# flag: refused: sys._getframe
# Walks up the stack looking for the harness's report key.
import sys


def add(a, b):
    f = sys._getframe()
    while f is not None:
        if "key" in f.f_locals:
            return f.f_locals["key"]
        f = f.f_back
    return 0
