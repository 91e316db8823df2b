"""Engagement files (.dtbx): one engagement with everything, as a zip carried between machines.

The zip holds ``manifest.json`` (format and version, the dtbench that wrote it, when, which
engagement, and the sha256 and size of every other part), ``engagement.json`` (the snapshot,
see ``snapshot``) and one ``evidence/<sha256>`` part per attached file.

Reading trusts nothing: member names, link flags and declared sizes are checked before a
byte is unpacked, every part is read with a size cap and checked against the manifest, and
the engagement data is decoded strictly. Only a fully checked package reaches the database,
after a verified backup, in one transaction; a file refused at any step leaves the database
exactly as it was.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import msgspec
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from dtbench import __version__
from dtbench.deliverables.files import write_atomically
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.input_rules import (
    MAX_JSON_DEPTH,
    FileUnreadableError,
    TooDeepError,
    canonical_uuid,
    json_depth_exceeds,
    open_regular_file,
)
from dtbench.store import history
from dtbench.store.backups import backup_before
from dtbench.store.database import Store
from dtbench.store.models import (
    AssessmentRound,
    Client,
    Contact,
    Engagement,
    Evidence,
    EvidenceBlob,
    PlanItem,
    new_uuid,
)
from dtbench.transfer.snapshot import (
    SHA256_PATTERN,
    Sha256,
    Snapshot,
    SnapshotError,
    Uuid,
    insert_snapshot,
    parse_snapshot,
    renamed,
    same_client,
    take_snapshot,
    to_json,
)

FORMAT = "dtbench-engagement"
FORMAT_VERSION = 1  # raise when a reader of the previous version could not read the file
SUFFIX = ".dtbx"
MANIFEST = "manifest.json"
ENGAGEMENT = "engagement.json"
EVIDENCE_DIR = "evidence/"

MB = 1024 * 1024
MAX_FILE_BYTES = 600 * MB  # the file itself: what unpacks to at most MAX_TOTAL_BYTES
MAX_TOTAL_BYTES = 500 * MB  # everything unpacked
MAX_MEMBER_BYTES = 200 * MB  # one part (evidence files are at most 50 MB)
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # unpacked / packed, for parts bigger than RATIO_FLOOR
RATIO_FLOOR = 1 * MB
CHUNK = 1 * MB

Decision = Literal["replace", "keep_both"]
IMPORTED_SUFFIX = {"zh": "（导入）", "en": " (imported)"}

_EVIDENCE_NAME = re.compile(SHA256_PATTERN.replace("^", "^evidence/"))
_DRIVE = re.compile(r"^[A-Za-z]:")


# ---------------------------------------------------------------- errors
class PackageError(UserError):
    """A problem with an engagement file the user can act on."""

    context = "PackageError"
    template = QT_TRANSLATE_NOOP("PackageError", "%1 cannot be imported: %2")


class PackageUnreadableError(PackageError):
    template = QT_TRANSLATE_NOOP("PackageError", "%1 cannot be read: %2")


class NotZipError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 is not a dtbench engagement file (.dtbx): it is not a zip archive. Nothing was "
        "imported.",
    )


class NotPackageError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 is a zip archive but not a dtbench engagement file (.dtbx). Nothing was imported.",
    )


class DamagedPackageError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError", "%1 is damaged and cannot be imported (%2). Nothing was imported."
    )


class BadJsonError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError", "%1 is damaged: its part %2 is not valid JSON. Nothing was imported."
    )


class BadContentError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 cannot be imported: the engagement in it is not valid (%2). Nothing was imported.",
    )


class MissingPartError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError", "%1 is incomplete: the part %2 is missing. Nothing was imported."
    )


class UnexpectedPartError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 was refused: it holds a part that does not belong in an engagement file (%2). "
        "Nothing was imported.",
    )


class ChecksumError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 is damaged or was altered: the checksum of its part %2 does not match. Nothing "
        "was imported.",
    )


class UnsafePathError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 was refused: its part %2 has a path that leads outside the file's folder. "
        "Nothing was imported.",
    )


class SymlinkError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 was refused: its part %2 is a symbolic link. Nothing was imported.",
    )


class TooLargeError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 was refused: it unpacks to far more data than an engagement file holds (%2); it "
        "may be a decompression bomb. Nothing was imported.",
    )


class NewerFormatError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "%1 was written by a newer dtbench (%2, file format %3). Update dtbench to import "
        "it; nothing was imported.",
    )


class EngagementExistsError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "The engagement “%1” in %2 is already in this database. Choose whether to replace "
        "it or to keep both; nothing was imported.",
    )


class ImportFailedError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError", "Importing %1 failed (%2). The database was left as it was."
    )


class ExportEvidenceError(PackageError):
    template = QT_TRANSLATE_NOOP(
        "PackageError",
        "The evidence file %1 is damaged in the database, so the engagement cannot be "
        "exported. Remove it (or attach it again) and try again.",
    )


# ---------------------------------------------------------------- manifest
class MemberInfo(msgspec.Struct, kw_only=True):
    sha256: Sha256
    size: int


class ManifestEngagement(msgspec.Struct, kw_only=True):
    uuid: Uuid
    title: str
    client: str


class Manifest(msgspec.Struct, kw_only=True):
    format: str
    format_version: int
    app_version: str
    created: str
    engagement: ManifestEngagement
    members: dict[str, MemberInfo]


@dataclass(frozen=True)
class Package:
    """A checked engagement file, ready to import."""

    path: Path
    manifest: Manifest
    snapshot: Snapshot
    blobs: Mapping[str, bytes]  # sha256 → evidence bytes

    @property
    def uuid(self) -> str:
        return self.snapshot.engagement.uuid

    @property
    def title(self) -> str:
        return self.snapshot.engagement.title

    @property
    def client_name(self) -> str:
        return self.snapshot.client.name


@dataclass(frozen=True)
class Clash:
    """The engagement already in the database under the package's uuid."""

    uuid: str
    title: str
    client_name: str
    in_trash: bool


