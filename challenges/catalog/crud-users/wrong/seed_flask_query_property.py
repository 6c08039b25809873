"""Known-wrong answer: Flask-SQLAlchemy's Model.query outside a Flask app.

Follows Flask-SQLAlchemy Q6: `User.query.filter_by(...).first()`. The model
is a db.Model, so the table exists and create_user works, but every read goes
through the Model.query property, which needs a Flask application context
(and ignores the session it was given).
"""

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
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise
    return user


def get_user(session, username):
    return User.query.filter_by(username=username).first()


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
    return User.query.order_by(User.username).all()
