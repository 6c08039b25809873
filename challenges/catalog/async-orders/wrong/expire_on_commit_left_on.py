"""async_sessionmaker left with expire_on_commit=True (the default): every attribute is
expired by commit(), and reading customer.id afterwards tries an implicit sync refresh
(MissingGreenlet)."""

from sqlalchemy import Float, ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, joinedload, mapped_column, relationship, selectinload, sessionmaker


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


def make_sessionmaker(engine):
    return async_sessionmaker(engine)


async def add_customer(sessionmaker, name, totals):
    async with sessionmaker() as session:
        customer = Customer(name=name)
        session.add(customer)
        session.add_all([Order(total=t, customer=customer) for t in totals])
        await session.commit()
        return customer.id



async def customers_with_orders(sessionmaker):
    async with sessionmaker() as session:
        result = await session.execute(
            select(Customer).options(selectinload(Customer.orders)).order_by(Customer.id)
        )
        return list(result.scalars())

