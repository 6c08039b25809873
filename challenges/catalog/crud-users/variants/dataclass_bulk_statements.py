"""Accepted variant: MappedAsDataclass, an extra defaulted column, a unique
index instead of a unique constraint, and UPDATE/DELETE statements."""

import datetime

from sqlalchemy import Index, String, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, Session, mapped_column


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    __table_args__ = (Index("ix_users_username", "username", unique=True),)

    username: Mapped[str] = mapped_column(String(80))
    email: Mapped[str] = mapped_column(String(120))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime.datetime] = mapped_column(server_default=func.current_timestamp(), init=False)


def create_user(session: Session, username: str, email: str) -> User:
    user = User(username, email)
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise
    session.refresh(user)
    return user


def get_user(session: Session, username: str) -> User | None:
    return session.execute(select(User).filter_by(username=username)).scalar_one_or_none()


def update_email(session: Session, username: str, new_email: str) -> bool:
    result = session.execute(update(User).where(User.username == username).values(email=new_email))
    session.commit()
    return result.rowcount == 1


def delete_user(session: Session, username: str) -> bool:
    result = session.execute(delete(User).where(User.username == username))
    session.commit()
    return result.rowcount > 0


def list_users(session: Session) -> list[User]:
    return session.scalars(select(User).order_by(User.username)).all()
