"""How a sentence divides: clauses, relative clauses, prepositions and predicates."""
from __future__ import annotations

from typing import Any

import regex

from ..recognize import Mention
from .model import _COMMA_SPACE, _WORD

_RECORD_GAP = regex.compile(r"\s*(?:\([^)]*\))?\s*,?\s*")  # "het record (6.05,10), dat ..."
_EN_OR_COMMA = regex.compile(r"\sen\s|,\s")
_CAPITAL_AFTER = regex.compile(r"\s*\p{Lu}")
_PARENTHESES = regex.compile(r"\([^)]*\)")
_WORD_APOSTROPHE = regex.compile(r"[\w’'-]+")


class ClauseMixin:
    """The linker's methods for this concern (the class is assembled in extract.linking)."""

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
        for m in self.lex.relative_regex.finditer(text[s:e]) if self.gate.may_match(self.lex.relative_regex, s, e) else ():
            pos = s + m.start(1)
            if any(x.kind in ("ROUND", "EVENT") and x.start == s + m.end() for x in ms):
                continue  # "bereikte die finale wel": a demonstrative before a noun, no relative clause
            rec = next((r for r in reversed(records) if r.end <= pos
                        and _RECORD_GAP.fullmatch(text[r.end:pos])), None)
            prev = next((r for r in reversed(refs) if r.end <= pos), None)
            if rec is None and prev is not None and prev.kind == "PERSON":
                # "het record van Berg, die in 2011 op 6.05,10 uitkwam": the clause tells the record
                rec = next((r for r in reversed(records) if 0 <= prev.start - r.end <= 8
                            and self.patterns.genitive_gap.fullmatch(text[r.end:prev.start])), None)
            if rec is not None:
                cuts.append((pos, None, True, rec))
            elif (m.group(1) in self.lex.demonstrative_pronouns or prev is not None and prev.kind == "TEAMREF") and prev and (
                    self.lex.relative_gap_regex.fullmatch(text[prev.end:pos]) or (prev.kind == "DESC" and text[prev.end:pos].strip().lower() in self.lex.plural_heads)):
                cuts.append((pos, prev, True, None))
            else:
                cuts.append((pos, "subordinate", True, None))
        value_pos = [m.start for m in ms if m.kind in ("TIME", "RANK", "WIN", "EVENT", "STATUS", "POINTS", "LEAD", "WINOBJ")]
        for m in self.lex.conjunction_cut_regex.finditer(text[s:e]) \
                if self.gate.may_match(self.lex.conjunction_cut_regex, s, e) else ():
            cuts.append((s + m.start() + 1, None, False, None))
        # ", X werd tweede", "en Bowe ...": a cut before a new subject (none to find where no one is named)
        starters = [r for r in ms if r.kind in ("PERSON", "PRON", "DESC", "TEAMREF")]
        for m in _EN_OR_COMMA.finditer(text[s:e]) if starters else ():
            pos = s + m.start() + 1
            lead_in = self.patterns.clause_lead_in.match(text[s + m.end():e])
            # ", Roemenië werd tweede": a country as a team starts a new clause like a name
            nxt = next((r for r in starters if 0 <= r.start - (s + m.end()) <= 1), None)
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
                if nxt.kind == "DESC" and not _CAPITAL_AFTER.match(after):
                    continue
            if nxt is None:
                continue
            if nxt.kind == "PERSON" and self._inside_name_list(s + m.start(), nxt, ms):
                continue  # "zwommen Anna Berg, Eva de Vries, Mia Jansen en Lisa Smit naar goud": one subject
            clause_start = max([c[0] for c in cuts if c[0] < pos] + [s])
            parens = [(a.start(), a.end()) for a in _PARENTHESES.finditer(text[clause_start:pos])]
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
                comma = _COMMA_SPACE.search(text, cut, e)
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

    def _after_preposition(self, start: int, pos: int) -> bool:
        """Is the mention at ``pos`` the object of a preposition ("naar Canada", "tegen de Noor Berg")?"""
        words = _WORD_APOSTROPHE.findall(self.text[start:pos])
        while words and (words[-1].lower() in self.lex.determiners or
                         words[-1].lower() in self.lex.country_words or words[-1].lower() in self.lex.titles):
            words.pop()
        return bool(words) and words[-1].lower() in self.lex.prepositions

    def _predicate(self, pos: int, start: int) -> bool:
        """Is the description at ``pos`` a predicate ("X is de nieuwe kampioene")?"""
        words = _WORD_APOSTROPHE.findall(self.text[start:pos])
        return bool(words) and any(w.lower() in self.lex.copulas for w in words[-2:])

    def _next_predicate(self, start: int, end: int) -> bool:
        """'werd derde op 19 seconden en behield de rode trui': an event after 'en' and a verb is another predicate's."""
        for m in self.lex.predicate_joiner_regex.finditer(self.text, start, end):
            w = m.group(1)
            if w not in self.lex.determiners and w not in self.lex.ordinals and w not in self.lex.medals \
                    and w not in self.lex.prepositions and not w.isdigit():
                return True
        return False

    def _inside_name_list(self, pos: int, nxt: Mention, ms: list[Mention]) -> bool:
        """Is the comma or joiner at ``pos``, between two names, inside a list of three or more names?"""
        people = [m for m in ms if m.kind == "PERSON"]
        prev = next((p for p in reversed(people) if p.end <= pos), None)
        if prev is None or self.text[prev.end:pos].strip():
            return False
        link = self.patterns.list_gap
        before = next((p for p in reversed(people) if p.end <= prev.start), None)
        after = next((p for p in people if p.start >= nxt.end), None)
        return bool(before and link.fullmatch(self.text[before.end:prev.start])) or bool(
            after and link.fullmatch(self.text[nxt.end:after.start]))

    def _next_round(self, r: Mention, ms: list[Mention]) -> bool:
        """Is the round the one reached or missed, not the one raced ("plaatste zich voor de finale",
        "haalde de finale niet", but "strandde in de halve finale")?"""
        words = _WORD.findall(self.text[max(0, r.start - 30):r.start].lower())
        while words and words[-1] in self.lex.determiners:
            words.pop()
        before = words[-1] if words else ""
        if any(m.kind == "STATUS" and m.start <= r.start < m.end for m in ms):
            return before not in self.lex.round_raced_before
        return before in self.lex.next_round_before

    def _listed_distance(self, m: Mention) -> bool:
        """Is the distance ``m`` one of a list of distances ("de 5000 en 10.000 meter", "500, 1500 en 3000 meter")?"""
        if m.kind != "EVENT" or not m.value[1]:
            return False
        before = self.patterns.listed_distance_before.search(self.text[max(0, m.start - 30):m.start])
        after = self.patterns.listed_distance_after.match(self.text[m.end:m.end + 30])
        return bool(before or after)
