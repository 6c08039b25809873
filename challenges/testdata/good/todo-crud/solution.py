from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Todo(Base):
    __tablename__ = "todos"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))


def add_todo(session, title):
    todo = Todo(title=title)
    session.add(todo)
    session.commit()
    return todo.id


def get_todo(session, todo_id):
    return session.execute(select(Todo).where(Todo.id == todo_id)).scalar_one_or_none()
