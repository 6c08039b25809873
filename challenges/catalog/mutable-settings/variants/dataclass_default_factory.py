"""MappedAsDataclass with default_factory, select(...).scalar_one() and a custom LookupError."""

from typing import Any

from sqlalchemy import JSON, String, select
from sqlalchemy.exc import NoResultFound
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class AccountNotFound(LookupError):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    name: Mapped[str] = mapped_column(String(50))
    settings: Mapped[dict[str, Any]] = mapped_column(
        MutableDict.as_mutable(JSON), default_factory=dict
    )
    tags: Mapped[list[str]] = mapped_column(MutableList.as_mutable(JSON), default_factory=list)


def set_setting(session, account_id, key, value):
    try:
        account = session.execute(select(Account).where(Account.id == account_id)).scalar_one()
    except NoResultFound:
        raise AccountNotFound(account_id) from None
    account.settings[key] = value
    session.commit()
