"""What the demo data is made of: programmes, cohorts and sessions described as plain data."""

import datetime as dt
import uuid
from dataclasses import dataclass, field

ROME = "Europe/Rome"
MEET = "https://meet.example.org/"
ALL_LANGUAGES = ("en", "it", "fr", "pt")
# Sessions have no natural key; their calendar UID, derived from programme and key, is one.
UID_NAMESPACE = uuid.UUID("6f1c9a4e-5c1b-4d55-9a54-1f0f1d1e2c3b")


def session_uid(programme_slug: str, key: str) -> uuid.UUID:
    return uuid.uuid5(UID_NAMESPACE, f"{programme_slug}/{key}")


def tr(it: str = "", en: str = "", fr: str = "", pt: str = "") -> dict[str, str]:
    return {"it": it, "en": en, "fr": fr, "pt": pt}


@dataclass
class Org:
    name: str
    kind: str
    country: str
    website: str = ""


@dataclass
class SessionSpec:
    key: str
    title: dict
    kind: str
    start: dt.datetime  # naive, local to time_zone
    end: dt.datetime
    time_zone: str = "Europe/Rome"
    description: dict = field(default_factory=dict)
    city: str = ""
    country: str = ""
    venue: str = ""
    online: bool = False
    languages: tuple = ("it",)
    capacity: int | None = None
    registration_required: bool = False
    hours: str = "2"
    track: int | None = None  # index in the programme's tracks
    cohorts: tuple = ()  # cohort keys; empty: the whole programme
    materials: tuple = ()  # (order, language, title dict, url)


@dataclass
class CohortSpec:
    key: str
    name: dict
    capacity: int | None = None
    language: str = "it"
    time_zone: str = "Europe/Rome"


@dataclass
class ProgrammeSpec:
    slug: str
    title: dict
    summary: dict
    start: dt.date
    end: dt.date
    original_language: str
    languages: list
    funder: str | None = None
    funding_line: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)
    partners: list = field(default_factory=list)  # (organisation name, role)
    tracks: list = field(default_factory=list)  # title dicts
    cohorts: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    status: str = "published"
    enrolment_mode: str = "open"
    enrolment_opens_at: dt.datetime | None = None
    enrolment_closes_at: dt.datetime | None = None
    coordinated_by_demo_coordinator: bool = False
