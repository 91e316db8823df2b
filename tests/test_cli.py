"""The command line, run as a user runs it: a separate process, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from dtbench import __version__
from dtbench.engagement import service
from dtbench.store import open_store


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "dtbench", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dtbench {__version__}"


def test_list_json_with_db_before_or_after_the_command(db_path: Path) -> None:
    store = open_store(db_path)
    created = service.create_engagement(
        store, client_name="大连华信", title="诊断", industry="装备制造"
    )
    store.close()
    for args in (
        ("--db", str(db_path), "list", "--json"),
        ("list", "--json", "--db", str(db_path)),
    ):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)
        assert [(r["uuid"], r["client"], r["title"], r["status"]) for r in rows] == [
            (created.uuid, "大连华信", "诊断", "draft")
        ]


def test_list_uses_dtbench_db_environment(db_path: Path) -> None:
    store = open_store(db_path)
    service.create_engagement(store, client_name="环境变量客户", title="T")
    store.close()
    result = run("list", env={"DTBENCH_DB": str(db_path)})
    assert result.returncode == 0
    assert "环境变量客户" in result.stdout


def test_guide_json_is_the_whole_framework_in_both_languages() -> None:
    result = run("guide", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    clauses = [c for a in data["areas"] for g in a["groups"] for c in g["clauses"]]
    assert len(clauses) == 45
    assert sum(len(c["items"]) for c in clauses) == 312
    assert sum(len(i["subitems"]) for c in clauses for i in c["items"]) == 639
    first = clauses[2]
    assert first["key"] == "6.1.1"
    assert first["title"] == {"zh": "领导者能力", "en": first["title"]["en"]}
    assert first["title"]["en"] and first["purpose"]["zh"] and first["purpose"]["en"]
    assert first["items"][1]["subitems"][0]["key"] == "6.1.1.b.1"
    assert len(data["terms"]) == 16 and len(data["abbreviations"]) == 4


def test_guide_outline_follows_the_language() -> None:
    zh = run("guide", "--lang", "zh")
    en = run("guide", "--lang", "en")
    assert zh.returncode == en.returncode == 0
    assert "7.3.3 产品质量管理" in zh.stdout and "6 领导作用" in zh.stdout
    assert "7.3.3 Product quality management" in en.stdout
    assert "产品质量管理" not in en.stdout


def _assert_one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_bad_argument_is_one_line_exit_2() -> None:
    _assert_one_line_error(run("lst"))
    _assert_one_line_error(run("guide", "--lang", "fr"))


def test_unreadable_database_is_one_line_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"garbage" * 500)
    result = run("--db", str(broken), "list")
    _assert_one_line_error(result)
    assert "damaged" in result.stderr
    _assert_one_line_error(run("--db", str(tmp_path / "missing" / "x.db"), "list"))


def test_newer_database_message_in_chinese(db_path: Path) -> None:
    open_store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    con.commit()
    con.close()
    result = run("--db", str(db_path), "list", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    _assert_one_line_error(result)
    assert "更新版本的 dtbench" in result.stderr


def test_reading_commands_refuse_a_database_that_does_not_exist(tmp_path: Path) -> None:
    """A typo in --db names no database: a one-line error naming it, nothing created."""
    missing = tmp_path / "typo.sqlite3"
    for args in (
        ("list", "--db", str(missing)),
        ("summary", "x", "--db", str(missing)),
        ("export", "x", "--check", "--db", str(missing)),
        ("package", "export", "x", str(tmp_path / "out.dtbx"), "--db", str(missing)),
    ):
        result = run(*args, env={"DTBENCH_LANG": "en"})
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert f"no database at {missing}" in lines[0].lower()
        assert "dtbench demo --db" in lines[0]
        assert not missing.exists()
    result = run("list", env={"DTBENCH_DB": str(missing), "DTBENCH_LANG": "en"})
    assert result.returncode == 2 and not missing.exists()


def test_creating_commands_and_the_default_database_still_create(tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    result = run("new", "--client", "新客户", "--db", str(new))
    assert result.returncode == 0, result.stderr
    assert new.stat().st_size > 0
    home = Path(os.environ["DTBENCH_HOME"])  # the test's own (conftest)
    assert not (home / "dtbench.sqlite3").exists()
    result = run("list", env={"DTBENCH_DB": ""})
    assert result.returncode == 0, result.stderr
    assert (home / "dtbench.sqlite3").stat().st_size > 0
