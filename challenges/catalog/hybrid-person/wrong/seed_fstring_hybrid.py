"""Known-wrong answer: the seed's f-string hybrid_property with no SQL expression."""

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

    # The same body works on an instance (str + str) and on the class, where
    # the two columns concatenate into an SQL expression (first || ' ' || last).
    # The seed answer: an f-string. On the class it formats the column
    # objects into the constant text "Person.first_name Person.last_name".
    @hybrid_property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @full_name.inplace.setter
    def _full_name_setter(self, value: str) -> None:
        self.first_name, self.last_name = value.split(" ", 1)

    # On an instance a bool; on the class the SQL expression birth_year < :year.
    @hybrid_method
    def born_before(self, year: int) -> bool:
        return self.birth_year < year

    def __repr__(self) -> str:
        return f"Person(id={self.id!r}, full_name={self.full_name!r}, birth_year={self.birth_year!r})"
