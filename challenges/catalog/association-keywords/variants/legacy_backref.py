"""declarative_base() + Column, a backref on the relationship, a proxy with an explicit
creator, and session.query(...) for the lookup."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import relationship

Base = declarative_base()

user_keywords = Table(
    "user_keywords",
    Base.metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("keyword_id", Integer, ForeignKey("keywords.id", ondelete="CASCADE"), primary_key=True),
)


class Keyword(Base):
    __tablename__ = "keywords"

    id = Column(Integer, primary_key=True)
    word = Column(String(50), nullable=False)

    def __init__(self, word=None, **kw):
        super().__init__(word=word, **kw)

    def __repr__(self):
        return "Keyword(%r)" % self.word


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    keyword_objects = relationship(Keyword, secondary=user_keywords, backref="users")
    keywords = association_proxy("keyword_objects", "word", creator=lambda word: Keyword(word=word))


def users_with_keyword(session, word):
    rows = (
        session.query(User.name)
        .filter(User.keyword_objects.any(Keyword.word == word))
        .order_by(User.name)
        .all()
    )
    return [name for (name,) in rows]
