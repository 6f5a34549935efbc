"""Write the warehouse (Parquet under one folder, DuckDB views over it) and read back what it holds."""

import fcntl
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tasks.schemas import ARTICLE_ENTITIES, ARTICLES, DUPLICATES, MANIFEST, QUARANTINE, RUNS, empty
from warehouse.resume import BATCHES_DIR, BatchRecord, code_version, file_sha256

DATABASE = "akhbar.duckdb"
VIEWS_SQL = Path(__file__).with_name("views.sql")

# Folder under the warehouse → the schema of the Parquet files in it.
TABLES: dict[str, pl.Schema] = {
    "articles": ARTICLES,
    "article_entities": ARTICLE_ENTITIES,
    "quarantine": QUARANTINE,
    "manifest": MANIFEST,
    "duplicates": DUPLICATES,
    "runs": RUNS,
}
# Every folder holds one empty file of its schema, so that the views have types before the first run.
SCHEMA_FILE = "00000000-schema.parquet"
# The writer lock: one run at a time writes a warehouse (readers never take it).
LOCK_FILE = ".lock"


def views_sql(root: Path) -> str:
    """The SQL that defines the views of CONTRACT.md over the warehouse at `root`."""
    quoted = str(root.resolve()).replace("'", "''")
    return VIEWS_SQL.read_text(encoding="utf-8").replace("{root}", quoted)


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Write a file under a temporary name, then rename it: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def write_parquet_atomically(frame: pl.DataFrame, path: Path) -> None:
    """Write a Parquet file atomically."""
    write_atomically(path, lambda temporary: frame.write_parquet(temporary, compression="zstd", statistics=True))


def write_text_atomically(text: str, path: Path) -> None:
    """Write a UTF-8 text file atomically."""
    write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))


