"""Templates: save what carries over from an engagement, start a new one from it.

A template is a JSON file (``.dtbt``; the built-in ones in resources/templates are ``.json``)::

    {"format": "dtbench-template", "version": 1,
     "name": {"zh": "…", "en": "…"}, "description": {…}, "industry": {…}, "created": "…",
     "parts": {
       "scope": {"7.2.1": {"in_scope": false, "weight": 1.0}, …},   # non-default entries
       "targets": {"7.3.1": 3, …},                                   # target levels
       "phases": [{"id": "P1", "name": "…", "start_day": 0, "end_day": 364, …}],
       "initiatives": [{"id": "I01", "phase": "P1", "depends_on": ["I00"], …}],
       "kpis": [{…, "targets": {"P1": "≥90%"}, "initiatives": ["I01"]}
                or {"starter": "oee", "targets": {…}}],               # from kpi_starters.json
       "governance": […], "actions": […], "change_steps": […], "resistance": […],
       "strategy": {…}, "organization": {…}, "culture": {…}, "notes": "…"}}

Records are the plan's own (dtbench.plan.records) and are validated like the plan's on load.
Phases and initiatives refer to each other by template ids; dates are day offsets from the
start of the plan (``start_day``, ``end_day``, ``due_day``), so a template schedules its plan
wherever the new engagement starts. ``{client}`` in a text becomes the new client's name.

A template never holds the client's identity: no client name (replaced by ``{client}``), no
contacts, no answers, findings, current levels or KPI baselines; people's names are blanked
in the governance list and masked (××) in texts; owners are cleared and statuses reset.
Templates hold Chinese texts as written; an English engagement gets them as they are (only
KPIs taken from the starter set come in the engagement's language).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import msgspec

from dtbench.deliverables.files import write_atomically
from dtbench.errors import QT_TRANSLATE_NOOP, UserError, os_reason
from dtbench.guide.model import Text
from dtbench.input_rules import (
    MAX_JSON_DEPTH,
    MAX_LIST_ITEMS,
    FileUnreadableError,
    InputError,
    TooDeepError,
    TooManyEntriesError,
    clean_strings,
    json_depth_exceeds,
    read_regular_file,
)
from dtbench.paths import data_dir, resource_path
from dtbench.store import history
from dtbench.templates import parts as _parts

FORMAT: Final = "dtbench-template"
VERSION: Final = 1
SUFFIX: Final = ".dtbt"
BUILTIN_SUFFIX: Final = ".json"
MAX_BYTES: Final = 5 * 1024 * 1024
MAX_OFFSET_DAYS: Final = 20 * 366
CLIENT_TOKEN: Final = "{client}"
PERSON_MASK: Final = "××"
DEFAULT_TITLE: Final = Text("数字化转型诊断与实施规划", "Digital transformation diagnosis and plan")

# What a template can carry, in the order the UI offers it.
PARTS = _parts.PARTS
ORG_CULTURE_PARTS = _parts.ORG_CULTURE_PARTS
DEFAULT_PARTS = _parts.DEFAULT_PARTS

ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "all": PARTS,
    "plan": ("phases", "initiatives", "kpis"),
    "org_culture": ORG_CULTURE_PARTS,
}
LIST_PARTS: Final[dict[str, str]] = {  # template part → plan item kind
    "phases": "phase",
    "initiatives": "initiative",
    "kpis": "kpi",
    "governance": "governance",
    "actions": "action",
    "change_steps": "change_step",
    "resistance": "resistance",
}
VALUE_PARTS: Final[tuple[str, ...]] = ("strategy", "organization", "culture")
_DATE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "phase": ("start", "end"),
    "initiative": ("start", "end"),
    "action": ("due",),
    "change_step": ("due",),
}
_VALIDATION_ANCHOR: Final = date(2000, 1, 1)


# ---------------------------------------------------------------- errors
class TemplateError(UserError):
    context = "TemplateError"
    template = QT_TRANSLATE_NOOP("TemplateError", "The template cannot be used: %1")


class TemplateUnreadableError(TemplateError):
    template = QT_TRANSLATE_NOOP("TemplateError", "The template file %1 cannot be read: %2")


class TemplateInvalidError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "%1 is not a usable dtbench template (%2). Export the template from dtbench again, "
        "or choose another file.",
    )


class TemplateNewerError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "The template %1 was made by a newer version of dtbench. Update dtbench to use it.",
    )


class FirmLibraryUnreachableError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "The firm's template library on %1 cannot be read now; the templates on this computer "
        "are listed.",
    )


class TemplateNotFoundError(TemplateError):
    template = QT_TRANSLATE_NOOP("TemplateError", "There is no template called “%1”.")


class FirmTemplateNotFoundError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "There is no template called “%1” in the firm's library (see dtbench template list).",
    )


class FirmTemplateNotYoursError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "The firm's template “%1” was saved by %2: only %2 or the server's administrator may "
        "replace, rename or delete it. Nothing was changed.",
    )


class TemplateExistsError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "A template called “%1” already exists. Choose another name, or replace it.",
    )


class BuiltinTemplateError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError",
        "“%1” is a built-in template: it cannot be renamed or deleted. Save an engagement "
        "made from it as a template of your own instead.",
    )


class BuiltinNameError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError", "“%1” is the name of a built-in template. Choose another name."
    )


class TemplateNameError(TemplateError):
    template = QT_TRANSLATE_NOOP("TemplateError", "A template needs a name.")


class TemplateWriteError(TemplateError):
    template = QT_TRANSLATE_NOOP("TemplateError", "The template could not be written to %1: %2")


class NoPartsError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "TemplateError", "Choose at least one part of the engagement to keep in the template."
    )


class UnknownPartError(TemplateError):
    template = QT_TRANSLATE_NOOP("TemplateError", "Unknown template part “%1”; the parts are: %2.")


class ClientNameError(TemplateError):
    template = QT_TRANSLATE_NOOP("TemplateError", "A new engagement needs the client's name.")


class TemplateRefusedError(TemplateError):
    """A template file refused by an input rule (not a regular file, far too large, nested
    too deeply, too many entries, a text too long): the rule's own message."""

    def __init__(self, cause: UserError) -> None:
        self.context = cause.context
        self.template = cause.template
        super().__init__(*cause.details)


