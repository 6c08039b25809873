import ormtest

import sqlalchemy as sa

import solution

_SPEC = [
    ("ada", ["ada@example.com", "ada@lovelace.org"]),
    ("bob", []),
    ("carol", ["carol@example.com"]),
    ("dave", ["d1@example.com", "d2@example.com", "d3@example.com"]),
    ("erin", []),
    ("frank", ["frank@example.com"]),
]


def _column(inspector, table, name):
    for column in inspector.get_columns(table):
        if column["name"] == name:
            return column
    assert False, "table %s has no column %r" % (table, name)


def _table_named(name):
    tables = solution.Base.metadata.tables
    assert name in tables, "Base.metadata has no table named %r" % name
    return tables[name]


def _values(table, **values):
    """values keyed by column object, so that a column's Python key does not matter."""
    columns = dict((c.name, c) for c in table.columns)
    missing = [name for name in values if name not in columns]
    assert not missing, "table %s lacks the column(s) %s" % (table.name, ", ".join(repr(m) for m in missing))
    return dict((columns[name], value) for name, value in values.items())


def _reverse_unordered(engine):
    """SQLite returns the rows of every SELECT without ORDER BY in reverse
    order on this engine's connections (call before the first connection)."""

    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA reverse_unordered_selects=ON")
        cursor.close()

    sa.event.listen(engine, "connect", _on_connect)


def _populate(engine, spec=_SPEC):
    """Commits the users of spec through plain Core inserts; returns {user id: (name, sorted emails)}."""
    users = _table_named("users")
    addresses = _table_named("addresses")
    expected = {}
    with engine.begin() as conn:
        for name, emails in spec:
            user_id = conn.execute(sa.insert(users).values(_values(users, name=name))).inserted_primary_key[0]
            for email in emails:
                conn.execute(sa.insert(addresses).values(_values(addresses, user_id=user_id, email=email)))
            expected[user_id] = (name, sorted(emails))
    return expected


def _read(users):
    """What the returned users hold: [(id, name, sorted emails)]."""
    out = []
    for i, user in enumerate(users):
        emails = []
        for address in user.addresses:
            ormtest.exact_type(address, solution.Address, "item of addresses of user %d" % i)
            emails.append(ormtest.exact_type(address.email, str, "email of an address"))
        out.append((ormtest.exact_type(user.id, int, "id of user %d" % i), user.name, sorted(emails)))
    return out


def _call(engine, counter=None):
    with ormtest.new_session(engine) as session:
        if counter is None:
            users = solution.users_with_addresses(session)
        else:
            with counter:
                users = solution.users_with_addresses(session)
        ormtest.exact_list_of(users, solution.User, "users_with_addresses return value")
    return users


def test_tables_schema():
    """users and addresses tables match the one-to-many models"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        inspector = ormtest.sa_inspect(engine)
        tables = inspector.get_table_names()
        for table in ("users", "addresses"):
            assert table in tables, "Base.metadata has no table named %r" % table
            pk = inspector.get_pk_constraint(table)["constrained_columns"]
            assert pk == ["id"], "the primary key of %s should be exactly (id), got %r" % (table, pk)
        for table, name, length in (("users", "name", 50), ("addresses", "email", 120)):
            col = _column(inspector, table, name)
            assert col["type"].python_type is str, "%s.%s should be a string column" % (table, name)
            assert getattr(col["type"], "length", None) == length, (
                "%s.%s should be String(%d), got %s" % (table, name, length, col["type"])
            )
            assert col["nullable"] is False, "%s.%s should be NOT NULL" % (table, name)
        user_id = _column(inspector, "addresses", "user_id")
        assert user_id["nullable"] is False, "addresses.user_id should be NOT NULL"
        fks = [
            (fk["constrained_columns"], fk["referred_table"], fk["referred_columns"])
            for fk in inspector.get_foreign_keys("addresses")
        ]
        assert (["user_id"], "users", ["id"]) in fks, "addresses.user_id should be a foreign key to users.id"


def test_relationships_load_both_sides():
    """User.addresses and Address.user load the related rows"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        expected = _populate(engine)
        dave_id = [k for k, v in expected.items() if v[0] == "dave"][0]
        with ormtest.new_session(engine) as session:
            dave = session.get(solution.User, dave_id)
            emails = sorted(a.email for a in dave.addresses)
            assert emails == expected[dave_id][1], "dave.addresses should hold dave's 3 addresses, got %r" % (emails,)
            address = dave.addresses[0]
            ormtest.exact_type(address.user, solution.User, "address.user")
            assert address.user.id == dave_id, "address.user should be the owning user"


