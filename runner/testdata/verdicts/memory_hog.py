# want: memory-limit
def add(a, b):
    hog = []
    while True:
        hog.append(bytearray(8 << 20))
