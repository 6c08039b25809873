"""Legacy session.query(...) run through AsyncSession.run_sync, a manually managed session
with an explicit rollback on error, and extra columns with defaults."""

import datetime

from sqlalchemy import DateTime, Float, ForeignKey, String
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime.datetime] = mapped_column(
        DateTime, default=lambda: datetime.datetime.now(datetime.timezone.utc)
    )
    orders: Mapped[list["Order"]] = relationship(back_populates="customer", lazy="select")


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    total: Mapped[float] = mapped_column(Float(asdecimal=False))
    status: Mapped[str] = mapped_column(String(20), default="new")
    customer: Mapped["Customer"] = relationship(back_populates="orders")


def make_sessionmaker(engine):
    maker = async_sessionmaker(engine)
    maker.configure(expire_on_commit=False)
    return maker


def _load_all(session):
    return (
        session.query(Customer)
        .options(selectinload(Customer.orders))
        .order_by(Customer.id)
        .all()
    )


async def add_customer(sessionmaker, name, totals):
    session = sessionmaker()
    try:
        customer = Customer(name=name)
        customer.orders.extend(Order(total=total) for total in totals)
        session.add(customer)
        await session.flush()
        new_id = customer.id
        await session.commit()
        return new_id
    except BaseException:
        await session.rollback()
        raise
    finally:
        await session.close()


async def customers_with_orders(sessionmaker):
    async with sessionmaker() as session:
        return await session.run_sync(_load_all)
