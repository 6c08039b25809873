"""hybrid-person: a hybrid property and a hybrid method on Person.

Fill in full_name (with its setter) and born_before. Run the public tests
with `pytest` in this folder.
"""

from sqlalchemy import String
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(50))
    last_name: Mapped[str] = mapped_column(String(50))
    birth_year: Mapped[int]

    @hybrid_property
    def full_name(self) -> str:
        """first_name + " " + last_name, on an instance and in SQL; setting it
        splits on the first space."""
        raise NotImplementedError

    @hybrid_method
    def born_before(self, year: int) -> bool:
        """birth_year < year, on an instance and in SQL."""
        raise NotImplementedError
