"""DISTINCT over (id, name) with the sort done in Python, an IN-free join on the
association table, a creator function and extra columns with defaults."""

import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


user_keywords = Table(
    "user_keywords",
    Base.metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("keyword_id", Integer, ForeignKey("keywords.id"), primary_key=True),
)


class Keyword(Base):
    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(50), index=True)
    weight: Mapped[int] = mapped_column(default=1)

    def __init__(self, word, weight=1):
        super().__init__(word=word, weight=weight)


def _make_keyword(word):
    return Keyword(word)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime.datetime] = mapped_column(
        DateTime, default=lambda: datetime.datetime.now(datetime.timezone.utc)
    )
    keyword_objects: Mapped[list[Keyword]] = relationship(secondary=user_keywords, lazy="select")
    keywords = association_proxy("keyword_objects", "word", creator=_make_keyword)


def users_with_keyword(session, word):
    stmt = (
        select(User.id, User.name)
        .join(user_keywords, user_keywords.c.user_id == User.id)
        .join(Keyword, Keyword.id == user_keywords.c.keyword_id)
        .where(Keyword.word == word)
        .distinct()
    )
    return sorted(name for _id, name in session.execute(stmt))
