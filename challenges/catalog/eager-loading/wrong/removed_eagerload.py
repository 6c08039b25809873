"""Known-wrong answer: eagerload(), an option removed from SQLAlchemy.

Old tutorials spell the joined eager load `eagerload()`; it no longer exists
in SQLAlchemy 2.0, so this file cannot even be imported.
"""

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, eagerload, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    addresses = relationship("Address", backref="user")


class Address(Base):
    __tablename__ = "addresses"

    id = Column(Integer, primary_key=True)
    email = Column(String(120), nullable=False)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)


def users_with_addresses(session):
    return session.query(User).options(eagerload(User.addresses)).order_by(User.id).all()
