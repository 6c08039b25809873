# want: wrong-answer
# message: opening /proc/self/mem is not allowed
# flag: refused: opening /proc/self/mem
# Tries to read the process's own memory (where the report key lives), with
# a path-like object that changes its answer between readings. The hook sees
# the path open() really uses; behind it, the harness made the process
# non-dumpable, so /proc/self/mem belongs to root.
import os


class Sly:
    calls = 0

    def __fspath__(self):
        Sly.calls += 1
        return "/proc/self/mem" if Sly.calls % 2 == 1 else "/tmp/harmless"


def add(a, b):
    try:
        fd = os.open(Sly(), os.O_RDONLY)
        os.close(fd)
        return "opened /proc/self/mem"
    except OSError as e:
        raise AssertionError("could not open it: %s" % e)
