"""Sport of an article and of its sections (a weekend round-up with a heading per sport)."""
from __future__ import annotations

import extract
from extract.recognize import find_blocks
from extract.sports import detect_sport, sport_sections

ROUND_UP = """Sportweekend in het kort

Schaatsen

Anna Visser won de 1000 meter in 1.14,20. Lena Sato werd tweede in 1.14,55.

Wielrennen

Pieter Jansen won de Omloop van de Polder. Karel Smit werd tweede op 12 seconden.

Voetbal

FC Dorp won met 2-1 van Sparta Stad. Tom de Wit scoorde in de 23e minuut.
"""


def test_sections_follow_sport_headings():
    blocks = find_blocks(ROUND_UP)
    sections = sport_sections(ROUND_UP, blocks, "speed_skating")
    assert [s for s, _ in sections] == ["speed_skating", "speed_skating", "cycling", None]
    # the sport headings themselves belong to no section
    assert all(ROUND_UP[b.start:b.end] not in ("Schaatsen", "Wielrennen", "Voetbal") for _, bs in sections for b in bs)


def test_round_up_rows_carry_their_sections_sport():
    rows = {(r.athlete, r.sport, r.event, r.rank) for r in extract.extract_text(ROUND_UP).results}
    assert ("Anna Visser", "speed_skating", "1000m", 1) in rows
    assert ("Lena Sato", "speed_skating", "1000m", 2) in rows
    assert ("Pieter Jansen", "cycling", "road_race", 1) in rows
    assert ("Karel Smit", "cycling", "road_race", 2) in rows
    assert not any(r[0] == "Tom de Wit" for r in rows)  # the football section gives nothing


def test_one_section_without_sport_headings():
    text = "Anna Visser won de 1000 meter in 1.14,20.\n\nDe 500 meter\n\nLena Sato won in 37,50."
    sections = sport_sections(text, find_blocks(text), "speed_skating")
    assert len(sections) == 1 and sections[0][0] == "speed_skating"


def test_headline_words_weigh_more():
    # one triathlon word in the headline beats two swimming words far below it
    filler = "Het was een warme dag aan het meer en er stond veel publiek langs het parcours. " * 4
    text = (f"Triatlon: Jansen wint in Almere\n\n{filler}\n\nNa het zwemmen lag hij derde; bij het zwemmen "
            "verloor hij tijd, op de fiets maakte hij het goed.")
    assert text.index("zwemmen") > 300
    assert detect_sport(text) == "triathlon"
