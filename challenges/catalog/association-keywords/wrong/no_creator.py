"""Keyword keeps the default keyword-only constructor and the proxy has no creator:
Keyword("orm") and user.keywords.append("orm") raise TypeError."""

from sqlalchemy import Column, ForeignKey, String, Table, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


user_keywords = Table(
    "user_keywords",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("keyword_id", ForeignKey("keywords.id"), primary_key=True),
)


class Keyword(Base):
    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(50), nullable=False)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    keyword_objects: Mapped[list[Keyword]] = relationship(secondary=user_keywords)
    keywords = association_proxy("keyword_objects", "word")


def users_with_keyword(session, word):
    stmt = select(User.name).where(User.keyword_objects.any(Keyword.word == word)).order_by(User.name)
    return list(session.scalars(stmt))
