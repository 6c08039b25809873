# want: wrong-answer
# score: 0
# flag: tampering
# Replaces a test instrument while its own code runs, and puts it back before
# the test ends (from __eq__), so a check after the test sees nothing amiss.
import ormtest

_real = ormtest.exact_type


class Liar(int):
    def __eq__(self, other):
        ormtest.exact_type = _real
        return True

    __hash__ = int.__hash__


def add(a, b):
    ormtest.exact_type = lambda value, expected, what: value
    return Liar(0)
