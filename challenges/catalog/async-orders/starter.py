"""async-orders: AsyncSession, async_sessionmaker and eager loading.

Fill in the functions. Keep the names, the table names and the signatures:
the tests use them.
"""

from sqlalchemy import Float, ForeignKey, String, select  # noqa: F401
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)

    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), nullable=False)
    total: Mapped[float] = mapped_column(Float, nullable=False)

    customer: Mapped[Customer] = relationship(back_populates="orders")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """An async_sessionmaker whose objects stay readable after commit()."""
    raise NotImplementedError


async def add_customer(sessionmaker: async_sessionmaker[AsyncSession], name: str, totals) -> int:
    """Insert a customer and one order per total in one transaction; return the id."""
    raise NotImplementedError


async def customers_with_orders(sessionmaker: async_sessionmaker[AsyncSession]) -> list[Customer]:
    """Every customer ordered by id, with orders readable after the session is closed."""
    raise NotImplementedError
