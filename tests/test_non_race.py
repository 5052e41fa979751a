"""Match reports of sports without race results (football, tennis, darts) give no result rows, race reports keep
theirs, and scripts/non_race_rows.py counts the rows that slip through. Every text here is invented."""
from __future__ import annotations

import copy
import dataclasses
import subprocess
import sys

import pandas as pd
import pytest
import yaml

import extract
from extract.lexicon import PatternFileError, get_lexicon, validate
from extract.sports import detect_sport, non_race_votes

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "non_race_rows.py"

# "derde ronde van" and "Grand Prix" are words of timed sports: the scores, minutes and match words must outweigh them
FOOTBALL = """PSV na penalty's door in de beker

PSV heeft zich in de derde ronde van de KNVB-beker met moeite ontdaan van Go Ahead Eagles. Na 120 minuten stond het 2-2, \
in de penaltyserie won PSV met 4-3.
Go Ahead kwam in de 23e minuut op voorsprong via Luuk Dekker. Kort na rust maakte Sven Bos gelijk: 1-1. In minuut 88 leek \
Dekker met zijn tweede goal de winnaar, maar in de 90+3 redde Bos PSV met een kopbal.
Bos werd zo met negen goals eerste in de competitie, Dekker staat tweede. PSV speelt zaterdag de competitiewedstrijd tegen Ajax."""

TENNIS = """Verbeek naar kwartfinale in Rosmalen

Lotte Verbeek heeft de kwartfinale van het grastoernooi in Rosmalen bereikt. De 24-jarige Nederlandse won in de tweede \
ronde na 1 uur en 48 minuten van de als derde geplaatste Duitse Anna Keller: 6-4, 7-6 (5).
In de eerste set pakte Verbeek direct een break. In de tiebreak van de tweede set benutte ze haar tweede matchpoint.
Keller won vorig jaar nog de titel in Rosmalen. Verbeek speelt vrijdag tegen de Belgische Julie Claes, die in de tweede \
ronde met 7-5, 6-2 won van Mia Brandt."""

DARTS = """De Groot wint Grand Prix van Leeuwarden

Rik de Groot heeft de Grand Prix van Leeuwarden gewonnen. In de finale versloeg de Fries Sem Bakker met 6-3 in sets, \
na 2 uur en 5 minuten.
De Groot gooide een gemiddelde van 98,45 en maakte de beslissende leg uit op dubbel 16. Bakker werd tweede met een \
gemiddelde van 94,10.
In de halve finale won De Groot met 5-2 van titelverdediger Joris Smit. De Groot verdient 20.000 euro."""

# race reports holding a few words that also occur in match reports ("break", "competitie")
CYCLING = """Vermeer wint tweede etappe in Drenthe

Daan Vermeer heeft de tweede etappe van de Ronde van Drenthe gewonnen. Na 178 kilometer was de renner van het Limburgse \
team in de sprint de snelste van het peloton, in een tijd van 4.12.36.
Bram Hofstra werd tweede, Luuk Smits derde. De break van de dag, met vier renners, werd op tien kilometer van de streep \
ingelopen.
Vermeer staat in de competitie om de puntentrui nu eerste."""

SKATING = """De Wit de snelste op de 1500 meter

Sanne de Wit heeft in Thialf de 1500 meter gewonnen in 1.54,32. Eva Mulder werd tweede in 1.55,01, Noor Hendriks derde \
in 1.55,48.
De schaatssters reden op de tweede dag van de wereldbeker. In de competitie om de wereldbeker staat De Wit nu eerste."""


# --- match reports without front matter -----------------------------------------------------------

@pytest.mark.parametrize("text", [pytest.param(FOOTBALL, id="football"), pytest.param(TENNIS, id="tennis"),
                                  pytest.param(DARTS, id="darts")])
def test_match_report_gives_no_results(text):
    ex = extract.extract_text(text, article_id="wedstrijd")
    assert ex.article.sport is None
    assert ex.results == () and ex.records == ()
    assert detect_sport(text) is None


def test_corpus_match_reports_give_no_rows():
    listed = [line.strip() for line in (ROOT / "corpus" / "gold_src" / "no_results.txt").read_text().splitlines()
              if line.strip()]
    files = [p for p in (ROOT / "corpus" / "articles").iterdir() if p.stem in listed]
    assert len(files) == len(listed) >= 10
    rows = {ex.article.article_id: len(ex.results) for ex in extract.extract_paths(files)}
    assert sorted(rows) == sorted(listed)
    assert {k: n for k, n in rows.items() if n} == {}


@pytest.mark.parametrize("category", ["voetbal", "eredivisie", "Champions League", "tennis", "wta", "darts", "pdc"])
def test_non_race_category_decides(category):
    ex = extract.extract_text(SKATING, categories=["sport", category])
    assert ex.article.sport is None and ex.results == ()


def test_non_race_categories_name_their_sport():
    lex = get_lexicon()
    assert lex.non_race_category_sport["eredivisie"] == "football"
    assert lex.non_race_category_sport["davis cup"] == "tennis"
    assert lex.non_race_category_sport["darts"] == "darts"
    assert {"voetbal", "tennis", "darts", "hockey"} <= lex.non_race_categories
    assert not set(lex.non_race_categories) & set(lex.category_sport)  # no category means both


# --- race reports keep their sport and rows --------------------------------------------------------

def test_cycling_report_keeps_its_sport():
    ex = extract.extract_text(CYCLING)
    assert ex.article.sport == "cycling"
    assert [(r.athlete, r.rank) for r in ex.results][:3] == [("Daan Vermeer", 1), ("Bram Hofstra", 2), ("Luuk Smits", 3)]


