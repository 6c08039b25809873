import ormtest
import solution


def test_append_word_creates_keyword():
    """user.keywords.append('orm') creates and links a Keyword"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            user = solution.User(name="ada")
            session.add(user)
            user.keywords.append("orm")
            session.commit()
        linked = ormtest.rows(
            engine,
            "SELECT u.name, k.word FROM users u JOIN user_keywords uk ON uk.user_id = u.id "
            "JOIN keywords k ON k.id = uk.keyword_id",
        )
        assert linked == [("ada", "orm")], "expected ada linked to the keyword 'orm', the database holds %r" % (linked,)


def test_keywords_read_as_strings():
    """user.keywords reads as a list of words"""
    user = solution.User(name="ada")
    user.keyword_objects.append(solution.Keyword("sql"))
    user.keyword_objects.append(solution.Keyword("orm"))
    words = list(user.keywords)
    assert words == ["sql", "orm"], "expected user.keywords to read ['sql', 'orm'], got %r" % (words,)


def test_users_with_keyword_sorted():
    """users_with_keyword returns the matching names, sorted"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            orm = solution.Keyword("orm")
            for name in ("carol", "alice", "bob"):
                user = solution.User(name=name)
                user.keyword_objects.append(orm)
                session.add(user)
            session.add(solution.User(name="dave"))
            session.commit()
        with ormtest.new_session(engine) as session:
            names = solution.users_with_keyword(session, "orm")
        assert names == ["alice", "bob", "carol"], "expected ['alice', 'bob', 'carol'], got %r" % (names,)
