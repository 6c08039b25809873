"""Test support for ormcheck challenges.

Every test module imports this module *before* it imports the candidate's
``solution``, so the instruments below are captured before any candidate code
runs: a solution that later replaces ``sqlalchemy.event.listen``, ``type`` or
``isinstance`` cannot blind them.

The same file ships with ``ormcheck init`` so that the public tests run under
plain ``pytest`` on a candidate's machine.
"""

import asyncio as _asyncio
import builtins as _builtins
import contextlib as _contextlib
import os as _os
import shutil as _shutil
import sqlite3 as _sqlite3
import tempfile as _tempfile

import sqlalchemy as _sa
from sqlalchemy import event as _event
from sqlalchemy import orm as _orm
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

# Instruments, captured at import time.
_type = _builtins.type
_isinstance = _builtins.isinstance
_len = _builtins.len
_repr = _builtins.repr
_listen = _event.listen
_create_engine = _sa.create_engine
_text = _sa.text
_inspect = _sa.inspect
_configure_mappers = _orm.configure_mappers
_Session = _orm.Session
_asyncio_run = _asyncio.run

__all__ = [
    "database",
    "async_database",
    "create_all",
    "StatementCounter",
    "rows",
    "scalar",
    "exact_type",
    "exact_list_of",
    "new_session",
    "configure",
    "run_async",
    "sa_inspect",
    "prove_live_async",
    "async_rows",
    "instance_of",
]

sa_inspect = _inspect


def _make_registry():
    # The database file behind each engine this module made. Kept in default
    # arguments (which the grading sandbox does not let a solution read or
    # replace), not in a module global a solution could edit.
    paths = {}

    def remember(engine, path, _paths=paths, _id=id):
        _paths[_id(engine)] = path

    def forget(engine, _paths=paths, _id=id):
        _paths.pop(_id(engine), None)

    def path_of(engine, _paths=paths, _id=id):
        return _paths.get(_id(engine))

    return remember, forget, path_of


_remember, _forget, _path_of = _make_registry()


def _read_file(path, sql, params, _connect=_sqlite3.connect, _tuple=tuple, _list=list):
    """Rows of sql read straight from the database file with sqlite3 (not
    through SQLAlchemy or any object the solution was handed), so only what
    was committed, as stored, can be seen."""
    conn = _connect(path)
    try:
        return _list(_tuple(r) for r in conn.execute(sql, params).fetchall())
    finally:
        conn.close()


def _foreign_keys_on(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@_contextlib.contextmanager
def database():
    """A fresh file-based SQLite engine with foreign keys enforced.

    Yields the engine; the file is removed afterwards. A file (not a shared
    in-memory connection) means a second session really sees only what was
    committed.
    """
    folder = _tempfile.mkdtemp(prefix="ormtest-")
    path = _os.path.join(folder, "test.db")
    engine = _create_engine("sqlite:///" + path)
    _listen(engine, "connect", _foreign_keys_on)
    _remember(engine, path)
    try:
        yield engine
    finally:
        _forget(engine)
        engine.dispose()
        _shutil.rmtree(folder, ignore_errors=True)


@_contextlib.asynccontextmanager
async def async_database():
    """Like database(), for an AsyncEngine on aiosqlite."""
    folder = _tempfile.mkdtemp(prefix="ormtest-")
    path = _os.path.join(folder, "test.db")
    engine = _create_async_engine("sqlite+aiosqlite:///" + path)
    _listen(engine.sync_engine, "connect", _foreign_keys_on)
    _remember(engine, path)
    try:
        yield engine
    finally:
        _forget(engine)
        await engine.dispose()
        _shutil.rmtree(folder, ignore_errors=True)


def configure():
    """Configure every mapper (a backref on the other class exists only after this)."""
    _configure_mappers()


def create_all(base, engine):
    """Create every table of the candidate's declarative base on engine."""
    metadata = getattr(base, "metadata", None)
    assert metadata is not None, "Base has no metadata: Base must be the declarative base"
    metadata.create_all(engine)
    configure()


def new_session(engine, **kwargs):
    """A plain Session on engine, independent of the candidate's code."""
    return _Session(engine, **kwargs)


def rows(engine, sql, **params):
    """Rows of a plain SQL query, as tuples: read from the database file
    itself for engines made by database(), so only committed data counts."""
    path = _path_of(engine)
    if path is not None:
        return _read_file(path, sql, params)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(_text(sql), params)]


