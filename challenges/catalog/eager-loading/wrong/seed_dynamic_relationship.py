"""Known-wrong answer: lazy="dynamic" on the relationship (mentioned by the seed): addresses is a query, run again at every read."""

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    # The seed answer: lazy="dynamic" returns a query object.
    addresses = relationship("Address", back_populates="user", cascade="all, delete-orphan", lazy="dynamic")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r})"


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email={self.email!r})"


def users_with_addresses(session: Session) -> list[User]:
    # A dynamic relationship cannot be eager-loaded: addresses stays a query.
    return list(session.scalars(select(User).order_by(User.id)))
