import ormtest
import solution


def _seed(engine, users):
    """users: [(name, [word, ...])]. A word is one shared Keyword row, except that a
    word repeated in one user's list gets a second Keyword row of its own."""
    shared = {}
    ids = []
    with ormtest.new_session(engine) as session:
        created = []
        for name, words in users:
            user = solution.User(name=name)
            seen = set()
            for word in words:
                if word in seen:
                    keyword = solution.Keyword(word)
                else:
                    seen.add(word)
                    keyword = shared.get(word)
                    if keyword is None:
                        keyword = shared[word] = solution.Keyword(word)
                user.keyword_objects.append(keyword)
            session.add(user)
            created.append(user)
        session.commit()
        ids = [user.id for user in created]
    return ids


def _names(engine, word):
    with ormtest.new_session(engine) as session:
        names = solution.users_with_keyword(session, word)
    ormtest.exact_list_of(names, str, "users_with_keyword(session, %r)" % (word,))
    return names


def test_tables_and_keys():
    """users, keywords and user_keywords have the required columns and keys"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        inspector = ormtest.sa_inspect(engine)
        tables = set(inspector.get_table_names())
        for table in ("users", "keywords", "user_keywords"):
            assert table in tables, "there is no table named %s (tables: %s)" % (table, ", ".join(sorted(tables)))
        for table, column in (("users", "name"), ("keywords", "word")):
            info = {r[1]: r for r in ormtest.rows(engine, "PRAGMA table_info(%s)" % table)}
            assert column in info, "%s has no column %r" % (table, column)
            assert info["id"][5] == 1, "%s.id should be the primary key" % table
            assert info[column][3] == 1, "%s.%s should be NOT NULL" % (table, column)
            assert str(info[column][2]).replace(" ", "").endswith("(50)"), (
                "%s.%s should be a string of length 50, its type is %r" % (table, column, info[column][2])
            )
        pk = sorted(inspector.get_pk_constraint("user_keywords")["constrained_columns"])
        assert pk == ["keyword_id", "user_id"], (
            "the primary key of user_keywords should be (user_id, keyword_id), it is %r" % (pk,)
        )
        targets = set()
        for fk in inspector.get_foreign_keys("user_keywords"):
            for local, remote in zip(fk["constrained_columns"], fk["referred_columns"]):
                targets.add((local, fk["referred_table"], remote))
        assert ("user_id", "users", "id") in targets, "user_keywords.user_id should be a foreign key to users.id"
        assert ("keyword_id", "keywords", "id") in targets, "user_keywords.keyword_id should be a foreign key to keywords.id"


def test_keyword_positional_constructor():
    """Keyword('orm') builds a keyword from a positional word"""
    keyword = solution.Keyword("orm")
    ormtest.exact_type(keyword, solution.Keyword, "Keyword('orm')")
    word = keyword.word
    ormtest.exact_type(word, str, "Keyword('orm').word")
    assert word == "orm", "Keyword('orm').word should be 'orm', got %r" % (word,)


def test_keyword_objects_many_to_many():
    """keyword_objects links users and keywords through user_keywords"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            shared = solution.Keyword("sql")
            ada = solution.User(name="ada")
            grace = solution.User(name="grace")
            ada.keyword_objects.append(shared)
            ada.keyword_objects.append(solution.Keyword("orm"))
            grace.keyword_objects.append(shared)
            session.add_all([ada, grace])
            session.commit()
            ada_id, grace_id = ada.id, grace.id
        count = ormtest.scalar(engine, "SELECT COUNT(*) FROM keywords")
        assert count == 2, "expected 2 rows in keywords (one 'sql' shared by two users, one 'orm'), found %r" % (count,)
        links = sorted(ormtest.rows(
            engine,
            "SELECT uk.user_id, k.word FROM user_keywords uk JOIN keywords k ON k.id = uk.keyword_id",
        ))
        expected = sorted([(ada_id, "sql"), (ada_id, "orm"), (grace_id, "sql")])
        assert links == expected, "user_keywords links %r, expected %r" % (links, expected)
        with ormtest.new_session(engine) as session:
            ada = session.get(solution.User, ada_id)
            objects = list(ada.keyword_objects)
            for i, keyword in enumerate(objects):
                ormtest.exact_type(keyword, solution.Keyword, "User.keyword_objects[%d]" % i)
            words = sorted(keyword.word for keyword in objects)
            assert words == ["orm", "sql"], "a reloaded ada has keyword_objects with words %r" % (words,)


def test_proxy_reads_list_of_strings():
    """user.keywords reads the words of keyword_objects as strings"""
    user = solution.User(name="ada")
    user.keyword_objects.append(solution.Keyword("sql"))
    user.keyword_objects.append(solution.Keyword("orm"))
    proxy = user.keywords
    assert len(proxy) == 2, "user.keywords should have 2 items, has %r" % (len(proxy),)
    words = list(proxy)
    ormtest.exact_list_of(words, str, "list(user.keywords)")
    assert words == ["sql", "orm"], "user.keywords should read ['sql', 'orm'], got %r" % (words,)
    first = proxy[0]
    ormtest.exact_type(first, str, "user.keywords[0]")
    assert first == "sql", "user.keywords[0] should be 'sql', got %r" % (first,)
    assert "orm" in proxy, "'orm' in user.keywords should be True"
    assert "xyz" not in proxy, "'xyz' in user.keywords should be False"


