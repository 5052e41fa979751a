"""Which competitor and event a value belongs to: times, places, gaps, statuses, records."""
from __future__ import annotations

import regex

from ..recognize import Mention
from .model import (
    _YEAR,
    REFERENT_KINDS,
    Entity,
    LinkedRecord,
    _next_word_is,
)

_SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s")
_OPEN_PAREN_GAP = regex.compile(r"\s*\(\s*")
_COMMA_COLON_GAP = regex.compile(r"\s*[,:]\s*")
_LIST_RANK = regex.compile(r"\s*(\d{1,3})(?:[.)]\s|[ ]*[\t;|])")  # "1. Sato (Jap) 1.14,20"
_LIST_POINTS = regex.compile(r"(?<=[\s)])(\d{1,4})\s*[.;]?\s*$")  # "2. X (Bel) 139"
_FIRST_WORD = regex.compile(r"\W*(\w+)")
_CREW_IN_PAREN = regex.compile(r"\(\s*(?:in|op)\s+(?:de|het)\s+$")
_PAREN_CLOSE = regex.compile(r"\s*\)")
_MET_BEFORE = regex.compile(r"(?<![\w-])met\s+(?:(?:de|het)\s+)?(?:[\w-]+\s+)?$")
_PHRASE_END = regex.compile(r"[.;]")


