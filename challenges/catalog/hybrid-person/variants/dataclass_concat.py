"""Accepted variant: MappedAsDataclass with an extra defaulted column, the
2.0 .inplace forms with explicit expressions built by ColumnOperators.concat()."""

from typing import Optional

from sqlalchemy import ColumnElement, String, and_
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "people"

    first_name: Mapped[str] = mapped_column(String(50))
    last_name: Mapped[str] = mapped_column(String(50))
    birth_year: Mapped[int]
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    nickname: Mapped[Optional[str]] = mapped_column(String(50), default=None)

    @hybrid_property
    def full_name(self) -> str:
        return "%s %s" % (self.first_name, self.last_name)

    @full_name.inplace.expression
    @classmethod
    def _full_name_expression(cls) -> ColumnElement[str]:
        return cls.first_name.concat(" ").concat(cls.last_name)

    @full_name.inplace.setter
    def _full_name_setter(self, value: str) -> None:
        parts = value.split(" ", maxsplit=1)
        self.first_name = parts[0]
        self.last_name = parts[1] if len(parts) > 1 else ""

    @hybrid_method
    def born_before(self, year: int) -> bool:
        return bool(self.birth_year < year)

    @born_before.inplace.expression
    @classmethod
    def _born_before_expression(cls, year: int) -> ColumnElement[bool]:
        return and_(cls.birth_year < year)