class _Bad(Exception):
    """What is wrong inside a template (technical detail, in English)."""


# ---------------------------------------------------------------- the template
@dataclass(frozen=True)
class Contents:
    """What a template holds, for a preview."""

    out_of_scope: tuple[str, ...]
    weights: dict[str, float]  # in-scope clauses weighted other than 1
    targets: dict[str, int]
    counts: dict[str, int]  # list part → number of entries
    values: tuple[str, ...]  # which of strategy / organization / culture / notes it holds

    def to_dict(self) -> dict[str, Any]:
        return {
            "out_of_scope": list(self.out_of_scope),
            "weights": dict(self.weights),
            "targets": dict(self.targets),
            "counts": dict(self.counts),
            "values": list(self.values),
        }


@dataclass(frozen=True, eq=False)
class Template:
    key: str  # the file name without its suffix
    path: Path
    builtin: bool
    name: Text
    description: Text
    industry: Text
    created: str
    parts: Mapping[str, Any] = field(default_factory=dict)
    # In the firm's library on the server (``templates`` table) rather than a file; ``path``
    # is then only a name for it ("firm/<name>.dtbt") and ``author`` who saved it last.
    firm: bool = False
    author: str = ""

    def title(self, lang: str) -> str:
        return self.name.get(lang) or self.name.zh or self.name.en

    def contents(self) -> Contents:
        scope: Mapping[str, Any] = self.parts.get("scope", {})
        return Contents(
            out_of_scope=tuple(k for k, e in scope.items() if not e["in_scope"]),
            weights={
                k: e["weight"] for k, e in scope.items() if e["in_scope"] and e["weight"] != 1
            },
            targets=dict(self.parts.get("targets", {})),
            counts={part: len(self.parts.get(part, ())) for part in LIST_PARTS},
            values=tuple(
                part for part in (*VALUE_PARTS, "notes") if self.parts.get(part) not in (None, "")
            ),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": msgspec.to_builtins(self.name),
            "description": msgspec.to_builtins(self.description),
            "industry": msgspec.to_builtins(self.industry),
            "created": self.created,
            "parts": json.loads(json.dumps(self.parts)),
        }


# ---------------------------------------------------------------- folders and listing
def builtin_dir() -> Path:
    return resource_path("templates")


def user_dir() -> Path:
    """The user's template library (created on first use)."""
    path = data_dir() / "templates"
    path.mkdir(parents=True, exist_ok=True)
    return path


def list_templates(
    problems: list[TemplateError] | None = None, store: Any = None
) -> list[Template]:
    """Built-in templates, then the user's, then (given the ``store``) the firm's on the
    server, each by name; a file that cannot be used is left out (and appended to
    ``problems`` when given)."""
    found: list[Template] = []
    sources: list[tuple[Path, bool]] = []
    folder = builtin_dir()
    if folder.is_dir():
        sources += [(p, True) for p in sorted(folder.glob(f"*{BUILTIN_SUFFIX}"))]
    sources += [(p, False) for p in sorted(user_dir().glob(f"*{SUFFIX}"))]
    for path, builtin in sources:
        try:
            found.append(load_template(path, builtin=builtin))
        except TemplateError as exc:
            if problems is not None:
                problems.append(exc)
    found.sort(key=lambda t: (not t.builtin, t.key if t.builtin else t.title("zh").casefold()))
    if store is not None:
        found += list_firm_templates(store, problems)
    return found


def find_template(name: str, store: Any = None) -> Template:
    """A template by file key or name (either language), or a template file's path; given
    the ``store``, the firm's templates on the server count too (after the user's)."""
    text = name.strip()
    if not text:
        raise TemplateNotFoundError(name)
    candidate = Path(text).expanduser()
    if candidate.suffix.lower() in (SUFFIX, BUILTIN_SUFFIX) and candidate.is_file():
        return load_template(candidate)
    templates = list_templates(store=store)
    wanted = text.casefold()
    for match in (
        lambda t: not t.builtin and not t.firm and t.key.casefold() == wanted,
        lambda t: t.builtin and t.key.casefold() == wanted,
        lambda t: wanted in (t.name.zh.casefold(), t.name.en.casefold()),
    ):
        for template in templates:
            if match(template):
                return template
    raise TemplateNotFoundError(text)


