"""The schema of every frame that crosses a stage boundary, written down once."""

import polars as pl

TEXT = pl.String()
TEXT_LIST = pl.List(pl.String())

# A scraper record (one object of a .json array or a .jsonl line), its fields as text.
RECORD = pl.Struct(
    {
        "title": TEXT,
        "author": TEXT,
        "content": TEXT,
        "url": TEXT,
        "source": TEXT,  # the scraper's outlet code, e.g. alriyadh
        "published": TEXT,  # a publication date the scraper gives, if any
        "crawled": TEXT,  # when the scraper fetched it (date_extracted)
        "problem": TEXT,  # why the record cannot be read (malformed line, not an object)
        "raw": TEXT,  # the record as JSON, for quarantine
    }
)

# extract → transform: one row per input file (or archive member).
SOURCES = pl.Schema(
    {
        "source_path": TEXT,  # inside an archive: archive.zip!/member
        "source_sha256": TEXT,
        "size": pl.Int64(),
        "status": TEXT,  # new | unchanged | rejected
        "kind": TEXT,  # page (a text dump) | records (scraper JSON)
        "encoding": TEXT,
        "text": TEXT,  # pages: decoded, BOM dropped, newlines as LF
        "records": pl.List(RECORD),  # records: one per scraper object
        "reason": TEXT,  # why a rejected file was rejected
        "raw": TEXT,  # what could be read of a rejected file
        # The file on disk as it was when read (an archive member: its archive), for the next run to tell
        # it unchanged without reading it; null when that cannot be trusted (see tasks/extract.py).
        "file_size": pl.Int64(),
        "file_mtime_ns": pl.Int64(),
    }
)

# What the disk says of each input file before it is read: size and modification time, null when unknown,
# and the bytes it unpacks to (an archive's members; the file's size otherwise), which batches are planned by.
SURVEY = pl.Schema({"file": TEXT, "file_size": pl.Int64(), "file_mtime_ns": pl.Int64(), "unpacked_size": pl.Int64()})

# transform → validate → load: one row per article, in the order of CONTRACT.md.
ARTICLES = pl.Schema(
    {
        "article_id": TEXT,
        "outlet": TEXT,
        "url": TEXT,
        "title": TEXT,
        "published_date": pl.Date(),
        "date_text": TEXT,
        "date_source": TEXT,
        "dateline": TEXT,
        "author": TEXT,
        "credit": TEXT,
        "keywords": TEXT_LIST,
        "body": TEXT,
        "word_count": pl.Int32(),
        "locations": TEXT_LIST,
        "organizations": TEXT_LIST,
        "persons": TEXT_LIST,
        "source_path": TEXT,
        "source_sha256": TEXT,
        "position": pl.Int32(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
        "run_id": TEXT,
    }
)

ARTICLE_ENTITIES = pl.Schema(
    {
        "article_id": TEXT,
        "entity": TEXT,
        "entity_type": TEXT,  # LOC | ORG | PER
        "mentions": pl.Int32(),
        "name_en": TEXT,
        "run_id": TEXT,
    }
)

QUARANTINE = pl.Schema(
    {
        "source_path": TEXT,
        "source_sha256": TEXT,
        "position": pl.Int32(),  # null for a whole file
        "reason": TEXT,
        "raw": TEXT,
        "run_id": TEXT,
    }
)

# The copies of articles set aside because the same article was already loaded from another source (or
# earlier in the batch): where each lies, so that it can take over if the loaded copy's file changes.
DUPLICATES = pl.Schema(
    {
        "article_id": TEXT,
        "outlet": TEXT,
        "url": TEXT,
        "source_path": TEXT,
        "source_sha256": TEXT,
        "position": pl.Int32(),
        "run_id": TEXT,
    }
)

# The sources a run has seen, so that the next run can skip what has not changed.
MANIFEST = pl.Schema(
    {
        "source_path": TEXT,
        "source_sha256": TEXT,
        "size": pl.Int64(),
        "status": TEXT,  # new | rejected
        "run_id": TEXT,
        "file_size": pl.Int64(),
        "file_mtime_ns": pl.Int64(),
    }
)

RUNS = pl.Schema(
    {
        "run_id": TEXT,
        "started_at": pl.Datetime("us", "UTC"),
        "finished_at": pl.Datetime("us", "UTC"),
        "files_seen": pl.Int64(),
        "files_new": pl.Int64(),
        "files_unchanged": pl.Int64(),
        "files_rejected": pl.Int64(),
        "articles_found": pl.Int64(),
        "articles_loaded": pl.Int64(),
        "articles_duplicate": pl.Int64(),
        "articles_quarantined": pl.Int64(),
        "status": TEXT,
    }
)


def empty(schema: pl.Schema) -> pl.DataFrame:
    """An empty frame of the given schema."""
    return pl.DataFrame(schema=schema)


def conform(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """The frame with exactly the schema's columns, in order and cast; null where the frame has no such column."""
    return frame.select(
        pl.col(name).cast(dtype) if name in frame.columns else pl.lit(None, dtype=dtype).alias(name)
        for name, dtype in schema.items()
    )
