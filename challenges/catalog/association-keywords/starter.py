"""association-keywords: many-to-many keywords behind an association proxy.

Fill in the mapping and the function. Keep the names, the table names and the
signature: the tests use them.
"""

from sqlalchemy import Column, ForeignKey, String, Table  # noqa: F401
from sqlalchemy.ext.associationproxy import association_proxy  # noqa: F401
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship  # noqa: F401


class Base(DeclarativeBase):
    pass


# TODO: the association table user_keywords (user_id, keyword_id).


class Keyword(Base):
    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(50), nullable=False)
    # TODO: Keyword("orm") must work with a positional word.


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    # TODO: keyword_objects -- many-to-many to Keyword through user_keywords.
    # TODO: keywords -- association proxy: a list of strings.


def users_with_keyword(session: Session, word: str) -> list[str]:
    """Names of the users having the keyword `word`, each user once, sorted, one query."""
    raise NotImplementedError