@dataclass(frozen=True)
class ImportResult:
    uuid: str
    title: str
    replaced: bool = False
    kept_both: bool = False
    backup: Path | None = None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- export
def _put(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    zf.writestr(info, data)


def export_package(store: Store, ident: str, target: Path | str) -> Path:
    """Write engagement ``ident`` (its id or the start of it) to ``target``, atomically."""
    from dtbench.reports.summary import find_engagement

    uuid = find_engagement(store, ident)[0]
    target = Path(target)
    with store.session() as s:  # one read transaction: data and files agree
        snap = take_snapshot(s, uuid)
        names = {e.sha256: e.filename for r in snap.rounds for e in r.evidence}
        body = to_json(snap)

        def write(tmp: Path) -> None:
            members = {ENGAGEMENT: MemberInfo(sha256=_sha256(body), size=len(body))}
            with zipfile.ZipFile(tmp, "w") as zf:
                _put(zf, ENGAGEMENT, body)
                for digest in snap.evidence_hashes():
                    blob = s.get(EvidenceBlob, digest)
                    if blob is None or _sha256(blob.data) != digest:
                        raise ExportEvidenceError(names[digest])
                    _put(zf, EVIDENCE_DIR + digest, blob.data)
                    members[EVIDENCE_DIR + digest] = MemberInfo(sha256=digest, size=len(blob.data))
                    s.expunge(blob)  # one file in memory at a time
                manifest = Manifest(
                    format=FORMAT,
                    format_version=FORMAT_VERSION,
                    app_version=__version__,
                    created=datetime.now(UTC).isoformat(timespec="seconds"),
                    engagement=ManifestEngagement(
                        uuid=snap.engagement.uuid,
                        title=snap.engagement.title,
                        client=snap.client.name,
                    ),
                    members=members,
                )
                _put(zf, MANIFEST, msgspec.json.format(msgspec.json.encode(manifest), indent=1))

        return write_atomically(target, write)


# ---------------------------------------------------------------- reading, checked
def _unsafe(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    return any(part in ("", ".", "..") for part in name.rstrip("/").split("/"))


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size} bytes"


class _Budget:
    """What may still be unpacked in all."""

    def __init__(self, total: int) -> None:
        self.left = total


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, label: str) -> bytes:
    """The part's bytes, never more than the caps whatever its header says."""
    cap = min(MAX_MEMBER_BYTES, budget.left)
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > cap:
                    raise TooLargeError(label, f"{info.filename}: > {_mb(cap)}")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise DamagedPackageError(label, f"{info.filename}: {exc}") from exc
    budget.left -= total
    return b"".join(chunks)


