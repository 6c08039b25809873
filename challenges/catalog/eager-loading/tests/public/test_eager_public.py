import ormtest

import solution


def _populate(engine):
    with ormtest.new_session(engine) as session:
        for name, count in (("ada", 2), ("bob", 0), ("carol", 3)):
            user = solution.User(name=name)
            for i in range(count):
                user.addresses.append(solution.Address(email="%s%d@example.com" % (name, i)))
            session.add(user)
        session.commit()


def test_loaded_for_closed_session():
    """users come back with addresses readable after the session closes"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _populate(engine)
        with ormtest.new_session(engine) as session:
            users = solution.users_with_addresses(session)
        got = [(u.name, len(u.addresses)) for u in users]
        assert got == [("ada", 2), ("bob", 0), ("carol", 3)], "expected ada 2, bob 0, carol 3, got %r" % (got,)


def test_few_statements():
    """loading the users takes no more than 2 SQL statements"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _populate(engine)
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        with ormtest.new_session(engine) as session:
            with counter:
                solution.users_with_addresses(session)
        assert counter.count <= 2, "expected at most 2 SQL statements, got %d: %s" % (counter.count, counter.summary())
