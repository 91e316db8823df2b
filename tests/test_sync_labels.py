"""What the merge screen and ``dtbench sync`` show of a conflict's values: never a stored
code (a status key, a catalogue code, a record's uuid) but what the rest of the app shows
for it, in the reader's language; times on this computer's clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from dtbench.plan import service as ps
from dtbench.plan.records import ITEM_KINDS, from_data
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.team import labels
from dtbench.team.records import DATA, Rec
from dtbench.team.sync import Conflict, SyncPlan


def _same(context: str, text: str) -> str:
    return text


def _conflict(record: str, field: str, value: Any = None) -> Conflict:
    return Conflict(record, field, None, value, "me", None, value, "you", None)


def _plan(items: dict[str, dict[str, Any]]) -> SyncPlan:
    recs = {name: Rec(fields) for name, fields in items.items()}
    return SyncPlan("e", None, None, "login", {}, recs, dict(recs), {})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "field", "value", "en", "zh"),
    [
        ("answer:r:7.3.2.a", "status", "partly", "Partly met", "部分符合"),
        ("heard:r:i:7.3.2.a", "status", "met", "Met", "符合"),
        ("clause:r:7.3.2", "current_level", 2, "2 ", "2 "),
        ("scope:r:7.3.2", "in_scope", False, "no", "no"),
        ("engagement:e", "status", "active", "Active", "Active"),
        ("client:c", "size_employees", "300-999", "300–999 employees", None),
    ],
)
def test_codes_are_shown_by_their_labels(
    record: str, field: str, value: Any, en: str, zh: str | None
) -> None:
    c = _conflict(record, field, value)
    assert labels.value_text(c, value, _same, lang="en").startswith(en)
    if zh is not None:
        assert labels.value_text(c, value, _same, lang="zh").startswith(zh)
    assert labels.value_text(c, value, _same, lang="en") != str(value)


def test_plan_record_fields_are_shown_as_the_plan_pages_show_them() -> None:
    plan = _plan(
        {
            "item:i1": {"kind": "initiative", DATA + "title": "MES rollout"},
            "item:p1": {"kind": "phase", DATA + "name": "Foundation"},
        }
    )

    def shown(field: str, value: Any, lang: str = "en") -> str:
        return labels.value_text(
            _conflict("item:i1", DATA + field), value, _same, lang=lang, plan=plan
        )

    assert shown("status", "in_progress") not in ("in_progress", "")
    assert shown("status", "proposed", "zh") != "proposed"
    assert shown("phase", "p1") == "Foundation"  # not the phase's uuid
    assert shown("budget", 1094.0) == "CNY 10.94 million"
    assert shown("budget", 1094.0, "zh") == "1,094万元"
    assert shown("consulting", True) == "yes"


def test_every_coded_plan_field_has_its_labels(store: Store) -> None:
    """A plan field whose value the plan service checks against a list of codes (found by
    giving it a code no list has) is shown by its label: a field added later is caught."""
    uuid = create_demo(store, "en")
    coded: set[tuple[str, str]] = set()
    for item in ps.list_items(store, uuid):
        from dtbench.plan.records import to_data

        data = to_data(item.record)
        for name, value in data.items():
            if isinstance(value, str) and value:
                wrong: Any = "no-such-code"
            elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                wrong = ["no-such-code"]
            else:
                continue
            try:
                changed = from_data(ITEM_KINDS[item.kind], {**data, name: wrong})
            except ValueError:
                continue  # not a text at all (a date): shown as the pages show it
            try:
                ps.validate(changed)
            except ValueError:
                coded.add((item.kind, name))
    assert len({kind for kind, _f in coded}) >= 5  # the demo has records of many kinds
    known = set(labels.PLAN_CHOICES) | set(labels.CODES) | labels.PLAN_REFS
    assert coded - known == set()


def test_times_are_on_this_computer_s_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        at = datetime(2026, 12, 6, 20, 29)  # stored, UTC
        assert labels.stamp("liwei", at) == "liwei, 2026-12-07 04:29"
        assert labels.local_time(at.replace(tzinfo=UTC) + timedelta(minutes=1)).endswith("04:30")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_codes_are_translated_with_the_app_s_own_words() -> None:
    """The labels come from the same translations as the screens that show them."""
    from dtbench.messages import translate

    def zh(context: str, text: str) -> str:
        return translate(context, text, "zh")

    status = _conflict("engagement:e", "status", "active")
    assert labels.value_text(status, "active", zh, lang="zh") == "进行中"
    role = _conflict("member:e:liwei", "role", "reader")
    assert labels.value_text(role, "reader", zh, lang="zh") == "只读者"


def test_every_field_a_conflict_can_name_has_a_translated_name() -> None:
    """A plan record's, a client's or an engagement's field is named in the reader's
    language ("预算", not "budget")."""
    import msgspec

    from dtbench.messages import translate
    from dtbench.team.records import CLIENT_FIELDS, CONTACT_FIELDS, ENGAGEMENT_FIELDS

    def zh(context: str, text: str) -> str:
        return translate(context, text, "zh")

    names = {f.name for kind in ITEM_KINDS.values() for f in msgspec.structs.fields(kind)}
    names |= {*CLIENT_FIELDS, *CONTACT_FIELDS, *ENGAGEMENT_FIELDS}
    untranslated = [
        name
        for name in sorted(names)
        if not any(
            "\u4e00" <= ch <= "\u9fff"
            for ch in labels.field_label(_conflict("item:i", DATA + name), zh)
        )
    ]
    assert untranslated == []
