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

The _Linker class is assembled from mixins, one module per concern: entities (who is
meant), clauses (how a sentence divides), values (which competitor and event a value
belongs to) and rows (building and merging result rows); model holds the data classes.
"""
from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from typing import Any

import regex

from ..lexicon import Lexicon, get_lexicon
from ..recognize import Block, Mention, find_blocks
from .clauses import ClauseMixin
from .entities import EntityMixin
from .model import (
    _COMMA_GAP,
    _COMMA_SPACE,
    _FIELDS,
    _SPACES,
    _WORD,
    CLASSIFICATIONS,
    REFERENT_KINDS,
    VALUE_KINDS,
    Entity,
    FoldTwins,
    LinkedRecord,
    LiteralGate,
    LinkedResult,
    _inherit_strokes,
    fold,
    folding_changer_positions,
    link_patterns,
)
from .rows import RowMixin
from .values import ValueMixin

__all__ = ["Entity", "LinkedResult", "LinkedRecord", "link", "may_make_rows", "fold"]

_SENTENCE_END = regex.compile(r"[.!?]")
_SPACES_AFTER = regex.compile(r"\s+")
# the word right before a name ("Bondscoach X"); searched from the end ((?r)), which finds the same word (the
# match must end at the end) without trying every start of the text before
_WORD_BEFORE = regex.compile(r"(?r)([\w-]+)\s+$")
_LEAD_WORD = regex.compile(r"\s*(?:\w+\s+)?")
_BREAK_PUNCTUATION = regex.compile(r"[,.;:()]")
_HEAD_WORD = regex.compile(r"\s+(?:\p{Ll}+e\s+)?([\w-]+)")  # "de Nederlandse (lichte) dubbeltwee"
_APPOSITION_LEAD = regex.compile(r"[^.,:;()]{0,40}?[,:]\s*")
_TEAM_WITH = regex.compile(r"\s+([\w-]+)\s*,?\s+met\s+(?:[\w-]+\s+)?")  # "team, met titelhoudster X"
_DASH_AFTER = regex.compile(r"\s*-")
_COMMA_BEFORE = regex.compile(r"\s*,")
_COMMA_OR_EN = regex.compile(r",|\ben\b")
_GENITIVE_S = regex.compile(r"['’]s\b")


class _Linker(EntityMixin, ClauseMixin, ValueMixin, RowMixin):
    def __init__(self, text: str, blocks: list[Block], mentions: list[Mention], people: list[Mention],
                 sport: str, lex: Lexicon, year: int | None = None):
        self.year = year  # the article's year, when its date is known
        self.month: int | None = None
        self.text, self.blocks, self.lex, self.sport = text, blocks, lex, sport
        self.patterns = link_patterns(lex)
        # where the text has characters that full and simple case folding tell apart (rare): see FoldTwins
        self.folding_changers = folding_changer_positions(text)
        self.gate = LiteralGate(text, self.patterns)  # which sentences a word-list pattern need not scan
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
        mentions = [m for m in mentions if not (m.kind == "ROUND" and _SPACES.sub(" ", m.text.lower()) in no_round)]
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
            (n := _SPACES_AFTER.match(text[m.end:m.end + 3])) and m.end + n.end() in starts))]
        if sport and sport not in lex.distance_event_sports:
            mentions = [m for m in mentions if not (m.kind == "EVENT" and m.value[1] and m.value[0] not in lex.sport_only)]
        # "kwam als eerste over de streep": a passage about the race, though no word names it
        self_cues: set[tuple[int, int]] = set()
        for code, cue in self.patterns.event_cues.get(sport, ()):
            for c in self._folded(cue, 0, len(text)).finditer(text) if self.gate.may_match(cue, 0, len(text)) else ():
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
        self.section_round: str | None = None
        # an allround or sprint championship report (not "de wereldkampioen allround" in a World Cup report):
        allround = [m for m in mentions if m.kind == "EVENT" and m.value[0] in ("allround", "sprint_allround")]
        lead_end = blocks[1].end if len(blocks) > 1 else len(text)
        # named in the headline or lead, not as a title ("de wereldkampioen allround") or another meet ("de WK
        # allround van vorige week"); later mentions ("de grote vierkamp" of all-time lists) do not make it one
        past = [m.start for m in mentions if m.kind == "PAST"]
        allround = [m for m in allround if m.start < lead_end and not (
            self._title_word(m) or any(abs(p - m.start) <= 40 and not _SENTENCE_END.search(text[min(p, m.start):max(p, m.start)])
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
        self.field_leads: list[tuple[Entity, Any, Mention, tuple[int, int]]] = []  # (leader, event, phrase, sentence)
        # "X bleef Y en Z voor" before X's own place is known: (X, [Y, Z], event)
        self.pending_behind: list[tuple[Entity, list[Entity], Any]] = []
        # "veroverde een Europese titel" before any event is named: the one race of the competitor is won
        self.title_wins: list[Entity] = []
        self.sentence_starts = {s for b in blocks for s, _ in b.sentences}
        self.prev_rounds: list[Mention] = []  # the rounds named in the sentence before
        self.list_spans: list[tuple[int, int]] = []
        self.cues = self_cues  # event mentions found by a cue phrase, not by the event's name
        self.top_groups: list[tuple[str, int, int]] = []  # "twee Britten in de top drie": (country, count, top)
        self.possessive: set[tuple[int, int]] = set()
        self._build_entities(people)

    def _folded(self, twins: FoldTwins, start: int, end: int):
        """The pattern of ``twins`` for text[start:end]: the fast twin unless that text folds differently."""
        i = bisect_left(self.folding_changers, start)
        return twins.simple if i == len(self.folding_changers) or self.folding_changers[i] >= end else twins.full

    def _lead_end(self) -> int:
        """The end of the headline and the first paragraphs: what the report is about is told there."""
        body = [b for b in self.blocks if b.kind != "caption"]
        return body[min(2, len(body) - 1)].end if body else len(self.text)

    def _practice_report(self) -> bool:
        """Whether the headline names a practice session ("Verstappen vierde in eerste training") and no event:
        the report is of that session."""
        block = next((b for b in self.blocks if b.kind != "caption" and b.sentences), None)
        if block is None:
            return False
        start, end = block.sentences[0]  # the headline, or the first sentence of a text without one
        return self.lex.practice_regex.search(self.text, start, end) is not None \
            and not any(m.kind == "EVENT" for m in self._mentions_in(start, end))

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
        # "zijn rit", "na de rit" in a report whose only race named is a time trial: that time trial
        generic = [m for m in out if m.kind == "EVENT" and m.text.lower() in self.lex.generic_stage_words]
        named = {m.value[0] for m in out if m.kind == "EVENT" and m.text.lower() not in self.lex.generic_stage_words
                 and m.value[0] not in CLASSIFICATIONS and m.value[0] != "classification"
                 and m.value[0] not in self.lex.standings_events}
        if generic and len(named) == 1 and self.lex.specializes.get(generic[0].value[0]) in named:
            specific = named.pop()
            out = [Mention(m.kind, m.start, m.end, m.text, (specific, None)) if m in generic else m for m in out]
        self.mentions = out
        self._mention_starts = [m.start for m in out]
        self._person_mentions = [m for m in out if m.kind == "PERSON"]

    def _in_list(self, pos: int) -> bool:
        """Whether ``pos`` lies in a list block (self.list_spans: in text order, apart)."""
        k = bisect_right(self.list_spans, (pos, math.inf))
        return k > 0 and pos < self.list_spans[k - 1][1]

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end) (a new list; self.mentions is in text order)."""
        return self.mentions[bisect_left(self._mention_starts, start):bisect_left(self._mention_starts, end)]

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
        ms = self._mentions_in(block.start, block.end)
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

    def _bare_sentence(self) -> None:
        """What _sentence does for a sentence without mentions: no one and no value to link, only the context
        moves on. (Its past_spans and side_spans are only read while their own sentence is linked.)"""
        if self.group_country is not None and self.group_country[1] == "sentence":
            self.group_country = None
        self.sentence_team_event = self._is_team_event(self.event)
        self.sentence_subject, self.prev_focus = None, self.focus
        self.prev_sentence_entities, self.prev_rounds = [], []

    def _sentence(self, s: int, e: int, is_list: bool = False) -> None:
        lex = self.lex
        ms = self._mentions_in(s, e)
        # speech and captions are not reports of results
        if self.quotes:
            ms = [m for m in ms if m.kind in ("PERSON", "QUOTE") or not self._in_quote(m.start)]
            ms = [m for m in ms if not (m.kind in ("PRON", "DESC") and self._in_quote(m.start))]
        if not ms:
            self._bare_sentence()
            return
        # countries as competitors in team events; demonyms before names as attributes
        people = [m for m in ms if m.kind == "PERSON"]
        for p in people:  # "Bondscoach X sprak van ...": a role, not a competitor
            role = _WORD_BEFORE.search(self.text[max(0, p.start - 25):p.start])
            if role and role.group(1).lower() in lex.non_athlete_roles and (ent := self.by_mention.get((p.start, p.end))):
                ent.non_athlete = True
        if self.group_country is not None:
            for p in people:
                if (ent := self.by_mention.get((p.start, p.end))) and ent.mentions and ent.mentions[0] is p:
                    ent.set_country(self.group_country[0])
            if self.group_country[1] == "sentence":
                self.group_country = None
        opening = next((m for m in ms if m.kind == "COUNTRY" and m.value[1] == "plural"
                        and m.start == s + _LEAD_WORD.match(self.text[s:e]).end()), None)
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
                               and not _BREAK_PUNCTUATION.search(self.text[m.end:p.start])), None)
            if nxt_person is None and ckind in ("male", "female"):
                # "Een andere Japanner, Yuma Murakami, ...": the demonym in apposition before the name
                nxt_person = next((p for p in people if _COMMA_GAP.fullmatch(self.text[m.end:p.start])), None)
            if ckind in ("male", "female") and (ap := lex.indefinite_apposition_regex.search(self.text, s, m.start)):
                prev = next((p for p in reversed(people) if p.end == ap.start()), None)
                if prev is not None and (ent := self.by_mention.get((prev.start, prev.end))):
                    ent.set_country(code)
                    continue
            head_word = _HEAD_WORD.match(after)
            if nxt_person is None and (not team_event or ckind != "plural") and ckind != "names" and head_word and (
                    head_word.group(1).lower() in lex.crew_nouns or head_word.group(1).lower() in lex.plural_heads):
                # "het Noorse duo van Team X, Jan Berg en Ole Lie": the names in apposition
                lead = _APPOSITION_LEAD.match(self.text, m.end, e)
                chain, pos = [], lead.end() if lead else -1
                for p in people:
                    if p.start < pos:
                        continue
                    if p.start != pos and not self.patterns.list_gap.fullmatch(self.text[pos:p.start]):
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
                team_word = _TEAM_WITH.match(after)
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
                    if p is not nxt_person and not self.patterns.list_gap.fullmatch(self.text[pos:p.start]):
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
            if ckind == "names" and team_event and not _DASH_AFTER.match(after):
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
                        if p is not nxt_person and not self.patterns.list_gap.fullmatch(self.text[pos:p.start]):
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
            p.start >= m.end and self.patterns.before_name.fullmatch(self.text[m.end:p.start]) for p in people))]
        # appositions: "Bart Hoolwerf, de andere Nederlander" sets the country of the name before
        for m in ms:
            if m.kind == "DESC" and (cw := lex.country_words.get(m.value["head"])):
                nxt = _WORD.findall(self.text[m.end:m.end + 30])[:1]
                if nxt and nxt[0].lower() in lex.plural_heads and _COMMA_BEFORE.match(self.text[m.start - 2:m.start]):
                    # "X (..) en Y (..), de twee Nederlandse schaatssters": all of the list
                    chain = [p for p in people if p.end <= m.start]
                    pos = m.start
                    for p in reversed(chain):
                        if not self.patterns.list_gap_after_paren.fullmatch(self.text[p.end:pos]):
                            break
                        if (ent := self.by_mention.get((p.start, p.end))):
                            ent.set_country(cw[0])
                        pos = p.start
                    continue
            if m.kind == "DESC":
                cw = lex.country_words.get(m.value["head"])
                prev = next((p for p in reversed(people) if p.end <= m.start), None)
                if prev and _COMMA_GAP.fullmatch(self.text[prev.end:m.start]) and cw:
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
                before = list(self.patterns.comma_or_joiner.finditer(self.text[s:m.start]))
                start = s + before[-1].end() if before else s
                end = _COMMA_SPACE.search(self.text, m.end, e)
                standings_zones.append((start, end.start() if end else e))
        events = [m for m in ms if m.kind == "EVENT" and m.value[0] not in lex.standings_events
                  and not any(a <= m.start < b for a, b in standings_zones)
                  and not self._in_quote(m.start)]
        # a marker of another race ("vier jaar geleden", "vorig jaar") covers its comma chunk;
        # in the sentence's first chunk it covers the whole sentence
        # "na de eerste dag" marks a standing only in a multi-race contest; in a World Cup report it is this meet
        markers = [p.start for p in ms if p.kind == "PAST" and (
            self.allround or _SPACES.sub(" ", p.text.lower()) not in lex.contest_day_markers)]
        # "viel vorig jaar uit": a status is voided only by a marker of another race, not by a point within
        # this one ("stapte na 32 kilometer uit")
        other_race = [p.start for p in ms if p.kind == "PAST" and _SPACES.sub(" ", p.text.lower()) in lex.other_race_markers]
        if self.sport not in lex.distance_event_sports and self.gate.may_match(lex.split_article_regex, s, e):
            # "bij de 500 meter lag ze derde" in a 2000 m race: a split point
            markers += [s + x.start() for x in lex.split_article_regex.finditer(self.text[s:e])]
        if self.gate.may_match(lex.year_past_regex, s, e):
            # "die in 2009 op 1.06,42 uitkwam": a year other than the article's is another race
            years = [s + y.start() for y in lex.year_past_regex.finditer(self.text[s:e])
                     if self.year is None or int(y.group(1)) != self.year]
            markers += years
            other_race += years
        if self.month is not None and self.gate.may_match(lex.month_past_regex, s, e):
            # "die in augustus olympisch kampioene werd" in an October report: another race
            months = [s + mo.start() for mo in lex.month_past_regex.finditer(self.text[s:e])
                      if lex.months[mo.group(1).lower()] != self.month]
            markers += months
            other_race += months
        future = [s + f.start() for f in self._folded(self.patterns.future, s, e).finditer(self.text[s:e])] \
            if self.gate.may_match(self.patterns.future, s, e) else []
        # the comma chunks, cut only in the few sentences that have a marker
        chunk_bounds = [s + x.start() for x in lex.chunk_break_regex.finditer(self.text[s:e])] + [e] \
            if markers or future else [e]

        def chunk(p: int) -> tuple[int, int]:
            return max([s] + [c for c in chunk_bounds if c <= p]), min(c for c in chunk_bounds if c > p)

        def marked_chunks(positions: list[int]) -> list[tuple[int, int]]:
            # "een dag eerder", "eerder in het toernooi": the same championship, not another race
            return [(a, b) for a, b in map(chunk, positions) if not (
                self.gate.may_match(lex.same_meet_regex, a, b) and lex.same_meet_regex.search(self.text[a:b]))]

        past_spans = marked_chunks(markers) + [chunk(p) for p in future]
        other_race_spans = marked_chunks(other_race)
        other_race_sentence = any(a == s for a, _ in other_race_spans)
        events = [m for m in events if not any(a <= m.start < b for a, b in past_spans)]
        self.past_spans = past_spans
        sentence_gender = None
        gender_at = e  # where the sentence first names a gender: it tells the subjects from there on
        for m in ms:
            # "de enige vrouw in het veld" tells of one person, not of the section or the sentence's subject
            if m.kind == "GENDER" and not self._in_quote(m.start) and m.text.lower() not in lex.one_person_gender_words:
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
                    if not self.patterns.list_gap_words.fullmatch(gap) or not _COMMA_OR_EN.search(gap):
                        break
                    if (ent := self.by_mention.get((p.start, p.end))) and ent not in group:
                        group.insert(0, ent)
                    pos = p.start
            resolved: list[tuple[Mention, Entity]] = []
            for r in refs:
                if r.kind == "PRON" and r.text.lower() in self.lex.demonstrative_pronouns and (relative or subordinate):
                    continue  # "de eerste vrouw die ... wint": the pronoun is the clause's own noun
                # "Kopecky's landgenote X": a name in the genitive is not the subject
                genitive = r.kind == "PERSON" and _GENITIVE_S.match(self.text[r.end:r.end + 3])
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
                elif group and group[-1] is not ent and r.kind in ("PERSON", "TEAMREF") and self.patterns.list_gap_title.fullmatch(
                        self.text[resolved[-2][0].end:r.start] if len(resolved) > 1 else "x"):
                    if resolved[-2][1] is group[-1]:
                        group.append(ent)
                if ent not in sentence_entities:
                    sentence_entities.append(ent)
                if self.patterns.genitive_before.search(self.text[max(cs, r.start - 10):r.start]):
                    oblique.add(id(ent))  # "het wereldrecord van Berg": named, but not as a competitor here
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
                and _SPACES.sub(" ", v.text.lower()) not in lex.classification_leader)]
            values = [v for v in values if not (is_past(v.start) or (sentence_past and not relative)) or (
                v.kind == "STATUS" and not (any(a <= v.start < b for a, b in other_race_spans)
                                            or (not relative and other_race_sentence)))]
            self._assign(values, cms, resolved, subject, group, events, standings_zones, (s, e), (cs, ce),
                         assigned, is_list)
            lead = self._folded(self.patterns.field_lead, 0, ce).search(self.text, cs, ce) \
                if subject is not None and self.gate.may_match(self.patterns.field_lead, cs, ce) else None
            lead_event = next((m.value for m in reversed(events) if m.start < ce), None) or self.event
            if lead and subject is not None and lead_event and not is_past(lead.start()):
                self.field_leads.append((subject, lead_event, Mention("WIN", lead.start(), lead.end(), lead.group(0), 1), (s, e)))
        self._shared_place_list(s, e, ms, assigned)
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
        if events:
            side = [(c[0], c[1]) for c in clauses if self.gate.may_match(lex.subordinator_regex, c[0], c[1])
                    and lex.subordinator_regex.match(self.text, c[0], c[1])]
            events = [m for m in events if not any(a <= m.start < b for a, b in side)]
        # "op vier afstanden (500, 1500, 5000 en 10.000 meter)": several distances together name none of them
        events = [m for m in events if not self._listed_distance(m)]
        if self.event and self.event[0] in lex.contest_parts:  # "de afsluitende puntenkoers" of an omnium
            events = [m for m in events if m.value[0] not in lex.contest_parts[self.event[0]]]
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


