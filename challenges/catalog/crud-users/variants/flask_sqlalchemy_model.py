"""Accepted variant: Flask-SQLAlchemy's db.Model, used with the session it is given."""

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError

db = SQLAlchemy()
Base = db.Model


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120), nullable=False)


def create_user(session, username, email):
    user = User(username=username, email=email)
    try:
        session.add(user)
        session.commit()
    except IntegrityError:
        session.rollback()
        raise
    return user


def get_user(session, username):
    return session.execute(db.select(User).filter_by(username=username)).scalar()


def update_email(session, username, new_email):
    user = get_user(session, username)
    if user is None:
        return False
    user.email = new_email
    session.commit()
    return True


def delete_user(session, username):
    user = get_user(session, username)
    if user is None:
        return False
    session.delete(user)
    session.commit()
    return True


def list_users(session):
    return list(session.execute(db.select(User).order_by(User.username)).scalars())
