# want: wrong-answer
# message: expected int, got Liar
class Liar(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def add(a, b):
    return Liar(0)
