"""Charts drawn once: a chart whose input has not changed is not drawn again.

Every chart is a job that pickles (a module-level build function and its arguments, see
:mod:`dtbench.reports.raster`), so the pickled job *is* the chart's input: its digest is the
key. The dashboard and the export ask the same cache (:func:`submit` with a pool, :func:`run`
without one); what they get back is what the job returns (a :class:`Raster` for the screen,
PNG bytes for a document).

Two levels:

* in memory, for this process, bounded in bytes (least recently used out first);
* on disk, for PNG pictures only (a document's charts, worth keeping across restarts: the
  command line starts cold every time), under the data folder's ``cache/charts``, bounded in
  bytes too. A disk key also holds a digest of dtbench's code and the drawing libraries'
  versions, so a new release never shows an old picture. A chart drawn while the machine had
  no font for Chinese is not kept on disk: once a font is installed the next start draws it
  again instead of showing empty boxes from the cache.

Nothing here imports matplotlib: a chart found in the cache costs no drawing library at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from dtbench.reports.render_pool import RenderPool

log = logging.getLogger(__name__)

T = TypeVar("T")

MEMORY_BYTES = 160 * 1024 * 1024  # a full dashboard at 200 % is ~40 MB of pixels
DISK_BYTES = 64 * 1024 * 1024  # a proposal's charts are ~2 MB of PNG
DISK_ENV = "DTBENCH_CHART_CACHE"  # "off": no disk cache (tests that count drawings)
_MAGIC = b"dtbench-chart-1\n"


class _Memory:
    """Results by key, least recently used first, at most ``limit`` bytes in all."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._items: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: str, value: Any) -> None:
        size = _size(value)
        if size > self.limit:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.used -= old[1]
            self._items[key] = (value, size)
            self.used += size
            while self.used > self.limit:
                _key, (_value, dropped) = self._items.popitem(last=False)
                self.used -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.used = 0


def _size(value: Any) -> int:
    if isinstance(value, bytes):
        return len(value)
    rgba = getattr(value, "rgba", None)
    return len(rgba) if isinstance(rgba, bytes) else 1024


_memory = _Memory(MEMORY_BYTES)


def clear_memory() -> None:
    """Forget every chart kept in this process (the disk cache stays)."""
    _memory.clear()