# ---------------------------------------------------------------- loading and validation
def load_template(path: Path, *, builtin: bool = False) -> Template:
    """Read and validate a template file; TemplateError says what is wrong."""
    try:
        raw = read_regular_file(path, MAX_BYTES)  # a pipe or a device would never end
    except FileUnreadableError as exc:
        raise TemplateUnreadableError(path.name, exc.details[-1]) from exc
    except InputError as exc:
        raise TemplateRefusedError(exc) from exc
    if json_depth_exceeds(raw):  # json.loads recurses once per level
        raise TemplateRefusedError(TooDeepError(path.name, MAX_JSON_DEPTH))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TemplateInvalidError(path.name, "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise TemplateInvalidError(path.name, f"not JSON: {exc.msg}, line {exc.lineno}") from exc
    return parse_template(data, path, builtin=builtin)


def parse_template(data: object, path: Path, *, builtin: bool = False) -> Template:
    """Validate template data read from ``path``; texts come out as dtbench stores them."""
    label = path.name
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TemplateInvalidError(label, "not a dtbench template")
    parts = data.get("parts")
    for part in LIST_PARTS:  # counted before any entry is looked at
        entries = parts.get(part) if isinstance(parts, dict) else None
        if isinstance(entries, list) and len(entries) > MAX_LIST_ITEMS:
            error = TooManyEntriesError(label, part, f"{len(entries):,}", f"{MAX_LIST_ITEMS:,}")
            raise TemplateRefusedError(error)
    try:
        data = clean_strings(data)
    except InputError as exc:
        raise TemplateRefusedError(exc) from exc
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TemplateInvalidError(label, "no format version")
    if version > VERSION:
        raise TemplateNewerError(label)
    try:
        name = _text(data.get("name"), "name")
        if not (name.zh.strip() or name.en.strip()):
            raise _Bad("the template has no name")
        description = _text(data.get("description", ""), "description")
        industry = _text(data.get("industry", ""), "industry")
        created = data.get("created", "")
        if not isinstance(created, str):
            raise _Bad("created must be text")
        parts = data.get("parts")
        if not isinstance(parts, dict):
            raise _Bad("no parts")
        normalised = _check_parts(parts)
    except _Bad as exc:
        raise TemplateInvalidError(label, str(exc)) from exc
    return Template(
        key=path.stem,
        path=path,
        builtin=builtin,
        name=name,
        description=description,
        industry=industry,
        created=created,
        parts=normalised,
    )


def _text(value: object, where: str) -> Text:
    if isinstance(value, str):
        return Text(value, value)
    if isinstance(value, dict) and set(value) <= {"zh", "en"}:
        zh, en = value.get("zh", ""), value.get("en", "")
        if isinstance(zh, str) and isinstance(en, str):
            return Text(zh or en, en or zh)
    raise _Bad(f"{where} must be text or {{zh, en}}")


def _check_parts(parts: Mapping[str, Any]) -> dict[str, Any]:
    from dtbench.diagnosis.scale import MAX_LEVEL, MIN_LEVEL
    from dtbench.diagnosis.scoring import MAX_WEIGHT, MIN_WEIGHT
    from dtbench.guide import load_guide

    guide = load_guide()
    out: dict[str, Any] = {}
    for part in parts:
        if part not in PARTS:
            raise _Bad(f"unknown part {part!r}")

    def clause(key: object, where: str) -> str:
        if not isinstance(key, str):
            raise _Bad(f"{where}: clause keys are text")
        try:
            guide.clause(key)
        except KeyError:
            raise _Bad(f"{where}: unknown clause {key!r}") from None
        return key

    if "scope" in parts:
        scope = parts["scope"]
        if not isinstance(scope, dict):
            raise _Bad("scope must be an object")
        out["scope"] = {}
        for key, entry in scope.items():
            clause(key, "scope")
            if not isinstance(entry, dict):
                raise _Bad(f"scope {key}: must be an object")
            in_scope = entry.get("in_scope", True)
            weight = entry.get("weight", 1.0)
            if not isinstance(in_scope, bool):
                raise _Bad(f"scope {key}: in_scope must be true or false")
            if not _number(weight) or not MIN_WEIGHT <= weight <= MAX_WEIGHT:
                raise _Bad(f"scope {key}: weight must be {MIN_WEIGHT}–{MAX_WEIGHT}")
            out["scope"][key] = {"in_scope": in_scope, "weight": float(weight)}
    if "targets" in parts:
        targets = parts["targets"]
        if not isinstance(targets, dict):
            raise _Bad("targets must be an object")
        out["targets"] = {}
        for key, level in targets.items():
            clause(key, "targets")
            if not _integer(level) or not MIN_LEVEL <= level <= MAX_LEVEL:
                raise _Bad(f"targets {key}: level must be {MIN_LEVEL}–{MAX_LEVEL}")
            out["targets"][key] = level
    for part in LIST_PARTS:
        if part in parts:
            entries = parts[part]
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                raise _Bad(f"{part} must be a list of objects")
            out[part] = entries
    for part in VALUE_PARTS:
        if part in parts:
            if not isinstance(parts[part], dict):
                raise _Bad(f"{part} must be an object")
            out[part] = parts[part]
    if "notes" in parts:
        if not isinstance(parts["notes"], str):
            raise _Bad("notes must be text")
        out["notes"] = parts["notes"]
    _build(out, "zh", _VALIDATION_ANCHOR, "客户")  # every record decodes and validates
    normalised: dict[str, Any] = json.loads(json.dumps(out, ensure_ascii=False))
    return normalised


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# ---------------------------------------------------------------- template → records
@dataclass
class _Built:
    """A template's records for one engagement; phases and initiatives still refer to each
    other by template ids."""

    scope: dict[str, Any] = field(default_factory=dict)  # clause → ScopeEntry
    targets: dict[str, int] = field(default_factory=dict)
    phases: list[tuple[str, Any]] = field(default_factory=list)
    initiatives: list[tuple[str, Any]] = field(default_factory=list)
    kpis: list[Any] = field(default_factory=list)
    others: list[Any] = field(default_factory=list)  # governance, actions, change steps…
    values: dict[str, Any] = field(default_factory=dict)
    notes: str = ""


def _fill(value: Any, client: str) -> Any:
    if isinstance(value, str):
        return value.replace(CLIENT_TOKEN, client)
    if isinstance(value, list):
        return [_fill(v, client) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, client) for k, v in value.items()}
    return value


