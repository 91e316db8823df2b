"""Files dtbench writes for people honour the umask (0644 under 022, 0664 under 002) and a
replaced file keeps its mode, so colleagues on a shared drive can open them."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dtbench.sample import create_demo
from dtbench.store.database import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")

Writer = Callable[[Store, str, Path], Path]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for the test; the previous one comes back afterwards."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask) and None
    os.umask(previous)


def _docx(store: Store, uuid: str, target: Path) -> Path:
    from dtbench.deliverables.content import gather
    from dtbench.deliverables.docx_proposal import build_proposal

    return build_proposal(gather(store, uuid), target, figures={}, sections=("cover",))


def _xlsx(store: Store, uuid: str, target: Path) -> Path:
    from dtbench.deliverables.content import gather
    from dtbench.deliverables.xlsx_plan import build_action_plan

    return build_action_plan(gather(store, uuid), target)


def _package(store: Store, uuid: str, target: Path) -> Path:
    from dtbench.transfer.package import export_package

    return export_package(store, uuid, target)


def _template(store: Store, uuid: str, target: Path) -> Path:
    from dtbench.templates.library import export_template, list_templates

    return export_template(list_templates()[0], target)


def _questionnaire(store: Store, uuid: str, target: Path) -> Path:
    from dtbench.questionnaire.workbook import export_questionnaire

    return export_questionnaire(store, uuid, target)


WRITERS: dict[str, tuple[Writer, str]] = {
    "docx": (_docx, "proposal.docx"),
    "xlsx": (_xlsx, "plan.xlsx"),
    "package": (_package, "engagement.dtbx"),
    "template": (_template, "starter.dtbt"),
    "questionnaire": (_questionnaire, "questionnaire.xlsx"),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_new_and_replaced_files_get_the_expected_mode(
    kind: str, store: Store, tmp_path: Path, umask: Callable[[int], None]
) -> None:
    write, name = WRITERS[kind]
    uuid = create_demo(store)
    out = tmp_path / "shared"
    out.mkdir()
    for mask, expected in ((0o022, 0o644), (0o002, 0o664)):
        umask(mask)
        target = out / f"{mask:o}-{name}"
        write(store, uuid, target)
        assert _mode(target) == expected, f"{kind} under umask {mask:03o}"
    # A file a colleague made group-writable stays so when dtbench writes it again, even
    # under a stricter umask.
    umask(0o077)
    target = out / f"replaced-{name}"
    target.write_bytes(b"old")
    os.chmod(target, 0o664)
    write(store, uuid, target)
    assert target.read_bytes() != b"old"
    assert _mode(target) == 0o664
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_backups_follow_the_umask(
    store: Store, db_path: Path, tmp_path: Path, umask: Callable[[int], None]
) -> None:
    from dtbench.store import backups

    create_demo(store)
    for mask, expected in ((0o022, 0o644), (0o002, 0o664)):
        umask(mask)
        info = backups.take_backup(db_path, "manual", tmp_path / f"backups-{mask:o}")
        assert _mode(info.path) == expected


def test_a_restored_database_follows_the_umask(
    store: Store, db_path: Path, tmp_path: Path, umask: Callable[[int], None]
) -> None:
    from dtbench.store import backups

    create_demo(store)
    info = backups.take_backup(db_path, "manual", tmp_path / "backups")
    umask(0o002)
    target = tmp_path / "restored" / "engagements.sqlite3"
    backups.restore(info, target)
    assert _mode(target) == 0o664
