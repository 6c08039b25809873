import pytest

import ormtest
import solution
from orders_support import call as _call
from orders_support import create_tables as _create_tables
from orders_support import make as _make
from orders_support import sql as _sql

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

# isinstance as captured by ormtest before the solution was imported.
_isinstance = getattr(ormtest, "_isinstance", isinstance)


async def _insert(engine, customers, orders):
    """customers: [(id, name)], orders: [(id, customer_id, total)], inserted with Core
    on the contract's tables (so Python-side defaults of extra columns still apply)."""
    tables = solution.Base.metadata.tables
    async with engine.begin() as conn:
        if customers:
            await conn.execute(insert(tables["customers"]), [{"id": i, "name": n} for i, n in customers])
        if orders:
            await conn.execute(
                insert(tables["orders"]),
                [{"id": i, "customer_id": c, "total": t} for i, c, t in orders],
            )


async def _prove_live(counter, engine):
    with counter:
        async with engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")
    assert counter.count == 1, "the statement counter does not work: was sqlalchemy.event.listen replaced?"


def _read_orders(customer, when):
    """(name, sorted totals) of a returned customer, read without any database access."""
    error = name = totals = None
    try:
        name = customer.name
        totals = sorted(order.total for order in customer.orders)
    except Exception as exc:
        error = type(exc).__name__
    assert error is None, "reading customer.orders %s raised %s: the orders were not loaded" % (when, error)
    ormtest.exact_type(name, str, "Customer.name")
    for total in totals:
        ormtest.exact_type(total, float, "Order.total")
    return name, totals


def test_tables_and_columns():
    """customers and orders have the required columns and keys"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            customers = {r[1]: r for r in await _sql(engine, "PRAGMA table_info(customers)")}
            orders = {r[1]: r for r in await _sql(engine, "PRAGMA table_info(orders)")}
            assert customers, "there is no table named customers"
            assert orders, "there is no table named orders"
            for column in ("id", "name"):
                assert column in customers, "customers has no column %r" % column
            for column in ("id", "customer_id", "total"):
                assert column in orders, "orders has no column %r" % column
            assert customers["id"][5] == 1, "customers.id should be the primary key"
            assert orders["id"][5] == 1, "orders.id should be the primary key"
            assert customers["name"][3] == 1, "customers.name should be NOT NULL"
            assert str(customers["name"][2]).replace(" ", "").endswith("(50)"), (
                "customers.name should be a string of length 50, its type is %r" % (customers["name"][2],)
            )
            assert orders["customer_id"][3] == 1, "orders.customer_id should be NOT NULL"
            assert orders["total"][3] == 1, "orders.total should be NOT NULL"
            total_type = str(orders["total"][2]).upper()
            assert any(word in total_type for word in ("FLOAT", "REAL", "DOUBLE")), (
                "orders.total should be a float column, its type is %r" % (orders["total"][2],)
            )
            fks = [(r[2], r[3], r[4]) for r in await _sql(engine, "PRAGMA foreign_key_list(orders)")]
            assert ("customers", "customer_id", "id") in fks, (
                "orders.customer_id should be a foreign key to customers.id, foreign keys are %r" % (fks,)
            )
    ormtest.run_async(body())


def test_relationships_default_lazy():
    """Customer.orders and Order.customer keep default lazy loading"""
    with ormtest.database() as engine:
        ormtest.create_all(solution.Base, engine)
    customer_mapper = ormtest.sa_inspect(solution.Customer)
    order_mapper = ormtest.sa_inspect(solution.Order)
    assert "orders" in customer_mapper.relationships, "Customer has no relationship named orders"
    assert "customer" in order_mapper.relationships, "Order has no relationship named customer"
    orders = customer_mapper.relationships["orders"]
    customer = order_mapper.relationships["customer"]
    assert orders.mapper.class_ is solution.Order and orders.uselist, "Customer.orders should be a list of Order"
    assert customer.mapper.class_ is solution.Customer and not customer.uselist, (
        "Order.customer should be a single Customer"
    )
    for what, rel in (("Customer.orders", orders), ("Order.customer", customer)):
        assert rel.lazy in ("select", True), (
            "%s should keep the default lazy loading on the mapping, it has lazy=%r: "
            "load eagerly in the query instead" % (what, rel.lazy)
        )


def test_make_sessionmaker_gives_async_sessions():
    """make_sessionmaker returns an async_sessionmaker of AsyncSessions on the engine"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            assert _isinstance(maker, async_sessionmaker), (
                "make_sessionmaker should return an async_sessionmaker, got %s" % type(maker).__name__
            )
            async with maker() as session:
                assert _isinstance(session, AsyncSession), (
                    "the sessionmaker should make AsyncSession objects, it made %s" % type(session).__name__
                )
                session.add(solution.Customer(name="ada"))
                await session.commit()
            names = await _sql(engine, "SELECT name FROM customers")
            assert names == [("ada",)], (
                "a customer committed through the sessionmaker is not in the test's database: %r" % (names,)
            )
    ormtest.run_async(body())