def _decode(kind_type: type[Any], fields: dict[str, Any], where: str) -> Any:
    from dtbench.plan.records import from_data
    from dtbench.plan.service import validate

    try:
        record = from_data(kind_type, fields)
        validate(record)
    except (ValueError, KeyError) as exc:
        raise _Bad(f"{where}: {exc}") from None
    return record


def _fields(entry: dict[str, Any], kind: str, anchor: date, where: str) -> dict[str, Any]:
    """The record's fields: template ids and day offsets taken out, offsets made dates."""
    dated = _DATE_FIELDS.get(kind, ())
    skip = {"id", *dated, *(f"{name}_day" for name in dated)}
    fields = {k: v for k, v in entry.items() if k not in skip}
    for name in dated:
        offset = entry.get(f"{name}_day")
        if offset is None:
            continue
        if not _integer(offset) or not 0 <= offset <= MAX_OFFSET_DAYS:
            raise _Bad(f"{where}: {name}_day must be a number of days from 0 to {MAX_OFFSET_DAYS}")
        fields[name] = anchor + timedelta(days=offset)
    return fields


def _ids(entries: list[dict[str, Any]], part: str) -> list[str]:
    ids: list[str] = []
    seen: set[str] = set()  # a set: thousands of entries are checked in linear time
    for n, entry in enumerate(entries):
        ident = entry.get("id")
        if not isinstance(ident, str) or not ident.strip():
            raise _Bad(f"{part}[{n}]: needs an id")
        if ident in seen:
            raise _Bad(f"{part}[{n}]: id {ident!r} is used twice")
        ids.append(ident)
        seen.add(ident)
    return ids


def _build(parts: Mapping[str, Any], lang: str, anchor: date, client: str) -> _Built:
    from dtbench.diagnosis.scoring import ScopeEntry
    from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, Culture, Kpi, to_data
    from dtbench.plan.starters import kpi_starters

    parts = _fill(dict(parts), client)
    built = _Built(
        scope={
            k: ScopeEntry(e["in_scope"], float(e["weight"]))
            for k, e in parts.get("scope", {}).items()
        },
        targets=dict(parts.get("targets", {})),
        notes=parts.get("notes", ""),
    )
    for name in VALUE_PARTS:
        if name in parts:
            built.values[name] = _decode(VALUE_KINDS[name], parts[name], name)
    culture = built.values.get("culture")
    if isinstance(culture, Culture):  # a template sets target traits, never the client's now
        built.values["culture"] = msgspec.structs.replace(
            culture,
            traits={k: msgspec.structs.replace(t, now=None) for k, t in culture.traits.items()},
        )

    phases = parts.get("phases", [])
    phase_ids = _ids(phases, "phases")
    known_phases = set(phase_ids)
    for n, entry in enumerate(phases):
        where = f"phases[{n}]"
        record = _decode(ITEM_KINDS["phase"], _fields(entry, "phase", anchor, where), where)
        built.phases.append((phase_ids[n], record))

    initiatives = parts.get("initiatives", [])
    initiative_ids = _ids(initiatives, "initiatives")
    known_initiatives = set(initiative_ids)
    for n, entry in enumerate(initiatives):
        where = f"initiatives[{n}]"
        fields = _fields(entry, "initiative", anchor, where)
        phase = fields.get("phase", "")
        if phase and phase not in known_phases:
            raise _Bad(f"{where}: unknown phase {phase!r}")
        depends_on = fields.get("depends_on", [])
        if not isinstance(depends_on, list):
            raise _Bad(f"{where}: depends_on must be a list")
        for dep in depends_on:
            if dep not in known_initiatives or dep == initiative_ids[n]:
                raise _Bad(f"{where}: depends on unknown initiative {dep!r}")
        record = _decode(ITEM_KINDS["initiative"], fields, where)
        built.initiatives.append((initiative_ids[n], record))

    starters = {s.code: s for s in kpi_starters()}
    for n, entry in enumerate(parts.get("kpis", [])):
        where = f"kpis[{n}]"
        fields = _fields(entry, "kpi", anchor, where)
        code = fields.get("starter", "")
        if code and "name" not in fields:
            if code not in starters:
                raise _Bad(f"{where}: unknown starter KPI {code!r}")
            fields = to_data(starters[code].to_kpi(lang)) | fields
        targets = fields.get("targets", {})
        if not isinstance(targets, dict) or any(p not in known_phases for p in targets):
            raise _Bad(f"{where}: targets must be given by phase ids of this template")
        linked = fields.get("initiatives", [])
        if not isinstance(linked, list) or any(i not in known_initiatives for i in linked):
            raise _Bad(f"{where}: initiatives must be ids of this template's initiatives")
        record = _decode(Kpi, fields, where)
        built.kpis.append(record)

    for part, kind in LIST_PARTS.items():
        if part in ("phases", "initiatives", "kpis"):
            continue
        for n, entry in enumerate(parts.get(part, [])):
            where = f"{part}[{n}]"
            built.others.append(
                _decode(ITEM_KINDS[kind], _fields(entry, kind, anchor, where), where)
            )
    return built


