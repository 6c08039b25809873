import ormtest

import sqlalchemy as sa

import solution


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


def _insert(engine, *pairs):
    # A Core insert on the table object, so that Python-side defaults of any
    # extra columns are applied; one row per statement keeps ids in order.
    users = _table_named("users")
    with engine.begin() as conn:
        for username, email in pairs:
            conn.execute(sa.insert(users).values(_values(users, username=username, email=email)))


def _table(engine):
    return sorted(ormtest.rows(engine, "SELECT id, username, email FROM users"))


def _expect_integrity_error(call, message):
    try:
        call()
    except sa.exc.IntegrityError:
        return
    assert False, message


def _column(columns, name):
    for column in columns:
        if column["name"] == name:
            return column
    assert False, "table users has no column %r" % name


def test_users_table_schema():
    """users table has the id, username and email columns of the contract"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        inspector = ormtest.sa_inspect(engine)
        assert "users" in inspector.get_table_names(), "Base.metadata has no table named 'users'"
        columns = inspector.get_columns("users")
        pk = inspector.get_pk_constraint("users")["constrained_columns"]
        assert pk == ["id"], "the primary key of users should be exactly (id), got %r" % (pk,)
        id_col = _column(columns, "id")
        assert id_col["type"].python_type is int, "users.id should be an integer column"
        for name, length in (("username", 80), ("email", 120)):
            col = _column(columns, name)
            assert col["type"].python_type is str, "users.%s should be a string column" % name
            assert getattr(col["type"], "length", None) == length, (
                "users.%s should be String(%d), got %s" % (name, length, col["type"])
            )
            assert col["nullable"] is False, "users.%s should be NOT NULL" % name
        unique = [c["column_names"] for c in inspector.get_unique_constraints("users")]
        unique += [i["column_names"] for i in inspector.get_indexes("users") if i.get("unique")]
        assert ["username"] in unique, "users.username should be unique (no unique constraint or index found)"


def test_null_columns_rejected():
    """the database refuses a user without username or email"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        users = _table_named("users")
        for column, values in (
            ("username", {"username": None, "email": "x@example.com"}),
            ("email", {"username": "x", "email": None}),
        ):
            def _store(values=values):
                with engine.begin() as conn:
                    conn.execute(sa.insert(users).values(_values(users, **values)))

            _expect_integrity_error(_store, "the database accepted a NULL %s: users.%s should be NOT NULL" % (column, column))
        assert _table(engine) == [], "a row with a NULL username or email was stored"


def test_create_user_commits():
    """create_user commits and returns the persisted user with its id"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            user = solution.create_user(session, "ada", "ada@example.com")
            ormtest.exact_type(user, solution.User, "create_user return value")
            user_id = ormtest.exact_type(user.id, int, "id of the returned user")
            assert ormtest.exact_type(user.username, str, "username") == "ada", "returned user has the wrong username"
            assert ormtest.exact_type(user.email, str, "email") == "ada@example.com", "returned user has the wrong email"
        stored = _table(engine)
        assert stored == [(user_id, "ada", "ada@example.com")], (
            "create_user did not commit: another connection sees %r" % (stored,)
        )


def test_create_several_users():
    """create_user gives each new user its own id"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            ids = []
            for name in ("ada", "grace", "linus"):
                user = solution.create_user(session, name, name + "@example.com")
                ids.append(ormtest.exact_type(user.id, int, "id of user %r" % name))
        assert len(set(ids)) == 3, "three users should get three different ids, got %r" % (ids,)
        stored = _table(engine)
        expected = sorted(zip(ids, ["ada", "grace", "linus"], ["ada@example.com", "grace@example.com", "linus@example.com"]))
        assert stored == expected, "expected the three created users in table users, found %r" % (stored,)


def test_duplicate_username_raises():
    """a duplicate username raises IntegrityError"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            solution.create_user(session, "ada", "ada@example.com")
            _expect_integrity_error(
                lambda: solution.create_user(session, "ada", "other@example.com"),
                "creating a second user 'ada' should raise sqlalchemy.exc.IntegrityError",
            )
        stored = [r[1:] for r in _table(engine)]
        assert stored == [("ada", "ada@example.com")], (
            "after a rejected duplicate, table users should hold only the first 'ada', found %r" % (stored,)
        )


def test_session_usable_after_duplicate():
    """the session can be used again right after a duplicate username"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            solution.create_user(session, "ada", "ada@example.com")
            _expect_integrity_error(
                lambda: solution.create_user(session, "ada", "other@example.com"),
                "creating a second user 'ada' should raise sqlalchemy.exc.IntegrityError",
            )
            try:
                count = session.execute(sa.text("SELECT count(*) FROM users")).scalar()
            except sa.exc.PendingRollbackError:
                assert False, "after the IntegrityError the session was not rolled back: it cannot run a query"
            assert count == 1, "the session should see 1 user after the rejected duplicate, sees %r" % (count,)
            user = solution.create_user(session, "grace", "grace@example.com")
            ormtest.exact_type(user.id, int, "id of a user created after the duplicate")
        stored = [r[1:] for r in _table(engine)]
        assert stored == [("ada", "ada@example.com"), ("grace", "grace@example.com")], (
            "create_user after a rejected duplicate should work, table users holds %r" % (stored,)
        )


