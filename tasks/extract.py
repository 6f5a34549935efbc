"""Find the input files, read their bytes, hash and decode them: the one stage besides load that does I/O."""

import errno
import glob
import gzip
import hashlib
import io
import os
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

import polars as pl

from tasks.decode import decode_bytes, raw_preview
from tasks.records import read_records
from tasks.schemas import RECORD, SOURCES, SURVEY, conform

RECORD_SUFFIXES = {".json": False, ".jsonl": True, ".ndjson": True}  # suffix → one object per line
# Files that sit beside news in the folders users point at, and are not news.
NOT_NEWS_SUFFIXES = (".md", ".rst", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".csv", ".py", ".sh")
MEMBER_SEPARATOR = "!/"
# Read errors that a network mount or a busy disk gives and takes back: read again, 0.1 s, 0.2 s, 0.4 s
# later. Any other (no such file, permission denied, a folder) is permanent and rejects the file at once.
TRANSIENT_ERRNOS = frozenset({errno.EIO, errno.EAGAIN, errno.EBUSY, errno.ETIMEDOUT, errno.ESTALE})
READ_ATTEMPTS = 4
READ_BACKOFF_SECONDS = 0.1
# A file modified this recently is not trusted unchanged by size and time alone next run (racy: see _trusted_stat).
RACY_SECONDS = 2


class InputNotFoundError(Exception):
    """A path given on the command line names no file, folder or glob match."""


def find_inputs(paths: Sequence[str]) -> list[str]:
    """Expand files, folders (recursively, hidden files left out) and globs into a sorted list of file names.

    Names, not Path objects: a folder of 400,000 files listed as Paths took 170 MB.
    """
    found: dict[str, None] = {}
    for given in paths:
        if Path(given).exists():
            found.update(dict.fromkeys(_files_under(given)))
            continue
        # glob.glob, not Path.glob: the pattern may be absolute or climb with "..".
        matches = sorted(glob.glob(given, recursive=True))  # noqa: PTH207
        files = [file for match in matches for file in _files_under(match)]
        if not files:
            raise InputNotFoundError(f"no such file, folder or glob match: {given}")
        found.update(dict.fromkeys(files))
    return sorted(found)


def _files_under(path: str) -> list[str]:
    """A file itself, or the files of a folder and its subfolders (hidden ones left out), resolved."""
    if Path(path).is_file():
        return [str(Path(path).resolve())]
    if not Path(path).is_dir():
        return []
    # os.walk on the folder resolved once: its scandir entries know what is a file without a stat,
    # and resolving every file of a large archive folder costs more than reading the listing.
    files = []
    for folder, subfolders, names in os.walk(Path(path).resolve()):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        files += [os.path.join(folder, name) for name in names if not name.startswith(".")]  # noqa: PTH118 - names
    return sorted(files)


def read_sources(files: Iterable[str | Path], current: dict[str, str]) -> pl.DataFrame:
    """One SOURCES row per file or archive member: hashed; skipped as unchanged when already loaded as is."""
    rows: list[dict[str, object]] = []
    records: list[pl.Series | None] = []
    for path in files:
        first = len(rows)
        # Taken before the bytes are read: a file written after it is seen as changed next time, never missed.
        on_disk = _trusted_stat(path)
        for name, data, failure in _open(path):
            found: pl.Series | None = None
            if data is None:
                row = _rejected(name, None, 0, failure or "unreadable", "")
            else:
                sha256 = hashlib.sha256(data).hexdigest()
                if current.get(name) == sha256:
                    # Loaded (or rejected) before with these very bytes: nothing to read again.
                    row = {"source_path": name, "source_sha256": sha256, "size": len(data), "status": "unchanged"}
                elif failure is not None:
                    row = _rejected(name, sha256, len(data), failure, raw_preview(data))
                else:
                    row, found = _source(name, data, sha256)
            rows.append(row)
            records.append(found)
        # A member that could not be read is not in the manifest: the archive must be read again next time.
        if all(row.get("source_sha256") is not None for row in rows[first:]):
            for row in rows[first:]:
                row["file_size"], row["file_mtime_ns"] = on_disk
    sources = pl.DataFrame(rows, schema={k: v for k, v in SOURCES.items() if k != "records"})
    column = pl.Series("records", records, dtype=pl.List(RECORD))
    return sources.with_columns(column).select(SOURCES.names())