def test_attributes_readable_after_commit():
    """attributes stay readable after commit without another query"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            counter = ormtest.StatementCounter(engine)
            await _prove_live(counter, engine)
            maker = _make(engine)
            async with maker() as session:
                customer = solution.Customer(name="ada")
                session.add(customer)
                await session.commit()
                error = name = customer_id = None
                with counter:
                    try:
                        name, customer_id = customer.name, customer.id
                    except Exception as exc:
                        error = type(exc).__name__
                assert error is None, (
                    "reading customer.name after commit() raised %s: commit() expired the object" % (error,)
                )
                assert counter.count == 0, (
                    "reading attributes after commit() sent %d SQL statements, expected none: %s"
                    % (counter.count, counter.summary())
                )
            ormtest.exact_type(customer_id, int, "Customer.id after commit")
            assert name == "ada", "customer.name after commit reads %r" % (name,)
            with counter:
                try:
                    name = customer.name
                except Exception as exc:
                    error = type(exc).__name__
            assert error is None, "reading customer.name after the session closed raised %s" % (error,)
            assert counter.count == 0 and name == "ada", "customer.name after the session closed reads %r" % (name,)
    ormtest.run_async(body())


def test_add_customer_inserts_rows():
    """add_customer inserts the customer and one order per total"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            customer_id = await _call("add_customer", solution.add_customer(maker, "ada", [12.5, 7.25, 12.5]))
            ormtest.exact_type(customer_id, int, "add_customer's return value")
            customers = await _sql(engine, "SELECT id, name FROM customers")
            assert customers == [(customer_id, "ada")], (
                "after add_customer(maker, 'ada', ...) returned %r the customers table holds %r"
                % (customer_id, customers)
            )
            orders = sorted(await _sql(engine, "SELECT customer_id, total FROM orders"))
            expected = [(customer_id, 7.25), (customer_id, 12.5), (customer_id, 12.5)]
            assert orders == expected, "the orders table holds %r, expected %r" % (orders, expected)
    ormtest.run_async(body())


def test_add_customer_without_orders():
    """add_customer with no totals inserts a customer without orders"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            customer_id = await _call("add_customer", solution.add_customer(maker, "bob", []))
            ormtest.exact_type(customer_id, int, "add_customer's return value")
            customers = await _sql(engine, "SELECT id, name FROM customers")
            assert customers == [(customer_id, "bob")], "the customers table holds %r" % (customers,)
            orders = await _sql(engine, "SELECT COUNT(*) FROM orders")
            assert orders == [(0,)], "add_customer with no totals created orders: %r" % (orders,)
    ormtest.run_async(body())


def test_add_customer_twice():
    """two add_customer calls give two ids, each with its own orders"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            first = await _call("add_customer", solution.add_customer(maker, "ada", [1.5]))
            second = await _call("add_customer", solution.add_customer(maker, "bob", [2.5, 3.5]))
            ormtest.exact_type(first, int, "add_customer's return value")
            ormtest.exact_type(second, int, "add_customer's return value")
            assert first != second, "two add_customer calls returned the same id %r" % (first,)
            customers = sorted(await _sql(engine, "SELECT id, name FROM customers"))
            assert customers == sorted([(first, "ada"), (second, "bob")]), "the customers table holds %r" % (customers,)
            orders = sorted(await _sql(engine, "SELECT customer_id, total FROM orders"))
            expected = sorted([(first, 1.5), (second, 2.5), (second, 3.5)])
            assert orders == expected, "the orders table holds %r, expected %r" % (orders, expected)
    ormtest.run_async(body())


