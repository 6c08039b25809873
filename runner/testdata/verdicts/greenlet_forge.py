# want: wrong-answer
# score: 0
# message: forged=False
# Tries to walk from a greenlet to the harness worker's frame (greenlet's
# gr_frame raises no audit event) to put a forged "passed" on its result
# queue. The harness replaced gr_frame before the solution was imported; were
# a frame ever reached, a pass still needs the interpreter to have seen the
# test function return.
import greenlet


def _forge():
    frame = greenlet.getcurrent().parent.gr_frame
    while frame is not None:
        loc = frame.f_locals
        if "results" in loc and "commands" in loc:
            index = loc.get("index")
            loc["results"].put((index, "passed", "", 1.0))
            return True
        frame = frame.f_back
    return False


def add(a, b):
    forged = greenlet.greenlet(_forge).switch()
    raise AssertionError("forged=%s" % forged)
