"""Accepted variant: declarative_base() + Column, a backref declared on User
only, and session.query() returning Row objects."""

from sqlalchemy import Column, ForeignKey, Integer, String, desc, func
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    addresses = relationship(
        "Address", backref=backref("user"), cascade="all, delete-orphan", order_by="Address.id"
    )


class Address(Base):
    __tablename__ = "addresses"

    id = Column(Integer, primary_key=True)
    email = Column(String(120), nullable=False)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)


def address_counts(session):
    total = func.count(Address.id)
    return (
        session.query(User.name, total)
        .outerjoin(User.addresses)
        .group_by(User.id)
        .order_by(desc(total), User.name)
        .all()
    )
