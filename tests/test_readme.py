"""CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- test-command -->\s*```sh\n(.+?)\n```", readme, re.S)
    assert block, "README.md has no marked test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"^TEST_COMMAND='(.+)'$", ci, re.M)
    assert command, ".ci/run has no TEST_COMMAND"
    assert command.group(1) == block.group(1).strip()
    assert "pytest" in command.group(1)
    assert 'bash -c "$TEST_COMMAND"' in ci


def _test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- test-command -->\s*```sh\n(.+?)\n```", readme, re.S)
    assert block
    return block.group(1).strip()


def test_the_test_command_installs_what_the_tests_need() -> None:
    command = _test_command()
    packages = command.split("&&")[1].split()
    assert "binutils" in packages  # PyInstaller needs objdump (the bundle test)
    assert "libpython3-dev" in packages  # and the shared libpython of the system's Python
    assert "-c tests/constraints.txt" in command


def test_ci_does_not_rewrite_the_command() -> None:
    """No shell function or alias standing in for sudo: the command runs as written."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "sudo()" not in ci and "alias sudo" not in ci


def _requirements() -> tuple[list[str], list[str]]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["dependencies"], project["optional-dependencies"]["test"]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_test_tools_are_pinned_and_runtime_dependencies_bounded() -> None:
    runtime, test = _requirements()
    pins = {}
    for line in (ROOT / "tests" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _sep, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin"
            pins[name.lower().replace("_", "-")] = version
    unpinned = [_name(r) for r in [*runtime, *test] if _name(r) not in pins]
    assert unpinned == []
    unbounded = [r for r in runtime if "<" not in r]
    assert unbounded == [], "runtime dependencies need an upper bound at the next major version"