def _trusted_stat(path: str | Path) -> tuple[int | None, int | None]:
    """A file's size and modification time (ns), or nulls when a later run could not trust them.

    A file modified within the last RACY_SECONDS could be written again within the same tick of a
    coarse filesystem clock, same size, same time: such a file is read and hashed again next run.
    """
    try:
        status = Path(path).stat()
    except OSError:
        return None, None
    if time.time_ns() - status.st_mtime_ns < RACY_SECONDS * 1_000_000_000:
        return None, None
    return status.st_size, status.st_mtime_ns


def survey(files: Sequence[str | Path]) -> pl.DataFrame:
    """What the disk says of each file now (SURVEY): size and modification time, null where it cannot say."""
    rows: list[tuple[str, int | None, int | None, int | None]] = []
    for path in files:
        try:
            status = Path(path).stat()
        except OSError:
            rows.append((str(path), None, None, None))  # read_sources will reject it with the reason
            continue
        rows.append((str(path), status.st_size, status.st_mtime_ns, _unpacked_size(Path(path), status.st_size)))
    return pl.DataFrame(rows, schema=SURVEY, orient="row")


def _unpacked_size(path: Path, size: int) -> int:
    """The bytes a file holds once unpacked, as its archive's index says (zip: its members; gz: its trailer).

    Batches are bounded by what they hold in memory: a day's zip of JSON unpacks to about four times its size.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                return max(size, sum(member.file_size for member in archive.infolist()))
        if suffix == ".gz" and size >= 4:
            with path.open("rb") as handle:
                handle.seek(-4, os.SEEK_END)
                # ISIZE: the unpacked size modulo 2**32, enough to plan by.
                return max(size, int.from_bytes(handle.read(4), "little"))
    except (OSError, zipfile.BadZipFile, EOFError):
        pass  # read_sources will say what is wrong with it
    return size


def by_file(manifest: pl.DataFrame) -> pl.DataFrame:
    """The manifest with `file`: the file on disk each source came from (an archive member's archive)."""
    return manifest.with_columns(file=_file_of("source_path"))


def unchanged_on_disk(surveyed: pl.DataFrame, recorded: pl.DataFrame) -> pl.DataFrame:
    """SOURCES rows (status unchanged) of the files whose size and modification time are as recorded when read.

    `recorded` (by_file of the manifest) holds the latest source_path, source_sha256, size, file_size and
    file_mtime_ns of each source. A file counts only when every source recorded from it (each member of an
    archive) agrees.
    """
    matched = recorded.join(surveyed, on="file", how="inner", suffix="_now").with_columns(
        same=(
            (pl.col("file_size") == pl.col("file_size_now")) & (pl.col("file_mtime_ns") == pl.col("file_mtime_ns_now"))
        ).fill_null(False)
    )
    unchanged = matched.filter(pl.col("same").all().over("file"))
    return conform(unchanged.with_columns(status=pl.lit("unchanged")), SOURCES)


def still_to_read(surveyed: pl.DataFrame, unchanged: pl.DataFrame) -> pl.DataFrame:
    """The rows of a survey whose files are not among the sources found unchanged on disk."""
    return surveyed.join(unchanged.select(file=_file_of("source_path")).unique(), on="file", how="anti")


def hashes_of(recorded: pl.DataFrame, files: Sequence[str]) -> dict[str, str]:
    """The sha256 recorded (by_file of the manifest) of each source from one of `files` (an archive: each member)."""
    wanted = recorded.filter(pl.col("file").is_in(pl.Series(files, dtype=pl.String).implode()))
    return dict(wanted.select("source_path", "source_sha256").iter_rows())


def _file_of(source_path: str) -> pl.Expr:
    """The file on disk a source path names (an archive member's archive)."""
    return pl.col(source_path).str.split(MEMBER_SEPARATOR).list.first()


def _open(path: str | Path) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(source_path, bytes, failure) for a file, or for each member of an archive."""
    name = str(path)
    try:
        data = read_bytes_retrying(Path(path))
    except OSError as error:
        yield name, None, f"unreadable: {error.strerror or error}"
        return
    yield from _unpack(name, data)


def read_bytes_retrying(path: Path) -> bytes:
    """A file's bytes, read again with exponential backoff after a transient error (raises the last one)."""
    for attempt in range(READ_ATTEMPTS):
        try:
            return path.read_bytes()
        except OSError as error:
            if error.errno not in TRANSIENT_ERRNOS or attempt == READ_ATTEMPTS - 1:
                raise
            time.sleep(READ_BACKOFF_SECONDS * 2**attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _unpack(name: str, data: bytes) -> Iterator[tuple[str, bytes | None, str | None]]:
    """Open .zip and .gz archives (recursively) into their members; other files are themselves."""
    suffix = PurePosixPath(name.rsplit(MEMBER_SEPARATOR, 1)[-1]).suffix.lower()
    if suffix == ".zip":
        yield from _unzip(name, data)
    elif suffix == ".gz":
        inner = f"{name}{MEMBER_SEPARATOR}{PurePosixPath(name.rsplit(MEMBER_SEPARATOR, 1)[-1]).stem}"
        try:
            yield from _unpack(inner, gzip.decompress(data))
        except (OSError, EOFError, zlib.error) as error:
            yield name, data, f"truncated or corrupt gzip archive: {error}"
    else:
        yield name, data, None


def _unzip(name: str, data: bytes) -> Iterator[tuple[str, bytes | None, str | None]]:
    """The members of a zip archive (hidden ones left out), or why the archive cannot be opened."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir() and not _hidden(m.filename)]
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        yield name, data, f"truncated or corrupt zip archive: {error}"
        return
    if not members:
        # Hidden members (.DS_Store, __MACOSX/) are not news: an archive of only those is rejected, not lost.
        yield name, data, "empty zip archive: no files in it (hidden files aside)"
        return
    for member in members:
        member_name = f"{name}{MEMBER_SEPARATOR}{member.filename}"
        try:
            content = archive.read(member)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            yield member_name, None, f"corrupt member of zip archive: {error}"
            continue
        yield from _unpack(member_name, content)


def _hidden(member: str) -> bool:
    """Whether an archive member is a hidden file or sits in a hidden folder (macOS resource forks too)."""
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(member).parts)


def _source(name: str, data: bytes, sha256: str) -> tuple[dict[str, object], pl.Series | None]:
    """The SOURCES row of one new file's bytes (and its scraper records, for JSON)."""
    base: dict[str, object] = {"source_path": name, "source_sha256": sha256, "size": len(data)}
    suffix = PurePosixPath(name.rsplit(MEMBER_SEPARATOR, 1)[-1]).suffix.lower()
    if suffix in NOT_NEWS_SUFFIXES:
        return _rejected(name, sha256, len(data), f"not a news input: a {suffix} file", raw_preview(data)), None
    decoded = decode_bytes(data)
    if decoded.text is None:
        return _rejected(name, sha256, len(data), decoded.reason or "undecodable", raw_preview(data)), None
    if suffix in RECORD_SUFFIXES:
        found = read_records(decoded.text, one_per_line=RECORD_SUFFIXES[suffix])
        if isinstance(found, str):
            return _rejected(name, sha256, len(data), found, decoded.text[: 1 << 20]), None
        return base | {"status": "new", "kind": "records", "encoding": decoded.encoding}, found
    return base | {"status": "new", "kind": "page", "encoding": decoded.encoding, "text": decoded.text}, None


def _rejected(path: str, sha256: str | None, size: int, reason: str, raw: str) -> dict[str, object]:
    return {
        "source_path": path,
        "source_sha256": sha256,
        "size": size,
        "status": "rejected",
        "reason": reason,
        "raw": raw,
    }


def plan_batches(surveyed: pl.DataFrame, max_bytes: int) -> list[list[str]]:
    """Group the files of a survey, in order, into batches of at most `max_bytes` (a larger file gets a batch alone)."""
    batches: list[list[str]] = []
    current: list[str] = []
    size = 0
    for name, file_size in surveyed.select("file", pl.col("unpacked_size").fill_null(0)).iter_rows():
        if current and size + file_size > max_bytes:
            batches.append(current)
            current, size = [], 0
        current.append(name)
        size += file_size
    if current:
        batches.append(current)
    return batches