def _check_members(infos: list[zipfile.ZipInfo], label: str) -> set[str]:
    """Names, links and declared sizes, before anything is unpacked."""
    if len(infos) > MAX_MEMBERS:
        raise TooLargeError(label, f"{len(infos)} parts")
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.filename
        for raw in (info.orig_filename, name):
            if _unsafe(raw):
                raise UnsafePathError(label, raw)
        if _is_symlink(info):
            raise SymlinkError(label, name)
        if info.is_dir():
            raise UnexpectedPartError(label, name)
        if name in seen:
            raise DamagedPackageError(label, f"{name} is there twice")
        seen.add(name)
        size = info.file_size
        bomb = size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1)
        if size > MAX_MEMBER_BYTES or bomb:
            raise TooLargeError(label, f"{name}: {_mb(size)}")
        declared += size
    if declared > MAX_TOTAL_BYTES:
        raise TooLargeError(label, _mb(declared))
    return seen


def _parse_manifest(raw: bytes, label: str) -> Manifest:
    if json_depth_exceeds(raw):
        raise TooDeepError(label, MAX_JSON_DEPTH)
    try:
        data: Any = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise BadJsonError(label, MANIFEST) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotPackageError(label)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DamagedPackageError(label, f"{MANIFEST}: format_version {version!r}")
    if version > FORMAT_VERSION:
        raise NewerFormatError(label, f"dtbench {data.get('app_version', '?')}", version)
    try:
        return msgspec.convert(data, Manifest)
    except msgspec.ValidationError as exc:
        raise DamagedPackageError(label, f"{MANIFEST}: {exc}") from exc


def _read(zf: zipfile.ZipFile, path: Path, label: str) -> Package:
    present = _check_members(zf.infolist(), label)
    if MANIFEST not in present:
        raise MissingPartError(label, MANIFEST)
    budget = _Budget(MAX_TOTAL_BYTES)
    manifest = _parse_manifest(_read_member(zf, zf.getinfo(MANIFEST), budget, label), label)
    listed = manifest.members
    for name in listed:
        if name != ENGAGEMENT and not _EVIDENCE_NAME.match(name):
            raise UnexpectedPartError(label, name)
    if ENGAGEMENT not in listed or ENGAGEMENT not in present:
        raise MissingPartError(label, ENGAGEMENT)
    for name in sorted(present - {MANIFEST}):
        if name not in listed:
            raise UnexpectedPartError(label, name)
    contents: dict[str, bytes] = {}
    for name, member in listed.items():
        if name not in present:
            raise MissingPartError(label, name)
        data = _read_member(zf, zf.getinfo(name), budget, label)
        if len(data) != member.size or _sha256(data) != member.sha256:
            raise ChecksumError(label, name)
        contents[name] = data
    if json_depth_exceeds(contents[ENGAGEMENT]):  # parsers recurse once per level
        raise TooDeepError(label, MAX_JSON_DEPTH)
    try:
        snapshot = parse_snapshot(contents[ENGAGEMENT])
    except SnapshotError as exc:
        raise BadContentError(label, str(exc)) from exc
    except msgspec.DecodeError as exc:
        raise BadJsonError(label, ENGAGEMENT) from exc
    if canonical_uuid(manifest.engagement.uuid) != snapshot.engagement.uuid:
        raise BadContentError(label, f"{MANIFEST} names another engagement")
    blobs: dict[str, bytes] = {}
    for r in snapshot.rounds:
        for ev in r.evidence:
            blob = contents.get(EVIDENCE_DIR + ev.sha256)
            if blob is None:
                raise MissingPartError(label, EVIDENCE_DIR + ev.sha256)
            if _sha256(blob) != ev.sha256:
                raise ChecksumError(label, EVIDENCE_DIR + ev.sha256)
            if len(blob) != ev.size:
                raise BadContentError(label, f"the size of {ev.filename} does not match")
            blobs[ev.sha256] = blob
    return Package(path=path, manifest=manifest, snapshot=snapshot, blobs=blobs)


def read_package(path: Path | str) -> Package:
    """Open and check an engagement file completely; PackageError (or InputError, for
    what is not a regular file or is far too large) says what is wrong."""
    path = Path(path)
    label = path.name or str(path)
    try:
        with open_regular_file(path, MAX_FILE_BYTES) as handle:
            try:
                zf = zipfile.ZipFile(handle)
            except (zipfile.BadZipFile, ValueError, EOFError) as exc:
                handle.seek(0)
                if handle.read(4) == b"PK\x03\x04":  # the start of a zip: cut short or damaged
                    raise DamagedPackageError(label, "incomplete zip archive") from exc
                raise NotZipError(label) from exc
            with zf:
                return _read(zf, path, label)
    except FileUnreadableError as exc:  # missing, no permission…
        raise PackageUnreadableError(label, exc.details[-1]) from exc
    except OSError as exc:
        raise PackageUnreadableError(label, exc.strerror or str(exc)) from exc


