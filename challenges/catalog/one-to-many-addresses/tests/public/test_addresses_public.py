import ormtest

import solution


def test_both_sides_linked():
    """user.addresses and address.user stay in step"""
    user = solution.User(name="ada")
    address = solution.Address(email="ada@example.com")
    address.user = user
    assert any(a is address for a in user.addresses), "setting address.user should add the address to user.addresses"


def test_delete_user_cascades():
    """deleting a user also deletes its addresses"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            user = solution.User(name="ada")
            user.addresses.append(solution.Address(email="ada@example.com"))
            session.add(user)
            session.commit()
            session.delete(user)
            session.commit()
        assert ormtest.rows(engine, "SELECT email FROM addresses") == [], "the user's address should be deleted with it"


def test_counts_example():
    """address_counts lists every user with the number of addresses"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            ada = solution.User(name="ada")
            ada.addresses.append(solution.Address(email="ada@example.com"))
            ada.addresses.append(solution.Address(email="ada@lovelace.org"))
            session.add_all([solution.User(name="bob"), ada])
            session.commit()
        with ormtest.new_session(engine) as session:
            pairs = [tuple(p) for p in solution.address_counts(session)]
        assert pairs == [("ada", 2), ("bob", 0)], "expected [('ada', 2), ('bob', 0)], got %r" % (pairs,)
