# want: accepted
# flag: network attempt
import socket

try:
    socket.create_connection(("10.255.255.1", 80), timeout=1)
except OSError:
    pass


def add(a, b):
    return a + b
