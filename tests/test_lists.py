"""Results lists in the shapes reports use: numbered lines, one-line lists, tab/semicolon/pipe fields, tables."""
from __future__ import annotations

import pytest

import extract


def rows(text: str, **kw) -> set[tuple]:
    return {(r.athlete or r.team, r.country, r.event, r.time_s, r.rank, r.status)
            for r in extract.extract_text(text, **kw).results}


HEAD = "Schaatsen in Inzell\n\nUitslag 1000 meter vrouwen\n"
EXPECTED = {("Anna Visser", "NED", "1000m", 73.2, 1, "finished"), ("Lena Sato", "JPN", "1000m", 73.55, 2, "finished")}


@pytest.mark.parametrize("lines", [
    "1. Anna Visser (Ned) 1.13,20\n2. Lena Sato (Jap) 1.13,55",
    "1. Anna Visser (Ned) - 1.13,20\n2. Lena Sato (Jap) - 1.13,55",
    "1\tAnna Visser\tNED\t1.13,20\n2\tLena Sato\tJPN\t1.13,55",
    "1; Anna Visser; NED; 1.13,20\n2; Lena Sato; JPN; 1.13,55",
    "1;Anna Visser;NED;1.13,20\n2;Lena Sato;JPN;1.13,55",
    "1 | Anna Visser | NED | 1.13,20\n2 | Lena Sato | JPN | 1.13,55",
    "Uitslag: 1. Anna Visser (Ned) 1.13,20 2. Lena Sato (Jap) 1.13,55",
], ids=["numbered", "dash", "tabs", "semicolons", "semicolons-tight", "pipes", "one-line"])
def test_list_shapes(lines):
    assert rows(HEAD + lines) == EXPECTED


def test_one_line_list_of_teams_after_a_boat_class():
    text = "Roeien in Varese\n\nAcht mannen: 1. Nederland 5:32.44 2. Groot-Brittannië 5:33.10 3. Roemenië 5:35.87"
    got = rows(text, categories=["roeien"])
    assert got == {("Nederland", "NED", "eight", 332.44, 1, "finished"),
                   ("Groot-Brittannië", "GBR", "eight", 333.1, 2, "finished"),
                   ("Roemenië", "ROU", "eight", 335.87, 3, "finished")}


def test_non_finishers_line_of_a_list():
    text = ("Atletiek in Hengelo\n\n5000 meter mannen\n1. Piet Jansen (Ned) 13.10,20\n2. Karel Smit (Bel) 13.12,00\n"
            "Opgave: Tom de Wit (Ned)\nGediskwalificeerd: Bas Visser (Ned)")
    got = rows(text, categories=["atletiek"])
    assert ("Tom de Wit", "NED", "5000m", None, None, "dnf") in got
    assert ("Bas Visser", "NED", "5000m", None, None, "dsq") in got
    assert ("Piet Jansen", "NED", "5000m", 790.2, 1, "finished") in got


def test_html_table(tmp_path):
    page = tmp_path / "uitslag.html"
    page.write_text("<h2>Uitslag 500 meter vrouwen</h2><table><tr><td>1</td><td>Anna Visser</td><td>NED</td>"
                    "<td>36,95</td></tr><tr><td>2</td><td>Lena Sato</td><td>JPN</td><td>37,10</td></tr></table>",
                    encoding="utf-8")
    [ex] = list(extract.extract_paths([page]))
    assert {(r.athlete, r.country, r.time_s, r.rank) for r in ex.results} == {
        ("Anna Visser", "NED", 36.95, 1), ("Lena Sato", "JPN", 37.1, 2)}


def test_list_abbreviation_that_is_also_a_surname():
    # "(Bol)" is Bolivia in a list, while "Anna Bol" is a name
    text = ("Atletiek in Lima\n\nUitslag 400 meter vrouwen\n1. Anna Bol (Ned) 50,37\n2. Rosa Quispe (Bol) 51,02")
    got = rows(text, categories=["atletiek"])
    assert got == {("Anna Bol", "NED", "400m", 50.37, 1, "finished"), ("Rosa Quispe", "BOL", "400m", 51.02, 2, "finished")}


def test_swimming_events_keep_their_stroke():
    text = ("Zwemmen in Kazan\n\nAnna Berg won de 50 meter rugslag in 25,93. Op de 50 meter vrije slag werd ze "
            "derde in 23,84. Lena Sato was op de 50 rug tweede (25,98).")
    got = {(r.athlete, r.event, r.stroke, r.time_s, r.rank) for r in extract.extract_text(text, categories=["zwemmen"]).results}
    assert got == {("Anna Berg", "50m", "backstroke", 25.93, 1), ("Anna Berg", "50m", "freestyle", 23.84, 3),
                   ("Lena Sato", "50m", "backstroke", 25.98, 2)}


def test_sentence_opening_with_a_quote_mark_after_a_round():
    # a sentence that opens with punctuation, after one that named a round, must not break the run
    text = ("Schaatsen in Inzell\n\nAnna Berg reed in de halve finale 1.10,20.\n\n"
            "„Het ging snel”, zei Berg, die daarna als eerste finishte in 1.09,90.")
    got = rows(text, categories=["schaatsen"])
    assert any(r[0] == "Anna Berg" for r in got)


def test_trade_teams_are_team_data_not_athletes():
    text = ("Wielrennen\n\nWout Smit (Visma-Lease a Bike) won de tijdrit in 22 minuten en 35 seconden. Jan Berg van "
            "Lidl-Trek werd tweede op 12 seconden. Karel de Vries werd derde.")
    got = {(r.athlete, r.club, r.team, r.rank) for r in extract.extract_text(text, categories=["wielrennen"]).results}
    assert got == {("Wout Smit", "Visma-Lease a Bike", None, 1), ("Jan Berg", "Lidl-Trek", None, 2),
                   ("Karel de Vries", None, None, 3)}
