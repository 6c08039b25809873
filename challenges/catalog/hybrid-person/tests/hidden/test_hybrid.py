import ormtest

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import HybridExtensionType

import solution

_PEOPLE = [
    ("Grace", "Brewster Hopper", 1906),
    ("Ada", "Zed", 1900),
    ("Ada", "Lovelace", 1815),
    ("Anna", "Abe", 1899),
    ("Alan", "Turing", 1912),
    ("Ann", "Young", 1950),
    ("Ada", "Byron", 1901),
]


def _column(columns, name):
    for column in columns:
        if column["name"] == name:
            return column
    assert False, "table people has no column %r" % name


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


def _populate(engine, people=_PEOPLE):
    """Commits people with a Core insert; returns {full name: id}."""
    table = _table_named("people")
    ids = {}
    with engine.begin() as conn:
        for first, last, year in people:
            result = conn.execute(sa.insert(table).values(_values(table, first_name=first, last_name=last, birth_year=year)))
            ids[first + " " + last] = result.inserted_primary_key[0]
    return ids


def _person(first, last, year):
    return solution.Person(first_name=first, last_name=last, birth_year=year)


def _ids(engine, stmt):
    with ormtest.new_session(engine) as session:
        people = session.scalars(stmt).all()
        return [ormtest.exact_type(ormtest.exact_type(p, solution.Person, "a selected row").id, int, "id") for p in people]


def _descriptor(name):
    descriptors = ormtest.sa_inspect(solution.Person).all_orm_descriptors
    assert name in descriptors.keys(), "Person has no attribute %r" % name
    return descriptors[name]


def test_people_table_schema():
    """people table has the columns of the contract"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        inspector = ormtest.sa_inspect(engine)
        assert "people" in inspector.get_table_names(), "Base.metadata has no table named 'people'"
        columns = inspector.get_columns("people")
        pk = inspector.get_pk_constraint("people")["constrained_columns"]
        assert pk == ["id"], "the primary key of people should be exactly (id), got %r" % (pk,)
        assert _column(columns, "id")["type"].python_type is int, "people.id should be an integer column"
        for name in ("first_name", "last_name"):
            col = _column(columns, name)
            assert col["type"].python_type is str, "people.%s should be a string column" % name
            assert getattr(col["type"], "length", None) == 50, "people.%s should be String(50), got %s" % (name, col["type"])
            assert col["nullable"] is False, "people.%s should be NOT NULL" % name
        year = _column(columns, "birth_year")
        assert year["type"].python_type is int, "people.birth_year should be an integer column"
        assert year["nullable"] is False, "people.birth_year should be NOT NULL"


def test_full_name_is_hybrid_property():
    """Person.full_name is declared as a hybrid_property"""
    descriptor = _descriptor("full_name")
    kind = getattr(descriptor, "extension_type", None)
    assert kind is HybridExtensionType.HYBRID_PROPERTY, (
        "Person.full_name should be a sqlalchemy.ext.hybrid.hybrid_property, found %s" % type(descriptor).__name__
    )


def test_born_before_is_hybrid_method():
    """Person.born_before is declared as a hybrid_method"""
    descriptor = _descriptor("born_before")
    kind = getattr(descriptor, "extension_type", None)
    assert kind is HybridExtensionType.HYBRID_METHOD, (
        "Person.born_before should be a sqlalchemy.ext.hybrid.hybrid_method, found %s" % type(descriptor).__name__
    )


def test_full_name_on_instance():
    """full_name on an instance joins first and last name with a space"""
    person = _person("Ada", "Lovelace", 1815)
    value = ormtest.exact_type(person.full_name, str, "full_name of a new Person")
    assert value == "Ada Lovelace", "expected full_name 'Ada Lovelace', got %r" % (value,)
    person.first_name = "Augusta"
    assert person.full_name == "Augusta Lovelace", "full_name should follow a changed first_name, got %r" % (person.full_name,)


def test_full_name_on_loaded_instance():
    """full_name works on a person loaded from the database"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ids = _populate(engine)
        with ormtest.new_session(engine) as session:
            grace = session.get(solution.Person, ids["Grace Brewster Hopper"])
            value = ormtest.exact_type(grace.full_name, str, "full_name of a loaded Person")
            assert value == "Grace Brewster Hopper", "expected 'Grace Brewster Hopper', got %r" % (value,)


