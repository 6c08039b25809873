"""Helpers shared by the async-orders tests (public and hidden)."""

import ormtest
import solution


def failure(what, exc):
    """A short AssertionError for an exception raised by the solution (no long traceback)."""
    text = str(exc).strip()
    first = text.splitlines()[0][:200] if text else ""
    return AssertionError("%s raised %s%s" % (what, type(exc).__name__, ": " + first if first else ""))


async def call(what, awaitable):
    """Await a call into the solution, turning an exception into a short failure."""
    try:
        return await awaitable
    except Exception as exc:
        raise failure(what, exc) from None


def make(engine):
    """solution.make_sessionmaker(engine), an exception turned into a short failure."""
    try:
        return solution.make_sessionmaker(engine)
    except Exception as exc:
        raise failure("make_sessionmaker", exc) from None


async def create_tables(engine):
    async with engine.begin() as conn:
        await conn.run_sync(solution.Base.metadata.create_all)
    ormtest.configure()


async def sql(engine, sql_text):
    """Rows of a plain SQL query on a connection of its own, as tuples."""
    async with engine.connect() as conn:
        result = await conn.exec_driver_sql(sql_text)
        return [tuple(row) for row in result.all()]
