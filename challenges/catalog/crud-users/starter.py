"""crud-users: create, read, update and delete rows of the users table.

Fill in the model columns and the five functions. Run the public tests with
`pytest` in this folder.
"""

from sqlalchemy import String, select  # noqa: F401
from sqlalchemy.exc import IntegrityError  # noqa: F401
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # TODO: username (String(80), unique, not null) and email (String(120), not null)


def create_user(session: Session, username: str, email: str) -> User:
    """Insert a user and commit; a duplicate username raises IntegrityError
    and leaves the session rolled back."""
    raise NotImplementedError


def get_user(session: Session, username: str) -> User | None:
    """The user with this username, or None."""
    raise NotImplementedError


def update_email(session: Session, username: str, new_email: str) -> bool:
    """Set the user's email and commit; False if there is no such user."""
    raise NotImplementedError


def delete_user(session: Session, username: str) -> bool:
    """Delete the user and commit; False if there is no such user."""
    raise NotImplementedError


def list_users(session: Session) -> list[User]:
    """Every user, ordered by username ascending."""
    raise NotImplementedError
