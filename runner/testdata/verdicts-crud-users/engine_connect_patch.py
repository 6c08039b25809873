# want: wrong-answer
# message: create_user did not commit
# Flushes instead of committing, then points the engine's connect() at the
# session's own connection so that reads through the engine see the
# uncommitted rows. ormtest reads committed state from the database file.

from sqlalchemy import String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    email: Mapped[str] = mapped_column(String(120), nullable=False)

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, username={self.username!r}, email={self.email!r})"


class _Borrowed:
    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        return False

    def close(self):
        pass

    def __getattr__(self, name):
        return getattr(self.conn, name)


def create_user(session: Session, username: str, email: str) -> User:
    user = User(username=username, email=email)
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise
    conn = session.connection()
    session.get_bind().connect = lambda: _Borrowed(conn)
    return user


def get_user(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == username)).one_or_none()


def update_email(session: Session, username: str, new_email: str) -> bool:
    user = get_user(session, username)
    if user is None:
        return False
    user.email = new_email
    session.commit()
    return True


def delete_user(session: Session, username: str) -> bool:
    user = get_user(session, username)
    if user is None:
        return False
    session.delete(user)
    session.commit()
    return True


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))