def link(text: str, blocks: list[Block], mentions: list[Mention], people: list[Mention], sport: str,
         lex: Lexicon | None = None, year: int | None = None,
         month: int | None = None) -> tuple[list[LinkedResult], list[LinkedRecord], list[Entity]]:
    linker = _Linker(text, blocks, mentions, people, sport, lex or get_lexicon(), year)
    linker.month = month  # the article's month: "in augustus" in an October report is another race
    linker.run()
    return linker.results, linker.records, linker.entities


# the mentions a result or record starts from: a time, gap, place, status, points, mark or record
ROW_SEEDS = frozenset(VALUE_KINDS) | {"RECORD"}


def may_make_rows(text: str, mentions: list[Mention], lex: Lexicon | None = None) -> bool:
    """False when link() cannot make a result or record of ``text``, whatever names are found in it: every row
    starts from a ROW_SEEDS mention, a place the linker reads itself ("1. Sato" in a list block, "winnaar X",
    a field-lead phrase), or one given by another row ("X bleef Y voor"). Lets a batch leave such an article
    untokenized; tests/test_row_gate.py checks it against the whole pipeline on every corpus article."""
    if any(m.kind in ROW_SEEDS for m in mentions):
        return True
    lex = lex or get_lexicon()
    patterns = link_patterns(lex)
    gate = LiteralGate(text, patterns)
    if gate.may_match(patterns.field_lead, 0, len(text)) or gate.may_match(lex.winner_title_regex, 0, len(text)):
        return True
    return any(b.kind == "list" for b in find_blocks(text, lex))
