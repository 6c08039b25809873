"""Accepted variant: classic declarative_base() + Column + session.query()."""

from sqlalchemy import Column, Integer, String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.declarative import declarative_base  # deprecated, still works

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    username = Column(String(80), unique=True, nullable=False)
    email = Column(String(120), nullable=False)


def _save(session):
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise


def create_user(session, username, email):
    user = User(username=username, email=email)
    session.add(user)
    _save(session)
    return user


def get_user(session, username):
    return session.query(User).filter_by(username=username).first()


def update_email(session, username, new_email):
    user = get_user(session, username)
    if not user:
        return False
    user.email = new_email
    _save(session)
    return True


def delete_user(session, username):
    deleted = session.query(User).filter(User.username == username).delete()
    session.commit()
    return deleted > 0


def list_users(session):
    return session.query(User).order_by(User.username.asc()).all()
