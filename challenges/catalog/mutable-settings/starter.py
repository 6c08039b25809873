"""mutable-settings: track in-place changes to JSON columns.

Fill in the model and the function. Keep the names, the table name and the
signature: the tests use them.
"""

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.ext.mutable import MutableDict, MutableList  # noqa: F401  (you will need these)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    # TODO: settings -- a JSON object whose in-place changes are tracked,
    #       an empty dict when the row is inserted without one.
    settings = mapped_column(JSON)
    # TODO: tags -- a JSON list whose in-place changes are tracked,
    #       an empty list when the row is inserted without one.
    tags = mapped_column(JSON)


def set_setting(session: Session, account_id: int, key: str, value: Any) -> None:
    """Set settings[key] = value on the account in place and commit.

    Raise LookupError if there is no account with that id.
    """
    raise NotImplementedError
