# want: wrong-answer
# flag: refused: sys._getframe
# logging.currentframe() is a library function that returns a frame: the
# sandbox allows logging's own use of frames, not this one.
import logging


def add(a, b):
    frame = logging.currentframe()
    while frame is not None:
        frame = frame.f_back
    return a + b
