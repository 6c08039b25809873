"""declarative_base() + Column, session.query, server-side '{}' / '[]' defaults, KeyError."""

from sqlalchemy import JSON, Column, Integer, String, text
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.ext.mutable import MutableDict, MutableList

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    settings = Column(MutableDict.as_mutable(JSON), nullable=False, server_default=text("'{}'"))
    tags = Column(MutableList.as_mutable(JSON), nullable=False, server_default=text("'[]'"))
    created_by = Column(String(50), nullable=True, default="system")


def set_setting(session, account_id, key, value):
    account = session.query(Account).filter_by(id=account_id).one_or_none()
    if account is None:
        raise KeyError(account_id)
    account.settings[key] = value
    session.commit()
