"""declarative_base() + Column, a backref declared on Order, sessionmaker.begin(), and
joinedload(...) with .unique()."""

from sqlalchemy import Column, Float, ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import joinedload, relationship

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)


class Order(Base):
    __tablename__ = "orders"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False)
    total = Column(Float, nullable=False)
    customer = relationship("Customer", backref="orders")


def make_sessionmaker(engine):
    return async_sessionmaker(bind=engine, class_=AsyncSession, expire_on_commit=False, autoflush=False)


async def add_customer(sessionmaker, name, totals):
    async with sessionmaker.begin() as session:
        customer = Customer(name=name)
        for total in totals:
            Order(customer=customer, total=total)
        session.add(customer)
    return customer.id


async def customers_with_orders(sessionmaker):
    async with sessionmaker() as session:
        result = await session.execute(
            select(Customer).options(joinedload(Customer.orders)).order_by(Customer.id)
        )
        return result.unique().scalars().all()