# ---------------------------------------------------------------- creating an engagement
def next_month_start(today: date | None = None) -> date:
    """The first day of the month after ``today``: where a template's plan starts."""
    today = today or date.today()
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def create_from_template(
    store: Any,
    template: Template | str,
    client_name: str,
    title: str = "",
    language: str = "zh",
    *,
    plan_start: date | None = None,
    industry: str | None = None,
) -> str:
    """Create an engagement for a new client from a template; returns its uuid.

    Scope and weights, the baseline round's target levels and the plan records are added
    through the services; the plan starts at ``plan_start`` (default: next month)."""
    from dtbench.engagement import service as engagements

    chosen = template if isinstance(template, Template) else find_template(template)
    client_name = client_name.strip()
    if not client_name:
        raise ClientNameError()
    title = title.strip() or DEFAULT_TITLE.get(language)
    anchor = plan_start or next_month_start()
    try:
        built = _build(chosen.parts, language, anchor, client_name)
    except _Bad as exc:  # checked on load: only a template altered in memory gets here
        raise TemplateInvalidError(chosen.path.name, str(exc)) from exc
    with history.quiet():  # one history entry for the whole creation, not thousands
        profile = engagements.create_engagement(
            store,
            client_name=client_name,
            title=title,
            industry=chosen.industry.get(language) if industry is None else industry,
            language=language,
            notes=built.notes,
        )
        try:
            _apply(store, profile.uuid, built, language)
        except BaseException:
            _discard(store, profile.uuid)
            raise
    history.note(store.sessions, profile.uuid, "created")
    return profile.uuid


def _apply(store: Any, engagement: str, built: _Built, language: str) -> None:
    from dtbench.diagnosis import service as dx
    from dtbench.diagnosis.scale import BASELINE_NAME
    from dtbench.plan import service as plan
    from dtbench.store.models import new_uuid

    if built.scope:
        dx.set_scope(store, engagement, built.scope)
    if built.targets:
        baseline = dx.ensure_rounds(store, engagement, BASELINE_NAME.get(language))[0]
        for key, level in built.targets.items():
            dx.set_clause(store, baseline.uuid, key, "target", level)
    for name, record in built.values.items():
        plan.set_value(store, engagement, name, record)
    # Ids first, then every item in one unit of work (one at a time was quadratic).
    phase_uuids = {ident: new_uuid() for ident, _phase in built.phases}
    uuids = {ident: new_uuid() for ident, _record in built.initiatives}
    items: list[tuple[Any, str | None]] = [
        (phase, phase_uuids[ident]) for ident, phase in built.phases
    ]
    for ident, record in built.initiatives:
        linked = plan.replace_struct(
            record,
            phase=phase_uuids.get(record.phase, ""),
            depends_on=tuple(uuids[d] for d in record.depends_on),
        )
        items.append((linked, uuids[ident]))
    for kpi in built.kpis:
        linked = plan.replace_struct(
            kpi,
            targets={phase_uuids[p]: t for p, t in kpi.targets.items()},
            initiatives=tuple(uuids[i] for i in kpi.initiatives),
        )
        items.append((linked, None))
    items += [(record, None) for record in built.others]
    plan.add_items(store, engagement, items)


def _discard(store: Any, engagement: str) -> None:
    """Remove a half-created engagement (and its client) for good."""
    from sqlalchemy import func, select

    from dtbench.store.models import Engagement

    with store.session() as s:
        row = s.scalar(select(Engagement).where(Engagement.uuid == engagement))
        if row is None:
            return
        client = row.client
        s.delete(row)
        s.flush()
        left = s.scalar(
            select(func.count()).select_from(Engagement).where(Engagement.client_id == client.id)
        )
        if not left:
            s.delete(client)


# ---------------------------------------------------------------- engagement → template
def expand_parts(parts: Iterable[str]) -> frozenset[str]:
    """The parts named (aliases all, plan and org_culture expanded); refuses unknown ones."""
    chosen: set[str] = set()
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if part in ALIASES:
            chosen.update(ALIASES[part])
        elif part in PARTS:
            chosen.add(part)
        else:
            raise UnknownPartError(part, ", ".join((*PARTS, *ALIASES)))
    if not chosen:
        raise NoPartsError()
    return frozenset(chosen)