class ValueMixin:
    """The linker's methods for this concern (the class is assembled in extract.linking)."""

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
        if v.kind == "RANK" and self.sport in self.lex.sport_only.get("qualifying", ()) and \
                self.lex.grid_start_regex.search(self.text, max(0, v.start - 80), v.start):
            # "start zondag vanaf de vierde positie": the grid, which the qualifying made
            self.explicit_event.add((v.start, v.end))
            return ("qualifying", None)
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

    def _all_ranged(self) -> bool:
        """Does every event of the sport have a range of plausible times (a time outside all is no result)?"""
        events = {e for e, sports in self.lex.sport_only.items() if self.sport in sports}
        default = self.lex.default_event.get(self.sport)
        return bool(events and default) and events | {default} <= set(self.ranges)

    def _cue_near(self, v: Mention) -> bool:
        """Is the event of the sentence around ``v`` told only by a cue ("verloor bij de start de leiding")?"""
        return any(a - 60 <= v.start <= b + 60 for a, b in self.cues)

    def _coordinated_events(self, cms: list[Mention], event) -> list:
        distances = [m for m in cms if m.kind == "EVENT" and m.value[1]]
        for a, b in zip(distances, distances[1:]):
            if self.patterns.distance_pair_gap.fullmatch(self.text[a.end:b.start]):
                pair = [a.value, b.value]
                if event in pair:
                    return [x for x in pair if x != event]
        return []

    def _time_role(self, t: Mention, cms: list[Mention], cs: int) -> str:
        """What a time in a clause is: result | gap | old (a record's) | comparison | ignore."""
        text, lex = self.text, self.lex
        tm = t.value
        before = text[max(cs, t.start - 30):t.start]
        after = _SENTENCE_BREAK.split(text[t.end:t.end + 25], maxsplit=1)[0]  # within the sentence
        if lex.gap_before_regex.search(before.rstrip("(")):
            # "op 1.53,72" is a finishing time in most sports; "op 12 seconden (van X)" a gap
            if not lex.gap_ambiguous_regex.search(before) or self.sport == "cycling" \
                    or lex.gap_of_regex.match(after) or tm.whole_seconds or lex.gap_unit_end_regex.search(t.text):
                return "gap"
        if lex.gap_after_regex.match(after):
            return "gap"  # "die 18 seconden toegaf"
        if tm.whole_seconds or lex.split_before_regex.search(before):
            return "ignore"  # "na een opening van 9,50": a split, no finishing time
        part = lex.split_part_regex.search(before)
        race = self.race_event or self.event
        if part and race and race[1] and int(part.group("n")) * (1000 if part.group("u").lower().startswith("k") else 1) < race[1]:
            return "ignore"  # "de eerste 50 meter in 26,80" of a 100 m race: a split
        clause_before = text[cs:t.start]
        records = [m for m in cms if m.kind == "RECORD" and m.end <= t.start]
        if records:
            rec = records[-1]
            between = text[rec.end:t.start]
            this_race = bool(lex.record_this_race.search(text[max(cs, rec.start - 30):rec.start]))
            if _OPEN_PAREN_GAP.fullmatch(between):
                return "result" if this_race else "old"  # "in een recordtijd (7u40:24)" / "het wereldrecord (3.53,31)"
            if _COMMA_COLON_GAP.fullmatch(between) and lex.record_old_before.search(text[max(cs, rec.start - 30):rec.start]):
                return "old"  # "Het vorige Belgische record, 57.79, had ..."
            if lex.record_old_around.search(between + after):
                return "old"
            if lex.record_of_holder.fullmatch(between):
                return "old"  # "het record van Berg (6.05,10)"
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
            m = _LIST_RANK.match(text[cs:ce])
            if m and subject is not None:
                assigned.append((subject, Mention("RANK", cs, cs + m.end(1), m.group(1), int(m.group(1))), self.event))
                # "2. X (Bel) 139" under an omnium heading: a bare number at the end is the points total
                bare = _LIST_POINTS.search(text[cs:ce])
                if bare and self.event and self.lex.field_events.get(self.event[0]) == "points" and not any(
                        v.kind in ("POINTS", "TIME", "MARK") for v in values):
                    assigned.append((subject, Mention("POINTS", cs + bare.start(1), cs + bare.end(1), bare.group(1),
                                                      float(bare.group(1))), self.event))
        respectively = bool(values) and any(m.kind == "RESPECTIVELY" for m in cms)
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
                m for m in self._mentions_in(sent[0], v.start) if m.kind == "ROUND"
                and not self._next_round(m, self.mentions)]
            # "via de herkansing naar de vijfde plaats": the way there, not the round of the place
            rounds = [m for m in rounds if not self.patterns.round_path_before.search(text[max(0, m.start - 12):m.start])]
            round_value = min(rounds, key=lambda m: abs(m.start - v.start)).value if rounds else None
            opening = _FIRST_WORD.match(text[sent[0]:sent[1]])  # the sentence's first word
            if round_value is None and self.prev_rounds and opening and opening.group(1).lower() in self.lex.round_anaphora:
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

    def _shared_place_list(self, s, e, ms, assigned) -> None:
        """'Nederlands zilver voor X (in de skiff), Y en Z (in de dubbeltwee) en de vrouwenacht': one place told
        once for a list of items; a name group with its boat class in brackets is that boat's competitor, a bare
        crew event ("de vrouwenacht") is the boat of the nation the sentence's adjective names."""
        text = self.text
        events = [m for m in ms if m.kind == "EVENT" and m.value[0] in self.patterns.boat_events]
        if len(events) < 2:
            return  # two items at least
        paren = [m for m in events if _CREW_IN_PAREN.search(text[max(s, m.start - 12):m.start])
                 and _PAREN_CLOSE.match(text[m.end:m.end + 3])]
        bare = [m for m in events if m not in paren and m.value[0] in self.lex.crew_events
                and self.patterns.item_before.search(text[max(s, m.start - 12):m.start])
                and self.patterns.item_after.match(text[m.end:m.end + 6])
                or m not in paren and m.value[0] in self.lex.crew_events
                and self.patterns.last_item_before.search(text[max(s, m.start - 12):m.start])]
        items = sorted(paren + bare, key=lambda m: m.start)
        if len(items) < 2 or not bare:
            return
        places = [m for m in ms if m.kind in ("RANK", "WIN") and m.start > items[-1].end]
        adjectives = [m for m in ms if m.kind == "COUNTRY" and m.value[1] == "adjective" and m.end <= items[0].start]
        if len(places) != 1 or len({a.value[0] for a in adjectives}) != 1:
            return
        place, code = places[0], adjectives[0].value[0]
        # the place's competitor(s) and event as the clauses gave them are replaced by the items'
        assigned[:] = [a for a in assigned if a[1] is not place]
        prev_end = s
        for m in items:
            if m in paren:
                opened = text.rfind("(", s, m.start)
                refs = [r for r in ms if r.kind in REFERENT_KINDS and prev_end <= r.start and r.end <= opened]
                people = [ent for r in refs if (ent := self._resolve_known(r)) is not None and not ent.team]
                owner = (self._crew(people, [(r, self._resolve_known(r)) for r in refs]) if len(people) > 1
                         else people[0] if people else None)
            else:
                gender = next((g.value for g in ms if g.kind == "GENDER" and g.start < m.end and m.start < g.end), None)
                name = self.lex.countries[code].names[0] if self.lex.countries[code].names else code
                owner = Entity(next(self._ids), name, country=code, gender=gender, team=True)
                self.entities.append(owner)
                self.crews.append(owner)  # one nation's boat, not the nation (its other boats are others)
            prev_end = m.end
            if owner is None or any(a[0] is owner and a[1].kind in ("RANK", "WIN") and a[2] == m.value for a in assigned):
                continue
            assigned.append((owner, place, m.value))

    def _beside(self, v: Mention, m: Mention) -> bool:
        """Is the round ``m`` told right beside the value ``v`` ("tweede in de B-finale", "won de B-finale")?"""
        a, b = (v.end, m.start) if v.end <= m.start else (m.end, v.start)
        between = self.text[a:b]
        return len(between) <= 25 and not self.patterns.joiner_between.search(between)

    def _with_as(self, v: Mention, resolved, cs: int) -> Entity | None:
        """'met de Deen Y als tweede', 'met Y naast hem op plaats 2': the place of the one named after 'met', not of
        the subject."""
        for r, ent in reversed(resolved):
            if r.end > v.start:
                continue
            if self.lex.with_place_gap_regex.fullmatch(self.text, r.end, v.start) and _MET_BEFORE.search(self.text[max(cs, r.start - 30):r.start]):
                return ent
            return None
        return None

    def _winner_title(self, s, e, ms, assigned, is_past) -> None:
        """'zes seconden toe op winnaar X': X won the race the sentence is about."""
        if not self.gate.may_match(self.lex.winner_title_regex, s, e) or not any(r.kind == "PERSON" for r in ms):
            return
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

    def _ahead(self, s, e, ms, assigned, subject: Entity | None) -> None:
        """'moest X voor zich dulden', 'moest X laten voorgaan', 'in het spoor van X': X finished right
        before the sentence's subject."""
        if subject is None:
            return
        lex, text = self.lex, self.text[s:e]
        m = self.gate.may_match(lex.ahead_regex, s, e) and lex.ahead_regex.search(text)
        if m:
            refs = [r for r in ms if r.kind in REFERENT_KINDS and s + m.start(1) <= r.start < s + m.end(1)]
        elif (m := self.gate.may_match(lex.just_behind_regex, s, e) and lex.just_behind_regex.search(text)) or (
                (m := self.gate.may_match(lex.gap_to_regex, s, e) and lex.gap_to_regex.search(text))
                and self.gate.may_match(lex.gap_closing_regex, s, e) and lex.gap_closing_regex.search(text)):
            # the first one known ("de Noor Lars Berg": the name, not its description)
            refs = [r for r in ms if r.kind in REFERENT_KINDS and r.start >= s + m.end()
                    and self._resolve_known(r) is not None][:1]
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
        if not any(r.kind in REFERENT_KINDS for r in ms):
            return  # no one to place, and no one ahead
        lex, text = self.lex, self.text[s:e]
        m = self.gate.may_match(lex.overtaken_regex, s, e) and lex.overtaken_regex.search(text)
        just_ahead = self.gate.may_match(lex.just_ahead_regex, s, e) and lex.just_ahead_regex.search(text)
        m2 = just_ahead or (self.gate.may_match(lex.won_ahead_regex, s, e) and lex.won_ahead_regex.search(text))
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
                    if chain and not self.patterns.list_gap_three_words.fullmatch(self.text[chain[-1].end:r.start]):
                        break
                    chain.append(r)
                refs = chain
            head = [r for r in ms if r.kind in REFERENT_KINDS and r.start < s + m2.start()]
            if not refs and not just_ahead and len(head) > 1:
                # "X, dat in de finale Y versloeg": the object stands before the verb in the relative clause
                rel = list(self.patterns.relative_object.finditer(self.text[head[0].end:s + m2.start()]))
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
                if m and not any(x.kind == "EVENT" and s + m.start() <= x.start < zone[1] for x in ms):
                    behind = [ent for r in refs if (ent := self._resolve_known(r)) is not None and ent is not lead]
                    self.pending_behind.append((lead, list(dict.fromkeys(behind)), self.event))
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
            end_of_phrase = _PHRASE_END.search(after[m.end():])
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
        if scope and subject is not None and not subject.team and (result_time or state in ("old", "new", "equalled", "standing")):
            subject.set_country(scope)
        year = _YEAR.search(text)
        holder = result_time[0] if result_time and state in ("new", "equalled") else None
        t = result_time[1].value if result_time and state in ("new", "equalled") else None
        event = result_time[2] if result_time else self.event
        self._add_record(LinkedRecord(rtype, scope, holder, t, t.seconds if t else None,
                                         event[0] if event else None, event[1] if event else None, None, state,
                                         int(year.group(0)) if year else None, sent, (rec.start, rec.end)))
