# want: compile-error
# message: SyntaxError
# message: line 4
def add(a, b)
    return a + b