# Common Chinese surnames, to tell an owner who is a person (王建国) from a department or a
# role (生产部, 总经理): owners are cleared anyway; people's names are also masked in texts.
_SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬和仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES: Final = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容")
# Last characters of departments and roles (生产部, 信息中心, 总经理, 车间主任, 班组长…).
_ROLE_ENDINGS: Final = frozenset("部室组科厂办司处会队间班线门心长理监管任员师工层方商户")
_NAME_SPLIT = re.compile(r"[、,，;；/／\s]+")


def _person_names(values: Iterable[str]) -> set[str]:
    """Values that look like Chinese personal names (a surname and one or two characters)."""
    names: set[str] = set()
    for value in values:
        for part in _NAME_SPLIT.split(value):
            if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", part) or part[-1] in _ROLE_ENDINGS:
                continue
            if part.startswith(_COMPOUND_SURNAMES) or (len(part) <= 3 and part[0] in _SURNAMES):
                names.add(part)
    return names


class _Scrubber:
    """Replaces the client's name by {client} and people's names by ×× in every text."""

    def __init__(self, client_names: Iterable[str], people: Iterable[str]) -> None:
        pairs = [(n, CLIENT_TOKEN) for n in client_names if len(n.strip()) >= 2]
        pairs += [(n, PERSON_MASK) for n in people if len(n.strip()) >= 2]
        self._pairs = sorted({(n.strip(), r) for n, r in pairs}, key=lambda p: -len(p[0]))

    def __call__(self, value: Any) -> Any:
        if isinstance(value, str):
            for old, new in self._pairs:
                value = value.replace(old, new)
            return value
        if isinstance(value, list):
            return [self(v) for v in value]
        if isinstance(value, dict):
            return {k: self(v) for k, v in value.items()}
        return value


def template_from_engagement(
    store: Any, engagement: str, name: str, parts: Iterable[str], description: str = ""
) -> dict[str, Any]:
    """Template data of the chosen parts of an engagement, with the client's identity
    stripped (see the module's docstring)."""
    from dtbench.diagnosis import service as dx
    from dtbench.engagement import service as engagements
    from dtbench.plan import service as plan
    from dtbench.plan.records import to_data

    chosen = expand_parts(parts)
    name = name.strip()
    if not name:
        raise TemplateNameError()
    profile = engagements.get_profile(store, engagement)
    items = plan.list_items(store, engagement)
    by_kind: dict[str, list[Any]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    owners = [getattr(i.record, "owner", "") for i in items]
    governance_names = [i.record.name for i in by_kind.get("governance", [])]
    scrub = _Scrubber(
        (profile.client_name, profile.short_name),
        _person_names([*owners, *governance_names, *(c.name for c in profile.contacts)])
        | {c.name for c in profile.contacts}
        | set(governance_names),
    )
    out: dict[str, Any] = {}
    if "scope" in chosen:
        out["scope"] = {
            key: {"in_scope": entry.in_scope, "weight": entry.weight}
            for key, entry in sorted(dx.get_scope(store, engagement).items())
        }
    if "targets" in chosen:
        rounds = dx.list_rounds(store, engagement)
        clauses = dx.load_round(store, rounds[-1].uuid).clauses if rounds else {}
        out["targets"] = {k: c.target for k, c in sorted(clauses.items()) if c.target is not None}

    dated: list[date] = []
    for kind in ("phase", "initiative", "action", "change_step"):
        if _part_of(kind) in chosen:
            for item in by_kind.get(kind, []):
                dated += [
                    d for f in _DATE_FIELDS[kind] if (d := getattr(item.record, f)) is not None
                ]
    anchor = min(dated) if dated else None

    def entry(item: Any, drop: Iterable[str] = ()) -> dict[str, Any]:
        data = to_data(item.record)
        for f in _DATE_FIELDS.get(item.kind, ()):
            value = getattr(item.record, f)
            data.pop(f, None)
            if value is not None and anchor is not None:
                data[f"{f}_day"] = (value - anchor).days
        for f in ("owner", *drop):
            data.pop(f, None)
        return data

    ids: dict[str, str] = {}
    phases = by_kind.get("phase", []) if "phases" in chosen else []
    initiatives = by_kind.get("initiative", []) if "initiatives" in chosen else []
    for n, item in enumerate(phases, start=1):
        ids[item.uuid] = f"P{n}"
    for n, item in enumerate(initiatives, start=1):
        ids[item.uuid] = f"I{n:02d}"
    if phases:
        out["phases"] = [{"id": ids[i.uuid], **entry(i)} for i in phases]
    if initiatives:
        out["initiatives"] = [
            {
                "id": ids[i.uuid],
                **entry(i, ("status",)),
                "phase": ids.get(i.record.phase, ""),
                "depends_on": [ids[d] for d in i.record.depends_on if d in ids],
            }
            for i in initiatives
        ]
    if "kpis" in chosen and by_kind.get("kpi"):
        out["kpis"] = [
            {
                **entry(i, ("baseline",)),
                "targets": {ids[p]: t for p, t in i.record.targets.items() if p in ids},
                "initiatives": [ids[u] for u in i.record.initiatives if u in ids],
            }
            for i in by_kind["kpi"]
        ]
    if "governance" in chosen and by_kind.get("governance"):
        out["governance"] = [{**entry(i), "name": ""} for i in by_kind["governance"]]
    for part, kind in (
        ("actions", "action"),
        ("change_steps", "change_step"),
        ("resistance", "resistance"),
    ):
        if part in chosen and by_kind.get(kind):
            out[part] = [entry(i, ("status",)) for i in by_kind[kind]]
    if "strategy" in chosen:
        out["strategy"] = to_data(plan.get_value(store, engagement, "strategy"))
    if "organization" in chosen:
        organization = to_data(plan.get_value(store, engagement, "organization"))
        for f in ("shape_now", "driver_now", "relation_now"):
            organization.pop(f, None)
        out["organization"] = organization
    if "culture" in chosen:
        culture = to_data(plan.get_value(store, engagement, "culture"))
        culture["traits"] = {
            code: {"target": t["target"]}
            for code, t in culture.get("traits", {}).items()
            if t.get("target") is not None
        }
        out["culture"] = culture
    if "notes" in chosen:
        out["notes"] = profile.notes
    industry = profile.industry.strip()
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": {"zh": name, "en": name},
        "description": {"zh": description.strip(), "en": description.strip()},
        "industry": {"zh": industry, "en": industry},
        "created": datetime.now().isoformat(timespec="seconds"),
        "parts": scrub(out),
    }


