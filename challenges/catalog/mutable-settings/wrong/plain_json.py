"""Plain JSON columns without MutableDict/MutableList.

set_setting copies the dict and reassigns it, so set_setting itself works,
but in-place changes (settings[k] = v, del, append) are never detected.
"""

from sqlalchemy import JSON, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    settings: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    tags: Mapped[list] = mapped_column(JSON, nullable=False, default=list)


def set_setting(session, account_id, key, value):
    account = session.get(Account, account_id)
    if account is None:
        raise LookupError(account_id)
    updated = dict(account.settings)
    updated[key] = value
    account.settings = updated
    session.commit()
