"""Known-wrong answer: the seed's mapping (Flask-SQLAlchemy Q3), table names fixed.

`addresses = relationship('Address', backref='user')` with no cascade, and a
user_id column without nullable=False. Deleting a user sets its addresses'
user_id to NULL instead of deleting them, and an address removed from
user.addresses stays behind as an orphan.
"""

from sqlalchemy import Column, ForeignKey, Integer, String, func, select
from sqlalchemy.orm import declarative_base, relationship

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
    user_id = Column(Integer, ForeignKey("users.id"))


def address_counts(session):
    n = func.count(Address.id).label("n")
    stmt = (
        select(User.name, n)
        .outerjoin(Address, Address.user_id == User.id)
        .group_by(User.id)
        .order_by(n.desc(), User.name)
    )
    return session.execute(stmt).all()
