"""The ETL's Prefect tasks: thin wrappers over the pure stages of tasks/ and the storage of warehouse/.

Retries, with backoff, only on the tasks that do I/O (extract and load); a timeout only on load.
"""

import time
from dataclasses import asdict, dataclass
from datetime import date

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows.observe import Parcel, Timed, timed
from tasks.accounting import Counts
from tasks.dedupe import drop_duplicates, known_ids
from tasks.entities import spelt_as_known
from tasks.extract import read_sources
from tasks.transform import add_entities, sources_to_articles
from tasks.validate import Verdict, validate
from warehouse.resume import fingerprint
from warehouse.store import Warehouse

# The I/O tasks: a batch is read or written in seconds; ten minutes means a stuck disk or mount, and a
# retry (1 s, 2 s, 4 s later, jittered so that runs on the same disk do not retry in step) may find it back.
IO_TIMEOUT_SECONDS = 600
IO_RETRIES = 3
IO_BACKOFF = exponential_backoff(backoff_factor=1)
IO_JITTER = 0.5


@dataclass(frozen=True)
class BatchArticles:
    """A batch's articles after transform: one copy of each (with entities), the other copies, the entities, and
    the seconds finding and writing the entities took (part of the transform's)."""

    unique: pl.DataFrame
    duplicates: pl.DataFrame
    entities: pl.DataFrame
    entity_seconds: float


# No timeout on extract: it is submitted, so it runs in a worker thread, where Prefect cannot interrupt a
# blocking read anyway, and says so in a warning on every batch. Read errors are retried (here and per file).
@task(
    name="extract",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_BACKOFF,
    retry_jitter_factor=IO_JITTER,
)
def extract_batch(files: list[str], current: Parcel[dict[str, str]]) -> Timed[pl.DataFrame]:
    """Read, hash and decode a batch of files (skipping those loaded unchanged: `current` holds their hashes)."""
    return timed(read_sources, files, current.value)


@task(name="transform", cache_policy=NO_CACHE)
def transform_batch(sources: Parcel[pl.DataFrame]) -> Timed[BatchArticles]:
    """Articles of the batch's new pages, one copy of each within the batch, with entities."""
    return timed(articles_of, sources.value)


def articles_of(sources: pl.DataFrame) -> BatchArticles:
    """What transform_batch does, untimed and outside Prefect (the pipeline bench times its parts)."""
    # Duplicates within the batch only: the warehouse and the batches before this one are checked by
    # the flow (dedupe_batch), in order, so that batches can be transformed at once on other machines.
    within = drop_duplicates(sources_to_articles(sources), pl.Series("article_id", [], dtype=pl.String))
    found = timed(add_entities, within.unique)
    unique, entities = found.value
    return BatchArticles(unique, within.duplicates, entities, found.seconds)


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_batch(
    articles: Parcel[BatchArticles],
    sources: Parcel[pl.DataFrame],
    live: Parcel[pl.DataFrame],
    spellings: Parcel[pl.DataFrame],
) -> Timed[BatchArticles]:
    """Set aside the batch's articles already loaded (by the warehouse or an earlier batch of this run), and write
    the names the warehouse or an earlier batch holds as they were written there (`spellings`)."""
    return timed(_new_articles, articles.value, sources.value, live.value, spellings.value)


def _new_articles(
    articles: BatchArticles, sources: pl.DataFrame, live: pl.DataFrame, spellings: pl.DataFrame
) -> BatchArticles:
    # Only the live rows with the batch's own ids can make its articles known: matched against every live
    # id, each batch hashed them all (1M at 10×: ~0.1 s and ~150 MB of allocator churn a batch, late in a run).
    ids = articles.unique.get_column("article_id")
    known = drop_duplicates(articles.unique, known_ids(live.filter(pl.col("article_id").is_in(ids.implode())), sources))
    # Entities of the articles set aside are left to batch_tables, which keeps those of loaded articles only.
    respelt = timed(spelt_as_known, known.unique, articles.entities, spellings)
    unique, entities = respelt.value
    duplicates = pl.concat([articles.duplicates, known.duplicates])
    return BatchArticles(unique, duplicates, entities, articles.entity_seconds + respelt.seconds)


@task(name="restore", cache_policy=NO_CACHE)
def restore_batch(
    sources: Parcel[pl.DataFrame], copies: pl.DataFrame, spellings: Parcel[pl.DataFrame]
) -> Timed[BatchArticles]:
    """The copies to load again (one per article), from their files read once more, with entities (the names the
    warehouse holds written as it writes them: `spellings`)."""
    return timed(_copies_of, sources.value, copies, spellings.value)


def _copies_of(sources: pl.DataFrame, copies: pl.DataFrame, spellings: pl.DataFrame) -> BatchArticles:
    # The content too: a file that changed since the run looked at it is not what the copy was.
    keys = ["article_id", "source_path", "source_sha256", "position"]
    wanted = sources_to_articles(sources).join(copies.select(keys), on=keys, how="semi")
    # Two copies of one article may both be wanted: one is loaded, the other stays the duplicate it was.
    within = drop_duplicates(wanted, pl.Series("article_id", [], dtype=pl.String))
    found = timed(lambda: spelt_as_known(*add_entities(within.unique), spellings))
    unique, entities = found.value
    return BatchArticles(unique, within.duplicates, entities, found.seconds)


@task(name="validate", cache_policy=NO_CACHE)
def validate_batch(articles: Parcel[BatchArticles], today: date) -> Timed[Verdict]:
    """Run the articles suite of expectations/ on the batch's new articles."""
    return timed(validate, articles.value.unique, "articles", today)


@task(
    name="load",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_BACKOFF,
    retry_jitter_factor=IO_JITTER,
    timeout_seconds=IO_TIMEOUT_SECONDS,
)
def load_batch(
    store: Warehouse,
    run_id: str,
    batch: int,
    tables: Parcel[dict[str, pl.DataFrame]],
    verdict: Parcel[Verdict],
    inputs: list[str],
    hashes: dict[str, str | None],
    counts: Counts,
) -> Timed[None]:
    """Write the batch's Parquet files and validation result (visible once the run commits), then its record."""
    clock = time.perf_counter()
    store.write_batch(run_id, batch, tables.value)
    store.write_validation(run_id, batch, verdict.value.result)
    store.record_batch(run_id, batch, fingerprint(inputs, hashes), asdict(counts))
    return Timed(None, time.perf_counter() - clock)
