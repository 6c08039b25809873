"""Defaults set in __init__, typed Mapped[] columns via type_annotation_map, and a belt-and-braces flag_modified."""

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm.attributes import flag_modified


class Base(DeclarativeBase):
    type_annotation_map = {
        dict[str, Any]: MutableDict.as_mutable(JSON()),
        list[Any]: MutableList.as_mutable(JSON()),
    }


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    settings: Mapped[dict[str, Any]]
    tags: Mapped[list[Any]]

    def __init__(self, name, settings=None, tags=None, **kw):
        super().__init__(name=name, settings=settings if settings is not None else {},
                         tags=tags if tags is not None else [], **kw)


def get_account(session, account_id):
    account = session.get(Account, account_id)
    if account is None:
        raise LookupError("no account %r" % (account_id,))
    return account


def set_setting(session, account_id, key, value):
    account = get_account(session, account_id)
    account.settings[key] = value
    flag_modified(account, "settings")
    session.commit()
