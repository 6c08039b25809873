import ormtest

import solution


def test_create_then_get():
    """create_user then get_user finds the new user"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            created = solution.create_user(session, "ada", "ada@example.com")
            assert created.id is not None, "create_user should return a user whose id is set"
        with ormtest.new_session(engine) as session:
            found = solution.get_user(session, "ada")
            assert found is not None, "get_user found no 'ada' in a new session: did create_user commit?"
            assert found.email == "ada@example.com", "expected email ada@example.com, got %r" % (found.email,)
            assert solution.get_user(session, "bob") is None, "get_user should return None for an unknown user"


def test_update_and_delete():
    """update_email and delete_user report whether the user existed"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            solution.create_user(session, "ada", "ada@example.com")
            assert solution.update_email(session, "ada", "ada@lovelace.org") is True, "update_email('ada') should return True"
            assert solution.update_email(session, "bob", "bob@example.com") is False, "update_email('bob') should return False"
        assert ormtest.rows(engine, "SELECT username, email FROM users") == [("ada", "ada@lovelace.org")], (
            "the new email was not committed"
        )
        with ormtest.new_session(engine) as session:
            assert solution.delete_user(session, "ada") is True, "delete_user('ada') should return True"
            assert solution.delete_user(session, "ada") is False, "deleting 'ada' a second time should return False"
        assert ormtest.rows(engine, "SELECT username FROM users") == [], "the deletion was not committed"


def test_list_users_sorted():
    """list_users sorts users by username"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            for name in ("carol", "alice", "bob"):
                solution.create_user(session, name, name + "@example.com")
            names = [u.username for u in solution.list_users(session)]
        assert names == ["alice", "bob", "carol"], "expected alice, bob, carol, got %r" % (names,)
