"""Accepted variant: MappedAsDataclass, ON DELETE CASCADE in the database with
passive_deletes, an extra defaulted column, and a correlated scalar subquery."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import ForeignKey, String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, Session, mapped_column, relationship


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(50))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    addresses: Mapped[list[Address]] = relationship(
        back_populates="user",
        cascade="all, delete-orphan",
        passive_deletes=True,
        default_factory=list,
        repr=False,
    )


class Address(Base):
    __tablename__ = "addresses"

    email: Mapped[str] = mapped_column(String(120))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), init=False)
    kind: Mapped[str] = mapped_column(String(20), default="home")
    user: Mapped[Optional[User]] = relationship(back_populates="addresses", default=None, repr=False)


def address_counts(session: Session) -> list[tuple[str, int]]:
    count = (
        select(func.count(Address.id))
        .where(Address.user_id == User.id)
        .correlate(User)
        .scalar_subquery()
        .label("count")
    )
    rows = session.execute(select(User.name, count).order_by(count.desc(), User.name.asc()))
    return [(name, n) for name, n in rows]
