import ormtest
import solution
from orders_support import call as _call
from orders_support import create_tables as _create_tables
from orders_support import make as _make
from orders_support import sql as _sql

from sqlalchemy.ext.asyncio import async_sessionmaker

# isinstance as captured by ormtest before the solution was imported.
_isinstance = getattr(ormtest, "_isinstance", isinstance)


def test_make_sessionmaker_type():
    """make_sessionmaker returns an async_sessionmaker"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            assert _isinstance(maker, async_sessionmaker), (
                "make_sessionmaker should return an async_sessionmaker, got %s" % type(maker).__name__
            )
    ormtest.run_async(body())


def test_add_customer_stores_orders():
    """add_customer stores a customer and its orders"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            customer_id = await _call("add_customer", solution.add_customer(maker, "ada", [12.5, 7.0]))
            ormtest.exact_type(customer_id, int, "add_customer's return value")
            customers = await _sql(engine, "SELECT id, name FROM customers")
            assert customers == [(customer_id, "ada")], "the customers table holds %r" % (customers,)
            totals = sorted(await _sql(engine, "SELECT customer_id, total FROM orders"))
            assert totals == [(customer_id, 7.0), (customer_id, 12.5)], "the orders table holds %r" % (totals,)
    ormtest.run_async(body())


def test_customers_with_orders_loaded():
    """customers_with_orders returns customers with their orders loaded"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            await _call("add_customer", solution.add_customer(maker, "ada", [3.0, 4.0]))
            await _call("add_customer", solution.add_customer(maker, "bob", []))
            customers = await _call("customers_with_orders", solution.customers_with_orders(maker))
            ormtest.exact_type(customers, list, "customers_with_orders' return value")
            summary = []
            for customer in customers:
                error = totals = None
                try:
                    totals = sorted(order.total for order in customer.orders)
                except Exception as exc:
                    error = type(exc).__name__
                assert error is None, (
                    "reading customer.orders after customers_with_orders returned raised %s: "
                    "the orders were not loaded" % (error,)
                )
                summary.append((customer.name, totals))
            assert summary == [("ada", [3.0, 4.0]), ("bob", [])], "customers_with_orders gave %r" % (summary,)
    ormtest.run_async(body())
