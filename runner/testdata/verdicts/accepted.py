# want: accepted
def add(a, b):
    return a + b
