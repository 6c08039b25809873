"""Accepted variant: one LEFT OUTER JOIN populated with contains_eager(),
no cascades, and a session that is closed by the caller."""

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, contains_eager, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user", lazy="select")


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")


def users_with_addresses(session: Session) -> list[User]:
    stmt = (
        select(User)
        .outerjoin(User.addresses)
        .options(contains_eager(User.addresses))
        .order_by(User.id, Address.id)
    )
    return list(session.execute(stmt).unique().scalars())
