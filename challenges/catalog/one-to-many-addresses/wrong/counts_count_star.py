"""Known-wrong answer: address_counts counts rows with count(*), so a user without addresses gets 1."""

from sqlalchemy import ForeignKey, String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    addresses: Mapped[list["Address"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

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


def address_counts(session: Session) -> list[tuple[str, int]]:
    n = func.count().label("n")  # count(*) counts the NULL row of the outer join
    stmt = (
        select(User.name, n)
        .outerjoin(User.addresses)
        .group_by(User.id, User.name)
        .order_by(n.desc(), User.name)
    )
    return [tuple(row) for row in session.execute(stmt)]
