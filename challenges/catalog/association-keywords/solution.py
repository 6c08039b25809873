"""Reference solution for association-keywords."""

from sqlalchemy import Column, ForeignKey, String, Table, select
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


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

    def __init__(self, word: str):
        self.word = word


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)

    keyword_objects: Mapped[list[Keyword]] = relationship(secondary=user_keywords)

    # user.keywords -> ["orm", ...]; user.keywords.append("x") calls Keyword("x").
    keywords: AssociationProxy[list[str]] = association_proxy("keyword_objects", "word")


def users_with_keyword(session: Session, word: str) -> list[str]:
    # EXISTS keeps each user once even if two Keyword rows share the word,
    # while two different users with the same name still appear twice.
    stmt = (
        select(User.name)
        .where(User.keyword_objects.any(Keyword.word == word))
        .order_by(User.name)
    )
    return list(session.scalars(stmt))
