"""From assigned values to result rows: building, merging and completing them."""
from __future__ import annotations

from collections import Counter

import regex

from ..recognize import Mention
from .model import (
    _SPACES,
    CLASSIFICATIONS,
    LinkedResult,
    _next_word_is,
)

_THOUSANDTHS_END = regex.compile(r"[.,]\d{3}$")  # "149,812": points or thousandths, not a time of the list
_PLAIN_NUMBER = regex.compile(r"\d{1,4}(?:[.,]\d{1,3})?")
# events whose places rank competitors over several races, not in one: a classification or a standing
_CLASSIFYING = ("classification", "standings", *CLASSIFICATIONS)


class RowMixin:
    """The linker's methods for this concern (the class is assembled in extract.linking)."""

    def _emit(self, assigned, sent) -> None:
        if not assigned:
            return
        by_key: dict[tuple, LinkedResult] = {}
        # a time that fits another distance than the section's moves its competitor's other values of
        # the sentence with it ("won met 4.01,20" under a 1000 m heading is the 3000 m)
        moved: dict[tuple, tuple] = {}
        for ent, v, event in assigned:
            if v.kind == "TIME" and event and (v.start, v.end) not in self.explicit_event \
                    and (event[0] in self.ranges or event[0] in CLASSIFICATIONS) \
                    and not any(self._plausible(event[0], o) for o in (v.value.seconds, *v.value.alternatives)) \
                    and not _THOUSANDTHS_END.search(v.text):
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
            if v.kind == "STATUS" and ev and ev[0] in _CLASSIFYING and \
                    (v.start, v.end) not in self.explicit_event:
                ev = self.race_event  # "stapte na een valpartij uit koers": the day's race's, not a classification's
            if v.kind == "RANK" and _next_word_is(self.text, v.end, self.lex.race_place_nouns) and ev and (
                    ev[0] in _CLASSIFYING):
                # "de veertiende tijd": a place in the day's race, not in the classification
                ev = self.race_event or self.event
            elif cls_event and ((ev and ev[0] in ("classification", "standings")) or (
                    v.kind == "LEAD" and _SPACES.sub(" ", v.text.lower()) in self.lex.classification_leader)):
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
                    if not _PLAIN_NUMBER.fullmatch(v.text):
                        continue  # "2'13\"50" in a heptathlon: a discipline's time, not the mark
                    number = v.text.replace(".", "") if field_unit == "points" else v.text.replace(",", ".")
                    v = Mention("MARK", v.start, v.end, v.text, float(number.replace(",", ".")))
                if (v.kind == "POINTS") != (field_unit == "points"):
                    continue
            elif v.kind == "MARK":
                continue  # a distance in metres outside a field event ("op 2,5 meter")
            if v.kind == "TIME" and ev and ev[0] in CLASSIFICATIONS:
                if v.value.notation.startswith("seconds_") and _THOUSANDTHS_END.search(v.text):
                    # "1. Bosma (Ned) 149,812" under an allround classification: points, not a time
                    v = Mention("POINTS", v.start, v.end, v.text, v.value.seconds)
                else:
                    ev = None  # a time is never the classification's: its distance is inferred below
            if v.kind == "LEAD" and (not ev or ev[0] not in CLASSIFICATIONS) and not (
                    (v.start, v.end) in self.explicit_event and event and event[0] != "classification"
                    and not self._cue_near(v)):
                if ev is None and not ent.team and self.lex.won_title_regex.search(v.text) and \
                        self.lex.country_words.get(v.text.split()[0].lower(), ("", ""))[1] not in ("adjective", "female"):
                    self.title_wins.append(ent)
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
                res.rank_listed = self._in_list(v.start)
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
        # a separable phrase with words inside: "kwam in de afdaling ten val"
        return v.kind == "STATUS" and any(words[:1] == p.split()[:1] and words[len(words) - len(p.split()) + 1:] == p.split()[1:]
                                          for p in self.lex.team_status_ignored)

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

    def _clubs(self) -> None:
        """ "Wout Smit (Team Oost)", "de Belg van Team Oost": the trade team or club of the athlete named
        right before it (a team name is never an athlete; it is the athlete's team data)."""
        refs = [m for m in self.mentions if m.kind in ("PERSON", "DESC")]
        for team in (m for m in self.mentions if m.kind == "TEAM"):
            before = next((r for r in reversed(refs) if r.end <= team.start), None)
            if before is None or not self.patterns.club_gap.fullmatch(self.text[before.end:team.start]):
                continue
            ent = self.resolved_refs.get((before.start, before.end)) or self.by_mention.get((before.start, before.end))
            if ent is not None and not ent.team and ent.club is None:
                ent.club = team.text

    def _finish(self) -> None:
        if self.results and self._practice_report():
            self.results = []  # places and times in free practice are no results
        self._clubs()
        # "kwam ten val en won toch de sprint": a fall of one who is placed is no abandon
        for r in self.results:
            falls = [e for k, e in r.evidence if k == "STATUS"]
            if r.rank is not None and r.status == "dnf" and falls and all(self._is_fall(e) for e in falls):
                r.status = "finished"
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
        # the rows of each event whose gender is known, kept up to date as rows get one below (a long list
        # of rows without any is looked through once, not once per row)
        gendered: dict[str | None, list[LinkedResult]] = {}
        for o in self.results:
            if o.entity.gender or o.section_gender or o.gender:
                gendered.setdefault(o.event, []).append(o)
        for r in self.results:
            national = r.entity.team and r.entity not in self.crews and r.section_gender in ("women", "men")
            # a country's team rides for men and women alike: the section tells which
            g = "mixed" if r.section_gender == "mixed" else r.section_gender if national else r.entity.gender or r.section_gender
            if g is None:
                # the nearest result of the same event whose gender is known
                # (a team's from the other teams first: "Kroatië pakte zilver" beside a list of crews)
                # (or the gender already given to a row before)
                near = min(((o.entity.team != r.entity.team, abs(o.anchor[0] - r.anchor[0]),
                             o.entity.gender or o.section_gender or o.gender)
                            for o in gendered.get(r.event, ()) if o is not r), default=None)
                g = near[2] if near else (article.most_common(1)[0][0] if article else None)
            had_gender = bool(r.entity.gender or r.section_gender or r.gender)
            r.gender = g
            has_gender = bool(r.entity.gender or r.section_gender or r.gender)
            if has_gender and not had_gender:
                gendered.setdefault(r.event, []).append(r)
            elif had_gender and not has_gender:
                gendered[r.event].remove(r)
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
                    and (o.round == r.round or None in (o.round, r.round))
                    and (o.gender == r.gender or None in (o.gender, r.gender))]  # the men's eight, not the women's
            if len(rows) == 1:
                self._absorb(rows[0], r)
                out.remove(r)
        # relays and crews are team rows: a member named alone has no row of the team event
        out = [r for r in out if r.entity.team or not self._is_team_event((r.event, r.distance_m))]
        # a row without an event belongs to the competitor's one row with an event, if there is one
        default = self.lex.default_event.get(self.sport)
        if default and self.sport in self.lex.sport_only.get(self.lex.stage_race_event, ()) \
                and self.gate.may_match(self.patterns.stage_race, 0, self._lead_end()) \
                and self._folded(self.patterns.stage_race, 0, self._lead_end()).search(self.text, 0, self._lead_end()):
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
        # "X en Y veroverden allebei een Europese titel" in the lead, then X's one race told: X won it
        for ent in dict.fromkeys(self.title_wins):
            rows = [r for r in out if r.entity is ent]
            if len(rows) == 1 and rows[0].rank is None and rows[0].status == "finished" and rows[0].round in (None, "final"):
                rows[0].rank = 1
        # "X bleef Y en Z voor" told before X's place: the places after X's
        def of_event(r, event):
            return event and r.event == event[0] and r.round in (None, "final") and (
                len(event) < 3 or None in (event[2], r.stroke) or event[2] == r.stroke)

        for lead, behind, event in self.pending_behind:
            rows = [r for r in out if r.entity is lead and of_event(r, event)]
            if len(rows) != 1 or rows[0].rank is None:
                continue
            for n, ent in enumerate(behind, rows[0].rank + 1):
                rows_b = [r for r in out if r.entity is ent and of_event(r, event)]
                if len(rows_b) == 1 and rows_b[0].rank is None:
                    rows_b[0].rank = n
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
        # "X nam een voorsprong op de rest van het veld. Y werd tweede": the leader of the field won, when the
        # paragraph tells no other place of that event
        for ent, event, m, sent in self.field_leads:
            rows = [r for r in out if (r.event, r.distance_m) == tuple(event[:2]) and r.round in (None, "final")
                    and any("\n\n" not in self.text[min(m.start, x.start):max(m.start, x.start)] for _, x in r.evidence)]
            ranked = [r for r in rows if r.rank is not None]
            if len(ranked) == 1 and ranked[0].rank == 2 and ranked[0].entity is not ent and not any(
                    r.entity is ent for r in out if r.event == event[0]):
                out.append(LinkedResult(ent, event[0], event[1], ranked[0].gender, rank=1, sentence=sent,
                                        anchor=(m.start, m.end), section_gender=ranked[0].section_gender,
                                        round=ranked[0].round, evidence=[("WIN", m)]))
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
