import json

import pytest

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


def _add_account(engine, name, **values):
    with ormtest.new_session(engine) as session:
        account = solution.Account(name=name, **values)
        session.add(account)
        session.commit()
        account_id = account.id
    ormtest.exact_type(account_id, int, "Account.id after commit")
    return account_id


def test_accounts_table_columns():
    """the accounts table has id, name, settings and tags columns"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        info = {r[1]: r for r in ormtest.rows(engine, "PRAGMA table_info(accounts)")}
        assert info, "there is no table named accounts"
        for column in ("id", "name", "settings", "tags"):
            assert column in info, "accounts has no column %r (columns: %s)" % (column, ", ".join(sorted(info)))
        assert info["id"][5] == 1, "accounts.id should be the primary key"
        assert info["name"][3] == 1, "accounts.name should be NOT NULL"
        assert str(info["name"][2]).replace(" ", "").endswith("(50)"), (
            "accounts.name should be a string of length 50, its type is %r" % (info["name"][2],)
        )
        with pytest.raises(Exception):
            with engine.begin() as conn:
                conn.exec_driver_sql("INSERT INTO accounts (name, settings, tags) VALUES (NULL, '{}', '[]')")


def test_defaults_on_insert():
    """an account inserted without settings or tags gets {} and []"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada")
        settings, tags = _stored(engine, account_id)
        assert settings == {}, "settings of an account inserted without one should be {}, got %r" % (settings,)
        assert tags == [], "tags of an account inserted without them should be [], got %r" % (tags,)
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            loaded_settings = account.settings
            loaded_tags = account.tags
            assert loaded_settings is not None and dict(loaded_settings) == {}, (
                "a reloaded account should have settings {}, got %r" % (loaded_settings,)
            )
            assert loaded_tags is not None and list(loaded_tags) == [], (
                "a reloaded account should have tags [], got %r" % (loaded_tags,)
            )


def test_explicit_values_stored_as_json():
    """settings and tags given at creation are stored as JSON"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(
            engine, "ada", settings={"theme": "light", "size": 12}, tags=["beta", "staff"]
        )
        settings, tags = _stored(engine, account_id)
        assert settings == {"theme": "light", "size": 12}, "settings stored as %r" % (settings,)
        assert tags == ["beta", "staff"], "tags stored as %r" % (tags,)
        name = ormtest.scalar(engine, "SELECT name FROM accounts WHERE id = :id", id=account_id)
        assert name == "ada", "accounts.name stored as %r, expected 'ada'" % (name,)


def test_setitem_tracked():
    """settings[key] = value on a loaded account is saved by commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"lang": "en"})
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            account.settings["theme"] = "dark"
            account.settings["lang"] = "fr"
            session.commit()
        settings, _ = _stored(engine, account_id)
        assert settings == {"lang": "fr", "theme": "dark"}, (
            "after setting 'theme' and changing 'lang' in place and committing, the database holds %r" % (settings,)
        )


def test_delitem_tracked():
    """del settings[key] is saved by commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"x": 1, "y": 2})
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            del account.settings["x"]
            session.commit()
        settings, _ = _stored(engine, account_id)
        assert settings == {"y": 2}, "after del account.settings['x'] and commit, the database holds %r" % (settings,)


def test_append_tracked():
    """tags.append(...) is saved by commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada")
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            account.tags.append("vip")
            session.commit()
        _, tags = _stored(engine, account_id)
        assert tags == ["vip"], "after account.tags.append('vip') and commit, the database holds %r" % (tags,)
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            account.tags.append("beta")
            session.commit()
        _, tags = _stored(engine, account_id)
        assert tags == ["vip", "beta"], "after a second append('beta') and commit, the database holds %r" % (tags,)


def test_other_in_place_changes_tracked():
    """update, pop, extend, remove and item assignment are saved by commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"a": 1, "b": 2}, tags=["x", "y", "z"])
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            account.settings.update({"c": 3})
            account.settings.pop("a")
            session.commit()
        settings, _ = _stored(engine, account_id)
        assert settings == {"b": 2, "c": 3}, (
            "after settings.update({'c': 3}) and settings.pop('a') and commit, the database holds %r" % (settings,)
        )
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            account.tags.extend(["w"])
            account.tags.remove("y")
            account.tags[0] = "first"
            session.commit()
        _, tags = _stored(engine, account_id)
        assert tags == ["first", "z", "w"], (
            "after tags.extend(['w']), tags.remove('y'), tags[0] = 'first' and commit, the database holds %r" % (tags,)
        )


def test_change_after_flush_in_same_transaction():
    """an in-place change made after a flush is saved by the commit"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        with ormtest.new_session(engine) as session:
            account = solution.Account(name="ada", settings={"a": 1}, tags=["x"])
            session.add(account)
            session.flush()
            account.settings["b"] = 2
            account.tags.append("y")
            session.commit()
            account_id = account.id
        settings, tags = _stored(engine, account_id)
        assert settings == {"a": 1, "b": 2}, (
            "settings['b'] = 2 made after the INSERT was flushed was lost: the database holds %r" % (settings,)
        )
        assert tags == ["x", "y"], "tags.append('y') made after the INSERT was flushed was lost: the database holds %r" % (tags,)