def test_duplicate_of_user_from_another_session():
    """a username committed elsewhere cannot be created again"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"))
        with ormtest.new_session(engine) as session:
            _expect_integrity_error(
                lambda: solution.create_user(session, "ada", "other@example.com"),
                "creating a second user 'ada' should raise sqlalchemy.exc.IntegrityError",
            )
            user = solution.create_user(session, "grace", "grace@example.com")
            ormtest.exact_type(user, solution.User, "create_user return value")
        stored = [r[1:] for r in _table(engine)]
        assert stored == [("ada", "ada@example.com"), ("grace", "grace@example.com")], (
            "expected ada (unchanged) and grace in table users, found %r" % (stored,)
        )


def test_get_user_found():
    """get_user finds a user committed by another session"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"), ("grace", "grace@example.com"))
        with ormtest.new_session(engine) as session:
            user = solution.get_user(session, "grace")
            ormtest.exact_type(user, solution.User, "get_user return value for an existing user")
            assert ormtest.exact_type(user.username, str, "username") == "grace", "get_user returned the wrong user"
            assert ormtest.exact_type(user.email, str, "email") == "grace@example.com", "get_user returned the wrong email"
            assert ormtest.exact_type(user.id, int, "id") == 2, "get_user returned the user with the wrong id"


def test_get_user_missing():
    """get_user returns None for an unknown username"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"))
        with ormtest.new_session(engine) as session:
            user = solution.get_user(session, "nobody")
            assert user is None, "get_user should return None for an unknown username, got %r" % (type(user).__name__,)


def test_update_email_commits():
    """update_email changes the email, commits and returns True"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"), ("grace", "grace@example.com"))
        with ormtest.new_session(engine) as session:
            result = solution.update_email(session, "ada", "ada@lovelace.org")
            ormtest.exact_type(result, bool, "update_email return value")
            assert result is True, "update_email should return True for an existing user"
        stored = _table(engine)
        assert stored == [(1, "ada", "ada@lovelace.org"), (2, "grace", "grace@example.com")], (
            "update_email did not commit exactly the new email: another connection sees %r" % (stored,)
        )


def test_update_email_unchanged():
    """update_email returns True when the new email equals the old one"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"))
        with ormtest.new_session(engine) as session:
            result = solution.update_email(session, "ada", "ada@example.com")
            ormtest.exact_type(result, bool, "update_email return value")
            assert result is True, "update_email should return True when the user exists, even if the email is the same"
        assert _table(engine) == [(1, "ada", "ada@example.com")], "update_email with the same email changed the table"


def test_update_email_missing():
    """update_email returns False for an unknown user and changes nothing"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"), ("grace", "grace@example.com"))
        before = _table(engine)
        with ormtest.new_session(engine) as session:
            result = solution.update_email(session, "nobody", "nobody@example.com")
            ormtest.exact_type(result, bool, "update_email return value")
            assert result is False, "update_email should return False for an unknown username"
        assert _table(engine) == before, "update_email for an unknown user changed table users"


def test_delete_user_commits():
    """delete_user deletes the user, commits and returns True"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"), ("grace", "grace@example.com"))
        with ormtest.new_session(engine) as session:
            result = solution.delete_user(session, "ada")
            ormtest.exact_type(result, bool, "delete_user return value")
            assert result is True, "delete_user should return True when it deleted a user"
        stored = _table(engine)
        assert stored == [(2, "grace", "grace@example.com")], (
            "delete_user did not commit the deletion of only 'ada': another connection sees %r" % (stored,)
        )


def test_delete_user_missing():
    """delete_user returns False for an unknown user and changes nothing"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("ada", "ada@example.com"))
        with ormtest.new_session(engine) as session:
            result = solution.delete_user(session, "nobody")
            ormtest.exact_type(result, bool, "delete_user return value")
            assert result is False, "delete_user should return False for an unknown username"
        assert _table(engine) == [(1, "ada", "ada@example.com")], "delete_user for an unknown user changed table users"


def test_list_users_ordered():
    """list_users returns every user ordered by username"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _insert(engine, ("mallory", "m@example.com"), ("carol", "c@example.com"))
        with ormtest.new_session(engine) as session:
            solution.create_user(session, "eve", "e@example.com")
            solution.create_user(session, "alice", "a@example.com")
        _insert(engine, ("bob", "b@example.com"))
        with ormtest.new_session(engine) as session:
            users = solution.list_users(session)
            ormtest.exact_list_of(users, solution.User, "list_users return value")
            names = [ormtest.exact_type(u.username, str, "username") for u in users]
            emails = [ormtest.exact_type(u.email, str, "email") for u in users]
        assert names == ["alice", "bob", "carol", "eve", "mallory"], (
            "expected usernames alice, bob, carol, eve, mallory in that order, got %r" % (names,)
        )
        assert emails == ["a@example.com", "b@example.com", "c@example.com", "e@example.com", "m@example.com"], (
            "list_users returned users with the wrong emails: %r" % (emails,)
        )


def test_list_users_empty():
    """list_users returns an empty list when there are no users"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            users = solution.list_users(session)
            ormtest.exact_list_of(users, solution.User, "list_users return value")
            assert len(users) == 0, "expected no users, got %d" % len(users)
