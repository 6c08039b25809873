# want: accepted
# score: 4
def add(a, b):
    return a + b
