import ormtest

import sqlalchemy as sa

import solution


def _column(inspector, table, name):
    for column in inspector.get_columns(table):
        if column["name"] == name:
            return column
    assert False, "table %s has no column %r" % (table, name)


def _make_users(engine, spec):
    """spec: list of (name, [emails]); commits; returns the user ids in order."""
    ids = []
    with ormtest.new_session(engine) as session:
        users = []
        for name, emails in spec:
            user = solution.User(name=name)
            session.add(user)
            for email in emails:
                address = solution.Address(email=email)
                user.addresses.append(address)
                session.add(address)
            users.append(user)
        session.commit()
        for user in users:
            ids.append(ormtest.exact_type(user.id, int, "id of a committed user"))
    return ids


def _addresses(engine):
    rows = ormtest.rows(engine, "SELECT user_id, email FROM addresses")
    return sorted(rows, key=lambda r: (r[0] is None, r[0] or 0, r[1]))


def _pairs(result):
    ormtest.exact_type(result, list, "address_counts return value")
    pairs = []
    for i, pair in enumerate(result):
        assert type(pair) is tuple or type(pair) is sa.engine.Row, (
            "address_counts()[%d] should be a tuple or a Row, got %s" % (i, type(pair).__name__)
        )
        pair = tuple(pair)
        assert len(pair) == 2, "address_counts()[%d] should be a (name, count) pair, got %d items" % (i, len(pair))
        ormtest.exact_type(pair[0], str, "name in address_counts()[%d]" % i)
        ormtest.exact_type(pair[1], int, "count in address_counts()[%d]" % i)
        pairs.append(pair)
    return pairs


def _counts(engine):
    with ormtest.new_session(engine) as session:
        return _pairs(solution.address_counts(session))


def test_tables_schema():
    """users and addresses tables have the columns of the contract"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        inspector = ormtest.sa_inspect(engine)
        tables = inspector.get_table_names()
        for table in ("users", "addresses"):
            assert table in tables, "Base.metadata has no table named %r" % table
            pk = inspector.get_pk_constraint(table)["constrained_columns"]
            assert pk == ["id"], "the primary key of %s should be exactly (id), got %r" % (table, pk)
            assert _column(inspector, table, "id")["type"].python_type is int, "%s.id should be an integer column" % table
        for table, name, length in (("users", "name", 50), ("addresses", "email", 120)):
            col = _column(inspector, table, name)
            assert col["type"].python_type is str, "%s.%s should be a string column" % (table, name)
            assert getattr(col["type"], "length", None) == length, (
                "%s.%s should be String(%d), got %s" % (table, name, length, col["type"])
            )
            assert col["nullable"] is False, "%s.%s should be NOT NULL" % (table, name)
        user_id = _column(inspector, "addresses", "user_id")
        assert user_id["type"].python_type is int, "addresses.user_id should be an integer column"
        assert user_id["nullable"] is False, "addresses.user_id should be NOT NULL"
        fks = [
            (fk["constrained_columns"], fk["referred_table"], fk["referred_columns"])
            for fk in inspector.get_foreign_keys("addresses")
        ]
        assert (["user_id"], "users", ["id"]) in fks, (
            "addresses.user_id should be a foreign key to users.id, found foreign keys %r" % (fks,)
        )


def test_append_sets_address_user():
    """appending to user.addresses sets address.user before any flush"""
    user = solution.User(name="ada")
    address = solution.Address(email="ada@example.com")
    user.addresses.append(address)
    assert address.user is user, "after user.addresses.append(address), address.user should be that user"
    assert len(user.addresses) == 1 and user.addresses[0] is address, (
        "user.addresses should be a list holding exactly the appended address"
    )


def test_setting_user_appends_address():
    """setting address.user adds it to user.addresses before any flush"""
    user = solution.User(name="ada")
    first = solution.Address(email="ada@example.com")
    second = solution.Address(email="ada@lovelace.org")
    first.user = user
    second.user = user
    assert len(user.addresses) == 2, "after setting address.user on two addresses, user.addresses should hold 2, holds %d" % len(user.addresses)
    assert user.addresses[0] is first and user.addresses[1] is second, (
        "user.addresses should list the two addresses whose user was set, in that order"
    )


def test_relationships_persist_and_load():
    """addresses linked through the relationship load back on both sides"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ada_id, alan_id = _make_users(engine, [("ada", ["ada@example.com", "ada@lovelace.org"]), ("alan", ["alan@example.com"])])
        stored = _addresses(engine)
        assert stored == [(ada_id, "ada@example.com"), (ada_id, "ada@lovelace.org"), (alan_id, "alan@example.com")], (
            "addresses appended to user.addresses should be stored with that user's id, table addresses holds %r" % (stored,)
        )
        with ormtest.new_session(engine) as session:
            ada = session.get(solution.User, ada_id)
            ormtest.exact_type(ada, solution.User, "the user loaded by id")
            emails = sorted(ormtest.exact_type(a, solution.Address, "item of user.addresses").email for a in ada.addresses)
            assert emails == ["ada@example.com", "ada@lovelace.org"], "ada's addresses should load back, got %r" % (emails,)
            address_id = ormtest.scalar(engine, "SELECT id FROM addresses WHERE email = 'alan@example.com'")
            address = session.get(solution.Address, address_id)
            owner = address.user
            ormtest.exact_type(owner, solution.User, "address.user")
            assert owner.id == alan_id and owner.name == "alan", "address.user should be the owning user 'alan'"


