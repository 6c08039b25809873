def answer():
    values = [1, 2, 3
    # a comment with a ] bracket and a "quote
    s = "a (string) with [brackets]"
    return sum(values)
