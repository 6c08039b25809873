"""The association table has no primary key (the Flask-SQLAlchemy docs' bare db.Table
pattern): the same link can be stored twice and the contract's (user_id, keyword_id) key is missing."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


user_keywords = Table(
    "user_keywords",
    Base.metadata,
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("keyword_id", Integer, ForeignKey("keywords.id")),
)


class Keyword(Base):
    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(50), nullable=False)

    def __init__(self, word):
        self.word = word


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    keyword_objects: Mapped[list[Keyword]] = relationship(secondary=user_keywords)
    keywords = association_proxy("keyword_objects", "word")


def users_with_keyword(session, word):
    stmt = select(User.name).where(User.keyword_objects.any(Keyword.word == word)).order_by(User.name)
    return list(session.scalars(stmt))
