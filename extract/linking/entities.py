"""Who is meant: names as competitors, references ("ze", "de Amerikaanse"), teams and crews."""
from __future__ import annotations

import regex

from ..recognize import Mention
from .model import (
    _COMMA_GAP,
    _WORD,
    Entity,
    fold,
    ok_basic,
)

_COMMA_END = regex.compile(r",\s*$")
_LOWERCASE_AFTER = regex.compile(r"\s+\p{Ll}")
_GENITIVE_S_GAP = regex.compile(r"['’]s\s+")


class EntityMixin:
    """The linker's methods for this concern (the class is assembled in extract.linking)."""

    def _build_entities(self, people: list[Mention]) -> None:
        full: dict[str, Entity] = {}
        people_toks = [fold(p.text).split() for p in people]
        for p, toks in zip(people, people_toks):
            if len(toks) >= 2 and not all(t in self.lex.particles for t in toks[:-1]):
                key = " ".join(toks)
                if key not in full:
                    full[key] = Entity(next(self._ids), p.text)
                    self.entities.append(full[key])
        key_toks = {k: k.split() for k in full}  # the keys as words, split once
        # the keys by their last and first word, in the order of ``full`` (a name's candidates share its last word)
        by_last: dict[str, list[str]] = {}
        by_first: dict[str, list[str]] = {}
        for k, toks in key_toks.items():
            by_last.setdefault(toks[-1], []).append(k)
            by_first.setdefault(toks[0], []).append(k)
        # "Smit-de Boer" is "Lotte Smit-de Boer" when she is the one such name
        for key in sorted(full, key=lambda k: len(key_toks[k])):
            toks = key_toks[key]
            longer = {id(full[k]): full[k] for k in by_last[toks[-1]]
                      if len(key_toks[k]) > len(toks) and key_toks[k][-len(toks):] == toks}
            if len(longer) == 1 and full[key] is not (target := next(iter(longer.values()))):
                self.entities.remove(full[key])
                full[key] = target
        singles: dict[str, Entity] = {}
        for p, toks in zip(people, people_toks):
            key = " ".join(toks)
            if key in full:
                ent = full[key]
            else:
                cands = [full[k] for k in by_last.get(toks[-1], ()) if key_toks[k][-len(toks):] == toks
                         and len(key_toks[k]) > len(toks)] if toks else []
                if len(cands) > 1:  # "Jansen": the one named last before, else the first named after
                    before = [(m.start, e) for e in cands for m in e.mentions if m.start < p.start]
                    ent = max(before, key=lambda x: x[0])[1] if before else cands[0]
                elif cands:
                    ent = cands[0]
                elif len(toks) == 1 and len(firsts := {id(full[k]): full[k] for k in by_first.get(toks[0], ())
                                                          if len(full[k].full.split()) == 2}) == 1:
                    firsts = list(firsts.values())
                    ent = firsts[0]  # family name first: "Wang" is "Wang Lin"
                elif len(toks) == 1 and toks[0].endswith("s") and len(owners := {
                        id(full[k]): full[k] for k in by_last.get(toks[0][:-1], ())}) == 1:
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
            toks = key_toks[key]
            if not (len(toks) == 2 and all(m.start in self.sentence_starts for m in ent.mentions)
                    and ent.full.split()[0] not in self.lex.given_gender):  # "Finn Visser" beside "Anna Visser"
                continue
            for other_key, other in full.items():
                if other is not ent and len(key_toks[other_key]) >= 2 and key_toks[other_key][-1] == toks[-1]:
                    for m in ent.mentions:
                        # keep only the surname as what the text calls the athlete
                        last = m.text.rsplit(" ", 1)[-1]
                        other.mentions.append(Mention("PERSON", m.end - len(last), m.end, last))
                        self.by_mention[(m.start, m.end)] = other
                    ent.mentions = []
                    break

    def _title_word(self, m: Mention) -> bool:
        """Is ``m`` part of a title that describes someone ("de wereldkampioen allround"), not a result told?"""
        before = _WORD.findall(self.text[max(0, m.start - 40):m.start])[-3:]
        word = (before[-1] if before else "") + m.text
        return "kampioen" in word.lower() and any(w.lower() in self.lex.determiners for w in before) and not any(
            w.lower() in self.lex.copulas for w in before)

    def _crew(self, group: list[Entity], resolved: list) -> Entity | None:
        """The crew of several named competitors ("Anna Smit en Lotte Berg"), named as the text joins them."""
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

    def _team(self, code: str, name: str) -> Entity:
        for e in self.entities:
            if e.team and e.country == code and e not in self.crews:  # a nation, not one of its crews
                return e
        ent = Entity(next(self._ids), name, country=code, team=True)
        self.entities.append(ent)
        return ent

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
                # "Jan Smit ... achterhaalde ze": a man's given name does not take "ze" (them)
                given = self.lex.given_gender.get(e.full.split()[0]) if e and len(e.full.split()) > 1 else None
                if e and not e.team and (want is None or (e.gender or given) in (None, want)):
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
            mods = m.value.get("mods", "").split()
            if gender == "men" and head in lex.neutral_titles and mods and \
                    lex.country_words.get(mods[-1], ("", ""))[1] == "adjective":
                gender = None  # "de nieuwe Nederlands kampioen": the title of a champion of either gender
            nxt = _WORD.findall(self.text[m.end:m.end + 30])[:1]
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
            count = next((lex.number_words[w] for w in m.value.get("mods", "").split() if w in lex.number_words), 0)
            # "twee Nederlandse oud-winnaressen": a number before the demonym makes it a group whatever the noun
            if (nxt and nxt[0].lower() in lex.plural_heads) or (cw and cw[1] == "plural") or (cw and count > 1):
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

            prev_person = next((p for p in reversed(self._person_mentions) if p.end <= m.start
                                and self.text[p.end:p.end + 1] == "," and _COMMA_GAP.fullmatch(self.text[p.end:m.start])), None)
            if prev_person is not None and (ent := self.by_mention.get((prev_person.start, prev_person.end))) \
                    and ok_basic(ent, code, gender):
                ent.set_country(code)
                ent.set_gender(gender)
                return ent  # "Kai Verbij, de titelverdediger, ..."
            if code and clause_subject is not None and _COMMA_END.search(self.text[max(0, m.start - 3):m.start]) \
                    and _LOWERCASE_AFTER.match(self.text[m.end:m.end + 3]) and ok_basic(clause_subject, code, gender):
                # "Smit viel uit na een crash, de Schot had ...": a new main clause about the same one
                clause_subject.set_country(code)
                clause_subject.set_gender(gender)
                return clause_subject
            words_before = _WORD.findall(self.text[max(0, m.start - 40):m.start])
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
                # "Ook bij Smit ging het mis: de Nederlandse ...": one named earlier in the same sentence
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

    def _resolve_known(self, r: Mention) -> Entity | None:
        if r.kind == "TEAMREF":
            return r.value
        return self.resolved_refs.get((r.start, r.end)) or self.by_mention.get((r.start, r.end))

    def _counted_group(self, m: Mention, code: str, count: int, subject_position: bool) -> None:
        """'De twee Nederlanders' (the two named before) / 'moest twee Amerikanen voor zich dulden' (the two named next)."""
        if _COMMA_END.search(self.text[max(0, m.start - 3):m.start]):
            return  # an apposition ("X en Y, de twee Nederlandse schaatssters"): handled with its names
        top = self.lex.top_regex.match(self.text, m.end, m.end + 25)
        if top and (top.group(1).isdigit() or top.group(1).lower() in self.lex.cardinals):
            # "twee Britten in de top drie": the ones placed there (known once the article is read)
            n = int(top.group(1)) if top.group(1).isdigit() else self.lex.cardinals[top.group(1).lower()]
            self.top_groups.append((code, count, n, self.event))
            return
        sentence_end = next((e for b in self.blocks for s, e in b.sentences if s <= m.start < e), m.end)
        colon = self.text.find(":", m.end, sentence_end)
        if colon >= 0:
            # "ook twee Nederlandse oud-winnaressen gingen van start: X en Y": the ones named after the colon
            pool = list(dict.fromkeys(e for p in self.mentions if p.kind == "PERSON" and colon < p.start < sentence_end
                                      and (e := self.by_mention.get((p.start, p.end))) is not None and not e.team))
        elif subject_position:
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
        if not people or not self.gate.may_match(self.patterns.compatriot, s, e):
            return
        for m in self.patterns.compatriot.finditer(self.text[s:e]):
            pos = s + m.end()
            person = next((p for p in people if 0 <= p.start - pos <= 1), None)
            ent = self.by_mention.get((person.start, person.end)) if person else None
            if ent is None:
                continue
            before = [self.by_mention.get((p.start, p.end)) for p in people if p.end <= s + m.start()]
            source = None
            if self.patterns.possessive_before.search(self.text[max(s, s + m.start() - 7):s + m.start()]):
                # "hield Sato en haar landgenote Visser achter zich": "haar" is the subject
                if main_subject is not None and main_subject is not ent and main_subject.country:
                    source = main_subject
            if source is None and self.patterns.first_person_before.search(self.text[max(s, s + m.start() - 7):s + m.start()]):
                # "onze landgenote": of the readers' country ("de beste Belg"), else the one of the
                # report's first competitor
                if (home := self._home_country()):
                    ent.set_country(home)
                    continue
                source = next((x for x in sorted(self.entities, key=lambda x: min((p.start for p in x.mentions), default=10**9))
                               if x is not ent and x.country and not x.team and x.mentions), None)
            owner = next((p for p in people if _GENITIVE_S_GAP.fullmatch(self.text[p.end:s + m.start()])), None)
            if source is None and owner is not None and (x := self.by_mention.get((owner.start, owner.end))) \
                    and x is not ent and x.country:
                source = x  # "Kopecky's landgenote X"
            if source is None:
                source = next((x for x in reversed(before) if x is not None and x is not ent and x.country), None)
            if source is None:
                # "Zijn landgenoot X maakte het Noorse feest compleet": the country the sentence names
                told = {c.value[0] for c in self.mentions if c.kind == "COUNTRY" and s <= c.start < e
                        and c.value[1] in ("adjective", "female") and _LOWERCASE_AFTER.match(self.text[c.end:c.end + 3])}
                source = next((x for x in reversed(self.recent) if x is not ent and x.country in told), None)
            if source is None and self.prev_focus is not None and self.prev_focus is not ent:
                source = self.prev_focus
            if source is not None:
                ent.set_country(source.country)
            ent.set_gender(self.lex.gender_of_word(m.group(1)) if m.group(1).lower() != "landgenoten" else None)

    def _home_country(self) -> str | None:
        """The readers' country, when the report names the best of one ("Jan Smit was de beste Belg")."""
        codes = {cw[0] for m in self.lex.home_country_regex.finditer(self.text)
                 if (cw := self.lex.country_words.get(m.group("w").lower())) and cw[1] in ("male", "female")}
        return codes.pop() if len(codes) == 1 else None

    def _as_crews(self, ent: Entity) -> list[Entity]:
        """The competitor and, for a nation, its crews named by their members ("Nederland" after
        "X, Y, Z en W zwommen naar goud")."""
        if ent.team and ent not in self.crews and ent.country:
            return [ent] + [c for c in self.crews if c.country == ent.country]
        return [ent]
