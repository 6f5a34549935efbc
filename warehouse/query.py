"""Run SQL read-only against a warehouse and render the result as a table, CSV or JSON."""

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from warehouse.store import DATABASE


class WarehouseNotFoundError(Exception):
    """There is no akhbar.duckdb in the folder given."""


def run_query(root: Path, sql: str, output: str) -> str:
    """The result of `sql` on the warehouse at `root`, rendered as `output` (table, csv or json)."""
    database = root / DATABASE
    if not database.exists():
        raise WarehouseNotFoundError(f"no warehouse at {root} (run `akhbar run --warehouse {root}` first)")
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    if output == "csv":
        return render_csv(columns, rows)
    if output == "json":
        return (
            json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, default=_plain)
            + "\n"
        )
    return render_table(columns, rows)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, list):
        return "[" + ", ".join(_cell(v) for v in value) + "]"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value).replace("\n", "⏎")


def render_csv(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    """Rows as CSV with a header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([["" if v is None else _cell(v) for v in row] for row in rows])
    return out.getvalue()


def render_table(columns: list[str], rows: list[tuple[Any, ...]], max_width: int = 60) -> str:
    """Rows as an aligned text table, long cells cut to `max_width` characters."""
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]
    line = " | ".join
    out = [line(name.ljust(w) for name, w in zip(columns, widths, strict=True))]
    out.append("-+-".join("-" * w for w in widths))
    out.extend(line(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