def test_skating_report_keeps_its_sport():
    ex = extract.extract_text(SKATING)
    assert ex.article.sport == "speed_skating"
    rows = [(r.athlete, r.event, r.time_s, r.rank) for r in ex.results]
    assert rows[:2] == [("Sanne de Wit", "1500m", 114.32, 1), ("Eva Mulder", "1500m", 115.01, 2)]
    assert len(rows) == 3


def test_race_category_wins_over_match_words():
    ex = extract.extract_text(FOOTBALL.split("\n\n", 1)[1] + "\n" + SKATING, categories=["schaatsen"])
    assert ex.article.sport == "speed_skating"
    assert any(r.athlete == "Sanne de Wit" for r in ex.results)


# --- the votes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, votes", [
    pytest.param("Ze won met 6-4, 7-6 (5).", 3, id="set-scores-and-tiebreak"),
    pytest.param("Het werd 3-1. Na rust stond het nog 1-1.", 2, id="match-scores"),
    pytest.param("In de 23e minuut viel de 0-1.", 2, id="minute-and-score"),
    pytest.param("Het WTA-toernooi en het voetbalweekend.", 2, id="compounds"),
    pytest.param("Hij gooide een gemiddelde van 101,45 en een checkout van 170.", 2, id="darts-average"),
])
def test_non_race_votes_count(text, votes):
    assert non_race_votes(text) == votes


@pytest.mark.parametrize("text", [
    pytest.param("De 9-jarige reed in het seizoen 2019-20 een rit van 10-12 km.", id="age-season-range"),
    pytest.param("Een 1-2-3 voor het team; de marge was 3-1,5 seconde.", id="podium-and-decimal"),
    pytest.param("Verstappen scoorde vier punten; Leclerc wist geen punten te scoren.", id="points-scored"),
    pytest.param("Ze reed met een gemiddelde van 45,3 km per uur. Ik leg uit waarom.", id="speed-and-verb"),
    pytest.param("Ze liep de 1500 meter in 4.01,23 en de 800 meter in 2.01,5.", id="race-times"),
])
def test_race_text_has_no_non_race_votes(text):
    assert non_race_votes(text) == 0


def test_invalid_score_pattern_is_reported():
    data = yaml.safe_load((ROOT / "patterns" / "sports.yml").read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    broken["non_race_sports"]["tennis"]["patterns"][0] = r"(\d-\d"
    with pytest.raises(PatternFileError, match=r"non_race_sports\.tennis\.patterns\[0\].*valid regular expression"):
        validate("patterns/sports.yml", broken)


# --- scripts/non_race_rows.py -------------------------------------------------------------------------

def run_script(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=120)


def _as_post(ex: extract.Extraction, categories: tuple[str, ...]) -> extract.Extraction:
    """The extraction with other front-matter categories (a misdetected post, for the script to find)."""
    return dataclasses.replace(ex, article=dataclasses.replace(ex.article, categories=categories))


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    skating = extract.extract_text(SKATING, article_id="schaatsen-1", categories=["sport", "schaatsen"])
    football = extract.extract_text(FOOTBALL, article_id="voetbal-1", categories=["sport", "voetbal"])
    tennis = extract.extract_text(TENNIS, article_id="tennis-1", categories=["sport", "tennis"])
    # a race post that the run took for a football post: its rows are the false positives the script reports
    leak = _as_post(extract.extract_text(SKATING, article_id="voetbal-2"), ("sport", "eredivisie"))
    mixed = extract.extract_text(CYCLING, article_id="gemengd-1", categories=["sport", "voetbal", "wielrennen"])
    extractions = [skating, football, tennis, leak, mixed]
    assert [len(e.results) for e in extractions] == [3, 0, 0, 3, len(mixed.results)] and mixed.results
    extract.write_parquet(extractions, out)
    return out


def test_script_counts_rows_of_non_race_posts(run_output):
    proc = run_script(run_output)
    assert proc.returncode == 1, proc.stderr  # 3 rows in 3 posts: 200 per 200 posts
    lines = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines() if line.strip()}
    assert lines["football"] == ["2", "3", "300.0"]  # voetbal-1 and voetbal-2 ("eredivisie")
    assert lines["tennis"] == ["1", "0", "0.0"]
    assert lines["darts"] == ["0", "0", "0.0"]
    assert lines["total"] == ["3", "3", "200.0"]  # gemengd-1 names a timed sport too: left out
    assert "voetbal-2" in proc.stdout and "Sanne de Wit" in proc.stdout and "1.54,32" in proc.stdout
    assert "schaatsen-1" not in proc.stdout and "gemengd-1" not in proc.stdout
    assert "FAIL" in proc.stdout


def test_script_threshold_and_clean_output(run_output, tmp_path):
    assert run_script(run_output, "--max-per-200", "200").returncode == 0
    clean = [extract.extract_text(t, article_id=i, categories=["sport", c]) for t, i, c in
             ((FOOTBALL, "v", "voetbal"), (DARTS, "d", "darts"), (SKATING, "s", "schaatsen"))]
    extract.write_parquet(clean, tmp_path)
    proc = run_script(tmp_path, "--max-per-200", "0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Offending rows" not in proc.stdout and "OK" in proc.stdout
    results = pd.read_parquet(tmp_path / "results.parquet")
    assert set(results["article_id"]) == {"s"}


def test_script_help_and_errors(tmp_path):
    proc = run_script("--help")
    assert proc.returncode == 0
    for word in ("--max-per-200", "--limit", "Exit codes"):
        assert word in proc.stdout
    assert run_script().returncode == 2
    proc = run_script(tmp_path / "nothing")
    assert proc.returncode == 3 and "cannot read" in proc.stderr
