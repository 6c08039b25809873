# want: time-limit
# message: did not finish within 3s
import time


def add(a, b):
    if a == 2:
        time.sleep(60)
    return a + b
