# want: compile-error
# message: a second copy of _signal is not allowed
# A fresh copy of the _signal module would bring back the original
# signal.signal, whose handlers receive the interrupted frame.
import importlib.util

spec = importlib.util.find_spec("_signal")
fresh = importlib.util.module_from_spec(spec)


def add(a, b):
    return a + b
