"""lazy="selectin" on the mapping instead of an eager load in the query: customers_with_orders
works, but every query for customers now loads their orders too."""

from sqlalchemy import Float, ForeignKey, String, select
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    orders: Mapped[list["Order"]] = relationship(back_populates="customer", lazy="selectin")


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), nullable=False)
    total: Mapped[float] = mapped_column(Float, nullable=False)
    customer: Mapped[Customer] = relationship(back_populates="orders")


def make_sessionmaker(engine):
    return async_sessionmaker(engine, expire_on_commit=False)


async def add_customer(sessionmaker, name, totals):
    async with sessionmaker.begin() as session:
        customer = Customer(name=name, orders=[Order(total=t) for t in totals])
        session.add(customer)
        await session.flush()
        return customer.id


async def customers_with_orders(sessionmaker):
    async with sessionmaker() as session:
        return list(await session.scalars(select(Customer).order_by(Customer.id)))
