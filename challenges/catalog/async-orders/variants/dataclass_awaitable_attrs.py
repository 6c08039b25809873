"""MappedAsDataclass + AsyncAttrs: the orders are loaded one customer at a time through
awaitable_attrs (more queries, but every collection is loaded before the session closes)."""

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncAttrs, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship


class Base(AsyncAttrs, MappedAsDataclass, DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    name: Mapped[str] = mapped_column(String(50))
    orders: Mapped[list["Order"]] = relationship(
        back_populates="customer", default_factory=list, repr=False
    )


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    total: Mapped[float]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), init=False)
    customer: Mapped[Customer] = relationship(back_populates="orders", default=None)
    note: Mapped[str] = mapped_column(String(100), default="")


def make_sessionmaker(engine) -> async_sessionmaker[AsyncSession]:
    factory: async_sessionmaker[AsyncSession] = async_sessionmaker(engine, expire_on_commit=False)
    return factory


async def add_customer(sessionmaker, name, totals):
    async with sessionmaker() as session:
        async with session.begin():
            customer = Customer(name=name, orders=[Order(total=float(t)) for t in totals])
            session.add(customer)
        return customer.id


async def customers_with_orders(sessionmaker):
    async with sessionmaker() as session:
        customers = (await session.scalars(select(Customer).order_by(Customer.id))).all()
        for customer in customers:
            await customer.awaitable_attrs.orders
        return list(customers)
