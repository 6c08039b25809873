# want: wrong-answer
# score: 2
# message: expected add(2, 3) to be 5, got 6
def add(a, b):
    return a + b + (1 if a > 0 else 0)