def test_default_values_not_shared():
    """changing one account's default settings leaves other accounts alone"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        first_id = _add_account(engine, "ada")
        second_id = _add_account(engine, "grace")
        with ormtest.new_session(engine) as session:
            first = session.get(solution.Account, first_id)
            first.settings["theme"] = "dark"
            first.tags.append("vip")
            session.commit()
        third_id = _add_account(engine, "alan")
        assert _stored(engine, first_id) == ({"theme": "dark"}, ["vip"]), (
            "the changed account holds %r" % (_stored(engine, first_id),)
        )
        for other_id in (second_id, third_id):
            assert _stored(engine, other_id) == ({}, []), (
                "changing one account's settings and tags also changed another account: %r" % (_stored(engine, other_id),)
            )


def test_set_setting_keeps_other_keys():
    """set_setting adds a key, keeps the others and commits"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"lang": "en"}, tags=["vip"])
        other_id = _add_account(engine, "grace", settings={"lang": "de"})
        with ormtest.new_session(engine) as session:
            result = solution.set_setting(session, account_id, "theme", "dark")
            assert result is None, "set_setting should return None, got %r" % (result,)
        settings, tags = _stored(engine, account_id)
        assert settings == {"lang": "en", "theme": "dark"}, (
            "after set_setting(session, id, 'theme', 'dark') a second connection sees settings %r" % (settings,)
        )
        assert tags == ["vip"], "set_setting changed tags: %r" % (tags,)
        assert _stored(engine, other_id) == ({"lang": "de"}, []), "set_setting changed another account"


def test_set_setting_on_default_settings():
    """set_setting works on an account created without settings"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada")
        with ormtest.new_session(engine) as session:
            solution.set_setting(session, account_id, "theme", "dark")
        settings, _ = _stored(engine, account_id)
        assert settings == {"theme": "dark"}, "a second connection sees settings %r" % (settings,)


def test_set_setting_overwrites_and_json_values():
    """set_setting overwrites a key and stores any JSON value"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"size": 10})
        with ormtest.new_session(engine) as session:
            solution.set_setting(session, account_id, "size", 14)
            solution.set_setting(session, account_id, "beta", True)
            solution.set_setting(session, account_id, "langs", ["en", "fr"])
            solution.set_setting(session, account_id, "window", {"w": 800, "h": 600})
            solution.set_setting(session, account_id, "nothing", None)
        settings, _ = _stored(engine, account_id)
        expected = {"size": 14, "beta": True, "langs": ["en", "fr"], "window": {"w": 800, "h": 600}, "nothing": None}
        assert settings == expected, "after five set_setting calls the database holds %r, expected %r" % (settings, expected)
        assert type(settings["beta"]) is bool, "True was stored as %r" % (settings["beta"],)


def test_set_setting_with_loaded_account():
    """set_setting works when the account is already loaded in the session"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"a": 1})
        with ormtest.new_session(engine) as session:
            account = session.get(solution.Account, account_id)
            assert dict(account.settings) == {"a": 1}, "loaded settings are %r" % (account.settings,)
            solution.set_setting(session, account_id, "b", 2)
            current = dict(account.settings)
            assert current == {"a": 1, "b": 2}, (
                "after set_setting the loaded account's settings read %r" % (current,)
            )
        settings, _ = _stored(engine, account_id)
        assert settings == {"a": 1, "b": 2}, "a second connection sees settings %r" % (settings,)


def test_set_setting_unknown_account():
    """set_setting on an unknown account raises LookupError"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
        account_id = _add_account(engine, "ada", settings={"a": 1})
        with ormtest.new_session(engine) as session:
            with pytest.raises(LookupError):
                solution.set_setting(session, account_id + 100, "b", 2)
        count = ormtest.scalar(engine, "SELECT COUNT(*) FROM accounts")
        assert count == 1, "set_setting on an unknown id changed the number of accounts to %r" % (count,)
        assert _stored(engine, account_id) == ({"a": 1}, []), "set_setting on an unknown id changed another account"
