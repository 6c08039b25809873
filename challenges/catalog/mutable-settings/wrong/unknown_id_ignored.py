"""set_setting silently does nothing for an unknown account instead of raising LookupError."""

from sqlalchemy import JSON, String, select
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
    account = session.scalars(select(Account).where(Account.id == account_id)).first()
    if account is not None:
        account.settings[key] = value
        session.commit()