def _part_of(kind: str) -> str:
    return next(part for part, k in LIST_PARTS.items() if k == kind)


def save_template(
    store: Any,
    engagement_uuid: str,
    name: str,
    parts: Iterable[str],
    description: str = "",
    *,
    replace: bool = False,
) -> Path:
    """Save the chosen parts of an engagement to the user's library; returns the file.

    A template of the same name is replaced only when ``replace``; built-in names are kept."""
    data = template_from_engagement(store, engagement_uuid, name, parts, description)
    path = _library_path(name.strip(), replace=replace)
    parse_template(data, path)  # what is written must load again
    _write(path, data)
    return path


def _slug(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" ._")
    return cleaned[:60].strip(" ._") or "template"


def _library_path(name: str, *, replace: bool, keep: Template | None = None) -> Path:
    """Where a user template called ``name`` goes; refuses a name in use (other than by
    ``keep``) unless ``replace``."""
    wanted = name.casefold()
    for template in list_templates():
        if keep is not None and template.path == keep.path:
            continue
        if wanted in (template.name.zh.casefold(), template.name.en.casefold()):
            if template.builtin:
                raise BuiltinNameError(name)
            if not replace:
                raise TemplateExistsError(name)
            return template.path
    folder = user_dir()
    base = _slug(name)
    path = folder / f"{base}{SUFFIX}"
    n = 2
    while path.exists() and (keep is None or path != keep.path):
        path = folder / f"{base}-{n}{SUFFIX}"
        n += 1
    return path


def _write(path: Path, data: Mapping[str, Any]) -> None:
    """Write atomically (the deliverables' helper): a folder that cannot be written is
    named in the message, and no half-written file is left."""
    text = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    with contextlib.suppress(OSError):  # write_atomically names a folder it cannot write
        path.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        tmp.write_bytes(text)

    try:
        write_atomically(path, write)
    except OSError as exc:
        raise TemplateWriteError(path, os_reason(exc)) from exc


# ---------------------------------------------------------------- library management
def import_template(path: Path, *, replace: bool = False) -> Template:
    """Copy a template file into the user's library after checking it."""
    loaded = load_template(path)
    target = _library_path(loaded.title("zh"), replace=replace)
    _write(target, loaded.to_data())
    return load_template(target)


def export_template(template: Template, path: Path) -> Path:
    """Write a template to a file to hand on (``.dtbt`` added when the name has no suffix)."""
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    _write(path, template.to_data())
    return path


def rename_template(template: Template, name: str, store: Any = None) -> Template:
    if template.builtin:
        raise BuiltinTemplateError(template.title("zh"))
    name = name.strip()
    if not name:
        raise TemplateNameError()
    if template.firm:
        data = template.to_data()
        data["name"] = {"zh": name, "en": name}
        # One transaction: a rename the server refuses leaves no copy under the new name.
        with _firm_changes(store, template) as s:
            renamed, _previous = _put_firm_template(store, s, data)
            if renamed.key != template.key:
                _delete_firm_row(s, template)
        return renamed
    target = _library_path(name, replace=False, keep=template)
    data = template.to_data()
    data["name"] = {"zh": name, "en": name}
    _write(target, data)
    if target != template.path:
        try:
            template.path.unlink()
        except OSError as exc:
            raise TemplateWriteError(template.path, os_reason(exc)) from exc
    return load_template(target)


def delete_template(template: Template, store: Any = None) -> None:
    if template.builtin:
        raise BuiltinTemplateError(template.title("zh"))
    if template.firm:
        delete_firm_template(store, template)
        return
    try:
        template.path.unlink(missing_ok=True)
    except OSError as exc:
        raise TemplateWriteError(template.path, os_reason(exc)) from exc


# ---------------------------------------------------------------- the firm's library
# On a firm's server the library lives in the database (``templates``), for everyone: the
# same data as a file, checked the same way on the way in and on the way out.
FIRM_FOLDER: Final = Path("firm")