class Warehouse:
    """A warehouse folder: Parquet tables, the run manifest, validation results and akhbar.duckdb."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.database = self.root / DATABASE

    @contextmanager
    def writing(self, on_wait: Callable[[Path], None] | None = None) -> Iterator[None]:
        """Hold the warehouse's writer lock for a whole run; wait (calling `on_wait` once) while another holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        lock = self.root / LOCK_FILE
        # flock, not a lock file's existence: the kernel releases it when its holder dies, so a
        # killed run never leaves the warehouse locked.
        with lock.open("a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait(lock)
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def ensure(self) -> None:
        """Create the folders, schema files and views if they are not there yet (or are out of date)."""
        for table, schema in TABLES.items():
            schema_file = self.root / table / SCHEMA_FILE
            # Rewritten when the schema has grown, so that the views see the new columns (null in older files).
            if not schema_file.exists() or pl.read_parquet_schema(schema_file) != schema:
                write_parquet_atomically(empty(schema), schema_file)
        (self.root / "validation").mkdir(parents=True, exist_ok=True)
        self._ensure_views()

    def _ensure_views(self) -> None:
        """(Re)create the views in akhbar.duckdb only when their SQL changed, to rarely lock readers out."""
        wanted = views_sql(self.root)
        marker = self.root / ".views.sql"
        if self.database.exists() and marker.exists() and marker.read_text(encoding="utf-8") == wanted:
            return
        with duckdb.connect(str(self.database)) as connection:
            connection.execute(wanted)
        write_text_atomically(wanted, marker)

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """An in-memory DuckDB connection with the warehouse views, holding no lock on akhbar.duckdb."""
        with duckdb.connect() as connection:
            connection.execute(views_sql(self.root))
            yield connection

    # The run's own reads of the manifest and the live ids follow the rules of views.sql (source_files, articles)
    # in Polars: DuckDB's result handed over to Polars cost the copies in between, and DuckDB's allocator kept
    # its share after; at 10× (1M articles) live_articles peaked ~240 MB higher and held ~60 MB more after.

    def current_sources(self) -> pl.DataFrame:
        """The latest committed source_path, source_sha256, size, file_size, file_mtime_ns of every source seen."""
        return self._current(["source_path", "source_sha256", "size", "file_size", "file_mtime_ns"]).collect()

    def live_articles(self, sources: pl.DataFrame | None = None) -> pl.DataFrame:
        """(article_id, source_path) of every article loaded now; `sources`: current_sources(), if at hand."""
        articles = self._scan("articles").select("article_id", "source_path", "source_sha256", "run_id")
        # Handed the manifest, the run saves reading and ranking it again (~90 MB less at its peak at 10×).
        current = (
            self._current(["source_path", "source_sha256"])
            if sources is None
            else sources.lazy().select("source_path", "source_sha256")
        )
        return (
            articles.join(current, on=["source_path", "source_sha256"], how="semi")
            .join(self._committed().select("run_id"), on="run_id", how="semi")
            .select("article_id", "source_path")
            .collect()
        )

    def entity_spellings(self) -> pl.DataFrame:
        """(entity, entity_type, rows) of the entity rows committed runs loaded: how the warehouse writes each name."""
        entities = self._scan("article_entities").join(self._committed().select("run_id"), on="run_id", how="semi")
        return entities.group_by("entity", "entity_type").agg(rows=pl.len()).collect()

    def _scan(self, table: str) -> pl.LazyFrame:
        """A table's Parquet files, committed or not, in the table's schema (a column an older file lacks: null)."""
        return pl.scan_parquet(
            self.root / table / "*.parquet",
            schema=TABLES[table],
            missing_columns="insert",
            extra_columns="ignore",
            # As lenient as the views' union_by_name with files an older version wrote in narrower types.
            cast_options=pl.ScanCastOptions(
                integer_cast="upcast", datetime_cast=["nanosecond-downcast", "convert-timezone"]
            ),
        )

    def _committed(self) -> pl.LazyFrame:
        """run_id and finished_at of the completed runs."""
        return self._scan("runs").filter(pl.col("status") == "completed").select("run_id", "finished_at")

    def _current(self, columns: list[str]) -> pl.LazyFrame:
        """These columns of view source_files: each source's row of the latest completed run that recorded it."""
        recorded = self._scan("manifest").select(list(dict.fromkeys([*columns, "source_path", "run_id"])))
        latest = pl.col("finished_at") == pl.col("finished_at").max().over("source_path")
        # One row a source: a run records a source once, and runs commit one after the other.
        return recorded.join(self._committed(), on="run_id").filter(latest).select(columns)

    def copies_of(self, ids: pl.Series, run_id: str) -> pl.DataFrame:
        """Copies (article_id, source_path, source_sha256, position) of these articles set aside, in current content.

        Committed copies and those run `run_id` has written so far; current means the content the source has
        once the run commits (this run's manifest rows, else the committed ones).
        """

        def own(table: str, view: str, columns: str) -> str:
            files = sorted(str(p) for p in (self.root / table).glob(f"{run_id}-*.parquet"))
            if not files:
                # No file yet: the view has the same columns, and gives the empty result its types.
                return f"SELECT {columns} FROM {view} WHERE false"
            listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            return f"SELECT {columns} FROM read_parquet([{listed}], union_by_name = true)"

        copy = "article_id, source_path, source_sha256, position"
        query = f"""
            WITH own_sources AS ({own("manifest", "source_files", "source_path, source_sha256")}),
            now AS (
                SELECT source_path, source_sha256 FROM source_files
                WHERE source_path NOT IN (SELECT source_path FROM own_sources)
                UNION ALL SELECT * FROM own_sources
            ),
            copies AS (SELECT {copy} FROM duplicates UNION ALL {own("duplicates", "duplicates", copy)})
            SELECT c.article_id, c.source_path, c.source_sha256, c.position
            FROM copies AS c JOIN now USING (source_path, source_sha256)
            WHERE c.article_id IN (SELECT article_id FROM lost)
            ORDER BY c.article_id, c.source_path, c.position
        """
        with self.reader() as connection:
            connection.register("lost", pl.DataFrame({"article_id": ids.cast(pl.String)}).to_arrow())
            return connection.sql(query).pl()

    def write_batch(self, run_id: str, batch: int, tables: dict[str, pl.DataFrame]) -> None:
        """Write one batch's rows of each table; they stay invisible until the run is committed."""
        for table, frame in tables.items():
            schema = TABLES[table]
            if frame.height == 0:
                continue
            conformed = frame.select(pl.col(name).cast(dtype) for name, dtype in schema.items())
            write_parquet_atomically(conformed, self.root / table / f"{run_id}-{batch:05d}.parquet")

    def write_validation(self, run_id: str, batch: int, result: dict[str, Any]) -> Path:
        """Keep GX's validation result of a batch as JSON under validation/."""
        path = self.root / "validation" / f"{run_id}-{batch:05d}.json"
        write_text_atomically(json.dumps(result, ensure_ascii=False, indent=1, default=str), path)
        return path

    def commit_run(self, run: pl.DataFrame) -> None:
        """Write the run's row: from now on readers see everything the run wrote."""
        run_id = run.get_column("run_id").item()
        write_parquet_atomically(run.select(RUNS.names()).cast(RUNS), self.root / "runs" / f"{run_id}.parquet")
        if run.get_column("status").item() == "completed":
            # Only batches recorded after the last completed commit can be resumed: none is, from now on.
            # Left, the records would pile up run after run, and every run reads them all.
            for record in (self.root / BATCHES_DIR).glob("*.json"):
                record.unlink(missing_ok=True)

    def record_batch(
        self, run_id: str, batch: int, files: list[tuple[str, str | None]], counts: dict[str, int]
    ) -> None:
        """Remember a loaded batch: its input files and counts (written last, once its files are all there)."""
        record = BatchRecord(run_id, batch, datetime.now(UTC).isoformat(), files, counts, code_version())
        write_text_atomically(record.to_json(), self.root / BATCHES_DIR / f"{run_id}-{batch:05d}.json")

    def resumable_batches(self) -> list[BatchRecord]:
        """Batches 0, 1, … that the latest run loaded, if it never committed and nothing committed since."""
        folder = self.root / BATCHES_DIR
        records = [BatchRecord.from_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
        runs = pl.read_parquet(self.root / "runs" / "*.parquet").filter(pl.col("status") == "completed")
        committed = set(runs.get_column("run_id").to_list())
        # A run's batches count only if no run committed after it started: the warehouse (and so what
        # its batches were deduplicated against) is then the same as when that run loaded them.
        last_commit = runs.get_column("finished_at").max()
        candidates = [
            r
            for r in records
            if r.run_id not in committed and (last_commit is None or r.recorded() > last_commit)  # type: ignore[operator]
        ]
        if not candidates:
            return []
        latest = max(candidates, key=BatchRecord.recorded).run_id
        by_number = {r.batch: r for r in candidates if r.run_id == latest}
        leading: list[BatchRecord] = []
        while len(leading) in by_number:
            leading.append(by_number[len(leading)])
        return leading

    def same_inputs(self, record: BatchRecord, files: list[str]) -> bool:
        """Whether `files` are exactly the record's files (same paths, in order) with the same content."""
        if [str(path) for path in files] != [path for path, _ in record.files]:
            return False
        return all(
            sha is not None and file_sha256(path) == sha for path, (_, sha) in zip(files, record.files, strict=True)
        )

    def adopt_batch(self, record: BatchRecord, run_id: str) -> dict[str, pl.DataFrame]:
        """Make a recorded batch of an unfinished run part of run `run_id`; its rows of each table, re-stamped."""
        old, new = f"{record.run_id}-{record.batch:05d}", f"{run_id}-{record.batch:05d}"
        tables: dict[str, pl.DataFrame] = {}
        for table, schema in TABLES.items():
            if table == "runs":
                continue
            path = self.root / table / f"{old}.parquet"
            frame = pl.read_parquet(path) if path.exists() else empty(schema)
            tables[table] = frame.with_columns(pl.lit(run_id, dtype=pl.String).alias("run_id"))
        self.write_batch(run_id, record.batch, tables)
        validation = self.root / "validation" / f"{old}.json"
        if validation.exists():
            validation.replace(validation.with_name(f"{new}.json"))
        self.record_batch(run_id, record.batch, record.files, record.counts)
        # The unfinished run's copies go only once the new ones are all written: a crash in between
        # leaves both, and the next run adopts from whichever run is latest.
        for table in tables:
            (self.root / table / f"{old}.parquet").unlink(missing_ok=True)
        (self.root / BATCHES_DIR / f"{old}.json").unlink(missing_ok=True)
        return tables
