# want: compile-error
# message: cannot import name 'add'
def plus(a, b):
    return a + b
