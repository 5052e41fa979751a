"""The typed records the pipeline emits.

Each record keeps its normalized values beside the text as written, the
character span of that text in the article and the evidence sentence, so
every row of the output can be traced back to what the article says.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

__all__ = ["Evidence", "RaceResult", "RecordMention", "Article", "STATUSES", "GENDERS", "SPORTS"]

STATUSES = ("finished", "dnf", "dns", "dsq", "dnq")
GENDERS = ("women", "men", "mixed")
SPORTS = ("speed_skating", "short_track", "cycling", "track_cycling", "athletics", "swimming", "rowing",
          "triathlon", "motorsport")

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _shallow_row(record: Any) -> dict[str, Any]:
    """The record's fields as a dict. dataclasses.asdict would deep-copy every value: the fields here are
    immutable (strings, numbers, tuples), and a batch makes a row of every article and result."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


Status = Literal["finished", "dnf", "dns", "dsq", "dnq"]


@dataclass(frozen=True)
class Evidence:
    """Where a value comes from: the text as written and its span in the article text."""

    text: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad evidence span {self.start}..{self.end}")


@dataclass(frozen=True)
class RaceResult:
    """One competitor's result in one event, as the article reports it."""

    article_id: str
    sport: str
    event: str | None
    distance_m: int | None
    gender: str | None
    athlete: str | None
    team: str | None
    country: str | None
    time_s: float | None
    time_text: str | None
    gap_s: float | None
    rank: int | None
    status: Status
    round: str | None
    sentence: str
    char_start: int
    char_end: int
    mark: float | None = None
    mark_unit: str | None = None
    members: tuple[str, ...] = ()  # a team row's athletes where the text names them (a crew, a relay)
    stroke: str | None = None  # swimming: freestyle, backstroke, breaststroke, butterfly, medley
    club: str | None = None  # an individual's trade team or club where the text names it ("Jumbo-Visma")
    # why the row is unlikely as it stands, for review: "time_out_of_range" (patterns/sports.yml time_ranges)
    flags: tuple[str, ...] = ()
    # the spans of the values, for review: name, time, rank, status ...
    evidence: tuple[tuple[str, Evidence], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if self.athlete is None and self.team is None and self.country is None:
            raise ValueError("a result needs an athlete, a team or a country")

    @property
    def competitor(self) -> str:
        return self.athlete or self.team or self.country or ""

    def as_row(self) -> dict[str, Any]:
        row = _shallow_row(self)
        row.pop("evidence")
        row["members"] = list(self.members)
        row["flags"] = list(self.flags)
        return row


@dataclass(frozen=True)
class RecordMention:
    """A record named in the article: a new one set in this race, or an old one cited for comparison."""

    article_id: str
    record_type: str  # WR, OR, ER, NR, TR, PB, SB, CR, or a national code
    scope: str | None  # the country of a national record
    holder: str | None
    time_s: float | None
    time_text: str | None
    event: str | None
    distance_m: int | None
    gender: str | None
    state: Literal["new", "old", "standing", "equalled"]
    year: int | None
    venue: str | None
    sentence: str
    char_start: int
    char_end: int

    def as_row(self) -> dict[str, Any]:
        return _shallow_row(self)


@dataclass(frozen=True)
class Article:
    """One input article and what came of it."""

    article_id: str
    path: str | None
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    sport: str | None
    text: str
    categories: tuple[str, ...] = ()
    n_results: int = 0
    n_records: int = 0
    error: str | None = None
    encoding: str | None = None  # how the file's bytes were read: "utf-8", "utf-16", "cp1252" ...
    warnings: tuple[str, ...] = ()  # what was mended or cut while reading (mojibake, stray bytes, a long line)

    def as_row(self) -> dict[str, Any]:
        row = _shallow_row(self)
        row["categories"] = list(self.categories)
        row["warnings"] = list(self.warnings)
        return row
