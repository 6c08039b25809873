"""User.keywords is a plain @property that builds a new list of words: it reads
fine, but append() changes a throw-away list and no Keyword is created."""

from sqlalchemy import Column, ForeignKey, String, Table, select
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

    def __init__(self, word):
        self.word = word


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    keyword_objects: Mapped[list[Keyword]] = relationship(secondary=user_keywords)

    @property
    def keywords(self):
        return [keyword.word for keyword in self.keyword_objects]


def users_with_keyword(session, word):
    stmt = select(User.name).where(User.keyword_objects.any(Keyword.word == word)).order_by(User.name)
    return list(session.scalars(stmt))