def test_proxy_reads_after_reload():
    """a reloaded user's keywords read as its words"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ada_id, _ = _seed(engine, [("ada", ["sql", "orm", "python"]), ("grace", ["cobol"])])
        with ormtest.new_session(engine) as session:
            ada = session.get(solution.User, ada_id)
            words = list(ada.keywords)
        ormtest.exact_list_of(words, str, "list(user.keywords)")
        assert sorted(words) == ["orm", "python", "sql"], "a reloaded ada's keywords read %r" % (words,)


def test_proxy_append_creates_keyword():
    """user.keywords.append(word) creates a Keyword and links it"""
    user = solution.User(name="ada")
    user.keywords.append("orm")
    objects = list(user.keyword_objects)
    assert len(objects) == 1, "after user.keywords.append('orm') keyword_objects has %d items, expected 1" % (len(objects),)
    ormtest.exact_type(objects[0], solution.Keyword, "user.keyword_objects[0]")
    assert objects[0].word == "orm", "the new Keyword has word %r, expected 'orm'" % (objects[0].word,)
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            session.add(user)
            session.commit()
            user_id = user.id
        words = ormtest.rows(engine, "SELECT word FROM keywords")
        assert words == [("orm",)], "after commit the keywords table holds %r, expected [('orm',)]" % (words,)
        links = ormtest.rows(engine, "SELECT user_id FROM user_keywords")
        assert links == [(user_id,)], "after commit user_keywords holds %r, expected [(%r,)]" % (links, user_id)


def test_proxy_append_on_loaded_user():
    """appending a word to a loaded user is saved by commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        ada_id, grace_id = _seed(engine, [("ada", ["sql"]), ("grace", [])])
        with ormtest.new_session(engine) as session:
            ada = session.get(solution.User, ada_id)
            ada.keywords.append("orm")
            ada.keywords.append("python")
            session.commit()
        words = sorted(ormtest.rows(
            engine,
            "SELECT k.word FROM user_keywords uk JOIN keywords k ON k.id = uk.keyword_id WHERE uk.user_id = :id",
            id=ada_id,
        ))
        assert words == [("orm",), ("python",), ("sql",)], "after two appends and commit ada is linked to %r" % (words,)
        others = ormtest.rows(engine, "SELECT keyword_id FROM user_keywords WHERE user_id = :id", id=grace_id)
        assert others == [], "appending to ada linked keywords to grace: %r" % (others,)


def test_users_with_keyword_sorted_names():
    """users_with_keyword returns only the matching names, sorted"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _seed(engine, [
            ("mallory", ["orm", "sql"]),
            ("bob", ["sql"]),
            ("alice", ["python", "orm"]),
            ("trent", ["orms", "xorm"]),
            ("carol", ["orm"]),
            ("dave", []),
        ])
        names = _names(engine, "orm")
        assert names == ["alice", "carol", "mallory"], "users_with_keyword(session, 'orm') returned %r" % (names,)
        names = _names(engine, "sql")
        assert names == ["bob", "mallory"], "users_with_keyword(session, 'sql') returned %r" % (names,)


def test_users_with_keyword_no_match():
    """users_with_keyword returns [] when no user has the word"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _seed(engine, [("ada", ["sql"]), ("grace", [])])
        names = _names(engine, "cobol")
        assert names == [], "users_with_keyword for a word nobody has returned %r, expected []" % (names,)


def test_users_with_keyword_each_user_once():
    """a user linked to two keywords with the same word appears once"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _seed(engine, [("ada", ["orm", "orm", "sql"]), ("bob", ["orm"])])
        count = ormtest.scalar(engine, "SELECT COUNT(*) FROM keywords WHERE word = 'orm'")
        assert count == 2, "test setup: expected two keyword rows with the word 'orm', found %r" % (count,)
        names = _names(engine, "orm")
        assert names == ["ada", "bob"], (
            "ada has two keyword rows with the word 'orm' and must be listed once: got %r" % (names,)
        )


def test_users_with_keyword_same_name_twice():
    """two different users with the same name both appear"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _seed(engine, [("sam", ["orm"]), ("ada", ["orm"]), ("sam", ["orm", "sql"]), ("sam", ["sql"])])
        names = _names(engine, "orm")
        assert names == ["ada", "sam", "sam"], (
            "two different users named 'sam' have the keyword, so 'sam' should appear twice: got %r" % (names,)
        )


def test_users_with_keyword_one_query():
    """users_with_keyword uses one SQL query"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        _seed(engine, [("carol", ["orm"]), ("alice", ["orm", "sql"]), ("bob", ["sql"]), ("dave", [])])
        counter = ormtest.StatementCounter(engine)
        counter.prove_live()
        with ormtest.new_session(engine) as session:
            with counter:
                names = solution.users_with_keyword(session, "orm")
        ormtest.exact_list_of(names, str, "users_with_keyword(session, 'orm')")
        assert names == ["alice", "carol"], "users_with_keyword(session, 'orm') returned %r" % (names,)
        assert counter.count == 1, (
            "users_with_keyword should run one SQL query, it ran %d: %s" % (counter.count, counter.summary())
        )
