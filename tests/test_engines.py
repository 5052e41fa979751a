"""Stdlib re runs some patterns in place of regex (extract.lexicon.compile_regex): only where both find the
same matches. These tests check the grounds for that: the plain characters, the syntax check, and that a
FastPattern and a TextWords lookup find what regex finds."""
from __future__ import annotations

import re

import pytest
import regex

from extract.lexicon import TextWords, _is_word_char, compile_regex, get_lexicon, is_plain, word_keys, words_regex
from extract.times import _starts_with_digit

ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
PLAIN = "".join(ch for ch in ALL if is_plain(ch))
FLAGS = [(0, 0), (re.I, regex.I), (re.I, regex.I | regex.V1)]


def test_plain_characters_cover_dutch_text():
    assert is_plain("Één Nederlandse ’t Hooft-Brønstad won in 1.12,25 — „ja” (€ 5) ½") is False  # ½: a digit to re only
    assert is_plain("Één Nederlandse ’t Hooft-Brønstad won in 1.12,25 — „ja” (€ 5) Ölçer Łódź")
    for ch in "ßİı²\u0301\u200dДω":
        assert not is_plain(ch), ch


@pytest.mark.parametrize("probe", [r"\w", r"\W", r"\s", r"\S", r"\d", r"[\w-]", r"[^\w-]", r"\b", r".", r"[\w’'\s-]",
                                   r"[a-z]", r"[A-Z]", r"[^a-z]", r"[a-zà-ÿ]", r"[k-t]", r"[0-9]"])
def test_engines_agree_on_classes_of_plain_characters(probe):
    for re_flags, regex_flags in FLAGS:
        assert re.findall(probe, PLAIN, re_flags) == regex.findall(probe, PLAIN, regex_flags)
    assert [ch for ch in PLAIN if _is_word_char(ch)] == re.findall(r"[\w-]", PLAIN)


def test_engines_agree_on_case_among_plain_characters():
    for ch in PLAIN:
        same = set(re.findall(re.escape(ch), PLAIN, re.I))
        assert same == set(regex.findall(regex.escape(ch), PLAIN, regex.I)), ch
        assert same == set(regex.findall(regex.escape(ch), PLAIN, regex.I | regex.V1)), ch
        assert len(ch.casefold()) == 1 and (re.match(r"[\w-]", ch) is None) == (re.match(r"[\w-]", ch.casefold()) is None)


def test_regex_takes_a_plain_character_for_another_only_where_their_case_folds_agree():
    # the ground of TextWords: a plain phrase matches plain text only where their case folds agree
    for flags in (regex.I, regex.I | regex.V1):
        for ch in PLAIN:
            for other in regex.findall(regex.escape(ch), PLAIN, flags):
                assert other.casefold() == ch.casefold(), (other, ch)
    # not so beyond them: hence word_keys() only for plain phrases
    assert regex.fullmatch("İ", "i", regex.I) and "İ".casefold() != "i"
    assert word_keys(["İstanbul"]) is None


@pytest.mark.parametrize("pattern, flags", [
    (r"\p{Lu}\w+", 0), (r"[[a-z]--[aeiou]]", regex.V1), (r"(?:kampioen){e<=1}", 0), (r"(?P<n>a)|(?P<n>b)", 0),
    (r"(?<=\b(?:de|het)\s+)\w+", 0), (r"\s*", 0), (r"ı", regex.I), (r"straße", regex.I | regex.V1), (r"[[:alpha:]]", 0),
    (r"(?i)a", 0), (r"a", regex.BESTMATCH), (r"(?r)a", 0), (r"\m\w+", 0), (r"[\u0100-\uffff]", 0), (r"(s)\1", regex.I),
])
def test_regex_only_patterns_stay_on_regex(pattern, flags):
    assert compile_regex(pattern, flags).fast is None


