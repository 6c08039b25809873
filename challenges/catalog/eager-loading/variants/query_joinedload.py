"""Accepted variant: declarative_base() + Column + backref, legacy
session.query() with joinedload() (Query de-duplicates by itself)."""

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import backref, declarative_base, joinedload, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)


class Address(Base):
    __tablename__ = "addresses"

    id = Column(Integer, primary_key=True)
    email = Column(String(120), nullable=False)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    user = relationship("User", backref=backref("addresses", cascade="all, delete-orphan"))


def users_with_addresses(session):
    return session.query(User).options(joinedload(User.addresses)).order_by(User.id).all()