def scalar(engine, sql, **params):
    """The single value of a plain SQL query (first column of the first row)."""
    path = _path_of(engine)
    if path is not None:
        found = _read_file(path, sql, params)
        return found[0][0] if found else None
    with engine.connect() as conn:
        return conn.execute(_text(sql), params).scalar()


class StatementCounter:
    """Counts SQL statements sent through an engine.

    The listener is attached with the ``listen`` captured at import time, and
    ``prove_live()`` checks that it really fires before a count of zero or one
    is trusted::

        counter = StatementCounter(engine)
        counter.prove_live()
        with counter:          # proves itself live again on the way out
            result = solution.users_with_addresses(session)
        assert counter.count <= 2, ...
    """

    def __init__(self, engine):
        self.is_async = hasattr(engine, "sync_engine")
        self.engine = getattr(engine, "sync_engine", engine)
        self.statements = []
        self.active = False
        _listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, conn, cursor, statement, parameters, context, executemany):
        if self.active:
            self.statements.append(statement)

    @property
    def count(self):
        return _len(self.statements)

    def prove_live(self, problem="the statement counter does not work: was sqlalchemy.event.listen replaced?"):
        """Raise unless the counter sees a statement of our own."""
        self.statements = []
        self.active = True
        try:
            with self.engine.connect() as conn:
                conn.execute(_text("SELECT 1"))
        finally:
            self.active = False
        seen = _len(self.statements)
        self.statements = []
        assert seen == 1, problem

    async def prove_live_async(self, async_engine):
        """prove_live() for an AsyncEngine (the counter's engine is its sync_engine)."""
        await prove_live_async(self, async_engine)

    def __enter__(self):
        self.statements = []
        self.active = True
        return self

    def __exit__(self, exc_type, *exc):
        self.active = False
        if exc_type is None and not self.is_async:
            # Prove the counter was still live at the end of the measured
            # call too: a solution could have detached its listener.
            measured = self.statements
            try:
                self.prove_live("the statement counter stopped working during the call: were its listeners removed?")
            finally:
                self.statements = measured
        return False

    def summary(self):
        return "; ".join(s.split("\n")[0][:80] for s in self.statements)


def exact_type(value, expected, what):
    """Assert type(value) is expected (not a subclass, not an impostor)."""
    actual = _type(value)
    assert actual is expected, "%s: expected %s, got %s" % (what, expected.__name__, actual.__name__)
    return value


def exact_list_of(value, expected, what):
    """Assert value is a real list whose items are all exactly of type expected."""
    exact_type(value, list, what)
    for i, item in enumerate(value):
        exact_type(item, expected, "%s[%d]" % (what, i))
    return value


def run_async(coro):
    """Run a coroutine to completion on a fresh event loop."""
    return _asyncio_run(coro)


async def prove_live_async(counter, async_engine):
    """Like StatementCounter.prove_live(), for an AsyncEngine."""
    counter.statements = []
    counter.active = True
    try:
        async with async_engine.connect() as conn:
            await conn.execute(_text("SELECT 1"))
    finally:
        counter.active = False
    seen = _len(counter.statements)
    counter.statements = []
    assert seen == 1, "the statement counter does not work: was sqlalchemy.event.listen replaced?"


async def async_rows(async_engine, sql, **params):
    """rows() for an AsyncEngine."""
    path = _path_of(async_engine)
    if path is not None:
        return _read_file(path, sql, params)
    async with async_engine.connect() as conn:
        return [tuple(r) for r in (await conn.execute(_text(sql), params))]


def instance_of(value, expected, what):
    """Assert isinstance(value, expected), with the isinstance captured at import."""
    assert _isinstance(value, expected), "%s: expected a %s, got %s" % (
        what,
        getattr(expected, "__name__", _repr(expected)),
        _type(value).__name__,
    )
    return value