def test_add_customer_one_transaction():
    """a failing order leaves neither the customer nor any order behind"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            with pytest.raises(Exception):
                await solution.add_customer(maker, "eve", [5.0, None])
            customers = await _sql(engine, "SELECT name FROM customers")
            orders = await _sql(engine, "SELECT total FROM orders")
            assert customers == [] and orders == [], (
                "add_customer failed on a NULL total but left customers %r and orders %r behind: "
                "the inserts must be one transaction" % (customers, orders)
            )
            customer_id = await _call("add_customer", solution.add_customer(maker, "ada", [1.0]))
            customers = await _sql(engine, "SELECT id, name FROM customers")
            assert customers == [(customer_id, "ada")], "after a failed call, add_customer stored %r" % (customers,)
    ormtest.run_async(body())


def test_customers_with_orders_loaded_after_close():
    """orders of returned customers read without SQL after the session closed"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            await _insert(
                engine,
                [(1, "ada"), (2, "bob"), (3, "cy")],
                [(10, 1, 3.0), (11, 2, 8.5), (12, 1, 4.0), (13, 2, 1.25), (14, 1, 2.0)],
            )
            counter = ormtest.StatementCounter(engine)
            await _prove_live(counter, engine)
            maker = _make(engine)
            customers = await _call("customers_with_orders", solution.customers_with_orders(maker))
            ormtest.exact_list_of(customers, solution.Customer, "customers_with_orders' return value")
            with counter:
                summary = [_read_orders(c, "after customers_with_orders returned") for c in customers]
            assert counter.count == 0, (
                "reading customer.orders after customers_with_orders returned sent %d SQL statements: %s"
                % (counter.count, counter.summary())
            )
            expected = [("ada", [2.0, 3.0, 4.0]), ("bob", [1.25, 8.5]), ("cy", [])]
            assert summary == expected, "customers_with_orders gave %r, expected %r" % (summary, expected)
    ormtest.run_async(body())


def test_customers_with_orders_ordered_by_id():
    """customers_with_orders orders customers by id"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            await _insert(
                engine,
                [(7, "alice"), (2, "zed"), (5, "mia"), (3, "bob")],
                [(1, 5, 10.0), (2, 7, 20.0)],
            )
            maker = _make(engine)
            customers = await _call("customers_with_orders", solution.customers_with_orders(maker))
            ormtest.exact_list_of(customers, solution.Customer, "customers_with_orders' return value")
            ids = [c.id for c in customers]
            assert ids == [2, 3, 5, 7], "customers_with_orders should list every customer by id: got ids %r" % (ids,)
            summary = [_read_orders(c, "after customers_with_orders returned") for c in customers]
            expected = [("zed", []), ("bob", []), ("mia", [10.0]), ("alice", [20.0])]
            assert summary == expected, "customers_with_orders gave %r, expected %r" % (summary, expected)
    ormtest.run_async(body())


def test_customers_with_orders_empty():
    """customers_with_orders returns [] when there are no customers"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            maker = _make(engine)
            customers = await _call("customers_with_orders", solution.customers_with_orders(maker))
            ormtest.exact_type(customers, list, "customers_with_orders' return value")
            assert len(customers) == 0, "customers_with_orders on an empty database returned %d customers" % len(customers)
    ormtest.run_async(body())


def test_customers_with_orders_outside_event_loop():
    """returned customers' orders read after the event loop has finished"""
    async def body():
        async with ormtest.async_database() as engine:
            await _create_tables(engine)
            await _insert(engine, [(1, "ada"), (2, "bob")], [(1, 2, 6.5), (2, 1, 1.5), (3, 2, 0.5)])
            maker = _make(engine)
            return await _call("customers_with_orders", solution.customers_with_orders(maker))
    customers = ormtest.run_async(body())
    ormtest.exact_list_of(customers, solution.Customer, "customers_with_orders' return value")
    summary = [_read_orders(c, "after the event loop finished") for c in customers]
    assert summary == [("ada", [1.5]), ("bob", [0.5, 6.5])], "customers_with_orders gave %r" % (summary,)
