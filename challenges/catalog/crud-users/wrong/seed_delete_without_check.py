"""Known-wrong answer: the seed's CRUD recipe, with no check for a missing user.

Follows Flask-SQLAlchemy Q6 literally: fetch with query.filter_by().first(),
then modify or session.delete() it and commit. For an unknown username
.first() returns None, so update_email and delete_user crash instead of
returning False.
"""

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    email: Mapped[str] = mapped_column(String(120))


def create_user(session: Session, username: str, email: str) -> User:
    user = User(username=username, email=email)
    session.add(user)
    try:
        session.commit()
    except Exception:
        session.rollback()
        raise
    return user


def get_user(session: Session, username: str):
    return session.query(User).filter_by(username=username).first()


def update_email(session: Session, username: str, new_email: str) -> bool:
    user = session.query(User).filter_by(username=username).first()
    user.email = new_email
    session.commit()
    return True


def delete_user(session: Session, username: str) -> bool:
    user = session.query(User).filter_by(username=username).first()
    session.delete(user)
    session.commit()
    return True


def list_users(session: Session) -> list[User]:
    return session.query(User).order_by(User.username).all()
