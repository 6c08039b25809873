"""Reference solution for mutable-settings."""

from typing import Any

from sqlalchemy import JSON, String, select
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    # MutableDict / MutableList wrap the JSON value so that in-place changes
    # (item assignment, del, append, ...) mark the attribute dirty.
    settings: Mapped[dict[str, Any]] = mapped_column(
        MutableDict.as_mutable(JSON), nullable=False, default=dict
    )
    tags: Mapped[list[Any]] = mapped_column(
        MutableList.as_mutable(JSON), nullable=False, default=list
    )


def set_setting(session: Session, account_id: int, key: str, value: Any) -> None:
    account = session.get(Account, account_id)
    if account is None:
        raise LookupError(f"no account with id {account_id}")
    if account.settings is None:
        account.settings = {}
    account.settings[key] = value
    session.commit()