def test_full_name_in_where():
    """Person.full_name can be compared in where()"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ids = _populate(engine)
        Person = solution.Person
        got = _ids(engine, sa.select(Person).where(Person.full_name == "Ada Lovelace"))
        assert got == [ids["Ada Lovelace"]], "where(Person.full_name == 'Ada Lovelace') should find exactly Ada Lovelace, found ids %r" % (got,)
        got = _ids(engine, sa.select(Person).where(Person.full_name == "Grace Brewster Hopper"))
        assert got == [ids["Grace Brewster Hopper"]], "where(Person.full_name == 'Grace Brewster Hopper') should find Grace, found ids %r" % (got,)
        got = _ids(engine, sa.select(Person).where(Person.full_name == "AdaLovelace"))
        assert got == [], "where(Person.full_name == 'AdaLovelace') should find nobody (the name has a space), found ids %r" % (got,)


def test_full_name_in_order_by():
    """Person.full_name can be used in order_by()"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ids = _populate(engine)
        Person = solution.Person
        got = _ids(engine, sa.select(Person).order_by(Person.full_name))
        want = [ids[name] for name in sorted(ids)]
        names = dict((v, k) for k, v in ids.items())
        assert got == want, "order_by(Person.full_name) should sort by the full name: expected %r, got %r" % (
            [names[i] for i in want], [names.get(i, i) for i in got])


def test_full_name_setter_splits_first_space():
    """setting full_name splits on the first space"""
    person = _person("Someone", "Else", 1906)
    person.full_name = "Grace Brewster Hopper"
    first = ormtest.exact_type(person.first_name, str, "first_name after setting full_name")
    last = ormtest.exact_type(person.last_name, str, "last_name after setting full_name")
    assert (first, last) == ("Grace", "Brewster Hopper"), (
        "full_name = 'Grace Brewster Hopper' should give first_name 'Grace' and last_name 'Brewster Hopper', got %r and %r" % (first, last)
    )
    assert person.full_name == "Grace Brewster Hopper", "full_name should read back what was set, got %r" % (person.full_name,)
    person.full_name = "Alan Turing"
    assert (person.first_name, person.last_name) == ("Alan", "Turing"), (
        "full_name = 'Alan Turing' should give 'Alan' and 'Turing', got %r and %r" % (person.first_name, person.last_name)
    )


def test_full_name_setter_persists():
    """a full_name set on a person is saved in both columns"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            person = _person("Someone", "Else", 1906)
            person.full_name = "Grace Brewster Hopper"
            session.add(person)
            session.commit()
        stored = ormtest.rows(engine, "SELECT first_name, last_name, birth_year FROM people")
        assert stored == [("Grace", "Brewster Hopper", 1906)], "expected the row ('Grace', 'Brewster Hopper', 1906), table people holds %r" % (stored,)


def test_born_before_on_instance():
    """born_before on an instance compares birth_year strictly"""
    person = _person("Ada", "Lovelace", 1815)
    for year, want in ((1816, True), (1815, False), (1700, False)):
        got = person.born_before(year)
        ormtest.exact_type(got, bool, "born_before(%d) on an instance" % year)
        assert got is want, "a person born in 1815: born_before(%d) should be %r, got %r" % (year, want, got)


def test_born_before_in_where():
    """Person.born_before(year) can be used in where()"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ids = _populate(engine)
        Person = solution.Person
        got = sorted(_ids(engine, sa.select(Person).where(Person.born_before(1901))))
        want = sorted([ids["Ada Zed"], ids["Ada Lovelace"], ids["Anna Abe"]])
        assert got == want, "where(Person.born_before(1901)) should find the 3 people born before 1901 (not in it), found ids %r" % (got,)
        got = _ids(engine, sa.select(Person).where(Person.born_before(1815)))
        assert got == [], "where(Person.born_before(1815)) should find nobody, found ids %r" % (got,)


def test_hybrids_combined_in_query():
    """both hybrids work together in one query"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ids = _populate(engine)
        Person = solution.Person
        stmt = sa.select(Person).where(Person.born_before(1910)).order_by(Person.full_name)
        got = _ids(engine, stmt)
        want = [ids[n] for n in ("Ada Byron", "Ada Lovelace", "Ada Zed", "Anna Abe", "Grace Brewster Hopper")]
        assert got == want, "people born before 1910 by full name: expected ids %r, got %r" % (want, got)
