data = 1
