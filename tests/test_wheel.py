"""A wheel built from the repository holds everything the app needs at run time."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = r"""
import os, sys, tempfile
from pathlib import Path
import dtbench
from dtbench.paths import resource_path, i18n_dir
site = Path(sys.argv[1]).resolve()
assert Path(dtbench.__file__).resolve().is_relative_to(site), dtbench.__file__
assert resource_path("guide").resolve().is_relative_to(site)
assert (i18n_dir() / "dtbench_zh_CN.qm").is_file()
assert resource_path("icons", "dtbench.svg").is_file()
from dtbench.guide import load_guide
assert len(list(load_guide().clauses())) == 45
from dtbench.messages import translate
assert translate("cli", "No engagements.", "zh") == "没有咨询项目。"
from dtbench.store import open_store
from dtbench.engagement import service
home = tempfile.mkdtemp()
os.environ["DTBENCH_HOME"] = home
store = open_store(Path(home) / "w.sqlite3")
service.create_engagement(store, client_name="C", title="T")
print("ok", len(service.list_engagements(store)))
"""


def test_wheel_contents_and_resource_lookup(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = out.glob("dtbench-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "dtbench/i18n/dtbench_zh_CN.qm",
        "dtbench/resources/guide/framework.json",
        "dtbench/resources/guide/glossary.json",
        "dtbench/resources/guide/clauses/7.3.json",
        "dtbench/resources/icons/dtbench.svg",
        "dtbench/store/migrations/env.py",
        "dtbench/store/migrations/script.py.mako",
        "dtbench/ui/shell/main_window.py",
    }
    assert expected <= names
    # every module of the source tree (a package missing from pyproject's list would not be)
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "dtbench").rglob("*.py")}
    assert sorted(sources - names) == []
    assert any(n.startswith("dtbench/store/migrations/versions/0001") for n in names)
    assert not any(n.startswith(("tests/", "resources/", "i18n/")) for n in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 1"