@pytest.mark.parametrize("pattern, flags", [
    (r"(?<![\w-])(?:wereld(?:record|kampioen)|de\s+winnaar)(?![\w-])", regex.I | regex.V1),
    (r"(?<![\w.,])(?P<n>\d{1,3})(?:e|ste|de)(?![\w])", regex.I), (r"(?-i:[A-Z])\w+", regex.I), (r"[0-9]+(?=\s)", 0),
])
def test_plain_patterns_run_on_re(pattern, flags):
    fast = compile_regex(pattern, flags)
    assert fast.fast is not None
    text = "De winnaar: WERELDRECORD, 12de Ölçer-wereldkampioen 3e x 45 Waarom"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in regex.finditer(pattern, text, flags)]


def test_fast_pattern_answers_like_regex_on_any_text():
    rx = words_regex(["de Belg", "Belg", "wereldrecord", "strasse"])
    for text in ["de  Belg en het WERELDRECORD", "de Belg\u0301 won", "STRAßE", "Straße de Belg ²", "x-de Belg"]:
        exact = regex.compile(rx.pattern, rx.flags)
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in exact.finditer(text)]
        assert [m.span() for m in TextWords(text).finditer(rx)] == [m.span() for m in exact.finditer(text)]
        assert rx.findall(text) == exact.findall(text)
        assert (rx.search(text, 3, 12) is None) == (exact.search(text, 3, 12) is None)


def test_word_keys_pick_a_rare_word_and_how_far_back_it_stands():
    assert word_keys(["de winnaar", "op zijn naam", "Wereldrecord"]) == {"winnaar": (1,), "naam": (2,), "wereldrecord": (0,)}
    assert word_keys(["’s morgens"]) is None  # does not start with a word: scanned as before


def test_text_words_find_what_the_lists_find():
    lex = get_lexicon()
    texts = ["De winnaar van de 5000 meter, de Nederlandse Jutta Leerdam, reed een Nederlands record; op zijn naam.",
             "WERELDKAMPIOEN\nde\n  winnaar-x de winnaar", "x-de winnaar werd tweede (NED) in Hamar. Bij de 500 meter lag ze derde",
             "Zo’n Noor: Jan-Erik was niet van start gegaan. Vorig jaar won hij, na zijn zege in Sint-Petersburg"]
    lists = [v for v in vars(lex).values() if hasattr(v, "keys") and getattr(v, "exact", None) is not None]
    assert len(lists) > 15
    for text in texts:
        words = TextWords(text)
        for rx in lists:
            assert [m.span() for m in words.finditer(rx)] == [m.span() for m in rx.exact.finditer(text)], rx


@pytest.mark.parametrize("pattern, digit_first", [
    (r"\d", True), (r"(?P<m>\d{1,3})(?:[.:](?P<s>[0-5]\d)|:(?P<s>\d))", True), (r"(?P<s>[1-9]\d)\.", True),
    (r"\d?x", False), (r"(?:\d|a)", False), (r"\d*", False), (r"[^\d]", False), (r"\p{N}", False), (r"(?=a)\d", True),
])
def test_times_scanner_skips_to_digits_only_when_every_notation_starts_with_one(pattern, digit_first):
    assert _starts_with_digit(pattern) is digit_first


def test_patterns_tried_only_where_their_first_word_stands_find_what_a_scan_finds():
    from extract import recognize
    lex, rx = get_lexicon(), recognize._regexes()
    texts = ["Ze won; zij-aan-zij met ZE. Hij gaf na 20 km op, x-hij viel uit en ging onderuit. Deze zege.",
             "Zij haalde de finale van de 400 meter niet. Strandde zij in de halve finale? Die\u0301 ze hij",
             "zeze hijhij die-hard gafop; HAALDE DE FINALE niet"]
    for text in texts:
        words = TextWords(text)
        for pattern, starts in [(rx["pron"], rx["pron_words"]), (lex.status_split_regex, rx["separable_verbs"]),
                                (lex.status_gapped_regex, rx["gapped_first_words"])]:
            assert starts is not None
            found = [m.span() for m in recognize._starting_with(words, pattern, starts)]
            assert found == [m.span() for m in pattern.finditer(text)], (text, pattern.pattern[:40])
        assert [m.span() for m in recognize._descriptions(text, words, rx)] == [m.span() for m in rx["desc"].finditer(text)]
