"""Reference solution for async-orders."""

from sqlalchemy import Float, ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload


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
    # expire_on_commit=False: after commit() the attributes keep their values,
    # so reading them needs no (implicit, sync) refresh from the database.
    return async_sessionmaker(engine, expire_on_commit=False)


async def add_customer(sessionmaker: async_sessionmaker[AsyncSession], name: str, totals) -> int:
    async with sessionmaker() as session:
        async with session.begin():
            customer = Customer(name=name)
            customer.orders = [Order(total=total) for total in totals]
            session.add(customer)
            await session.flush()
            customer_id = customer.id
        return customer_id


async def customers_with_orders(sessionmaker: async_sessionmaker[AsyncSession]) -> list[Customer]:
    async with sessionmaker() as session:
        stmt = select(Customer).options(selectinload(Customer.orders)).order_by(Customer.id)
        return list((await session.scalars(stmt)).all())