def _firm_template(name: str, data: object, author: str) -> Template:
    path = FIRM_FOLDER / f"{_slug(name)}{SUFFIX}"
    loaded = parse_template(data, path)
    return Template(
        key=name,
        path=path,
        builtin=False,
        name=loaded.name,
        description=loaded.description,
        industry=loaded.industry,
        created=loaded.created,
        parts=loaded.parts,
        firm=True,
        author=author,
    )


def list_firm_templates(store: Any, problems: list[TemplateError] | None = None) -> list[Template]:
    """The firm's templates in the store, by name; one that cannot be used is left out."""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from dtbench.errors import UserError
    from dtbench.store.models import FirmTemplate

    try:
        with store.session() as s:
            rows = [(r.name, r.data, r.author) for r in s.scalars(select(FirmTemplate))]
    except (SQLAlchemyError, UserError):  # the server out of reach: list the files
        if problems is None:
            raise
        where = make_url(store.url).render_as_string(hide_password=True)
        problems.append(FirmLibraryUnreachableError(where))
        return []
    found: list[Template] = []
    for name, data, author in rows:
        try:
            found.append(_firm_template(name, data, author))
        except TemplateError as exc:
            if problems is not None:
                problems.append(exc)
    found.sort(key=lambda t: t.title("zh").casefold())
    return found


def save_firm_template(
    store: Any,
    engagement_uuid: str,
    name: str,
    parts: Iterable[str],
    description: str = "",
    *,
    replace: bool = False,
) -> Template:
    """Save the chosen parts of an engagement to the firm's library in the store; a
    template of the same name is replaced only when ``replace``."""
    data = template_from_engagement(store, engagement_uuid, name, parts, description)
    return publish_firm_template(store, data, replace=replace)


def publish_firm_template(
    store: Any, data: Mapping[str, Any], *, replace: bool = False
) -> Template:
    """Put template data (checked first) into the firm's library under its name; replacing
    one saved by somebody else is refused by the server (FirmTemplateNotYoursError)."""
    from dtbench.store.errors import NotAllowedError

    previous = ""
    try:
        with store.session() as s:
            template, previous = _put_firm_template(store, s, data, replace=replace)
    except NotAllowedError as exc:  # written when the session ends: ``previous`` is known
        raise FirmTemplateNotYoursError(template.title("zh"), previous or "?") from exc
    return template


def _put_firm_template(
    store: Any, s: Any, data: Mapping[str, Any], *, replace: bool = False
) -> tuple[Template, str]:
    """The template as it will be stored in session ``s``, and who saved the one it
    replaces ("" for none); written when the session flushes."""
    from sqlalchemy import select

    from dtbench.store.models import FirmTemplate

    name = parse_template(dict(data), FIRM_FOLDER / f"new{SUFFIX}").title("zh").strip()
    builtins = [t for t in list_templates() if t.builtin]
    if any(name.casefold() in (t.name.zh.casefold(), t.name.en.casefold()) for t in builtins):
        raise BuiltinNameError(name)
    template = _firm_template(name, dict(data), store.author)  # what is stored must load again
    stored = template.to_data()
    row = s.scalar(select(FirmTemplate).where(FirmTemplate.name == name))
    if row is not None and not replace:
        raise TemplateExistsError(name)
    previous = "" if row is None else row.author
    if row is None:
        row = FirmTemplate(name=name)
        s.add(row)
    row.data = stored
    row.author = store.author
    return template, previous


def find_firm_template(store: Any, name: str) -> Template:
    """A template of the firm's library by name (either language); FirmTemplateNotFoundError
    when there is none. A server out of reach is its store's error (nothing else is looked
    at: a template on this computer of the same name is not the one meant)."""
    wanted = name.strip().casefold()
    for template in list_firm_templates(store):
        if wanted and wanted in (
            template.key.casefold(),
            template.name.zh.casefold(),
            template.name.en.casefold(),
        ):
            return template
    raise FirmTemplateNotFoundError(name.strip())


def delete_firm_template(store: Any, template: Template) -> None:
    """Delete a template of the firm's library, for everyone. The server lets only the
    consultant who saved it (or its administrator) do so: anyone else gets
    FirmTemplateNotYoursError and nothing is deleted."""
    with _firm_changes(store, template) as s:
        _delete_firm_row(s, template)


def _delete_firm_row(s: Any, template: Template) -> None:
    from sqlalchemy import delete

    from dtbench.store.models import FirmTemplate

    gone = s.execute(delete(FirmTemplate).where(FirmTemplate.name == template.key))
    if not gone.rowcount:  # deleted meanwhile (by its author, elsewhere)
        raise FirmTemplateNotFoundError(template.key)


@contextmanager
def _firm_changes(store: Any, template: Template) -> Iterator[Any]:
    """A transaction changing the firm's library; the server's refusal (its row-level
    security, SQLSTATE 42501) is said as who may change ``template``."""
    from sqlalchemy import select

    from dtbench.store.errors import NotAllowedError
    from dtbench.store.models import FirmTemplate

    author = template.author
    try:
        with store.session() as s:
            author = s.scalar(select(FirmTemplate.author).where(FirmTemplate.name == template.key))
            if author is None:
                raise FirmTemplateNotFoundError(template.key)
            yield s
    except NotAllowedError as exc:
        raise FirmTemplateNotYoursError(template.title("zh"), author or "?") from exc
