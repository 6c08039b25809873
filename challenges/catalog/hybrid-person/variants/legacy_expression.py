"""Accepted variant: declarative_base() + Column, classic same-name
.setter / .expression redefinitions, an f-string on the instance side."""

from sqlalchemy import Column, Integer, String
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Person(Base):
    __tablename__ = "people"

    id = Column(Integer, primary_key=True)
    first_name = Column(String(50), nullable=False)
    last_name = Column(String(50), nullable=False)
    birth_year = Column(Integer, nullable=False)

    @hybrid_property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @full_name.setter
    def full_name(self, value):
        first, _, last = value.partition(" ")
        self.first_name = first
        self.last_name = last

    @full_name.expression
    def full_name(cls):
        return cls.first_name + " " + cls.last_name

    @hybrid_method
    def born_before(self, year):
        return self.birth_year is not None and self.birth_year < year

    @born_before.expression
    def born_before(cls, year):
        return cls.birth_year < year
