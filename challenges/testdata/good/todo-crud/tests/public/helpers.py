"""Helpers shared by the public tests (not a test module)."""


def make(session, *titles):
    return [session.add(t) for t in titles]
