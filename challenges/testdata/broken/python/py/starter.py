def answer():
    return {"a": 1]
