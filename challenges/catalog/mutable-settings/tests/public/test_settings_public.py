import json

import ormtest
import solution


def _json(value, what):
    if value is None:
        return None
    assert type(value) is str, "%s should be stored as JSON text, found %s" % (what, type(value).__name__)
    return json.loads(value)


def _stored(engine, account_id):
    """(settings, tags) of one account, read back with plain SQL; None for SQL NULL."""
    found = ormtest.rows(engine, "SELECT settings, tags FROM accounts WHERE id = :id", id=account_id)
    assert len(found) == 1, "expected one row in accounts with id %r, found %d" % (account_id, len(found))
    settings, tags = found[0]
    return _json(settings, "accounts.settings"), _json(tags, "accounts.tags")


def _add_account(engine, name):
    with ormtest.new_session(engine) as session:
        account = solution.Account(name=name)
        session.add(account)
        session.commit()
        return account.id


def test_defaults_are_empty():
    """a new account starts with empty settings and tags"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada")
        settings, tags = _stored(engine, account_id)
        assert settings == {}, "settings of an account inserted without one should be {}, got %r" % (settings,)
        assert tags == [], "tags of an account inserted without them should be [], got %r" % (tags,)


def test_in_place_setting_is_saved():
    """settings['theme'] = 'dark' is saved by commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada")
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            account.settings["theme"] = "dark"
            session.commit()
        settings, _ = _stored(engine, account_id)
        assert settings == {"theme": "dark"}, (
            "after account.settings['theme'] = 'dark' and commit, the database holds %r" % (settings,)
        )


def test_set_setting_commits():
    """set_setting stores a key and commits"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada")
        with ormtest.new_session(engine) as session:
            solution.set_setting(session, account_id, "lang", "en")
        settings, _ = _stored(engine, account_id)
        assert settings == {"lang": "en"}, (
            "after set_setting(session, id, 'lang', 'en') a second connection sees settings %r" % (settings,)
        )
