"""one-to-many-addresses: users, their addresses, cascades and a count query.

Fill in the columns, the two relationships and address_counts. Run the
public tests with `pytest` in this folder.
"""

from sqlalchemy import ForeignKey, String, func, select  # noqa: F401
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship  # noqa: F401


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # TODO: name (String(50), not null)
    # TODO: addresses -> list of Address, linked to Address.user, with cascades


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    # TODO: email (String(120), not null), user_id (foreign key to users.id, not null)
    # TODO: user -> the owning User, linked to User.addresses


def address_counts(session: Session) -> list[tuple[str, int]]:
    """(name, number of addresses) for every user, count descending then
    name ascending, in one SQL query."""
    raise NotImplementedError
