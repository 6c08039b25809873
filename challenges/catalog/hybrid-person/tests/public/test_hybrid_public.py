import ormtest

import sqlalchemy as sa

import solution


def test_instance_side():
    """full_name and born_before work on a Person object"""
    ada = solution.Person(first_name="Ada", last_name="Lovelace", birth_year=1815)
    assert ada.full_name == "Ada Lovelace", "expected 'Ada Lovelace', got %r" % (ada.full_name,)
    assert ada.born_before(1816) is True, "Ada (1815) was born before 1816"
    ada.full_name = "Grace Brewster Hopper"
    assert (ada.first_name, ada.last_name) == ("Grace", "Brewster Hopper"), "setting full_name should split on the first space"


def test_query_side():
    """full_name and born_before work inside a query"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            session.add_all([
                solution.Person(first_name="Ada", last_name="Lovelace", birth_year=1815),
                solution.Person(first_name="Alan", last_name="Turing", birth_year=1912),
            ])
            session.commit()
        Person = solution.Person
        with ormtest.new_session(engine) as session:
            found = session.scalars(sa.select(Person).where(Person.full_name == "Alan Turing")).all()
            assert [p.first_name for p in found] == ["Alan"], "expected to find Alan Turing by full_name"
            old = session.scalars(sa.select(Person).where(Person.born_before(1900))).all()
            assert [p.first_name for p in old] == ["Ada"], "expected only Ada to be born before 1900"
