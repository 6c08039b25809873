"""Accepted variant: MappedAsDataclass models with an extra defaulted
column, subqueryload() and .all()."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, Session, mapped_column, relationship, subqueryload


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(50))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    active: Mapped[bool] = mapped_column(default=True)
    addresses: Mapped[list[Address]] = relationship(back_populates="user", default_factory=list, repr=False)


class Address(Base):
    __tablename__ = "addresses"

    email: Mapped[str] = mapped_column(String(120))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), init=False)
    user: Mapped[Optional[User]] = relationship(back_populates="addresses", default=None, repr=False)


def users_with_addresses(session: Session) -> list[User]:
    return session.scalars(select(User).order_by(User.id).options(subqueryload(User.addresses))).all()
