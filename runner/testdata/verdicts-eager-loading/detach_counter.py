# want: wrong-answer
# message: the statement counter stopped working during the call
# N+1 queries, hidden by detaching every statement listener of the engine
# before running them; the counter proves itself live again afterwards.

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    # Default lazy="select": the eager load is chosen per query, not here.
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


def users_with_addresses(session: Session) -> list[User]:
    dispatch = session.get_bind().dispatch
    dispatch.before_cursor_execute.for_modify(dispatch).clear()
    users = list(session.scalars(select(User).order_by(User.id)))
    for user in users:
        user.addresses  # "touch" each collection so it is loaded: one query per user
    return users