def test_delete_user_deletes_addresses():
    """deleting a user through the session deletes its addresses"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ids = _make_users(engine, [
            ("ada", ["ada@example.com", "ada@lovelace.org"]),
            ("alan", ["alan@example.com"]),
            ("grace", ["grace@example.com", "grace@navy.mil"]),
        ])
        with ormtest.new_session(engine) as session:
            ada = session.get(solution.User, ids[0])
            grace = session.get(solution.User, ids[2])
            assert len(grace.addresses) == 2, "grace should have 2 addresses before the delete"
            session.delete(ada)
            session.delete(grace)
            session.commit()
        assert ormtest.rows(engine, "SELECT name FROM users") == [("alan",)], "the deleted users should be gone"
        stored = _addresses(engine)
        assert stored == [(ids[1], "alan@example.com")], (
            "deleting a user should delete its addresses (and only those), table addresses holds %r" % (stored,)
        )


def test_removed_address_deleted_at_flush():
    """an address removed from user.addresses is deleted at the next flush"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        (ada_id,) = _make_users(engine, [("ada", ["ada@example.com", "ada@lovelace.org"])])
        with ormtest.new_session(engine) as session:
            ada = session.get(solution.User, ada_id)
            removed = [a for a in ada.addresses if a.email == "ada@example.com"][0]
            removed_id = removed.id
            ada.addresses.remove(removed)
            session.flush()
            left = session.execute(sa.text("SELECT count(*) FROM addresses WHERE id = :i"), {"i": removed_id}).scalar()
            assert left == 0, "the removed address should be deleted by the flush (delete-orphan), it is still in the table"
            session.commit()
        stored = _addresses(engine)
        assert stored == [(ada_id, "ada@lovelace.org")], (
            "after removing one address and committing, table addresses should hold only the other, holds %r" % (stored,)
        )


def test_address_counts_values():
    """address_counts gives each user's name and number of addresses"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _make_users(engine, [
            ("carol", ["c1@example.com", "c2@example.com"]),
            ("dave", ["d1@example.com", "d2@example.com", "d3@example.com"]),
            ("alice", ["a1@example.com"]),
        ])
        pairs = _counts(engine)
        assert sorted(pairs) == [("alice", 1), ("carol", 2), ("dave", 3)], (
            "expected the pairs alice 1, carol 2, dave 3, got %r" % (pairs,)
        )


def test_address_counts_include_zero():
    """users without any address are counted with 0"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _make_users(engine, [("bob", []), ("alice", ["a1@example.com"]), ("erin", [])])
        pairs = _counts(engine)
        assert sorted(pairs) == [("alice", 1), ("bob", 0), ("erin", 0)], (
            "expected alice 1, bob 0, erin 0 (users without addresses count 0), got %r" % (pairs,)
        )


def test_address_counts_order():
    """address_counts orders by count descending, then name ascending"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _make_users(engine, [
            ("erin", []),
            ("carol", ["c1@example.com", "c2@example.com"]),
            ("bob", []),
            ("dave", ["d1@example.com", "d2@example.com", "d3@example.com"]),
            ("alice", ["a1@example.com", "a2@example.com"]),
            ("frank", ["f1@example.com"]),
        ])
        pairs = _counts(engine)
        expected = [("dave", 3), ("alice", 2), ("carol", 2), ("frank", 1), ("bob", 0), ("erin", 0)]
        assert pairs == expected, "expected %r (count descending, then name), got %r" % (expected, pairs)


def test_address_counts_same_name():
    """two users sharing a name are counted separately"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _make_users(engine, [
            ("sam", ["s1@example.com", "s2@example.com"]),
            ("kim", ["k1@example.com"]),
            ("sam", []),
        ])
        pairs = _counts(engine)
        assert pairs == [("sam", 2), ("kim", 1), ("sam", 0)], (
            "expected one pair per user: sam 2, kim 1, sam 0, got %r" % (pairs,)
        )


def test_address_counts_empty():
    """address_counts returns an empty list when there are no users"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        pairs = _counts(engine)
        assert pairs == [], "expected no pairs for an empty database, got %r" % (pairs,)


def test_address_counts_one_query():
    """address_counts runs a single SQL query"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _make_users(engine, [
            ("ada", ["a1@example.com", "a2@example.com"]),
            ("alan", ["b1@example.com"]),
            ("grace", []),
            ("linus", ["l1@example.com"]),
        ])
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        with ormtest.new_session(engine) as session:
            with counter:
                result = solution.address_counts(session)
            pairs = _pairs(result)
        assert counter.count == 1, "address_counts should run exactly 1 SQL query, it ran %d: %s" % (counter.count, counter.summary())
        assert pairs == [("ada", 2), ("alan", 1), ("linus", 1), ("grace", 0)], "address_counts returned %r" % (pairs,)
