"""The linker's data: competitors (Entity), rows in the making (LinkedResult, LinkedRecord), shared helpers."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import regex

from ..recognize import Mention

VALUE_KINDS = ("TIME", "GAP", "RANK", "WIN", "WINOBJ", "LEAD", "STATUS", "POINTS", "MARK")
CLASSIFICATIONS = ("allround", "sprint_allround", "general_classification")
REFERENT_KINDS = ("PERSON", "PRON", "DESC", "TEAMREF")
_FIELDS = regex.compile(r"[\t;|]")  # the field separators of a results list line
_YEAR = regex.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def _next_word_is(text: str, pos: int, words) -> bool:
    m = regex.match(r"\s+([\w-]+)", text[pos:pos + 30])
    return bool(m) and m.group(1).lower() in words


def ok_basic(e: "Entity", code: str | None, gender: str | None) -> bool:
    return (not e.team and (code is None or e.country in (None, code)) and (gender is None or e.gender in (None, gender)))


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


@dataclass(eq=False)  # one object per competitor: identity is equality
class Entity:
    id: int
    full: str
    country: str | None = None
    gender: str | None = None
    team: bool = False  # a country or club competing as a team
    non_athlete: bool = False
    mentions: list[Mention] = field(default_factory=list)
    members: list["Entity"] = field(default_factory=list)  # a crew's rowers, a relay's runners, when named
    club: str | None = None  # an athlete's trade team or club as named ("Jumbo-Visma", "Red Bull")

    def set_country(self, code: str | None) -> None:
        if code and not self.country:
            self.country = code

    def set_gender(self, gender: str | None) -> None:
        if gender and not self.gender:
            self.gender = gender


@dataclass
class LinkedResult:
    entity: Entity
    event: str | None
    distance_m: int | None
    gender: str | None
    time: Any = None  # TimeMention
    time_s: float | None = None
    gap_s: float | None = None
    rank: int | None = None
    rank_kind: str | None = None  # TITLE: from a national title ("Nederlands kampioen"), which a told place beats
    status: str = "finished"
    sentence: tuple[int, int] = (0, 0)
    anchor: tuple[int, int] = (0, 0)
    section_gender: str | None = None
    round: str | None = None
    stroke: str | None = None  # swimming: freestyle, backstroke ... when the text names it
    mark: float | None = None
    mark_unit: str | None = None
    evidence: list[tuple[str, Mention]] = field(default_factory=list)
    rank_listed: bool = False  # the rank comes from a results list, which outranks the prose
    rank_noun: bool = False  # the rank was told with a place noun ("de tweede tijd"), surer than a bare ordinal


@dataclass
class LinkedRecord:
    record_type: str
    scope: str | None
    holder: Entity | None
    time: Any
    time_s: float | None
    event: str | None
    distance_m: int | None
    gender: str | None
    state: str
    year: int | None
    sentence: tuple[int, int]
    span: tuple[int, int]


def _inherit_strokes(mentions: list[Mention]) -> list[Mention]:
    """"de 100 meter" after "100 meter vrije slag": the distance named again keeps its stroke (the last
    one named for that distance)."""
    last: dict[tuple, str] = {}
    out = []
    for m in mentions:
        if m.kind == "EVENT" and m.value[1]:
            if len(m.value) > 2:
                last[m.value[:2]] = m.value[2]
            elif m.value[:2] in last:
                m = Mention(m.kind, m.start, m.end, m.text, (*m.value, last[m.value[:2]]))
        out.append(m)
    return out