# ---------------------------------------------------------------- import
def find_clash(store: Store, package: Package) -> Clash | None:
    """The engagement already stored under the package's uuid, if any (trash included)."""
    with store.session() as s:
        e = s.scalar(select(Engagement).where(Engagement.uuid == package.uuid))
        if e is None:
            return None
        return Clash(e.uuid, e.title, e.client.name, e.deleted_at is not None)


def imported_title(title: str, language: str) -> str:
    suffix = IMPORTED_SUFFIX.get(language, IMPORTED_SUFFIX["en"])
    return title[: 200 - len(suffix)] + suffix


def import_package(
    store: Store, source: Package | Path | str, decision: Decision | None = None
) -> ImportResult:
    """Import an engagement file (or a package already read) into ``store``.

    When the engagement is already there, ``decision`` must say "replace" (the stored one
    and its rows go, the imported one comes with the same uuids) or "keep_both" (the
    imported one gets new uuids and a title marked as imported); without it nothing is
    imported (EngagementExistsError). A file database is backed up (verified) first.
    """
    if decision not in (None, "replace", "keep_both"):
        raise ValueError(f"unknown decision {decision!r}")
    package = source if isinstance(source, Package) else read_package(source)
    if find_clash(store, package) is not None and decision is None:
        raise EngagementExistsError(package.title, package.path.name)
    backup: Path | None = None
    if store.path is not None and store.path.exists():
        backup = backup_before(store.path, "before-import").path
    try:
        with store.session() as s:
            # An engagement file brings thousands of rows: one history entry says it came in.
            s.info["history"] = False
            result = _import(s, package, decision)
            eid = s.scalar(select(Engagement.id).where(Engagement.uuid == result.uuid))
            if eid is not None:
                history.summary(s, eid, result.uuid, "imported")
    except SQLAlchemyError as exc:
        detail = getattr(exc, "orig", None) or exc
        raise ImportFailedError(package.path.name, str(detail)) from exc
    return replace(result, backup=backup)


_UUID_TABLES: tuple[type[Any], ...] = (
    Client,
    Contact,
    Engagement,
    AssessmentRound,
    Evidence,
    PlanItem,
)


def _taken(s: Session, uuids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        for model in _UUID_TABLES:
            found.update(s.scalars(select(model.uuid).where(model.uuid.in_(chunk))))
    return found


def _delete_engagement(s: Session, engagement: Engagement) -> None:
    """Delete an engagement with its rows, and its client when no other engagement has it."""
    client = engagement.client
    s.delete(engagement)
    s.flush()
    remaining = s.scalar(
        select(func.count()).select_from(Engagement).where(Engagement.client_id == client.id)
    )
    if not remaining:
        s.delete(client)
        s.flush()


def _import(s: Session, package: Package, decision: Decision | None) -> ImportResult:
    snap = package.snapshot
    existing = s.scalar(select(Engagement).where(Engagement.uuid == snap.engagement.uuid))
    mapping: dict[str, str] = {}
    title: str | None = None
    replaced = kept_both = False
    if existing is not None:
        if decision is None:  # it appeared meanwhile
            raise EngagementExistsError(package.title, package.path.name)
        if decision == "keep_both":
            mapping = {u: new_uuid() for u in snap.uuids()}
            title = imported_title(snap.engagement.title, snap.engagement.language)
            kept_both = True
        else:
            _delete_engagement(s, existing)
            replaced = True
    client_uuid = snap.client.uuid
    # Ids another engagement already uses: the imported rows get new ones (nothing merges).
    others = [u for u in snap.uuids() if u not in mapping and u != client_uuid]
    mapping.update({u: new_uuid() for u in _taken(s, others)})
    client: Client | None = None
    if client_uuid not in mapping:
        stored = s.scalar(select(Client).where(Client.uuid == client_uuid))
        if stored is not None:
            if same_client(stored, snap.client):
                client = stored  # the same client: the engagement joins it
            else:
                mapping[client_uuid] = new_uuid()
    if mapping or title is not None:
        snap = renamed(snap, mapping, title=title)
    for digest, data in package.blobs.items():
        if s.get(EvidenceBlob, digest) is None:
            s.add(EvidenceBlob(sha256=digest, data=data))
    s.flush()
    engagement = insert_snapshot(s, snap, client=client)
    return ImportResult(engagement.uuid, engagement.title, replaced=replaced, kept_both=kept_both)
