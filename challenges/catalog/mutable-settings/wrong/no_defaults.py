"""Mutable columns but no default: an account inserted without settings stores NULL."""

from sqlalchemy import JSON, Column, Integer, String
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    settings = Column(MutableDict.as_mutable(JSON))
    tags = Column(MutableList.as_mutable(JSON))


def set_setting(session, account_id, key, value):
    account = session.get(Account, account_id)
    if account is None:
        raise LookupError(account_id)
    account.settings[key] = value
    session.commit()