def key_of(job: Callable[[], Any]) -> str | None:
    """The digest of the job's pickled form, or None for a job that does not pickle (it is
    then simply drawn)."""
    try:
        data = pickle.dumps(job, protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.sha256(data).hexdigest()


@cache
def code_digest() -> str:
    """What decides how a chart looks besides its input: dtbench's code and the versions of
    the drawing libraries. From source, a digest of every module; in a bundle, the version
    and the executable's size and time."""
    from importlib import metadata

    from dtbench import __version__

    digest = hashlib.sha256(__version__.encode())
    for library in ("matplotlib", "numpy", "pillow"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library} {metadata.version(library)}".encode())
    root = Path(__file__).resolve().parent.parent
    sources = sorted(root.rglob("*.py"))
    if sources:
        for source in sources:
            with contextlib.suppress(OSError):
                digest.update(source.read_bytes())
    else:  # a frozen bundle: its modules are inside the executable
        with contextlib.suppress(OSError):
            stat = Path(sys.executable).stat()
            digest.update(f"{stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def disk_folder() -> Path:
    from dtbench.paths import data_dir

    return data_dir() / "cache" / "charts"


def _disk_enabled() -> bool:
    return os.environ.get(DISK_ENV, "").lower() not in ("off", "0", "no")


def _disk_path(key: str) -> Path:
    combined = hashlib.sha256(f"{key}:{code_digest()}".encode()).hexdigest()
    return disk_folder() / f"{combined}.png"


def _disk_get(key: str) -> bytes | None:
    if not _disk_enabled():
        return None
    path = _disk_path(key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    body = data[head:]
    if data[: len(_MAGIC)] != _MAGIC or hashlib.sha256(body).digest() != data[len(_MAGIC) : head]:
        with contextlib.suppress(OSError):  # torn or tampered: draw it again
            path.unlink()
        return None
    with contextlib.suppress(OSError):  # recently used: the last to be pruned
        os.utime(path)
    return body


def _disk_put(key: str, png: bytes) -> None:
    if not _disk_enabled():
        return
    from dtbench.atomic_files import new_file_mode

    path = _disk_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".chart-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC + hashlib.sha256(png).digest() + png)
            os.chmod(name, new_file_mode())  # mkstemp's 0600 would ignore the umask
            os.replace(name, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(name)
        _prune(path.parent)
    except OSError as exc:  # a cache that cannot be written is only slower
        log.info("chart cache not written: %s", exc)


def _prune(folder: Path) -> None:
    entries = []
    total = 0
    for entry in os.scandir(folder):
        if entry.name.endswith(".png"):
            stat = entry.stat()
            entries.append((stat.st_mtime, stat.st_size, entry.path))
            total += stat.st_size
    for _mtime, size, path in sorted(entries):
        if total <= DISK_BYTES:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def on_disk(job: Callable[[], Any]) -> bool:
    """Can ``job``'s chart be on disk? Only a document's (PNG) are kept there: a screen's
    chart is never looked for, which also spares the window reading dtbench's sources for
    :func:`code_digest` (tens of milliseconds) when the dashboard is first shown."""
    from dtbench.reports.raster import png

    return getattr(job, "func", None) is png


def _drawn(job: Callable[[], T]) -> tuple[T, bool]:
    """Run ``job`` where it is drawn (a chart worker or here) and say whether that process
    had a font for Chinese: a picture drawn without one is not kept across restarts."""
    from dtbench.reports.render_pool import cjk_font_found

    return job(), cjk_font_found()


def _keep(key: str, value: Any, font_found: bool) -> None:
    _memory.put(key, value)
    if font_found and isinstance(value, bytes):
        _disk_put(key, value)


def cached(key: str | None, *, disk: bool = True) -> Any | None:
    """The chart kept for ``key``, from memory or (``disk``) disk; None when it must be
    drawn."""
    if key is None:
        return None
    value = _memory.get(key)
    if value is None and disk:
        value = _disk_get(key)
        if value is not None:
            _memory.put(key, value)
    return value


def run(job: Callable[[], T]) -> T:
    """``job()``, unless the same chart was drawn before."""
    key = key_of(job)
    value = cached(key, disk=on_disk(job))
    if value is not None:
        return value
    result, font_found = _drawn(job)
    if key is not None:
        _keep(key, result, font_found)
    return result


class _Linked(Future[T]):
    """The result of a job run in the pool, kept on its way back; cancelling it cancels the
    job (a superseded chart that has not started is not drawn)."""

    def __init__(self, inner: Future[tuple[T, bool]], key: str | None) -> None:
        super().__init__()
        self._inner = inner
        self._key = key
        inner.add_done_callback(self._finished)

    def cancel(self) -> bool:
        return self._inner.cancel() and super().cancel()

    def _finished(self, inner: Future[tuple[T, bool]]) -> None:
        if inner.cancelled():
            super().cancel()
            return
        error = inner.exception()
        if error is not None:
            self.set_exception(error)
            return
        result, font_found = inner.result()
        if self._key is not None:
            _keep(self._key, result, font_found)
        self.set_result(result)


def submit(pool: RenderPool, job: Callable[[], T]) -> Future[T]:
    """``pool.submit(job)``, unless the same chart was drawn before: then a future that is
    already done. The result is kept when the worker delivers it."""
    key = key_of(job)
    value = cached(key, disk=on_disk(job))
    if value is not None:
        done: Future[T] = Future()
        done.set_result(value)
        return done
    return _Linked(pool.submit(_drawn, job), key)
