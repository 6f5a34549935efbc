"""akhbar query: read-only SQL on the warehouse, as a table, CSV or JSON."""

import json
from pathlib import Path

import duckdb
import pytest

from warehouse.query import WarehouseNotFoundError, render_table, run_query
from warehouse.store import Warehouse


@pytest.fixture
def store(tmp_path: Path) -> Warehouse:
    warehouse = Warehouse(tmp_path / "w")
    warehouse.ensure()
    return warehouse


SQL = "select 1 as n, 'بغداد' as city, ['a', 'b'] as tags, date '2024-07-26' as d, null as nothing"


def test_formats(store: Warehouse) -> None:
    assert run_query(store.root, SQL, "csv") == 'n,city,tags,d,nothing\n1,بغداد,"[a, b]",2024-07-26,\n'
    assert json.loads(run_query(store.root, SQL, "json")) == [
        {"n": 1, "city": "بغداد", "tags": ["a", "b"], "d": "2024-07-26", "nothing": None}
    ]
    assert run_query(store.root, SQL, "table") == (
        "n | city  | tags   | d          | nothing\n"
        "--+-------+--------+------------+--------\n"
        "1 | بغداد | [a, b] | 2024-07-26 | NULL   \n"
        "(1 row)\n"
    )


def test_long_cells_are_cut_in_tables() -> None:
    assert render_table(["x"], [("ا" * 10,)], max_width=5).splitlines()[2] == "اااا…"


def test_the_warehouse_is_read_only(store: Warehouse) -> None:
    with pytest.raises(duckdb.InvalidInputException, match="read-only"):
        run_query(store.root, "create table t as select 1", "csv")


def test_a_missing_warehouse_says_so(tmp_path: Path) -> None:
    with pytest.raises(WarehouseNotFoundError, match="no warehouse at"):
        run_query(tmp_path / "nowhere", "select 1", "csv")
