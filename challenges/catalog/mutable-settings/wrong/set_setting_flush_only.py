"""set_setting flushes instead of committing: the change is rolled back when the session closes."""

from sqlalchemy import JSON, String
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    settings: Mapped[dict] = mapped_column(MutableDict.as_mutable(JSON), default=dict)
    tags: Mapped[list] = mapped_column(MutableList.as_mutable(JSON), default=list)


def set_setting(session, account_id, key, value):
    account = session.get(Account, account_id)
    if account is None:
        raise LookupError(account_id)
    account.settings[key] = value
    session.flush()
