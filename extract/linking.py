"""The linker: turn mentions into results and records.

It walks the article block by block and sentence by sentence, keeping the
context a reader keeps: the event and gender of the section (set by headings
and by phrases like "op de 1000 meter"), the person a sentence is about (the
focus, for "Ze", "Hij", "De 22-jarige Zuid-Hollandse") and the persons named
last (for "Die", "de Amerikaanse"). Each sentence is cut into clauses
(relative clauses after a name, ", maar ze", "en Bowe ..."); a time, rank or
status goes to the clause's subject unless the text ties it closer to another
competitor: "(1.12,40)" right after a name, "de zege ging naar X", "X bleef Y
en Z voor", "respectievelijk". A time that belongs to an old record, a limit
or an earlier race becomes a record mention or is left out.
"""
from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import regex

from .lexicon import Lexicon, get_lexicon
from .recognize import Block, Mention

__all__ = ["Entity", "LinkedResult", "LinkedRecord", "link", "fold"]

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


class _Linker:
    def __init__(self, text: str, blocks: list[Block], mentions: list[Mention], people: list[Mention],
                 sport: str, lex: Lexicon, year: int | None = None):
        self.year = year  # the article's year, when its date is known
        self.month: int | None = None
        self.text, self.blocks, self.lex, self.sport = text, blocks, lex, sport
        mentions = [m for m in mentions if not (m.kind == "TIME" and m.value.notation in lex.notation_sports
                                                and sport not in lex.notation_sports[m.value.notation])]
        as_round, alias = lex.event_as_round.get(sport, {}), lex.distance_alias.get(sport, {})
        mentions = [Mention("ROUND", m.start, m.end, m.text, as_round[m.value[0]])
                    if m.kind == "EVENT" and m.value[0] in as_round else
                    Mention("EVENT", m.start, m.end, m.text, (alias[m.value[0]], None))
                    if m.kind == "EVENT" and m.value[0] in alias else m for m in mentions]
        mentions = [m for m in mentions if not (m.kind == "EVENT" and m.value[0] in lex.sport_only
                                                and sport not in lex.sport_only[m.value[0]])]
        no_round = lex.not_rounds.get(sport, set())
        mentions = [m for m in mentions if not (m.kind == "ROUND" and regex.sub(r"\s+", " ", m.text.lower()) in no_round)]
        lead = [b for b in blocks if b.kind != "caption"][:2]
        lead_events = {m.value[0] for m in mentions if m.kind == "EVENT" and lead and m.start < lead[-1].end}
        if len(lead_events) == 1 and lead_events <= lex.combined_events:
            # a heptathlon report: "het speerwerpen", "de 800 meter" are its disciplines, not events
            mentions = [m for m in mentions if not (m.kind == "EVENT" and m.value[0] not in lead_events
                                                    and m.value[0] not in lex.team_events)]
        # "na deze rit": a point in time, not the event talked about
        mentions = [m for m in mentions if not (m.kind == "EVENT" and m.value[1] is None
                                                and lex.event_time_before.search(text[max(0, m.start - 25):m.start]))]
        # "gele trui Tadej Pogacar": a jersey before a name is a title, not the event talked about
        starts = {p.start for p in people}
        mentions = [m for m in mentions if not (m.kind == "EVENT" and m.value[0] in CLASSIFICATIONS and (
            (n := regex.match(r"\s+", text[m.end:m.end + 3])) and m.end + n.end() in starts))]
        if sport and sport not in lex.distance_event_sports:
            mentions = [m for m in mentions if not (m.kind == "EVENT" and m.value[1] and m.value[0] not in lex.sport_only)]
        # "kwam als eerste over de streep": a passage about the race, though no word names it
        self_cues: set[tuple[int, int]] = set()
        for code, rx in lex.event_cues.get(sport, ()):
            for c in rx.finditer(text):
                if not any(m.kind == "EVENT" and m.start < c.end() and c.start() < m.end for m in mentions):
                    mentions.append(Mention("EVENT", c.start(), c.end(), c.group(0), (code, None)))
                    self_cues.add((c.start(), c.end()))
        mentions = _inherit_strokes(sorted(mentions, key=lambda m: m.start))
        self.mentions = sorted(mentions + people, key=lambda m: (m.start, -m.end))
        self.ranges = lex.time_ranges.get(sport, {})
        self.entities: list[Entity] = []
        self._ids = itertools.count()
        self.by_mention: dict[tuple[int, int], Entity] = {}
        self.results: list[LinkedResult] = []
        self.records: list[LinkedRecord] = []
        self.event: tuple[str, int | None] | None = None
        self.race_event: tuple[str, int | None] | None = None
        # "Nederlanders" as a heading (the section), or "De Nederlanders deden niet mee." (the next
        # sentence): the country of the competitors named there
        self.group_country: tuple[str, str] | None = None  # the last event that is a race, not a classification
        self.gender: str | None = None
        self.focus: Entity | None = None
        self.recent: list[Entity] = []
        self.team_focus: Entity | None = None
        self.crews: list[Entity] = []
        self.heading_gender: str | None = None
        self.event_by_heading = False
        self.event_options: set = set()
        self.classification_told = False  # the sentence that named the classification told places in it
        # "X (+0.34) en titelverdediger Y (+0.37)": a title between the names of a list
        self.title_alt = "|".join(regex.escape(t) for t in sorted(lex.titles, key=len, reverse=True))
        self.section_round: str | None = None
        # an allround or sprint championship report (not "de wereldkampioen allround" in a World Cup report):
        allround = [m for m in mentions if m.kind == "EVENT" and m.value[0] in ("allround", "sprint_allround")]
        lead_end = blocks[1].end if len(blocks) > 1 else len(text)
        # named in the headline or lead, not as a title ("de wereldkampioen allround") or another meet ("de WK
        # allround van vorige week"); later mentions ("de grote vierkamp" of all-time lists) do not make it one
        past = [m.start for m in mentions if m.kind == "PAST"]
        allround = [m for m in allround if m.start < lead_end and not (
            self._title_word(m) or any(abs(p - m.start) <= 40 and not regex.search(r"[.!?]", text[min(p, m.start):max(p, m.start)])
                                       for p in past))]
        self.allround = allround[0].value[0] if allround else None
        self.quotes = [(m.start, m.end) for m in mentions if m.kind == "QUOTE"]
        self.resolved_refs: dict[tuple[int, int], Entity] = {}
        self.fellow_country: list[tuple[Entity, str, Any]] = []
        self.sure: dict[tuple[int, int], bool] = {}
        self.value_round: dict[tuple[int, int], str] = {}
        self.sentence_subject: Entity | None = None
        self.prev_focus: Entity | None = None
        self.explicit_event: set[tuple[int, int]] = set()
        self.prev_sentence_entities: list[Entity] = []
        self.sentence_team_event = False
        self.heading_ranks: list[tuple[Entity, int, Any]] = []
        # places "in het klassement" of a report that is no multi-race contest: a cup's standing, which
        # fills the race row of that competitor only when the text tells no other place there
        self.standing_ranks: list[tuple[Entity, int, Any]] = []
        self.side_spans: list[tuple[int, int]] = []
        self.past_spans: list[tuple[int, int]] = []
        self.pending_ahead: list[tuple[list[Entity], Entity, Any]] = []  # (right ahead, behind, event)
        self.sentence_starts = {s for b in blocks for s, _ in b.sentences}
        self.prev_rounds: list[Mention] = []  # the rounds named in the sentence before
        self.list_spans: list[tuple[int, int]] = []
        self.cues = self_cues  # event mentions found by a cue phrase, not by the event's name
        self.top_groups: list[tuple[str, int, int]] = []  # "twee Britten in de top drie": (country, count, top)
        self.possessive: set[tuple[int, int]] = set()
        self._build_entities(people)

    # --- entities ---------------------------------------------------------------------------
    def _build_entities(self, people: list[Mention]) -> None:
        full: dict[str, Entity] = {}
        for p in people:
            toks = fold(p.text).split()
            if len(toks) >= 2 and not all(t in self.lex.particles for t in toks[:-1]):
                key = " ".join(toks)
                if key not in full:
                    full[key] = Entity(next(self._ids), p.text)
                    self.entities.append(full[key])
        # "Smit-de Boer" is "Lotte Smit-de Boer" when she is the one such name
        for key in sorted(full, key=lambda k: len(k.split())):
            toks = key.split()
            longer = {id(e): e for k, e in full.items() if len(k.split()) > len(toks) and k.split()[-len(toks):] == toks}
            if len(longer) == 1 and full[key] is not (target := next(iter(longer.values()))):
                self.entities.remove(full[key])
                full[key] = target
        singles: dict[str, Entity] = {}
        for p in people:
            toks = fold(p.text).split()
            key = " ".join(toks)
            if key in full:
                ent = full[key]
            else:
                cands = [e for k, e in full.items() if k.split()[-len(toks):] == toks and len(k.split()) > len(toks)]
                if len(cands) > 1:  # "Jansen": the one named last before, else the first named after
                    before = [(m.start, e) for e in cands for m in e.mentions if m.start < p.start]
                    ent = max(before, key=lambda x: x[0])[1] if before else cands[0]
                elif cands:
                    ent = cands[0]
                elif len(toks) == 1 and len(firsts := {id(e): e for k, e in full.items() if k.split()[0] == toks[0]
                                                          and len(e.full.split()) == 2}) == 1:
                    firsts = list(firsts.values())
                    ent = firsts[0]  # family name first: "Wang" is "Wang Lin"
                elif len(toks) == 1 and toks[0].endswith("s") and len(owners := {
                        id(e): e for k, e in full.items() if k.split()[-1] == toks[0][:-1]}) == 1:
                    # "Haugs landgenote": the possessive of a surname names its owner, never a competitor here
                    self.by_mention[(p.start, p.end)] = next(iter(owners.values()))
                    self.possessive.add((p.start, p.end))
                    continue
                elif key in singles:
                    ent = singles[key]
                else:
                    ent = singles[key] = Entity(next(self._ids), p.text)
                    self.entities.append(ent)
            ent.mentions.append(p)
            self.by_mention[(p.start, p.end)] = ent
        # a capitalized first word that is no name: "Sterke Visser" when "Anna Visser" is known
        for key, ent in list(full.items()):
            toks = key.split()
            for other_key, other in full.items():
                if other is not ent and len(other_key.split()) >= 2 and other_key.split()[-1] == toks[-1] \
                        and len(toks) == 2 and all(m.start in self.sentence_starts for m in ent.mentions) \
                        and ent.full.split()[0] not in self.lex.given_gender:  # "Finn Visser" beside "Anna Visser"
                    for m in ent.mentions:
                        # keep only the surname as what the text calls the athlete
                        last = m.text.rsplit(" ", 1)[-1]
                        other.mentions.append(Mention("PERSON", m.end - len(last), m.end, last))
                        self.by_mention[(m.start, m.end)] = other
                    ent.mentions = []
                    break

    def _title_word(self, m: Mention) -> bool:
        """Is ``m`` part of a title that describes someone ("de wereldkampioen allround"), not a result told?"""
        before = regex.findall(r"[\w-]+", self.text[max(0, m.start - 40):m.start])[-3:]
        word = (before[-1] if before else "") + m.text
        return "kampioen" in word.lower() and any(w.lower() in self.lex.determiners for w in before) and not any(
            w.lower() in self.lex.copulas for w in before)

    def _crew(self, group: list[Entity], resolved: list) -> Entity | None:
        """The crew of several named competitors ("Roos de Jong en Laila Youssifou"), named as the text joins them."""
        people = [e for e in group if not e.team]
        if len(people) < 2:
            return None
        for c in self.crews:
            if set(map(id, c.members)) == set(map(id, people)):
                return c
        spans = [r for r, ent in resolved if ent in people and r.kind == "PERSON"]
        if len(spans) < len(people):
            return None
        name = self.text[spans[0].start:spans[-1].end]
        countries = {e.country for e in people if e.country}
        crew = Entity(next(self._ids), name, country=countries.pop() if len(countries) == 1 else None,
                      team=True, members=people)
        for e in people:
            crew.set_gender(e.gender)
        self.entities.append(crew)
        self.crews.append(crew)
        return crew

    def _lead_end(self) -> int:
        """The end of the headline and the first paragraphs: what the report is about is told there."""
        body = [b for b in self.blocks if b.kind != "caption"]
        return body[min(2, len(body) - 1)].end if body else len(self.text)

    def _team(self, code: str, name: str) -> Entity:
        for e in self.entities:
            if e.team and e.country == code and e not in self.crews:  # a nation, not one of its crews
                return e
        ent = Entity(next(self._ids), name, country=code, team=True)
        self.entities.append(ent)
        return ent

    # --- helpers ----------------------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def _is_team_event(self, event) -> bool:
        return bool(event) and event[0] in self.lex.team_events

    def _plausible(self, event_code: str | None, seconds: float) -> bool:
        rng = self.ranges.get(event_code or "")
        return bool(rng) and rng[0] <= seconds <= rng[1]

    def _infer_event(self, seconds_options, team: bool = False) -> tuple[str, int | None] | None:
        """The one event whose plausible times hold one of the readings (team events only for teams)."""
        fits = {e for e, (lo, hi) in self.ranges.items() for s in seconds_options if lo <= s <= hi
                and (e in self.lex.team_events) == team}
        if len(fits) == 1:
            code = fits.pop()
            dist = int(code[:-1]) if code[:-1].isdigit() and code.endswith("m") else None
            return code, dist
        return None

    # --- main walk --------------------------------------------------------------------------
    def _specialize(self) -> None:
        """In a paragraph that names a time trial, its "etappe" is that time trial."""
        out = []
        for m in self.mentions:
            if m.kind == "EVENT" and m.value[0] in self.lex.specializes:
                block = next((b for b in self.blocks if b.start <= m.start < b.end), None)
                specific = self.lex.specializes[m.value[0]]
                if block and any(x.kind == "EVENT" and x.value[0] == specific and block.start <= x.start < block.end
                                 for x in self.mentions):
                    m = Mention(m.kind, m.start, m.end, m.text, (specific, None))
            out.append(m)
        self.mentions = out

    def run(self) -> None:
        self._specialize()
        stage_classifications = set(self.lex.classification_event.values())
        for block in self.blocks:
            if block.kind == "caption":
                continue
            if block.kind == "heading":
                self._heading(block)
                self.event_by_heading = True
                continue
            if block.kind == "list":
                self.list_spans.append((block.start, block.end))
            if self.event and self.event[0] in stage_classifications and not self.event_by_heading and self.race_event \
                    and self.classification_told:
                # "In het algemeen klassement staat X op kop ...": a stage race's classification is told in
                # its paragraph; the next one is about the day's race again
                self.event = self.race_event
            self.event_by_heading = False
            for s, e in block.sentences:
                self._sentence(s, e, is_list=block.kind == "list")
        self._finish()

    def _heading(self, block: Block) -> None:
        ms = [m for m in self.mentions if block.start <= m.start < block.end]
        plural = [m for m in ms if m.kind == "COUNTRY" and m.value[1] == "plural"]
        self.group_country = (plural[0].value[0], "section") if plural and not any(
            m.kind == "PERSON" for m in ms) else None
        events = [m for m in ms if m.kind == "EVENT" and m.value[0] not in ("classification",)
                  and m.value[0] not in self.lex.standings_events]
        genders = [m.value for m in ms if m.kind == "GENDER"]
        # "Wereldrecord in de kwalificatie", "Halve finales": the round of the section below
        self.section_round = next((m.value for m in ms if m.kind == "ROUND"), None)
        if events:
            self.event = events[0].value
            if self.event[0] not in CLASSIFICATIONS:
                self.race_event = self.event
            # "Vrouwen" over "100 meter" and "Discuswerpen": a heading of a gender alone holds for the
            # event headings under it
            self.gender = self.heading_gender
        elif genders:
            self.heading_gender = genders[-1]
        for g in genders:
            self.gender = g
        for m in ms:
            if m.kind == "PERSON":
                ent = self.by_mention.get((m.start, m.end))
                if ent:
                    self.focus = ent
        # "Visser ook de beste op de 3000 meter": a place told only in a heading fills a row the
        # paragraphs below make, never overrides them and never makes a row of its own
        for v in ms:
            if v.kind in ("RANK", "WIN") and not self._in_quote(v.start):
                person = next((p for p in reversed(ms) if p.kind == "PERSON" and p.end <= v.start), None)
                ent = self.by_mention.get((person.start, person.end)) if person else None
                if ent is not None:
                    self.heading_ranks.append((ent, int(v.value), self.event))

    def _resolve(self, m: Mention, subject_position: bool, clause_subject: Entity | None,
                 sentence_entities: list[Entity]) -> Entity | None:
        lex = self.lex
        if m.kind == "PERSON":
            return self.by_mention.get((m.start, m.end))
        if m.kind == "TEAMREF":
            return m.value
        if m.kind == "PRON":
            word = m.text.lower()
            want = {"female": "women", "male": "men"}.get(m.value)
            if want == "women" and self.sentence_team_event and self.focus is not None and self.focus.team:
                return self.focus  # "ze" is also "they": the crew or team just named
            if word in self.lex.demonstrative_pronouns:
                pool = list(reversed(self.recent))
            elif self.sentence_subject is not None:
                pool = [self.sentence_subject] + ([self.focus] if self.focus else []) + list(reversed(self.recent))
            elif clause_subject is None and sentence_entities:
                # "Voor Visser was het de eerste keer dat ze ...": the one named in this sentence
                pool = list(reversed(sentence_entities)) + ([self.focus] if self.focus else []) + list(reversed(self.recent))
            else:
                pool = ([self.focus] if self.focus else []) + list(reversed(self.recent))
            for e in pool:
                if e and not e.team and (want is None or e.gender in (None, want)):
                    e.set_gender(want)
                    return e
            return None
        if m.kind == "DESC":
            head = m.value["head"]
            cw = lex.country_words.get(head)
            code = cw[0] if cw else None
            gender = lex.gender_of_word(head)
            if m.text.split()[0].lower() in lex.place_articles:
                pass  # "het Belgische duo": the neuter article tells no woman
            elif cw and cw[1] == "female":
                gender = "women"
            elif cw and cw[1] in ("male",):
                gender = "men"
            elif cw and cw[1] == "regional":
                gender = "women" if head.endswith("se") or head.endswith("in") else ("men" if head.endswith(("er", "ing", "aar", "ar")) else None)
            nxt = regex.findall(r"[\w-]+", self.text[m.end:m.end + 30])[:1]
            if nxt and lex.gender_of_word(nxt[0]):
                gender = lex.gender_of_word(nxt[0])  # "de Zuid-Hollandse schaatser": the noun tells
            elif nxt and nxt[0].islower() and nxt[0].lower().endswith(lex.description_head_endings):
                gender = None  # "de Italiaanse raceheld": an adjective before a noun that tells no gender
            if self.sentence_team_event and self.team_focus is not None and self.team_focus.members and (
                    nxt and nxt[0].lower() in lex.crew_nouns) and self.team_focus.country in (None, code):
                self.team_focus.set_country(code)
                return self.team_focus  # "Het Belgische duo finishte als derde": the crew just named
            if self.sentence_team_event and self.team_focus is not None and code is None and (
                    head in lex.plural_heads or (nxt and nxt[0].lower() in lex.plural_heads)):
                return self.team_focus  # "Haar ploeggenotes finishten in 2.58,10"
            if head in lex.plural_heads:
                # "de ploeg": the team just named in a team event, never a single athlete
                return self.team_focus if self.sentence_team_event and code is None else None
            if (nxt and nxt[0].lower() in lex.plural_heads) or (cw and cw[1] == "plural"):
                count = next((lex.number_words[w] for w in m.value["mods"].split() if w in lex.number_words), 0)
                if code and count and not self.sentence_team_event:
                    self._counted_group(m, code, count, subject_position)
                    return None
                if code and self.sentence_team_event:
                    name = lex.countries[code].names[0] if lex.countries[code].names else m.text
                    return self._team(code, name)
                return None

            def ok(e: Entity) -> bool:
                return (not e.team and not e.non_athlete and (code is None or e.country in (None, code))
                        and (gender is None or e.gender in (None, gender)))

            prev_person = next((p for p in reversed(self.mentions) if p.kind == "PERSON" and p.end <= m.start
                                and regex.fullmatch(r",\s*", self.text[p.end:m.start])), None)
            if prev_person is not None and (ent := self.by_mention.get((prev_person.start, prev_person.end))) \
                    and ok_basic(ent, code, gender):
                ent.set_country(code)
                ent.set_gender(gender)
                return ent  # "Kai Verbij, de titelverdediger, ..."
            if code and clause_subject is not None and regex.search(r",\s*$", self.text[max(0, m.start - 3):m.start]) \
                    and regex.match(r"\s+\p{Ll}", self.text[m.end:m.end + 3]) and ok_basic(clause_subject, code, gender):
                # "Smit viel uit na een crash, de Schot had ...": a new main clause about the same one
                clause_subject.set_country(code)
                clause_subject.set_gender(gender)
                return clause_subject
            words_before = regex.findall(r"[\w-]+", self.text[max(0, m.start - 40):m.start])
            predicate = words_before and (words_before[-1].lower() in lex.copulas or (
                any(w.lower() in lex.copulas for w in words_before[-4:]) and words_before[-1].lower() not in lex.prepositions))
            if clause_subject is not None and predicate:
                # "Verbij was met 1.08,40 de beste Nederlander": the description is the subject's
                if ok_basic(clause_subject, code, gender):
                    clause_subject.set_country(code)
                    clause_subject.set_gender(gender)
                    return clause_subject
                return None
            pool: list[Entity] = []
            if subject_position and self.sentence_subject is not None and clause_subject is None:
                pool.append(self.sentence_subject)  # "...: de Canadees werd vierde"
            recent = [e for e in reversed(sentence_entities) if e is not clause_subject]
            recent += [e for e in reversed(self.recent) if e is not clause_subject]
            if code and cw[1] != "regional":
                # "De Amerikaan": one named in the sentence before who is known as one, else the last one
                # named there whose country is open, else anyone recent
                before = [e for e in reversed(self.prev_sentence_entities) if e is not clause_subject]
                # "Ook bij Vos ging het mis: de Nederlandse ...": one named earlier in the same sentence
                pool += [e for e in reversed(sentence_entities) if e is not clause_subject and e.country in (None, code)]
                pool += [e for e in before if e.country == code]
                lead = next((b for b in self.blocks if b.kind == "paragraph"), None)
                if subject_position and lead is not None and lead.start <= m.start < lead.end and self.focus is not None \
                        and self.focus in before and self.focus.country is None and m.start > lead.sentences[0][1] - 1:
                    # the lead's second sentence goes on about the lead's subject: "Jan Smit versloeg Ian Kerr in
                    # Assen. De Schot won ..." is about Smit
                    pool.append(self.focus)
                pool += [e for e in before if e.country is None]
                pool += [e for e in ([self.focus] if self.focus else []) + recent if e.country == code]
                pool += [e for e in recent if e.country is None]
            else:
                pool += ([self.focus] if subject_position and self.focus else []) + recent
            for e in pool:
                if ok(e):
                    e.set_country(code)
                    e.set_gender(gender)
                    return e
            return None
        return None

    def _sentence(self, s: int, e: int, is_list: bool = False) -> None:
        lex = self.lex
        ms = [m for m in self.mentions if s <= m.start < e]
        # speech and captions are not reports of results
        ms = [m for m in ms if m.kind in ("PERSON", "QUOTE") or not self._in_quote(m.start)]
        ms = [m for m in ms if not (m.kind in ("PRON", "DESC") and self._in_quote(m.start))]
        # countries as competitors in team events; demonyms before names as attributes
        people = [m for m in ms if m.kind == "PERSON"]
        for p in people:  # "Bondscoach X sprak van ...": a role, not a competitor
            role = regex.search(r"([\w-]+)\s+$", self.text[max(0, p.start - 25):p.start])
            if role and role.group(1).lower() in lex.non_athlete_roles and (ent := self.by_mention.get((p.start, p.end))):
                ent.non_athlete = True
        if self.group_country is not None:
            for p in people:
                if (ent := self.by_mention.get((p.start, p.end))) and ent.mentions and ent.mentions[0] is p:
                    ent.set_country(self.group_country[0])
            if self.group_country[1] == "sentence":
                self.group_country = None
        lead_word = regex.match(r"\s*(?:\w+\s+)?", self.text[s:e])
        opening = next((m for m in ms if m.kind == "COUNTRY" and m.value[1] == "plural"
                        and m.start == s + lead_word.end()), None)
        if opening is not None and not people and not self._is_team_event(self.event):
            self.group_country = (opening.value[0], "sentence")
        named_event = next((m.value for m in ms if m.kind == "EVENT" and m.value[0] not in lex.standings_events
                            and m.value[0] != "classification"), None)
        team_event = self.sentence_team_event = self._is_team_event(named_event or self.event)
        if team_event:
            for p in list(people):
                words = p.text.split()
                at = next((i for i, w in enumerate(words[:2]) if w in lex.team_country_prefixes), None)
                if at is not None and len(words) > at + 1:
                    # "De Belgian Tornados liepen naar goud": the Belgian relay team
                    name = " ".join(words[at:])
                    team = self._team(lex.team_country_prefixes[words[at]], name)
                    people.remove(p)
                    ms = [x for x in ms if x is not p] + [Mention("TEAMREF", p.start, p.end, name, team)]
        predicate_countries: list[tuple[int, str]] = []
        for m in ms:
            if m.kind != "COUNTRY":
                continue
            code, ckind = m.value
            after = self.text[m.end:m.end + 45]
            if ckind in ("male", "female") and lex.predicate_rank_regex.search(self.text[max(s, m.start - 30):m.start]):
                predicate_countries.append((m.start, code))  # "eindigde als tweede Nederlander"
                continue
            nxt_person = next((p for p in people if m.end < p.start <= m.end + 30
                               and not regex.search(r"[,.;:()]", self.text[m.end:p.start])), None)
            if nxt_person is None and ckind in ("male", "female"):
                # "Een andere Japanner, Yuma Murakami, ...": the demonym in apposition before the name
                nxt_person = next((p for p in people if regex.fullmatch(r",\s*", self.text[m.end:p.start])), None)
            if ckind in ("male", "female") and (ap := lex.indefinite_apposition_regex.search(self.text, s, m.start)):
                prev = next((p for p in reversed(people) if p.end == ap.start()), None)
                if prev is not None and (ent := self.by_mention.get((prev.start, prev.end))):
                    ent.set_country(code)
                    continue
            head_word = regex.match(r"\s+(?:\p{Ll}+e\s+)?([\w-]+)", after)  # "de Nederlandse (lichte) dubbeltwee"
            if nxt_person is None and (not team_event or ckind != "plural") and ckind != "names" and head_word and (
                    head_word.group(1).lower() in lex.crew_nouns or head_word.group(1).lower() in lex.plural_heads):
                # "het Noorse duo van Team X, Jan Berg en Ole Lie": the names in apposition
                lead = regex.compile(r"[^.,:;()]{0,40}?[,:]\s*").match(self.text, m.end, e)
                chain, pos = [], lead.end() if lead else -1
                for p in people:
                    if p.start < pos:
                        continue
                    if p.start != pos and not regex.fullmatch(rf"\s*(?:,|{lex.joiner})\s*", self.text[pos:p.start]):
                        break
                    chain.append(p)
                    pos = p.end
                if len(chain) >= 2:
                    for p in chain:
                        if (ent := self.by_mention.get((p.start, p.end))):
                            ent.set_country(code)
                    continue
            if ckind in ("adjective", "female"):
                # "het Nederlandse team, met titelhoudster X": a member of that country's team
                team_word = regex.match(r"\s+([\w-]+)\s*,?\s+met\s+(?:[\w-]+\s+)?", after)
                if team_word and team_word.group(1).lower() in lex.plural_heads:
                    member = next((p for p in people if p.start == m.end + team_word.end()), None)
                    if member is not None and (ent := self.by_mention.get((member.start, member.end))):
                        ent.set_country(code)
                        continue
            if ckind == "plural" and nxt_person is not None and not team_event:
                # "De Russen Ruslan Murashov en Pavel Kulizhnikov": every name of the list
                pos = nxt_person.end
                for p in people:
                    if p.start < nxt_person.start:
                        continue
                    if p is not nxt_person and not regex.fullmatch(rf"\s*(?:,|{lex.joiner})\s*", self.text[pos:p.start]):
                        break
                    if (ent := self.by_mention.get((p.start, p.end))):
                        ent.set_country(code)
                    pos = p.end
                continue
            if nxt_person is not None and ckind in ("male", "female", "adjective", "regional", "names"):
                ent = self.by_mention.get((nxt_person.start, nxt_person.end))
                between = self.text[m.end:nxt_person.start].split()
                if ent and len(between) <= 2:
                    ent.set_country(code)
                    det = self.text[max(0, m.start - 4):m.start].strip().lower()
                    if not between and det.split()[-1:] == [lex.person_article]:
                        ent.set_gender("women" if ckind == "female" else "men" if ckind == "male" else None)
                    for w in between:
                        if w.lower() in lex.non_athlete_roles:
                            ent.non_athlete = True
                continue
            if ckind in ("short", "from"):
                prev = next((p for p in reversed(people) if p.end <= m.start and m.start - p.end <= 3), None)
                if prev and (ent := self.by_mention.get((prev.start, prev.end))):
                    ent.set_country(code)
                continue
            if ckind == "names" and team_event and not regex.match(r"\s*-", after):
                team = self._team(code, m.text)
                ms.append(Mention("TEAMREF", m.start, m.end, m.text, team))
            elif ckind == "plural" and team_event:
                name = lex.countries[code].names[0] if lex.countries[code].names else m.text
                team = self._team(code, name)
                ms.append(Mention("TEAMREF", m.start, m.end, m.text, team))
                if nxt_person is not None:
                    # "de Ieren Jan Doyle en Piet Lynch (6.17,30)": the names are the team's members
                    pos = nxt_person.start
                    for p in [p for p in people if p.start >= nxt_person.start]:
                        if p is not nxt_person and not regex.fullmatch(rf"\s*(?:,|{lex.joiner})\s*", self.text[pos:p.start]):
                            break
                        if (ent := self.by_mention.get((p.start, p.end))) and ent not in team.members:
                            ent.set_country(code)
                            team.members.append(ent)
                        pos = p.end
        ms.sort(key=lambda m: (m.start, -m.end))
        # drop DESC mentions that overlap a TEAMREF or a PERSON, or stand right before a name
        # ("het Spaanse toptalent Ana Ruiz": an attribute of the name)
        taken = [(m.start, m.end) for m in ms if m.kind in ("TEAMREF", "PERSON")]
        ms = [m for m in ms if not (m.kind in ("DESC", "PRON") and any(a < m.end and m.start < b for a, b in taken))]
        ms = [m for m in ms if not (m.kind == "DESC" and any(
            p.start >= m.end and regex.fullmatch(rf"\s+(?:[\w-]+\s+)?|\s+(?:(?:{self.title_alt})\s+){{1,3}}",
                                                 self.text[m.end:p.start]) for p in people))]
        # appositions: "Bart Hoolwerf, de andere Nederlander" sets the country of the name before
        for m in ms:
            if m.kind == "DESC" and (cw := lex.country_words.get(m.value["head"])):
                nxt = regex.findall(r"[\w-]+", self.text[m.end:m.end + 30])[:1]
                if nxt and nxt[0].lower() in lex.plural_heads and regex.match(r"\s*,", self.text[m.start - 2:m.start]):
                    # "X (..) en Y (..), de twee Nederlandse schaatssters": all of the list
                    chain = [p for p in people if p.end <= m.start]
                    pos = m.start
                    for p in reversed(chain):
                        if not regex.fullmatch(rf"\s*(?:\([^)]*\)\s*)?(?:,|{lex.joiner})?\s*", self.text[p.end:pos]):
                            break
                        if (ent := self.by_mention.get((p.start, p.end))):
                            ent.set_country(cw[0])
                        pos = p.start
                    continue
            if m.kind == "DESC":
                cw = lex.country_words.get(m.value["head"])
                prev = next((p for p in reversed(people) if p.end <= m.start), None)
                if prev and regex.fullmatch(r",\s*", self.text[prev.end:m.start]) and cw:
                    ent = self.by_mention.get((prev.start, prev.end))
                    if ent:
                        ent.set_country(cw[0])
                        if lex.other_words.search(m.value["mods"]):
                            # "X, de andere Nederlander op de massastart": the one other is Dutch too
                            self.fellow_country.append((ent, cw[0], self.event))

        # event context for the sentence
        standings_zones = []
        for m in ms:
            if m.kind == "EVENT" and m.value[0] in lex.standings_events:
                # from the last comma or list joiner before the mention to the next comma
                before = list(regex.finditer(rf",\s|\s(?:{lex.joiner})\s", self.text[s:m.start]))
                start = s + before[-1].end() if before else s
                end = regex.compile(r",\s").search(self.text, m.end, e)
                standings_zones.append((start, end.start() if end else e))
        events = [m for m in ms if m.kind == "EVENT" and m.value[0] not in lex.standings_events
                  and not any(a <= m.start < b for a, b in standings_zones)
                  and not self._in_quote(m.start)]
        # a marker of another race ("vier jaar geleden", "vorig jaar") covers its comma chunk;
        # in the sentence's first chunk it covers the whole sentence
        chunk_bounds = [s + x.start() for x in lex.chunk_break_regex.finditer(self.text[s:e])] + [e]
        # "na de eerste dag" marks a standing only in a multi-race contest; in a World Cup report it is this meet
        markers = [p.start for p in ms if p.kind == "PAST" and (
            self.allround or regex.sub(r"\s+", " ", p.text.lower()) not in lex.contest_day_markers)]
        if self.sport not in lex.distance_event_sports:
            # "bij de 500 meter lag ze derde" in a 2000 m race: a split point
            markers += [s + x.start() for x in lex.split_article_regex.finditer(self.text[s:e])]
        # "die in 2009 op 1.06,42 uitkwam": a year other than the article's is another race
        markers += [s + y.start() for y in lex.year_past_regex.finditer(self.text[s:e])
                    if self.year is None or int(y.group(1)) != self.year]
        # "die in augustus olympisch kampioene werd" in an October report: another race
        markers += [s + mo.start() for mo in lex.month_past_regex.finditer(self.text[s:e])
                    if self.month is not None and lex.months[mo.group(1).lower()] != self.month]
        past_spans = [(max([s] + [c for c in chunk_bounds if c <= p]), min(c for c in chunk_bounds if c > p))
                      for p in markers]
        # "een dag eerder", "eerder in het toernooi": the same championship, not another race
        past_spans = [(a, b) for a, b in past_spans if not lex.same_meet_regex.search(self.text[a:b])]
        past_spans += [(max([s] + [c for c in chunk_bounds if c <= s + f.start()]), min(c for c in chunk_bounds if c > s + f.start()))
                       for f in lex.future_regex.finditer(self.text[s:e])]
        events = [m for m in events if not any(a <= m.start < b for a, b in past_spans)]
        self.past_spans = past_spans
        sentence_gender = None
        gender_at = e  # where the sentence first names a gender: it tells the subjects from there on
        for m in ms:
            if m.kind == "GENDER" and not self._in_quote(m.start):
                self.gender = sentence_gender = m.value
                gender_at = min(gender_at, m.start)

        # a line of a results list is one record ("1; Jutta Leerdam; NED; 1.13,20"): no clauses
        clauses = [(s, e, None, None, False)] if is_list and _FIELDS.search(self.text, s, e) else self._clauses(s, e, ms)
        self.side_spans = [(c[0], c[1]) for c in clauses if isinstance(c[2], Mention) or c[2] == "subordinate"]
        sentence_entities: list[Entity] = []
        main_subject: Entity | None = None
        assigned: list[tuple[Entity, Mention, tuple]] = []  # (entity, value mention, event)
        main_group: list[Entity] = []
        last_subject: Entity | None = None
        oblique: set[int] = set()
        sentence_past = any(a == s for a, _ in past_spans)
        rel_antecedent: Entity | None = None

        def is_past(pos: int) -> bool:
            return any(a <= pos < b for a, b in past_spans)

        self.sentence_subject = None
        self.prev_focus = self.focus
        for ci, (cs, ce, antecedent, about_record, continues) in enumerate(clauses):
            cms = [m for m in ms if cs <= m.start < ce]
            refs = [m for m in cms if m.kind in REFERENT_KINDS and (m.start, m.end) not in self.possessive]
            subordinate = antecedent == "subordinate"  # "de enige die hem nog kon bijhouden"
            if subordinate:
                antecedent = None
            relative = isinstance(antecedent, Mention)
            if relative:
                antecedent_mention = antecedent
                antecedent = rel_antecedent = self._resolve_known(antecedent)
                if antecedent is None and antecedent_mention.kind == "DESC" and main_subject is not None:
                    antecedent = main_subject  # "X en Y, de twee Nederlandse schaatssters die ..."
            if about_record is not None:
                self._record_clause(about_record, cms, (s, e), (cs, ce))
                continue
            subject = antecedent
            group: list[Entity] = []
            if (continues and antecedent is None and main_subject is not None) or (
                    relative and antecedent is main_subject and main_subject is not None):
                subject, group = main_subject, list(main_group)
            elif relative and antecedent_mention.kind == "PERSON":
                # "de Noor Berg en de Zweed Lind, die zilver en brons pakten"
                group = [antecedent]
                pos = antecedent_mention.start
                for p in reversed([p for p in people if p.end <= pos]):
                    gap = self.text[p.end:pos]
                    if not regex.fullmatch(rf"\s*(?:\([^)]*\)\s*)?(?:,|{self.lex.joiner})\s*(?:[\w-]+\s+){{0,2}}", gap) or \
                            not regex.search(r",|\ben\b", gap):
                        break
                    if (ent := self.by_mention.get((p.start, p.end))) and ent not in group:
                        group.insert(0, ent)
                    pos = p.start
            resolved: list[tuple[Mention, Entity]] = []
            for r in refs:
                if r.kind == "PRON" and r.text.lower() in self.lex.demonstrative_pronouns and (relative or subordinate):
                    continue  # "de eerste vrouw die ... wint": the pronoun is the clause's own noun
                # "Kopecky's landgenote X": a name in the genitive is not the subject
                genitive = r.kind == "PERSON" and regex.match(r"['’]s\b", self.text[r.end:r.end + 3])
                subj_pos = subject is None and not self._after_preposition(cs, r.start) and not genitive
                ent = self._resolve(r, subj_pos and (ci == 0 or r.kind != "PERSON"), subject, sentence_entities)
                if not ent:
                    continue
                resolved.append((r, ent))
                self.resolved_refs[(r.start, r.end)] = ent
                if r.kind == "DESC" and r.value["head"] in self.lex.compatriot_words and \
                        r.text.split()[0].lower() in self.lex.first_person_possessives:
                    ent.set_country(self._home_country())  # "Onze landgenoot stapte af"
                if subj_pos and subject is None:
                    subject = ent
                    group = [ent]
                elif group and group[-1] is not ent and r.kind in ("PERSON", "TEAMREF") and regex.fullmatch(
                        rf"\s*(?:\([^)]*\)\s*)?(?:,|{self.lex.joiner})\s*(?:(?:{self.title_alt})\s+)?", self.text[resolved[-2][0].end:r.start] if len(resolved) > 1 else "x"):
                    if resolved[-2][1] is group[-1]:
                        group.append(ent)
                if ent not in sentence_entities:
                    sentence_entities.append(ent)
                if regex.search(r"\b(?:" + "|".join(self.lex.genitive_words) + r")\s+(?:(?:de|het)\s+)?$", self.text[max(cs, r.start - 10):r.start]):
                    oblique.add(id(ent))  # "het wereldrecord van Nuis": named, but not as a competitor here
            if subject is None and not relative:
                if continues and main_subject is None and rel_antecedent is not None and not resolved:
                    # "Voor X, die in Tokio nog verloor, voelde het brons als ...": X is what the sentence is about
                    subject, group = rel_antecedent, [rel_antecedent]
                elif not continues and main_subject is not None and not resolved and ci > 0:
                    subject, group = main_subject, list(main_group)  # ", maar zijn 12.44,59 was ..."
                elif resolved and not any(v.kind == "WINOBJ" for v in cms) and any(
                        v.kind in ("RANK", "WIN", "STATUS") for v in cms):
                    subject, group = resolved[0][1], [resolved[0][1]]  # "Voor Van Dijk bleef het brons over"
            winobj = next((v for v in cms if v.kind == "WINOBJ"), None)
            if winobj is not None:
                after_phrase = next((ent for r, ent in resolved if r.start >= winobj.end), None)
                if after_phrase is not None and ci == 0:
                    main_subject, main_group = after_phrase, [after_phrase]
            if subject is not None and main_subject is None and (ci == 0 or not (relative or subordinate)):
                # "Bij X ging het mis: de Nederlandse ..., maar werd twaalfde": the first clause with a subject
                main_subject, main_group = subject, list(group)
            self.sentence_subject = main_subject
            if not relative and not subordinate and subject is not None:
                last_subject = subject
                if sentence_gender in ("women", "men") and not subject.team and gender_at < ce:
                    # "Bij de mannen werd Bosma wereldkampioen"; not "Bosma tweede, Visser wint bij de vrouwen"
                    subject.set_gender(sentence_gender)
            for code in [c for pos, c in predicate_countries if cs <= pos < ce]:
                if subject is not None and not subject.team:
                    subject.set_country(code)  # "X eindigde als tweede Nederlander"
            # team events: a list of members stands for their team (the event named in the sentence
            # first: "Hassan viel in de 10.000 meter" after a relay is no relay member)
            crew_sport = (named_event or self.event) is None and self.sport in self.lex.crew_sports and len(group) > 1
            if (team_event or crew_sport) and subject is not None and not subject.team and not subject.non_athlete:
                team = self.team_focus
                crew_event = crew_sport or (named_event or self.event or ("",))[0] in self.lex.crew_events
                if team in self.crews and not crew_event:
                    team = None  # a madison pair is no national team of a team pursuit
                crew = None
                codes = {e.country for e in group if e.country and not e.team}
                if not crew_event and team is None and len(codes) == 1 and team_event:
                    # "X, Y en Z wonnen de teamsprint": riders of one country stand for its team
                    code = codes.pop()
                    team = self._team(code, self.lex.countries[code].names[0] if self.lex.countries[code].names else code)
                if crew_event or team is None:
                    crew = self._crew(group, resolved) if len(group) > 1 else next(
                        (c for c in self.crews if subject in c.members), None)
                if crew is not None:
                    # "X en Y roeiden naar zilver": the crew of the two names is the competitor
                    subject, group = crew, [crew]
                    if not relative and not subordinate:
                        last_subject = crew
                elif team is not None and not crew_event:  # a single rower is no member of a nation's boat
                    for member in group:
                        member.set_country(team.country)
                        if member not in team.members and not member.team:
                            team.members.append(member)
                    subject, group = team, [team]
            values = [m for m in cms if m.kind in VALUE_KINDS]
            # "De olympisch kampioene op de keirin sukkelt ...": a title inside a description names, it tells no result
            values = [v for v in values if not (v.kind == "LEAD" and any(
                d.kind == "DESC" and d.start <= v.start < d.end and not self._predicate(d.start, cs) for d in cms)
                and regex.sub(r"\s+", " ", v.text.lower()) not in lex.classification_leader)]
            values = [v for v in values if v.kind == "STATUS" or not (
                is_past(v.start) or (sentence_past and not relative))]
            self._assign(values, cms, resolved, subject, group, events, standings_zones, (s, e), (cs, ce),
                         assigned, is_list)
        # "X bleef Y en Z voor": the ones after X get the next ranks
        self._overtaken(s, e, ms, assigned)
        self._ahead(s, e, ms, assigned, main_subject)
        self._winner_title(s, e, ms, assigned, is_past)
        self._compatriots(s, e, people, main_subject, sentence_entities)
        if last_subject is None and sentence_entities:
            last_subject = sentence_entities[0]  # "... was een formaliteit voor Bosma. Hij won ..."
        if last_subject is not None:
            self.focus = last_subject
            if last_subject.team:
                self.team_focus = last_subject
        # for "De Rus" in the next sentence: competitors named as such before those named after a preposition
        self.prev_sentence_entities = [e for e in sentence_entities if id(e) in oblique] + \
            [e for e in sentence_entities if id(e) not in oblique]
        for ent in sentence_entities:
            if ent in self.recent:
                self.recent.remove(ent)
            self.recent.append(ent)
        # a sentence that names an event moves the section to it (not one named in a relative clause)
        events = [m for m in events if not any(a <= m.start < b for a, b in self.side_spans)]
        side = [(c[0], c[1]) for c in clauses if lex.subordinator_regex.match(self.text, c[0], c[1])]
        events = [m for m in events if not any(a <= m.start < b for a, b in side)]
        # "op vier afstanden (500, 1500, 5000 en 10.000 meter)": several distances together name none of them
        events = [m for m in events if not self._listed_distance(m)]
        if not self.allround:  # "de wereldkampioen allround" in a report of another race: a title
            events = [m for m in events if m.value[0] not in ("allround", "sprint_allround")]
        if events:
            # several events named side by side: the next sentences follow the one of whom they are about
            named = {m.value for m in events if m.value[0] not in ("classification", *CLASSIFICATIONS)}
            self.event_options = named if len(named) > 1 else set()
            last = events[-1].value
            if last[0] != "classification":
                if self.event != last:
                    self.event = last
                    self.classification_told = bool(assigned)
                    if last[0] not in CLASSIFICATIONS:
                        self.race_event = last
        self._emit(assigned, (s, e))
        self.prev_rounds = [m for m in ms if m.kind == "ROUND"]

    def _listed_distance(self, m: Mention) -> bool:
        """Is the distance ``m`` one of a list of distances ("de 5000 en 10.000 meter", "500, 1500 en 3000 meter")?"""
        if m.kind != "EVENT" or not m.value[1]:
            return False
        number = r"(?<![\d.,])(?:\d{1,2}\.\d{3}|\d{3,5})"
        join = rf"(?:,|\s(?:{self.lex.distance_joiner}))"
        before = regex.search(rf"{number}(?:\s*(?:meter|m|km|kilometer))?\s*{join}\s+(?:de\s+)?$",
                              self.text[max(0, m.start - 30):m.start])
        after = regex.match(rf"(?:\s*(?:meter|m|km|kilometer))?\s*{join}\s+(?:de\s+)?{number}", self.text[m.end:m.end + 30])
        return bool(before or after)

    def _predicate(self, pos: int, start: int) -> bool:
        """Is the description at ``pos`` a predicate ("X is de nieuwe kampioene")?"""
        words = regex.findall(r"[\w’'-]+", self.text[start:pos])
        return bool(words) and any(w.lower() in self.lex.copulas for w in words[-2:])

    def _after_preposition(self, start: int, pos: int) -> bool:
        """Is the mention at ``pos`` the object of a preposition ("naar Canada", "tegen de Noor Berg")?"""
        words = regex.findall(r"[\w’'-]+", self.text[start:pos])
        while words and (words[-1].lower() in self.lex.determiners or
                         words[-1].lower() in self.lex.country_words or words[-1].lower() in self.lex.titles):
            words.pop()
        return bool(words) and words[-1].lower() in self.lex.prepositions

    def _clauses(self, s: int, e: int, ms: list[Mention]) -> list[tuple[int, int, Any, Mention | None, bool]]:
        """Cut the sentence into clauses: (start, end, antecedent, record).

        The antecedent of a relative clause ("Berg, die met 1.45,20 tweede werd") is the
        mention it refers back to; a clause that describes a record ("het oude record dat
        Berg in 2015 reed met 38,12") carries that record mention.
        """
        cuts: list[tuple[int, Any, bool, Mention | None]] = []  # position, antecedent, relative, record
        refs = [m for m in ms if m.kind in ("PERSON", "TEAMREF", "DESC")]
        records = [m for m in ms if m.kind == "RECORD"]
        text = self.text
        for m in self.lex.relative_regex.finditer(text[s:e]):
            pos = s + m.start(1)
            if any(x.kind in ("ROUND", "EVENT") and x.start == s + m.end() for x in ms):
                continue  # "bereikte die finale wel": a demonstrative before a noun, no relative clause
            rec = next((r for r in reversed(records) if r.end <= pos
                        and regex.fullmatch(r"\s*(?:\([^)]*\))?\s*,?\s*", text[r.end:pos])), None)
            prev = next((r for r in reversed(refs) if r.end <= pos), None)
            if rec is None and prev is not None and prev.kind == "PERSON":
                # "het record van Kramer, die in 2007 op 6.03,32 uitkwam": the clause tells the record
                rec = next((r for r in reversed(records) if 0 <= prev.start - r.end <= 8
                            and regex.fullmatch(r"\s*(?:" + "|".join(self.lex.genitive_words) + r")\s*", text[r.end:prev.start])), None)
            if rec is not None:
                cuts.append((pos, None, True, rec))
            elif (m.group(1) in self.lex.demonstrative_pronouns or prev is not None and prev.kind == "TEAMREF") and prev and (
                    self.lex.relative_gap_regex.fullmatch(text[prev.end:pos]) or (prev.kind == "DESC" and text[prev.end:pos].strip().lower() in self.lex.plural_heads)):
                cuts.append((pos, prev, True, None))
            else:
                cuts.append((pos, "subordinate", True, None))
        value_pos = [m.start for m in ms if m.kind in ("TIME", "RANK", "WIN", "EVENT", "STATUS", "POINTS", "LEAD", "WINOBJ")]
        for m in self.lex.conjunction_cut_regex.finditer(text[s:e]):
            cuts.append((s + m.start() + 1, None, False, None))
        for m in regex.finditer(r"\sen\s|,\s", text[s:e]):
            pos = s + m.start() + 1
            lead_in = regex.match(r"(?:(?:" + "|".join(self.lex.determiners) + r")\s+)?(?:[\w-]+\s+)?", text[s + m.end():e])
            # ", Roemenië werd tweede": a country as a team starts a new clause like a name
            nxt = next((r for r in ms if r.kind in ("PERSON", "PRON", "DESC", "TEAMREF") and 0 <= r.start - (s + m.end()) <= 1), None)
            if nxt is None and lead_in and lead_in.group(0):
                words = lead_in.group(0).split()
                adverb = len(words) == 1 and words[0].lower() in self.lex.clause_adverbs and m.group(0).startswith(",")
                joined = words == [words[0]] and words[0].lower() in self.lex.joiner_words and m.group(0).startswith(",")
                if words[-1].lower() in self.lex.compatriot_words or words[-1].lower() in self.lex.country_words or adverb:
                    nxt = next((r for r in ms if r.kind == "PERSON" and r.start == s + m.end() + lead_in.end()), None)
                    if nxt is not None and adverb:
                        cuts.append((pos, None, False, None))  # ", ook Krol en Verbij doken ...": a new subject
                        continue
                elif joined:  # ", en Nederland haalde de finish niet": a new subject after ", en"
                    nxt = next((r for r in ms if r.kind in ("PERSON", "TEAMREF") and r.start == s + m.end() + lead_in.end()), None)
            if nxt is not None and m.group(0).startswith(","):
                # ", de Canadese Weidemann pakte ...": a new clause only if a name follows the description
                after = text[nxt.end:e]
                if nxt.kind == "DESC" and not regex.match(r"\s*\p{Lu}", after):
                    continue
            if nxt is None:
                continue
            if nxt.kind == "PERSON" and self._inside_name_list(s + m.start(), nxt, ms):
                continue  # "zwommen Anna Berg, Eva de Vries, Mia Jansen en Lisa Smit naar goud": one subject
            clause_start = max([c[0] for c in cuts if c[0] < pos] + [s])
            parens = [(a.start(), a.end()) for a in regex.finditer(r"\([^)]*\)", text[clause_start:pos])]
            has_value = any(clause_start <= v < pos and not any(clause_start + a <= v < clause_start + b for a, b in parens)
                            for v in value_pos)
            if has_value:
                cuts.append((pos, None, False, None))
        cuts.sort(key=lambda c: c[0])
        segments = []
        pos = s
        continues = False  # the segment after a relative clause goes on with the main clause
        for cut, ant, relative, rec in cuts:
            if cut <= pos:
                continue
            segments.append((pos, cut, None, None, continues))
            continues = False
            if ant == "subordinate":
                segments.append((cut, cut, "subordinate", None, False))  # marks the next segment
                pos = cut
                continue
            if relative and (ant is not None or rec is not None):
                comma = regex.compile(r",\s").search(text, cut, e)
                end = comma.start() if comma else e
                segments.append((cut, end, ant, rec, False))
                pos = end
                continues = True
            else:
                pos = cut
        segments.append((pos, e, None, None, continues))
        out = []
        subordinate = False
        for seg in segments:
            if seg[2] == "subordinate":
                subordinate = True
                continue
            if seg[1] > seg[0]:
                out.append((seg[0], seg[1], "subordinate" if subordinate and seg[2] is None else seg[2], seg[3], seg[4]))
            subordinate = False
        return out

    def _next_round(self, r: Mention, ms: list[Mention]) -> bool:
        """Is the round the one reached or missed, not the one raced ("plaatste zich voor de finale",
        "haalde de finale niet", but "strandde in de halve finale")?"""
        words = regex.findall(r"[\w-]+", self.text[max(0, r.start - 30):r.start].lower())
        while words and words[-1] in self.lex.determiners:
            words.pop()
        before = words[-1] if words else ""
        if any(m.kind == "STATUS" and m.start <= r.start < m.end for m in ms):
            return before not in self.lex.round_raced_before
        return before in self.lex.next_round_before

    def _inside_name_list(self, pos: int, nxt: Mention, ms: list[Mention]) -> bool:
        """Is the comma or joiner at ``pos``, between two names, inside a list of three or more names?"""
        people = [m for m in ms if m.kind == "PERSON"]
        prev = next((p for p in reversed(people) if p.end <= pos), None)
        if prev is None or self.text[prev.end:pos].strip():
            return False
        link = rf"\s*(?:,|{self.lex.joiner})\s*"
        before = next((p for p in reversed(people) if p.end <= prev.start), None)
        after = next((p for p in people if p.start >= nxt.end), None)
        return bool(before and regex.fullmatch(link, self.text[before.end:prev.start])) or bool(
            after and regex.fullmatch(link, self.text[nxt.end:after.start]))

    def _event_of_pair(self, owner: Entity | None) -> tuple | None:
        """After "X won de keirin, Y werd tweede in het omnium": the event of the one the sentence is about."""
        for ent in (owner, self.focus):
            if ent is None:
                continue
            for r in reversed(self.results):
                if r.entity is ent and (r.event, r.distance_m) in self.event_options:
                    self.event, self.event_options = (r.event, r.distance_m), set()
                    return self.event
        return None

    def _event_for(self, v: Mention, cms: list[Mention], events: list[Mention], zones, owner=None) -> tuple | None:
        if v.kind == "POINTS":
            near = [m for m in cms if m.kind == "EVENT" and self.lex.field_events.get(m.value[0]) == "points"]
            if near or (self.event and self.lex.field_events.get(self.event[0]) == "points"):
                return near[-1].value if near else self.event  # "won de zevenkamp met 6.691 punten"
            return (self.allround, None) if self.allround else ("standings", None)  # mass-start points are no result
        # "Verbij (dertiende), Mulder (veertiende) ... vielen buiten de top twaalf van de WB-stand"
        opened_at = self.text.rfind("(", max(0, v.start - 3), v.start)
        in_standings_clause = v.kind == "RANK" and opened_at >= 0 and any(
            m.kind == "EVENT" and m.value[0] in self.lex.standings_events for m in cms) and not any(
            m.kind == "EVENT" and m.value[1] for m in cms)
        # "In het eindklassement, waarin de 5000 en 10.000 meter tellen, eindigde X bovenaan": leading the standings
        lead_of_standings = v.kind == "LEAD" and bool(zones)
        if any(a <= v.start < b for a, b in zones) or in_standings_clause or lead_of_standings:
            if self.allround:  # "het eindklassement" of an allround championship is its classification
                return (self.allround, None)
            return ("standings", None)
        cms = [m for m in cms if not (m.kind == "EVENT" and any(a <= m.start < b for a, b in self.past_spans))]
        opened = self.text.rfind("(", max(0, v.start - 20), v.start)
        if opened >= 0 and ")" not in self.text[opened:v.start]:
            # "haar 500 meter (37,22)", "op de 3000 meter (achtste)": the distance right before the bracket
            named = [m for m in cms if m.kind == "EVENT" and 0 <= opened - m.end <= 3
                     and m.value[0] not in self.lex.standings_events]
            if named:
                self.explicit_event.add((v.start, v.end))
                return named[-1].value
        inside = [m for m in cms if m.kind == "EVENT" and v.start <= m.start < v.end and v.kind == "STATUS"]
        if inside:  # "haalde de finale van de 400 meter niet"
            self.explicit_event.add((v.start, v.end))
            return inside[-1].value
        around = [m for m in cms if m.kind == "EVENT" and m.start <= v.start and v.end <= m.end and (m.start, m.end) in self.cues]
        if around:  # "won de Grote Prijs": a cue of the event that holds the value
            self.explicit_event.add((v.start, v.end))
            return around[0].value
        after = [m for m in cms if m.kind == "EVENT" and 0 <= m.start - v.end <= 45
                 and m.value[0] not in self.lex.standings_events and not self._next_predicate(v.end, m.start)]
        if after:
            self.explicit_event.add((v.start, v.end))
            return after[0].value
        before = [m for m in cms if m.kind == "EVENT" and m.end <= v.start and m.value[0] not in self.lex.standings_events]
        if before:
            self.explicit_event.add((v.start, v.end))
            return before[-1].value
        # an event named in a relative clause ("Visser, die vooral op de 5000 meter rekent, ...") is not the main clause's
        sent_before = [m for m in events if m.end <= v.start and not any(
            a <= m.start < b and not a <= v.start < b for a, b in self.side_spans)]
        if sent_before:
            return sent_before[-1].value
        if self.allround and v.kind not in ("TIME", "STATUS") and not any(m.kind == "TIME" for m in cms) and not (
                v.kind == "RANK" and _next_word_is(self.text, v.end, self.lex.rank_nouns - {"plaats", "plek"})):
            # in an allround report a place without a time or a named distance is in the classification
            return (self.allround, None)
        if self.event_options and (chosen := self._event_of_pair(owner)):
            return chosen
        return self.event

    def _home_country(self) -> str | None:
        """The readers' country, when the report names the best of one ("Jan Smit was de beste Belg")."""
        codes = {cw[0] for m in self.lex.home_country_regex.finditer(self.text)
                 if (cw := self.lex.country_words.get(m.group("w").lower())) and cw[1] in ("male", "female")}
        return codes.pop() if len(codes) == 1 else None

    def _all_ranged(self) -> bool:
        """Does every event of the sport have a range of plausible times (a time outside all is no result)?"""
        events = {e for e, sports in self.lex.sport_only.items() if self.sport in sports}
        default = self.lex.default_event.get(self.sport)
        return bool(events and default) and events | {default} <= set(self.ranges)

    def _cue_near(self, v: Mention) -> bool:
        """Is the event of the sentence around ``v`` told only by a cue ("verloor bij de start de leiding")?"""
        return any(a - 60 <= v.start <= b + 60 for a, b in self.cues)
    def _next_predicate(self, start: int, end: int) -> bool:
        """'werd derde op 19 seconden en behield de rode trui': an event after 'en' and a verb is another predicate's."""
        for m in regex.finditer(r"\s(?:en|maar)\s+(\p{Ll}+)", self.text[start:end]):
            w = m.group(1)
            if w not in self.lex.determiners and w not in self.lex.ordinals and w not in self.lex.medals \
                    and w not in self.lex.prepositions and not w.isdigit():
                return True
        return False

    def _coordinated_events(self, cms: list[Mention], event) -> list:
        distances = [m for m in cms if m.kind == "EVENT" and m.value[1]]
        for a, b in zip(distances, distances[1:]):
            if regex.fullmatch(rf"\s*(?:{self.lex.distance_joiner})\s+(?:[\w-]+\s+)?", self.text[a.end:b.start]):
                pair = [a.value, b.value]
                if event in pair:
                    return [x for x in pair if x != event]
        return []

    def _time_role(self, t: Mention, cms: list[Mention], cs: int) -> str:
        """What a time in a clause is: result | gap | old (a record's) | comparison | ignore."""
        text, lex = self.text, self.lex
        tm = t.value
        before = text[max(cs, t.start - 30):t.start]
        after = regex.split(r"(?<=[.!?])\s", text[t.end:t.end + 25], maxsplit=1)[0]  # within the sentence
        if lex.gap_before_regex.search(before.rstrip("(")):
            # "op 1.53,72" is a finishing time in most sports; "op 12 seconden (van X)" a gap
            if not lex.gap_ambiguous_regex.search(before) or self.sport == "cycling" \
                    or lex.gap_of_regex.match(after) or tm.whole_seconds or lex.gap_unit_end_regex.search(t.text):
                return "gap"
        if lex.gap_after_regex.match(after):
            return "gap"  # "die 18 seconden toegaf"
        if tm.whole_seconds or lex.split_before_regex.search(before):
            return "ignore"  # "na een opening van 9,50": a split, no finishing time
        clause_before = text[cs:t.start]
        records = [m for m in cms if m.kind == "RECORD" and m.end <= t.start]
        if records:
            rec = records[-1]
            between = text[rec.end:t.start]
            this_race = bool(lex.record_this_race.search(text[max(cs, rec.start - 30):rec.start]))
            if regex.fullmatch(r"\s*\(\s*", between):
                return "result" if this_race else "old"  # "in een recordtijd (7u40:24)" / "het wereldrecord (3.53,31)"
            if regex.fullmatch(r"\s*[,:]\s*", between) and lex.record_old_before.search(text[max(cs, rec.start - 30):rec.start]):
                return "old"  # "Het vorige Belgische record, 57.79, had ..."
            if lex.record_old_around.search(between + after):
                return "old"
            if lex.record_of_holder.fullmatch(between):
                return "old"  # "het record van Kramer (6.03,32)"
            if lex.record_set_to.fullmatch(between):
                return "result"
            if lex.record_of.fullmatch(between):
                return "result" if this_race else "old"
        if lex.record_holder_regex.search(text[max(0, t.start - 60):t.start]):
            return "old"  # "Wereldrecordhouder X (6.01,86) ...": the holder's record, not this race
        if lex.mark_of_regex.search(clause_before):
            return "old"  # "haar eigen toptijd van 1.14,17"
        if lex.limit_regex.search(clause_before):
            return "comparison"  # "de limiet voor de WK (48,51)"
        if lex.comparison_regex.search(clause_before[-60:]):
            return "comparison"  # "sneller dan haar tijd van eind mei (50,56)"
        if lex.record_old_around.match(after.lstrip()):
            return "old"  # "... op 1.12,09 stond"
        return "result"

    def _assign(self, values, cms, resolved, subject, group, events, zones, sent, clause, assigned, is_list) -> None:
        text = self.text
        cs, ce = clause
        if is_list:
            # "1. Sato (Jap) 1.14,20": the leading number is the rank
            m = regex.match(r"\s*(\d{1,3})(?:[.)]\s|[ ]*[\t;|])", text[cs:ce])
            if m and subject is not None:
                assigned.append((subject, Mention("RANK", cs, cs + m.end(1), m.group(1), int(m.group(1))), self.event))
                # "2. X (Bel) 139" under an omnium heading: a bare number at the end is the points total
                bare = regex.search(r"(?<=[\s)])(\d{1,4})\s*[.;]?\s*$", text[cs:ce])
                if bare and self.event and self.lex.field_events.get(self.event[0]) == "points" and not any(
                        v.kind in ("POINTS", "TIME", "MARK") for v in values):
                    assigned.append((subject, Mention("POINTS", cs + bare.start(1), cs + bare.end(1), bare.group(1),
                                                      float(bare.group(1))), self.event))
        respectively = any(m.kind == "RESPECTIVELY" for m in cms)
        zipped = len(group) > 1
        queue_by_kind: dict[str, list[Entity]] = {k: list(group) for k in ("TIME", "RANK")} if zipped else {}
        for v in values:
            owner = subject
            by_paren = False
            # "(1.12,40)" right after a name, "Jan Bakker (Team Oost, +0.12)"
            opened = text.rfind("(", cs, v.start)
            if opened >= 0 and text.find(")", opened, v.start) < 0:
                prev = next((r for r, ent in reversed(resolved) if r.end <= opened and opened - r.end <= 2), None)
                if prev is not None:
                    owner = dict((id(r), ent) for r, ent in resolved)[id(prev)]
                    by_paren = True
                    if not owner.team and self.sentence_team_event:
                        # "(6.17,30)" after a crew's last name: the crew's time
                        owner = next((t for t in self.entities if t.team and owner in t.members), owner)
                    if zipped and owner in queue_by_kind.get(v.kind, ()):
                        queue_by_kind[v.kind].remove(owner)
            with_as = self._with_as(v, resolved, cs) if v.kind == "RANK" else None
            if with_as is not None:
                owner, by_paren = with_as, True  # "X staat op kop, met Y als tweede"
                if zipped and owner in queue_by_kind.get(v.kind, ()):
                    queue_by_kind[v.kind].remove(owner)
            if by_paren:
                pass
            elif v.kind == "WINOBJ":
                nxt = next((ent for r, ent in resolved if r.start >= v.end), None)
                if nxt is None:
                    continue
                owner = nxt
                subject = nxt
            elif zipped and owner in group and v.kind in ("TIME", "RANK") and (respectively or len(group) > 1):
                # parenthesized time after a rank goes with that rank's competitor
                q = queue_by_kind[v.kind]
                if v.kind == "TIME" and opened >= 0 and text.find(")", opened, v.start) < 0:
                    prev_rank = [a for a in assigned if a[1].kind == "RANK" and a[1].end <= opened and opened - a[1].end <= 2]
                    if prev_rank:
                        owner = prev_rank[-1][0]
                        if owner in q:
                            q.remove(owner)
                    elif q:
                        owner = q.pop(0)
                elif q:
                    owner = q.pop(0)
                else:
                    continue
            if owner is None:
                if v.kind == "TIME" and (role := self._time_role(v, cms, cs)) in ("old", "comparison"):
                    self._record_from_time(v, role, cms, None, self.event, sent, clause)
                continue
            # "in de series", "in de finale": the round of this value, when the clause names one (else
            # the sentence before the value, else "Daarin" the sentence before); not a round reached or
            # missed ("plaatste zich als derde voor de finale")
            rounds = [m for m in cms if m.kind == "ROUND" and not self._next_round(m, cms)] or [
                m for m in self.mentions if m.kind == "ROUND" and sent[0] <= m.start < v.start
                and not self._next_round(m, self.mentions)]
            # "via de herkansing naar de vijfde plaats": the way there, not the round of the place
            rounds = [m for m in rounds if not regex.search(rf"\b(?:{self.lex.round_path})\s+(?:de\s+)?$",
                                                            text[max(0, m.start - 12):m.start], regex.IGNORECASE)]
            round_value = min(rounds, key=lambda m: abs(m.start - v.start)).value if rounds else None
            if round_value is None and self.prev_rounds and regex.match(
                    r"\s*(\w+)", text[sent[0]:sent[1]]).group(1).lower() in self.lex.round_anaphora:
                round_value = self.prev_rounds[-1].value
            if v.kind in ("RANK", "WIN") and ((round_value in self.lex.minor_finals and (
                    not rounds or v.kind == "WIN"  # "was in de B-finale, met X als slotrijdster, de snelste"
                    or any(self._beside(v, m) for m in rounds if m.value in self.lex.minor_finals)))
                    or (round_value is None and self.section_round in self.lex.minor_finals)):
                continue  # "tweede in de B-finale": not the event's place
            if v.kind == "STATUS" and v.value == "dnq":
                pass  # "haalde de finale niet": the round named is the one not reached
            elif round_value:
                self.value_round[(v.start, v.end)] = round_value
            elif self.section_round and v.kind != "STATUS":
                self.value_round[(v.start, v.end)] = self.section_round
            # a competitor named in the clause is surer than one reached through "hij" or "de 23-jarige"
            named = any(ent is owner and r.kind in ("PERSON", "TEAMREF") for r, ent in resolved)
            self.sure[(v.start, v.end)] = named or by_paren
            event = self._event_for(v, [m for m in cms], events, zones, owner)
            timed = self.lex.timed_round.get(self.sport, {})
            if event and event[0] in timed and not rounds and (v.start, v.end) not in self.value_round and (
                    v.kind == "TIME" or (v.kind == "RANK" and any(t.kind == "TIME" for t in values))):
                self.value_round[(v.start, v.end)] = timed[event[0]]  # a sprint's time is its qualifying's
            if event and event[0] in self.lex.standings_events and self.sport not in self.lex.classification_event:
                continue
            if v.kind == "TIME":
                role = self._time_role(v, cms, cs)
                if role in ("old", "comparison"):
                    self._record_from_time(v, role, cms, owner, event, sent, clause)
                    continue
                if role == "ignore":
                    continue
                if role == "gap":
                    assigned.append((owner, Mention("GAP", v.start, v.end, v.text, v.value), event))
                    continue
            assigned.append((owner, v, event))
            if v.kind == "STATUS" and owner in group:
                # "Na Q1 vielen Kvyat, Grosjean en Stroll af": every one of the list
                assigned.extend((member, v, event) for member in group if member is not owner)
            if v.kind in ("WIN", "RANK") and event:
                # "won zowel de 500 als de 1000 meter": the same place in each distance
                for other in self._coordinated_events(cms, event):
                    assigned.append((owner, v, other))
        # records named without a time of their own
        for m in cms:
            if m.kind == "RECORD":
                self._record_mention(m, cms, subject, clause, sent, assigned)

    def _beside(self, v: Mention, m: Mention) -> bool:
        """Is the round ``m`` told right beside the value ``v`` ("tweede in de B-finale", "won de B-finale")?"""
        a, b = (v.end, m.start) if v.end <= m.start else (m.end, v.start)
        between = self.text[a:b]
        return len(between) <= 25 and not regex.search(rf"\s(?:{self.lex.joiner})\s|[,;]", between)
    def _with_as(self, v: Mention, resolved, cs: int) -> Entity | None:
        """'met de Deen Y als tweede': the place of the one named after 'met', not of the subject."""
        for r, ent in reversed(resolved):
            if r.end > v.start:
                continue
            if regex.fullmatch(r"\s+als\s+", self.text[r.end:v.start]) and regex.search(
                    r"(?<![\w-])met\s+(?:(?:de|het)\s+)?(?:[\w-]+\s+)?$", self.text[max(cs, r.start - 30):r.start]):
                return ent
            return None
        return None

    def _record_clause(self, rec: Mention, cms, sent, clause) -> None:
        """'het oude record dat Berg in 2015 reed met 38,12': the times are the record's."""
        holder = next((self.by_mention.get((m.start, m.end)) for m in cms if m.kind == "PERSON"), None)
        year = _YEAR.search(self.text[clause[0]:clause[1]])
        for t in (m for m in cms if m.kind == "TIME" and not m.value.whole_seconds):
            self._add_record(LinkedRecord(rec.value[0], rec.value[1], holder, t.value, t.value.seconds,
                                             self.event[0] if self.event else None,
                                             self.event[1] if self.event else None, None, "old",
                                             int(year.group(0)) if year else None, sent, (t.start, t.end)))

    def _record_from_time(self, v, role, cms, owner, event, sent, clause) -> None:
        recs = [m for m in cms if m.kind == "RECORD" and m.end <= v.start]
        if not recs:
            return
        rec = recs[-1]
        rtype, scope = rec.value
        # the holder: "(1.50,12 van de Noorse Ida Berg)", "(6.58,30) dat Berg reed"
        holder = None
        after = self.text[v.end:v.end + 80]
        m = self.lex.holder_before.match(after)
        if m:
            end_of_phrase = regex.search(r"[.;]", after[m.end():])
            limit = v.end + m.end() + (end_of_phrase.start() if end_of_phrase else 60)
            holder = next((self.by_mention.get((r.start, r.end)) for r in self.mentions
                           if r.kind == "PERSON" and v.end + m.end() <= r.start < limit), None)
        year = _YEAR.search(self.text[clause[0]:clause[1]] + self.text[v.end:v.end + 80].split(".")[0])
        self._add_record(LinkedRecord(rtype, scope, holder or owner, v.value, v.value.seconds,
                                      event[0] if event else None, event[1] if event else None,
                                      None, "old", int(year.group(0)) if year else None, sent, (v.start, v.end)))

    def _add_record(self, record: LinkedRecord) -> None:
        """One record per type, scope and time: "toptijd" and "persoonlijk record" of one time are one PB."""
        if record.time_s is not None and any((r.record_type, r.scope, r.time_s) == (record.record_type, record.scope, record.time_s)
                                             for r in self.records):
            return
        self.records.append(record)

    def _record_mention(self, rec: Mention, cms, subject, clause, sent, assigned) -> None:
        rtype, scope = rec.value
        text = self.text[clause[0]:clause[1]]
        pre = self.text[max(clause[0], rec.start - 30):rec.start].lower()
        times_after = [m for m in cms if m.kind == "TIME" and m.start >= rec.end]
        if any(r.span == (t.start, t.end) for r in self.records for t in times_after):
            if scope and subject is not None and not subject.team:
                subject.set_country(scope)  # "kwam net tekort om het Nederlands record van X (6.03,32) te verbeteren"
            return
        state = "new"
        if self.lex.record_old_around.search(pre + " " + text) or (_YEAR.search(text) and not times_after):
            state = "old"  # "het record dat in februari 2020 werd neergezet"
        if self.lex.record_equalled_regex.search(text):
            state = "equalled"
        if self.lex.standing_regex.search(text) and state == "new":
            state = "standing"
        result_time = next((a for a in assigned if a[1].kind == "TIME" and clause[0] <= a[1].start < clause[1]), None)
        if scope and subject is not None and not subject.team and (result_time or state in ("old", "new", "equalled")):
            subject.set_country(scope)
        year = _YEAR.search(text)
        holder = result_time[0] if result_time and state in ("new", "equalled") else None
        t = result_time[1].value if result_time and state in ("new", "equalled") else None
        event = result_time[2] if result_time else self.event
        self._add_record(LinkedRecord(rtype, scope, holder, t, t.seconds if t else None,
                                         event[0] if event else None, event[1] if event else None, None, state,
                                         int(year.group(0)) if year else None, sent, (rec.start, rec.end)))

    def _counted_group(self, m: Mention, code: str, count: int, subject_position: bool) -> None:
        """'De twee Nederlanders' (the two named before) / 'moest twee Amerikanen voor zich dulden' (the two named next)."""
        if regex.search(r",\s*$", self.text[max(0, m.start - 3):m.start]):
            return  # an apposition ("X en Y, de twee Nederlandse schaatssters"): handled with its names
        top = regex.match(r"\s+in\s+de\s+top[\s-]+(\w+)", self.text[m.end:m.end + 25])
        if top and (top.group(1).isdigit() or top.group(1).lower() in self.lex.cardinals):
            # "twee Britten in de top drie": the ones placed there (known once the article is read)
            n = int(top.group(1)) if top.group(1).isdigit() else self.lex.cardinals[top.group(1).lower()]
            self.top_groups.append((code, count, n, self.event))
            return
        if subject_position:
            pool = [e for e in reversed(self.recent) if not e.team]
        else:
            block = next((b for b in self.blocks if b.start <= m.start < b.end), None)
            end = block.end if block else m.end + 400
            ahead = [self.by_mention.get((p.start, p.end)) for p in self.mentions
                     if p.kind == "PERSON" and m.end <= p.start < end + 400]
            pool = list(dict.fromkeys(e for e in ahead if e is not None and e is not self.sentence_subject))
        chosen = [e for e in pool if e.country in (None, code)][:count]
        if len(chosen) == count:
            for e in chosen:
                e.set_country(code)

    def _compatriots(self, s, e, people, main_subject, sentence_entities) -> None:
        """'haar landgenote Mei Sato': the country of the one the sentence is about."""
        for m in regex.finditer(r"\b(" + "|".join(self.lex.compatriot_words) + r")\s+", self.text[s:e], regex.IGNORECASE):
            pos = s + m.end()
            person = next((p for p in people if 0 <= p.start - pos <= 1), None)
            ent = self.by_mention.get((person.start, person.end)) if person else None
            if ent is None:
                continue
            before = [self.by_mention.get((p.start, p.end)) for p in people if p.end <= s + m.start()]
            source = None
            if regex.search(r"\b(?:" + "|".join(self.lex.possessives) + r")\s+$",
                            self.text[max(s, s + m.start() - 7):s + m.start()], regex.IGNORECASE):
                # "hield Sato en haar landgenote Visser achter zich": "haar" is the subject
                if main_subject is not None and main_subject is not ent and main_subject.country:
                    source = main_subject
            if source is None and regex.search(r"\b(?:" + "|".join(self.lex.first_person_possessives) + r")\s+$",
                                               self.text[max(s, s + m.start() - 7):s + m.start()], regex.IGNORECASE):
                # "onze landgenote": of the readers' country ("de beste Belg"), else the one of the
                # report's first competitor
                if (home := self._home_country()):
                    ent.set_country(home)
                    continue
                source = next((x for x in sorted(self.entities, key=lambda x: min((p.start for p in x.mentions), default=10**9))
                               if x is not ent and x.country and not x.team and x.mentions), None)
            owner = next((p for p in people if regex.fullmatch(r"['’]s\s+", self.text[p.end:s + m.start()])), None)
            if source is None and owner is not None and (x := self.by_mention.get((owner.start, owner.end))) \
                    and x is not ent and x.country:
                source = x  # "Kopecky's landgenote X"
            if source is None:
                source = next((x for x in reversed(before) if x is not None and x is not ent and x.country), None)
            if source is None:
                # "Zijn landgenoot X maakte het Noorse feest compleet": the country the sentence names
                told = {c.value[0] for c in self.mentions if c.kind == "COUNTRY" and s <= c.start < e
                        and c.value[1] in ("adjective", "female") and regex.match(r"\s+\p{Ll}", self.text[c.end:c.end + 3])}
                source = next((x for x in reversed(self.recent) if x is not ent and x.country in told), None)
            if source is None and self.prev_focus is not None and self.prev_focus is not ent:
                source = self.prev_focus
            if source is not None:
                ent.set_country(source.country)
            ent.set_gender(self.lex.gender_of_word(m.group(1)) if m.group(1).lower() != "landgenoten" else None)

    def _winner_title(self, s, e, ms, assigned, is_past) -> None:
        """'zes seconden toe op winnaar X': X won the race the sentence is about."""
        for m in self.lex.winner_title_regex.finditer(self.text, s, e):
            person = next((r for r in ms if r.kind == "PERSON" and r.start == m.end()), None)
            ent = self._resolve_known(person) if person is not None else None
            if ent is None or is_past(m.start()) or any(
                    a[0] is ent and a[1].kind in ("RANK", "WIN", "WINOBJ") for a in assigned):
                continue
            named = [x.value for x in ms if x.kind == "EVENT" and x.value[0] not in self.lex.standings_events
                     and x.value[0] != "classification"]
            event = next((a[2] for a in assigned if a[2]), None) or (named[-1] if named else self.event)
            assigned.append((ent, Mention("WIN", person.start, person.end, person.text, 1), event))

    def _as_crews(self, ent: Entity) -> list[Entity]:
        """The competitor and, for a nation, its crews named by their members ("Nederland" after
        "X, Y, Z en W zwommen naar goud")."""
        if ent.team and ent not in self.crews and ent.country:
            return [ent] + [c for c in self.crews if c.country == ent.country]
        return [ent]

    def _ahead(self, s, e, ms, assigned, subject: Entity | None) -> None:
        """'moest X voor zich dulden', 'moest X laten voorgaan', 'in het spoor van X': X finished right
        before the sentence's subject."""
        if subject is None:
            return
        text = self.text[s:e]
        m = self.lex.ahead_regex.search(text)
        if m:
            refs = [r for r in ms if r.kind in REFERENT_KINDS and s + m.start(1) <= r.start < s + m.end(1)]
        elif (m := self.lex.just_behind_regex.search(text)):
            refs = [r for r in ms if r.kind in REFERENT_KINDS and r.start >= s + m.end()][:1]
        else:
            return
        pairs = [(r, ent) for r in refs if (ent := self._resolve_known(r)) is not None and ent is not subject]
        if not pairs:
            return
        rounds = [x for x in ms if x.kind == "ROUND" and not self._next_round(x, ms)]
        rnd = rounds[0].value if rounds else None
        named = [x.value for x in ms if x.kind == "EVENT" and x.value[0] not in self.lex.standings_events
                 and x.value[0] != "classification"]
        sentence_event = named[-1] if named else self.event
        own = next(((v, ev) for ent, v, ev in assigned if ent is subject and v.kind in ("RANK", "WIN", "WINOBJ")), None)
        if own is not None:
            rank, event = int(own[0].value), own[1]
            rnd = self.value_round.get((own[0].start, own[0].end), rnd)
        else:
            latest = next((r for r in reversed(self.results) if r.entity in self._as_crews(subject) and r.rank), None)
            if latest is None or (latest.event and sentence_event and latest.event != sentence_event[0]):
                self.pending_ahead.append(([ent for _, ent in pairs], subject, sentence_event))
                return
            rank, event = latest.rank, (latest.event, latest.distance_m) if latest.event else sentence_event
            rnd = rnd or latest.round
        if rank - len(pairs) < 1:
            return
        for i, (r, ent) in enumerate(pairs):
            if any(a[0] is ent and a[1].kind in ("RANK", "WIN", "WINOBJ") for a in assigned):
                continue
            assigned.append((ent, Mention("RANK", r.start, r.end, r.text, rank - len(pairs) + i), event))
            if rnd:
                self.value_round[(r.start, r.end)] = rnd

    def _overtaken(self, s, e, ms, assigned) -> None:
        """'X bleef Y en Z voor' / 'net voor Y': ranks after X's."""
        text = self.text[s:e]
        m = self.lex.overtaken_regex.search(text)
        just_ahead = self.lex.just_ahead_regex.search(text)
        m2 = just_ahead or self.lex.won_ahead_regex.search(text)
        if not m and not m2:
            return
        ranked = [(ent, v.value, ev) for ent, v, ev in assigned if v.kind in ("RANK", "WIN", "WINOBJ")]
        if m:
            zone = (s + m.start(1), s + m.end(1))
            refs = [r for r in ms if r.kind in REFERENT_KINDS and zone[0] <= r.start < zone[1]]
            head = [r for r in ms if r.kind in REFERENT_KINDS and r.start < zone[0]]
        else:
            zone = (s + m2.end(), e)
            refs = [r for r in ms if r.kind in REFERENT_KINDS and zone[0] <= r.start < zone[1]]
            if just_ahead:
                refs = refs[:1]  # "net voor Y": only Y
            else:  # "won ... voor Y en Z": the list right after "voor"
                chain = []
                for r in refs:
                    if chain and not regex.fullmatch(rf"\s*(?:,|{self.lex.joiner})\s+(?:[\w-]+\s+){{0,3}}",
                                                     self.text[chain[-1].end:r.start]):
                        break
                    chain.append(r)
                refs = chain
            head = [r for r in ms if r.kind in REFERENT_KINDS and r.start < s + m2.start()]
            if not refs and not just_ahead and len(head) > 1:
                # "X, dat in de finale Y versloeg": the object stands before the verb in the relative clause
                rel = list(regex.finditer(rf"(?:,\s*|\s)(?:{'|'.join(self.lex.demonstrative_pronouns | {'dat'})})\s",
                                          self.text[head[0].end:s + m2.start()]))
                if rel:
                    refs = [r for r in head[1:] if r.start >= head[0].end + rel[-1].end()][:1]
        if not head:
            return
        lead = self._resolve_known(head[0])
        if lead is None:
            return
        lead_rank, event = next(((rk, ev) for ent, rk, ev in ranked if ent is lead), (None, self.event))
        if lead_rank is None:  # the lead's place told before: "De titel ging naar X. Zij bleef Y en Z voor."
            latest = next((r for r in reversed(self.results) if r.entity in self._as_crews(lead) and r.rank), None)
            if latest is None:
                return
            lead_rank, event = latest.rank, (latest.event, latest.distance_m)
        named = [x for x in ms if x.kind == "EVENT" and s + (m or m2).start() <= x.start < zone[1]]
        if named:
            code = named[0].value[0]
            if code in self.lex.standings_events or code == "classification":
                if not self.allround:
                    return  # a cup's standings: no places of a race
                event = (self.allround, None)
            else:
                event = named[0].value
        n = lead_rank
        # "was in de finale te sterk voor Y": Y's place is in the round the sentence names
        rounds = [x for x in ms if x.kind == "ROUND" and not self._in_quote(x.start)]
        for r in refs:
            ent = self._resolve_known(r)
            if ent is None or ent is lead:
                continue
            n += 1
            if any(a[0] is ent and a[1].kind in ("RANK", "WIN", "WINOBJ") for a in assigned):
                continue
            if rounds:
                self.value_round[(r.start, r.end)] = min(rounds, key=lambda x: abs(x.start - r.start)).value
            assigned.append((ent, Mention("RANK", r.start, r.end, r.text, n), event))

    def _resolve_known(self, r: Mention) -> Entity | None:
        if r.kind == "TEAMREF":
            return r.value
        return self.resolved_refs.get((r.start, r.end)) or self.by_mention.get((r.start, r.end))

    def _emit(self, assigned, sent) -> None:
        by_key: dict[tuple, LinkedResult] = {}
        # a time that fits another distance than the section's moves its competitor's other values of
        # the sentence with it ("won met 4.01,20" under a 1000 m heading is the 3000 m)
        moved: dict[tuple, tuple] = {}
        for ent, v, event in assigned:
            if v.kind == "TIME" and event and (v.start, v.end) not in self.explicit_event \
                    and (event[0] in self.ranges or event[0] in CLASSIFICATIONS) \
                    and not any(self._plausible(event[0], o) for o in (v.value.seconds, *v.value.alternatives)) \
                    and not regex.search(r"[.,]\d{3}$", v.text):
                inferred = self._infer_event((v.value.seconds, *v.value.alternatives), ent.team)
                if inferred:
                    moved[(ent.id, event)] = inferred
        assigned = [(ent, v, moved.get((ent.id, event), event) if (v.start, v.end) not in self.explicit_event else event)
                    for ent, v, event in assigned]
        for ent, v, event in assigned:
            if ent.non_athlete:
                continue
            if v.kind == "STATUS" and self._is_team_event(event) and self._is_fall(v):
                continue  # a member's fall ("ging Ida Berg in de laatste bocht onderuit"): the team still placed
            ev = event
            cls_event = self.lex.classification_event.get(self.sport)
            if v.kind == "RANK" and _next_word_is(self.text, v.end, self.lex.race_place_nouns) and ev and (
                    ev[0] in ("classification", "standings", *CLASSIFICATIONS)):
                # "de veertiende tijd": a place in the day's race, not in the classification
                ev = self.race_event or self.event
            elif cls_event and ((ev and ev[0] in ("classification", "standings")) or (
                    v.kind == "LEAD" and regex.sub(r"\s+", " ", v.text.lower()) in self.lex.classification_leader)):
                ev = (cls_event, None)  # a stage race's "klassement"; "de nieuwe leider"
            elif ev and ev[0] == "classification":
                if not self.allround and v.kind in ("RANK", "WIN", "WINOBJ", "LEAD"):
                    race = self.race_event or self.event
                    if race:
                        self.standing_ranks.append((ent, int(v.value), race))
                    continue
                ev = (self.allround, None) if self.allround else self.event
            if v.kind == "LEAD" and (nat := self.lex.country_words.get(v.text.split()[0].lower())) \
                    and nat[1] in ("adjective", "female") and not ent.team:  # "de Nederlandse titel"
                ent.set_country(nat[0])  # "Nederlands kampioen"
            field_unit = self.lex.field_events.get(ev[0]) if ev else None
            if field_unit and v.kind in ("TIME", "MARK", "POINTS"):
                # a field or combined event: "8,21" in its results list is a mark, not a time
                if v.kind == "TIME":
                    if not regex.fullmatch(r"\d{1,4}(?:[.,]\d{1,3})?", v.text):
                        continue  # "2'13\"50" in a heptathlon: a discipline's time, not the mark
                    number = v.text.replace(".", "") if field_unit == "points" else v.text.replace(",", ".")
                    v = Mention("MARK", v.start, v.end, v.text, float(number.replace(",", ".")))
                if (v.kind == "POINTS") != (field_unit == "points"):
                    continue
            elif v.kind == "MARK":
                continue  # a distance in metres outside a field event ("op 2,5 meter")
            if v.kind == "TIME" and ev and ev[0] in CLASSIFICATIONS:
                if v.value.notation.startswith("seconds_") and regex.search(r"[.,]\d{3}$", v.text):
                    # "1. Bosma (Ned) 149,812" under an allround classification: points, not a time
                    v = Mention("POINTS", v.start, v.end, v.text, v.value.seconds)
                else:
                    ev = None  # a time is never the classification's: its distance is inferred below
            if v.kind == "LEAD" and (not ev or ev[0] not in CLASSIFICATIONS) and not (
                    (v.start, v.end) in self.explicit_event and event and event[0] != "classification"
                    and not self._cue_near(v)):
                continue  # leading a classification is a place only when the classification is a contest here
            if v.kind == "TIME" and (ev is None or not self._plausible(ev[0], v.value.seconds)):
                options = (v.value.seconds, *v.value.alternatives)
                inferred = self._infer_event(options, ent.team) if ev is None else None
                if inferred:
                    ev = inferred
                elif ev is None and self._all_ranged():
                    continue  # a lap or a split ("een laatste ronde in 7:17"): it fits no event of the sport
                elif ev and ev[0] in self.ranges and not any(self._plausible(ev[0], o) for o in options):
                    continue  # a split, a lap or a gap: no finishing time for this event
            rnd = self.value_round.get((v.start, v.end))
            key = (ent.id, ev, rnd)
            res = by_key.get(key)
            if res is None:
                res = LinkedResult(ent, ev[0] if ev else None, ev[1] if ev else None, None, sentence=sent,
                                   anchor=(v.start, v.end), section_gender=self.gender, round=rnd,
                                   stroke=ev[2] if ev and len(ev) > 2 else None)
                by_key[key] = res
                self.results.append(res)
            res.evidence.append((v.kind, v))
            if v.kind == "TIME" and res.time_s is None:
                tm = v.value
                options = (tm.seconds, *tm.alternatives)
                pick = next((o for o in options if self._plausible(res.event, o)), tm.seconds)
                res.time, res.time_s = tm, pick
                res.anchor, res.sentence = (v.start, v.end), sent
            elif v.kind == "GAP" and res.gap_s is None:
                tm = v.value
                if isinstance(tm, float):  # a spoken gap: "op een halve minuut"
                    res.gap_s = tm
                else:  # cycling writes gaps as minutes.seconds: "+1.29"
                    res.gap_s = tm.alternatives[-1] if self.sport == "cycling" and tm.alternatives else tm.seconds
            elif v.kind in ("RANK", "WIN", "WINOBJ", "LEAD") and (res.rank is None or (
                    res.rank_kind == "TITLE" and v.kind != "LEAD")):
                # "Nederlands kampioen" in an open race where he was "tweede": the race's place
                national = v.kind == "LEAD" and self.lex.country_words.get(v.text.split()[0].lower(), ("", ""))[1] in (
                    "adjective", "female")
                res.rank, res.rank_kind = int(v.value), "TITLE" if national else v.kind
                res.rank_listed = any(a <= v.start < b for a, b in self.list_spans)
                res.rank_noun = v.kind == "RANK" and _next_word_is(self.text, v.end, self.lex.rank_nouns)
            elif v.kind == "RANK" and not res.rank_noun and res.sentence == sent and \
                    _next_word_is(self.text, v.end, self.lex.rank_nouns) and \
                    any(k == "RANK" and not _next_word_is(self.text, e.end, self.lex.rank_nouns) for k, e in res.evidence[:-1]):
                # "dook als eerste onder de 9,1 en zette de tweede tijd neer": the place with its noun
                res.rank, res.rank_noun = int(v.value), True
            elif v.kind == "STATUS":
                res.status = v.value
            elif v.kind == "POINTS" and res.mark is None:
                res.mark, res.mark_unit = v.value, "points"
            elif v.kind == "MARK" and res.mark is None:
                res.mark, res.mark_unit = v.value, field_unit or "m"

    def _is_fall(self, v: Mention) -> bool:
        words = v.text.lower().split()
        return v.kind == "STATUS" and (v.text.lower() in self.lex.team_status_ignored
                                       or f"{words[0]} {words[-1]}" in self.lex.team_status_ignored)

    @staticmethod
    def _fill_places_by_time(rows: list[LinkedResult]) -> None:
        """Give unplaced times the places left open between the told places, when they fit exactly."""
        timed = sorted((r for r in rows if r.time_s is not None and r.status == "finished"), key=lambda r: r.time_s)
        times = [r.time_s for r in timed]
        if len(timed) < 2 or len(set(times)) < len(times):
            return
        ranks = [r.rank for r in timed if r.rank is not None]
        if not ranks or any(a >= b for a, b in zip(ranks, ranks[1:])):
            return  # the told places do not follow the times: times of several races
        run: list[LinkedResult] = []
        below = 0
        for r in timed:
            if r.rank is None:
                run.append(r)
                continue
            if run and r.rank - below - 1 == len(run):
                for n, x in enumerate(run, below + 1):
                    x.rank = n
            run, below = [], r.rank

    def _absorb(self, keep: LinkedResult, other: LinkedResult) -> None:
        """Fold ``other`` into ``keep``: fill what ``keep`` lacks; a time of a named competitor beats one
        reached through a pronoun; a non-finished status wins."""
        def sure(r: LinkedResult) -> bool:
            return r.time is not None and bool(self.sure.get((r.time.start, r.time.end)))

        if other.time_s is not None and (keep.time_s is None or (not sure(keep) and sure(other))):
            keep.time, keep.time_s, keep.anchor, keep.sentence = other.time, other.time_s, other.anchor, other.sentence
        if other.rank is not None and (keep.rank is None or (other.rank_listed and not keep.rank_listed) or (
                keep.rank_kind == "TITLE" and other.rank_kind not in ("TITLE", "LEAD"))):
            # "X, die vorig jaar nog vierde werd, ..." beside "6. X" in the results list: the list tells the place
            keep.rank, keep.rank_listed, keep.rank_kind = other.rank, other.rank_listed, other.rank_kind
        keep.gap_s = keep.gap_s if keep.gap_s is not None else other.gap_s
        if keep.mark is None:
            keep.mark, keep.mark_unit = other.mark, other.mark_unit
        if other.status != "finished":
            keep.status = other.status
        keep.section_gender = keep.section_gender or other.section_gender
        keep.evidence += other.evidence

    def _finish(self) -> None:
        for ent, rank, event in self.heading_ranks:
            rows = [r for r in self.results if r.entity is ent and event and r.event == event[0]]
            if len(rows) == 1 and rows[0].rank is None:
                rows[0].rank = rank
        # a competitor no word of the text gave a gender: the usual gender of the given name (a surer
        # sign than the section, whose heading may not cover every paragraph under it)
        for ent in self.entities:
            if ent.gender is None and not ent.team:
                fullest = max([m.text for m in ent.mentions] or [ent.full], key=lambda n: len(n.split())).split()
                if len(fullest) > 1:
                    ent.gender = self.lex.given_gender.get(fullest[0])
        # a team whose named members share a gender ("Jan en Piet") has theirs
        for ent in self.entities:
            if ent.team and ent.gender is None and ent.members:
                genders = {m.gender for m in ent.members if m.gender}
                if len(genders) == 1:
                    ent.gender = genders.pop()
        # a competitor's gender told by the section of one of its rows holds for all its rows
        for r in self.results:
            if r.entity.gender is None and r.section_gender in ("women", "men") and not r.entity.team:
                r.entity.gender = r.section_gender
        for code, count, n, event in self.top_groups:
            placed = {r.entity.id: r.entity for r in self.results if r.rank is not None and r.rank <= n
                      and not r.entity.team and (event is None or r.event == event[0])}
            open_ = [e for e in placed.values() if e.country in (None, code)]
            if len(open_) == count:
                for e in open_:
                    e.set_country(code)
        for ent, code, event in self.fellow_country:
            open_ = {r.entity.id: r.entity for r in self.results if r.event == (event[0] if event else None)
                     and r.entity is not ent and not r.entity.team and r.entity.country is None}
            if len(open_) == 1:
                next(iter(open_.values())).set_country(code)
        # gender: the competitor's own, else the majority of the event, else of the article
        article = Counter(e.gender for e in self.entities if e.gender and e.mentions)
        for r in self.results:
            if r.section_gender == "mixed" and not r.entity.team:
                r.section_gender = None  # a mixed relay's section says nothing of one athlete
            national = r.entity.team and r.entity not in self.crews and r.section_gender in ("women", "men")
            # a country's team rides for men and women alike: the section tells which
            g = "mixed" if r.section_gender == "mixed" else r.section_gender if national else r.entity.gender or r.section_gender
            if g is None:
                # the nearest result of the same event whose gender is known
                # (a team's from the other teams first: "Kroatië pakte zilver" beside a list of crews)
                # (or the gender already given to a row before)
                near = sorted((o.entity.team != r.entity.team, abs(o.anchor[0] - r.anchor[0]),
                               o.entity.gender or o.section_gender or o.gender)
                              for o in self.results
                              if o is not r and o.event == r.event and (o.entity.gender or o.section_gender or o.gender))
                g = near[0][2] if near else (article.most_common(1)[0][0] if article else None)
            r.gender = g
        # "de aflossing" without a distance: the sport's usual one for the relay's gender
        for r in self.results:
            if r.event == "relay" and r.distance_m is None:
                r.distance_m = self.lex.relay_distance.get(self.sport, {}).get(r.gender)
        # merge rows of one competitor in one event (the same result told twice)
        merged: dict[tuple, LinkedResult] = {}
        out = []
        for r in self.results:
            key = (r.entity.id, r.event, r.distance_m, r.round, r.stroke)
            if key in merged:
                self._absorb(merged[key], r)
                continue
            merged[key] = r
            out.append(r)
        for ent, rank, event in self.standing_ranks:
            rows = [r for r in out if r.entity is ent and (r.event, r.distance_m) == tuple(event)]
            if len(rows) == 1 and rows[0].rank is None:
                rows[0].rank = rank
        # a row without a stroke belongs to the competitor's one row of that distance with a stroke
        for r in [r for r in out if r.stroke is None]:
            others = [o for o in out if o is not r and o.entity is r.entity and (o.event, o.distance_m, o.round)
                      == (r.event, r.distance_m, r.round) and o.stroke]
            if len(others) == 1:
                self._absorb(others[0], r)
                out.remove(r)
        # a row without a round belongs to the competitor's one row of that event with a round
        for r in [r for r in out if r.round is None]:
            others = [o for o in out if o is not r and o.entity is r.entity and o.event == r.event and o.round]
            if len(others) > 1:
                # "wereldkampioen geworden" beside rows of the series, semifinal and final: the final's
                others = [o for o in others if o.round == "final"]
            if len(others) == 1 and (None in (others[0].time_s, r.time_s) or others[0].time_s == r.time_s) and (
                    None in (others[0].rank, r.rank) or others[0].rank == r.rank):  # two times or places are two races
                if others[0].round == "heat" and r.time_s is None and r.rank is not None:
                    continue  # a place without a time is the event's, not a heat's
                self._absorb(others[0], r)
                out.remove(r)
        # a crew member's own row ("Brys pakte brons") is the crew's row in that event
        for r in [r for r in out if not r.entity.team]:
            crews = [c for c in self.crews if r.entity in c.members]
            rows = [o for o in out if crews and o.entity is crews[0] and r.event in (None, o.event)]
            if len(crews) == 1 and len(rows) == 1:
                self._absorb(rows[0], r)
                out.remove(r)
        # "3. België 6:29.02" in the list is the Belgian crew named in the text
        for r in [r for r in out if r.entity.team and r.entity not in self.crews and r.entity.country]:
            rows = [o for o in out if o.entity in self.crews and o.entity.country == r.entity.country
                    and o.event == r.event and o.distance_m == r.distance_m
                    and (o.round == r.round or None in (o.round, r.round))]
            if len(rows) == 1:
                self._absorb(rows[0], r)
                out.remove(r)
        # relays and crews are team rows: a member named alone has no row of the team event
        out = [r for r in out if r.entity.team or not self._is_team_event((r.event, r.distance_m))]
        # a row without an event belongs to the competitor's one row with an event, if there is one
        default = self.lex.default_event.get(self.sport)
        if default and self.sport in self.lex.sport_only.get(self.lex.stage_race_event, ()) \
                and self.lex.stage_race_regex.search(self.text, 0, self._lead_end()):
            default = self.lex.stage_race_event
        for r in [r for r in out if r.event is None]:
            others = [o for o in out if o is not r and o.entity is r.entity and o.event is not None]
            if len(others) > 1 and len({(o.event, o.distance_m) for o in others}) == 1:
                # "naar de vijfde plaats" in a headline beside rows of the heat and the final: the final's
                others = [o for o in others if o.round == "final"]
            elif len(others) > 1:
                # beside a qualifying row and a race row, the row without an event is the default event's
                others = [o for o in others if o.event == default and o.distance_m is None]
            if len(others) == 1:
                self._absorb(others[0], r)
                out.remove(r)
        if default:
            for r in out:
                if r.event is None:
                    r.event = default
        # "de tijdrit" on the track: the usual distance of the gender; one row with the one named by its distance
        usual = self.lex.time_trial_distance.get(self.sport, {})
        for r in list(out):
            if r.event == "time_trial" and r.gender in usual:
                r.distance_m = usual[r.gender]
                r.event = f"{r.distance_m}m"
                same = next((o for o in out if o is not r and o.entity is r.entity and o.event == r.event
                             and o.round == r.round and (None in (o.time_s, r.time_s) or o.time_s == r.time_s)), None)
                if same is not None:
                    self._absorb(same, r)
                    out.remove(r)
        # the implied winner: the one fastest time of an event whose others are told as second, third ...
        by_event: dict[tuple, list[LinkedResult]] = {}
        for r in out:
            by_event.setdefault((r.event, r.distance_m, r.round, r.gender), []).append(r)
        for rows in by_event.values():
            unranked = [r for r in rows if r.rank is None and r.time_s is not None and r.status == "finished"]
            timed = [r for r in rows if r.time_s is not None]
            if len(unranked) == 1 and any(r.rank == 2 for r in rows) and not any(r.rank == 1 for r in rows) \
                    and all(r.time_s > unranked[0].time_s for r in timed if r is not unranked[0]):
                unranked[0].rank = 1
        # a fall is no non-finish when a place is told ("ging onderuit en werd vijfde") or the
        # competitor raced on in the event (a fall in the semifinal, then the B-final)
        falls = [r for r in out if r.status == "dnf" and all(self._is_fall(m) for k, m in r.evidence if k == "STATUS")]
        for r in falls:
            if r.rank is not None:
                r.status = "finished"
            elif r.time_s is None and any(o is not r and o.entity is r.entity and o.event == r.event
                                          and (o.time_s is not None or o.rank is not None) for o in out):
                out.remove(r)
        # "moest X laten voorgaan" told before either place: one place apart
        for ahead, behind, event in self.pending_ahead:
            if len(ahead) != 1 or not event:
                continue
            rows_a = [r for r in out if r.entity is ahead[0] and r.event == event[0] and r.round in (None, "final")]
            rows_b = [r for r in out if r.entity is behind and r.event == event[0] and r.round in (None, "final")]
            if len(rows_a) == 1 and len(rows_b) == 1:
                a, b = rows_a[0], rows_b[0]
                if a.rank and not b.rank:
                    b.rank = a.rank + 1
                elif b.rank and not a.rank and b.rank > 1:
                    a.rank = b.rank - 1
        # places told around unplaced times: "X won in 1.06,18 ... Y werd vierde in 1.06,47" with the times of Z and W
        # between them: they are second and third, in the order of their times
        for rows in by_event.values():
            self._fill_places_by_time(rows)
        # a row needs a time, a rank or a non-finished status
        keep = []
        for r in out:
            if r.time_s is None and r.rank is None and r.mark is None and r.status == "finished":
                continue
            keep.append(r)
        self.results = keep


def link(text: str, blocks: list[Block], mentions: list[Mention], people: list[Mention], sport: str,
         lex: Lexicon | None = None, year: int | None = None,
         month: int | None = None) -> tuple[list[LinkedResult], list[LinkedRecord], list[Entity]]:
    linker = _Linker(text, blocks, mentions, people, sport, lex or get_lexicon(), year)
    linker.month = month  # the article's month: "in augustus" in an October report is another race
    linker.run()
    return linker.results, linker.records, linker.entities
