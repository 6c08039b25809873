"""users_with_keyword filters with the proxy's contains(): on a string attribute that is a
substring LIKE, so a user with the keyword 'orms' matches 'orm'."""

from sqlalchemy import Column, ForeignKey, String, Table, select
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship


class Base(MappedAsDataclass, DeclarativeBase):
    pass


user_keywords = Table(
    "user_keywords",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("keyword_id", ForeignKey("keywords.id"), primary_key=True),
)


class Keyword(Base):
    __tablename__ = "keywords"

    word: Mapped[str] = mapped_column(String(50))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    users: Mapped[list["User"]] = relationship(
        secondary=user_keywords, back_populates="keyword_objects", default_factory=list, repr=False
    )


class User(Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(50))
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    keyword_objects: Mapped[list[Keyword]] = relationship(
        secondary=user_keywords, back_populates="users", default_factory=list
    )
    keywords: AssociationProxy[list[str]] = association_proxy(
        "keyword_objects", "word", init=False, repr=False
    )


def users_with_keyword(session, word):
    stmt = select(User.name).where(User.keywords.contains(word)).order_by(User.name.asc())
    return session.execute(stmt).scalars().all()
