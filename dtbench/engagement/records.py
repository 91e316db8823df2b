"""Plain records handed to the UI and the CLI: never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

STATUSES = ("draft", "active", "delivered", "archived")
LANGUAGES = ("zh", "en")
# Chinese SME size classes (工信部 中小企业划型标准, industry): by staff and by annual revenue.
EMPLOYEE_BANDS = ("lt20", "20-299", "300-999", "ge1000")
REVENUE_BANDS = ("lt3m", "3m-20m", "20m-400m", "ge400m")
COMMON_SYSTEMS = ("ERP", "MES", "PDM", "PLM", "CRM", "SCM", "WMS", "QMS", "OA", "HR")


@dataclass(frozen=True)
class ContactRecord:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class EngagementRow:
    """One line of the engagement list."""

    uuid: str
    title: str
    client_name: str
    industry: str
    status: str
    updated_at: datetime
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class Profile:
    """Everything the Profile step edits: the engagement and its client."""

    uuid: str
    client_uuid: str
    # engagement
    title: str
    consultants: str = ""
    start_date: date | None = None
    end_date: date | None = None
    status: str = "draft"
    language: str = "zh"
    notes: str = ""
    # client
    client_name: str = ""
    short_name: str = ""
    industry: str = ""
    size_employees: str = ""
    size_revenue: str = ""
    region: str = ""
    main_products: str = ""
    existing_systems: tuple[str, ...] = ()
    contacts: tuple[ContactRecord, ...] = field(default_factory=tuple)
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None


ENGAGEMENT_FIELDS = (
    "title",
    "consultants",
    "start_date",
    "end_date",
    "status",
    "language",
    "notes",
)
CLIENT_FIELDS = {
    "client_name": "name",
    "short_name": "short_name",
    "industry": "industry",
    "size_employees": "size_employees",
    "size_revenue": "size_revenue",
    "region": "region",
    "main_products": "main_products",
    "existing_systems": "existing_systems",
}
EDITABLE_FIELDS = (*ENGAGEMENT_FIELDS, *CLIENT_FIELDS, "contacts")