def test_returns_every_user_by_id():
    """users_with_addresses returns every user, ordered by id"""
    with ormtest.database() as engine:
        _reverse_unordered(engine)
        ormtest.create_all(solution.Base, engine)
        expected = _populate(engine)
        users = _call(engine)
        ids = [ormtest.exact_type(u.id, int, "id of a returned user") for u in users]
        assert ids == sorted(expected), "expected the users with ids %r in that order, got %r" % (sorted(expected), ids)


def test_at_most_two_statements():
    """users_with_addresses uses at most 2 SQL statements"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _populate(engine)
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        _call(engine, counter)
        assert counter.count <= 2, (
            "users_with_addresses should use at most 2 SQL statements for 6 users, it used %d: %s"
            % (counter.count, counter.summary())
        )


def test_addresses_already_loaded():
    """reading every user's addresses afterwards emits no SQL"""
    with ormtest.database() as engine:
        _reverse_unordered(engine)
        ormtest.create_all(solution.Base, engine)
        expected = _populate(engine)
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        with ormtest.new_session(engine) as session:
            users = solution.users_with_addresses(session)
            ormtest.exact_list_of(users, solution.User, "users_with_addresses return value")
            with counter:
                got = _read(users)
        assert counter.count == 0, (
            "reading user.addresses of the returned users emitted %d SQL statements: %s"
            % (counter.count, counter.summary())
        )
        want = [(k, v[0], v[1]) for k, v in sorted(expected.items())]
        assert got == want, "the returned users and their addresses are wrong: expected %r, got %r" % (want, got)


def test_addresses_readable_after_close():
    """addresses can be read after the session is closed"""
    with ormtest.database() as engine:
        _reverse_unordered(engine)
        ormtest.create_all(solution.Base, engine)
        expected = _populate(engine)
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        users = _call(engine)
        with counter:
            try:
                got = _read(users)
            except sa.orm.exc.DetachedInstanceError:
                assert False, (
                    "after the session was closed, reading a returned user's attributes or addresses failed:"
                    " they were not loaded (or were expired)"
                )
        assert counter.count == 0, "reading addresses after the session was closed emitted SQL: %s" % counter.summary()
        want = [(k, v[0], v[1]) for k, v in sorted(expected.items())]
        assert got == want, "the returned users and their addresses are wrong: expected %r, got %r" % (want, got)


def test_many_users_still_two_statements():
    """the statement count does not grow with the number of users"""
    with ormtest.database() as engine:
        _reverse_unordered(engine)
        ormtest.create_all(solution.Base, engine)
        spec = [("user%02d" % i, ["u%02d-%d@example.com" % (i, j) for j in range(i % 3)]) for i in range(40)]
        expected = _populate(engine, spec)
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        users = _call(engine, counter)
        assert counter.count <= 2, "for 40 users users_with_addresses used %d SQL statements" % counter.count
        got = _read(users)
        want = [(k, v[0], v[1]) for k, v in sorted(expected.items())]
        assert got == want, "the 40 returned users or their addresses are wrong"


def test_no_users():
    """users_with_addresses returns an empty list for an empty database"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        users = _call(engine)
        assert len(users) == 0, "expected no users, got %d" % len(users)


def test_mapping_keeps_lazy_loading():
    """the addresses relationship keeps the default lazy loading"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        expected = _populate(engine)
        prop = ormtest.sa_inspect(solution.User).relationships["addresses"]
        assert prop.lazy in ("select", True), (
            "User.addresses should keep the default lazy='select' on relationship(), it has lazy=%r" % (prop.lazy,)
        )
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        ada_id = min(expected)
        with ormtest.new_session(engine) as session:
            with counter:
                ada = session.scalars(sa.select(solution.User).where(solution.User.id == ada_id)).one()
            assert counter.count == 1, "a plain select of one user should be 1 statement, was %d" % counter.count
            assert "addresses" in ormtest.sa_inspect(ada).unloaded, (
                "a plain select(User) already loaded addresses: the relationship itself loads eagerly"
            )
            with counter:
                emails = sorted(a.email for a in ada.addresses)
            assert counter.count == 1, "reading addresses of a plainly loaded user should lazy-load with 1 statement, used %d" % counter.count
            assert emails == expected[ada_id][1], "ada's addresses should lazy-load, got %r" % (emails,)
