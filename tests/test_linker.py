"""The linker, through extract_text, on short clear-cut reports: who gets which time, rank, status and country."""
from __future__ import annotations

import pytest

import extract
from extract.sports import detect_sport


def results(text: str, **kw) -> list[extract.RaceResult]:
    ex = extract.extract_text(text, **kw)
    for r in ex.results:  # every row can be traced back to the text
        assert ex.article.text[r.char_start:r.char_end] in ({r.time_text} if r.time_text else {e.text for _, e in r.evidence})
    return list(ex.results)


def by_competitor(text: str, **kw) -> dict[str, extract.RaceResult]:
    rows = results(text, **kw)
    out = {r.competitor: r for r in rows}
    assert len(out) == len(rows), f"one competitor twice: {rows}"
    return out


def test_subject_gets_time_rank_and_event():
    (r,) = results("Thomas Krol won de 1000 meter in 1.07,92.")
    assert (r.athlete, r.event, r.distance_m, r.time_s, r.time_text, r.rank, r.status) == (
        "Thomas Krol", "1000m", 1000, 67.92, "1.07,92", 1, "finished")
    assert r.sport == "speed_skating"
    assert r.sentence == "Thomas Krol won de 1000 meter in 1.07,92."


def test_pronoun_ze_refers_to_the_subject_before():
    (r,) = results("Irene Schouten won de 3000 meter. Ze klokte 3.56,93.")
    assert (r.athlete, r.event, r.time_s, r.rank) == ("Irene Schouten", "3000m", 236.93, 1)
    assert r.gender == "women"  # from "Ze"


def test_pronoun_hij_gives_men():
    (r,) = results("Thomas Krol won de 1000 meter. Hij klokte 1.07,92.")
    assert (r.athlete, r.time_s, r.rank, r.gender) == ("Thomas Krol", 67.92, 1, "men")


def test_die_refers_to_the_person_named_last():
    rows = by_competitor("Kjeld Nuis won de 1500 meter in 1.43,21. Thomas Krol werd tweede. Die reed 1.43,75.")
    assert set(rows) == {"Kjeld Nuis", "Thomas Krol"}
    assert (rows["Kjeld Nuis"].time_s, rows["Kjeld Nuis"].rank) == (103.21, 1)
    assert (rows["Thomas Krol"].time_s, rows["Thomas Krol"].rank) == (103.75, 2)


def test_description_de_amerikaanse():
    (r,) = results("Brittany Bowe werd tweede op de 1000 meter. De Amerikaanse reed 1.14,02.")
    assert (r.athlete, r.event, r.rank, r.time_s) == ("Brittany Bowe", "1000m", 2, 74.02)
    assert r.country == "USA"
    assert r.gender == "women"


def test_description_de_22_jarige():
    (r,) = results("Op de 1000 meter won Jutta Leerdam. De 22-jarige schaatsster klokte 1.13,83.")
    assert (r.athlete, r.event, r.rank, r.time_s) == ("Jutta Leerdam", "1000m", 1, 73.83)
    assert r.gender == "women"


@pytest.mark.parametrize("text, athlete, country, gender", [
    pytest.param("De Japanse Miho Takagi won de 1000 meter in 1.13,19.", "Miho Takagi", "JPN", "women", id="japanse"),
    pytest.param("Op de 500 meter won de Amerikaanse Erin Jackson in 37,04.", "Erin Jackson", "USA", "women",
                 id="amerikaanse"),
    pytest.param("De Noor Sander Eitrem won de 5000 meter in 6.08,12.", "Sander Eitrem", "NOR", "men", id="noor"),
])
def test_demonym_before_name_sets_country(text, athlete, country, gender):
    (r,) = results(text)
    assert (r.athlete, r.country, r.gender, r.rank) == (athlete, country, gender, 1)


def test_no_country_without_a_cue():
    (r,) = results("Thomas Krol won de 1000 meter in 1.07,92.")
    assert r.country is None


def test_bleef_y_en_z_voor():
    rows = by_competitor("Thomas Krol won de 1000 meter in 1.07,92. Hij bleef Kjeld Nuis en Laurent Dubreuil voor.")
    assert set(rows) == {"Thomas Krol", "Kjeld Nuis", "Laurent Dubreuil"}
    assert rows["Thomas Krol"].rank == 1
    assert rows["Kjeld Nuis"].rank == 2
    assert rows["Laurent Dubreuil"].rank == 3
    assert rows["Kjeld Nuis"].time_s is None  # no time was given for the others
    assert all(r.event == "1000m" for r in rows.values())


def test_de_zege_ging_naar():
    (r,) = results("De zege ging naar Gao Tingyu, die 34,32 klokte op de 500 meter.")
    assert (r.athlete, r.rank, r.time_s, r.event) == ("Gao Tingyu", 1, 34.32, "500m")


def test_de_zege_ging_naar_with_a_description_after():
    (r,) = results("Bij de mannen op de 500 meter ging de zege naar Gao Tingyu. De Chinees klokte 34,32.")
    assert (r.athlete, r.rank, r.time_s, r.event, r.gender, r.country) == ("Gao Tingyu", 1, 34.32, "500m", "men", "CHN")


def test_relative_clause_die_met_time_tweede_werd():
    rows = by_competitor("Jutta Leerdam won de 1000 meter in 1.13,83. "
                         "Ze was sneller dan Miho Takagi, die met 1.14,20 tweede werd.")
    assert (rows["Jutta Leerdam"].time_s, rows["Jutta Leerdam"].rank) == (73.83, 1)
    assert (rows["Miho Takagi"].time_s, rows["Miho Takagi"].rank) == (74.2, 2)


def test_three_clauses_three_results():
    rows = by_competitor("Kjeld Nuis won de 1500 meter in 1.43,21, Thomas Krol werd tweede in 1.43,55 "
                         "en Wesly Dijs derde in 1.44,40.")
    assert [(n, rows[n].rank, rows[n].time_s) for n in ("Kjeld Nuis", "Thomas Krol", "Wesly Dijs")] == [
        ("Kjeld Nuis", 1, 103.21), ("Thomas Krol", 2, 103.55), ("Wesly Dijs", 3, 104.4)]


def test_results_list_lines():
    text = ("Uitslag 1000 meter vrouwen\n\n"
            "1. Takagi (Jap) 1.11,83\n"
            "2. Leerdam (Ned) 1.12,04\n"
            "3. Bowe (VS) 1.12,36")
    rows = results(text)
    assert [(r.athlete, r.country, r.rank, r.time_s) for r in rows] == [
        ("Takagi", "JPN", 1, 71.83), ("Leerdam", "NED", 2, 72.04), ("Bowe", "USA", 3, 72.36)]
    assert {(r.event, r.gender) for r in rows} == {("1000m", "women")}


def test_gender_section_carries_over():
    rows = by_competitor("Erin Jackson won de 500 meter bij de vrouwen in 37,04. Femke Kok eindigde als vierde in 37,38.")
    assert (rows["Femke Kok"].rank, rows["Femke Kok"].time_s, rows["Femke Kok"].gender) == (4, 37.38, "women")
    assert rows["Femke Kok"].event == "500m"


def test_old_record_time_is_not_a_result():
    ex = extract.extract_text("Miho Takagi won de 1000 meter in 1.13,19. "
                              "Het oude baanrecord van Nao Kodaira stond op 1.12,65.")
    assert [(r.athlete, r.time_s, r.rank) for r in ex.results] == [("Miho Takagi", 73.19, 1)]
    assert all(r.time_s != 72.65 for r in ex.results)
    assert [(rec.record_type, rec.state) for rec in ex.records] == [("TR", "old")]


def test_old_world_record_of_someone_else_is_not_a_result():
    ex = extract.extract_text("Nils van der Poel reed een wereldrecord op de 10.000 meter: 12.30,74. "
                              "Het oude record van Ted-Jan Bloemen was 12.36,30.")
    assert [(r.athlete, r.time_s) for r in ex.results] == [("Nils van der Poel", 750.74)]
    assert any(rec.record_type == "WR" and rec.time_s == 750.74 and rec.state == "new" for rec in ex.records)


def test_standing_record_keeps_its_time():
    ex = extract.extract_text("Miho Takagi won de 1000 meter in 1.13,19. "
                              "Het olympisch record van 1.12,65 uit 2018 bleef staan.")
    assert [r.time_s for r in ex.results] == [73.19]
    (rec,) = ex.records
    assert (rec.record_type, rec.time_s, rec.year) == ("OR", 72.65, 2018)
    assert rec.state in ("old", "standing")


def test_team_pursuit_gives_one_team_row_and_no_member_rows():
    rows = results("Nederland won de ploegachtervolging bij de vrouwen in 2.55,48. "
                   "In de ploeg reden Irene Schouten, Antoinette Rijpma-de Jong en Marijke Groenewoud.")
    assert len(rows) == 1
    (r,) = rows
    assert (r.team, r.athlete, r.country, r.event, r.gender, r.rank, r.time_s) == (
        "Nederland", None, "NED", "team_pursuit", "women", 1, 175.48)
    assert r.competitor == "Nederland"


def test_team_pursuit_two_teams():
    rows = by_competitor("Canada won de ploegachtervolging in 2.53,44. Nederland werd tweede in 2.55,48.")
    assert (rows["Canada"].country, rows["Canada"].rank, rows["Canada"].time_s) == ("CAN", 1, 173.44)
    assert (rows["Nederland"].country, rows["Nederland"].rank, rows["Nederland"].time_s) == ("NED", 2, 175.48)
    assert {r.event for r in rows.values()} == {"team_pursuit"}
    assert {r.athlete for r in rows.values()} == {None}


def test_team_pursuit_with_demonym_subject():
    (r,) = results("De Nederlandse vrouwen wonnen de ploegachtervolging in 2.55,48.")
    assert (r.country, r.event, r.gender, r.rank, r.time_s) == ("NED", "team_pursuit", "women", 1, 175.48)


def test_caption_gives_no_result():
    assert results("Foto: Irene Schouten wint de 3000 meter in 3.56,93 © ANP") == []


def test_caption_after_a_report_adds_nothing():
    text = ("Jorrit Bergsma won de 10.000 meter in 12.52,10.\n\n"
            "Foto: Jorrit Bergsma juicht na zijn rit van 12.52,10 in Thialf © ANP")
    rows = results(text)
    assert [(r.athlete, r.time_s, r.rank) for r in rows] == [("Jorrit Bergsma", 772.1, 1)]
    assert rows[0].char_start < text.index("Foto:")


@pytest.mark.parametrize("text, athlete, status", [
    pytest.param("Op de 1500 meter werd Kai Verbij gediskwalificeerd.", "Kai Verbij", "dsq", id="gediskwalificeerd"),
    pytest.param("Sven Kramer kwam ten val op de 5000 meter.", "Sven Kramer", "dnf", id="kwam-ten-val"),
    pytest.param("Patrick Roest gaf op in de 5000 meter.", "Patrick Roest", "dnf", id="gaf-op"),
    pytest.param("Op de 5000 meter gaf Patrick Roest op.", "Patrick Roest", "dnf", id="gaf-x-op-split"),
])
def test_status(text, athlete, status):
    (r,) = results(text)
    assert (r.athlete, r.status, r.time_s, r.rank) == (athlete, status, None, None)
    assert r.event in ("1500m", "5000m")


def test_status_evidence_span():
    text = "Op de 1500 meter werd Kai Verbij gediskwalificeerd."
    (r,) = results(text)
    assert text[r.char_start:r.char_end] == "gediskwalificeerd"


def test_past_race_gives_no_second_result():
    rows = results("Joy Beune won de 3000 meter in 3.58,12. "
                   "Vorig jaar werd ze op deze afstand nog derde in 4.01,20.")
    assert [(r.athlete, r.rank, r.time_s) for r in rows] == [("Joy Beune", 1, 238.12)]


@pytest.mark.parametrize("sentence", [
    "Vorig jaar viel Lars Smit in de openingsronde al uit met motorpech.",
    "Lars Smit viel vorig jaar al in de openingsronde uit.",
    "Lars Smit kwam in 2016 als derde over de streep, maar viel in 2017 uit na een crash.",
    "Lars Smit kwam vorige maand in de Giro zwaar ten val.",
], ids=["year-first", "year-inside", "other-year-chunk", "month"])
def test_status_of_another_race_gives_no_row(sentence):
    rows = results(f"Tom Berg won zondag de Grote Prijs van Spanje. {sentence}")
    assert [(r.athlete, r.status) for r in rows] == [("Tom Berg", "finished")]


@pytest.mark.parametrize("sentence", ["Lars Smit viel na de tweede doorkomst uit.",
                                      "Lars Smit stapte na 40 ronden uit met motorpech."], ids=["passage", "split"])
def test_status_after_a_point_in_the_race_is_this_races(sentence):
    rows = results(f"Tom Berg won zondag de Grote Prijs van Spanje. {sentence}")
    assert [(r.athlete, r.status) for r in rows] == [("Tom Berg", "finished"), ("Lars Smit", "dnf")]


@pytest.mark.parametrize("tail", ["met Piet de Boer als tweede", "met Piet de Boer naast hem op plaats 2",
                                  "met Piet de Boer op de tweede plaats", "met Piet de Boer op plaats twee"])
def test_place_of_the_name_after_met(tail):
    rows = results(f"Jan Berg pakte zaterdag in de kwalificatie voor de Grote Prijs de poleposition, {tail}.")
    assert sorted((r.athlete, r.rank) for r in rows) == [("Jan Berg", 1), ("Piet de Boer", 2)]


@pytest.mark.parametrize("sentence", ["Daarmee bleef hij net boven het Nederlands record.",
                                      "Hij kwam dicht in de buurt van het Nederlands record."], ids=["above", "near"])
def test_near_a_national_record_tells_the_country(sentence):
    (r,) = results(f"Tom Berg won zaterdag de 5000 meter in 6.05,12. {sentence}")
    assert (r.athlete, r.rank, r.country) == ("Tom Berg", 1, "NED")


def test_relative_clause_after_a_held_off_rival():
    rows = results("Anna Berg won de 500 meter. De Friezin finishte in 37,22 en hield Eva Smit op grote afstand, "
                   "die zelf tot een tijd van 38,46 kwam.")
    assert sorted((r.athlete, r.time_s) for r in rows) == [("Anna Berg", 37.22), ("Eva Smit", 38.46)]


def test_best_day_times_of_two_are_no_win():
    rows = results("Anna Berg won de 500 meter in 37,22. Eva Smit reed 38,46. Smit en Berg reden de beste dagtijden.")
    assert sorted((r.athlete, r.rank) for r in rows) == [("Anna Berg", 1), ("Eva Smit", None)]


@pytest.mark.parametrize("sentence", ["Achter haar won Eva Smit de strijd om de tweede plaats.",
                                      "Eva Smit won de sprint om de tweede plaats."], ids=["inverted", "plain"])
def test_won_the_fight_for_a_place_is_that_place(sentence):
    rows = results(f"Anna Berg won zondag de Amstel Gold Race. {sentence}")
    assert sorted((r.athlete, r.rank) for r in rows) == [("Anna Berg", 1), ("Eva Smit", 2)]


def test_a_weekday_gone_by_is_another_race():
    rows = results("Anna Berg won zondag de Amstel Gold Race. Eva Smit, die afgelopen woensdag de Waalse Pijl won, "
                   "kwam ditmaal niet verder dan de twaalfde plaats.")
    assert sorted((r.athlete, r.rank) for r in rows) == [("Anna Berg", 1), ("Eva Smit", 12)]


def test_name_ends_before_a_team_written_another_way():
    rows = results("De tijdrit werd gewonnen door de Belg Yves Lampaert van Deceuninck-Quick Step. Lampaerts "
                   "ploeggenoot Kasper Asgreen werd tweede.")
    assert [(r.athlete, r.rank, r.country) for r in rows] == [("Yves Lampaert", 1, "BEL"), ("Kasper Asgreen", 2, None)]


def test_a_counted_group_before_a_colon_is_the_names_after_it():
    rows = results("De ploegentijdrit werd gewonnen door Canyon-Sram met kopvrouw Kasia Niewiadoma. Naast titelverdedigster "
                   "Anna Berg gingen ook twee Nederlandse oud-winnaressen van start: Eva Smit en Lotte de Vries. Smit werd "
                   "derde en De Vries vierde.")
    countries = {r.athlete: r.country for r in rows}
    assert (countries["Eva Smit"], countries["Lotte de Vries"]) == ("NED", "NED")


def test_two_of_a_country_with_any_noun_are_a_group():
    rows = results("Jan Berg werd vijfde en Piet Smit zesde in de etappe. De twee Nederlandse wielrenners rijden voor "
                   "Team Sky.")
    assert [(r.athlete, r.rank, r.country) for r in rows] == [("Jan Berg", 5, "NED"), ("Piet Smit", 6, "NED")]


def test_the_only_woman_tells_no_gender_of_others():
    rows = results("Formule 2-coureur Tom Berg werd zesde. Canadees Lars Smit schreef de race op zijn naam. Anna Vos "
                   "werd dertiende. De enige vrouw in het veld verloor dik 55 seconden op racewinnaar Smit.")
    assert {r.athlete: r.gender for r in rows}["Lars Smit"] == "men"


def test_starting_place_on_the_grid_is_the_qualifyings():
    rows = results("Coureur Tom Berg start zondag tijdens de Grand Prix van Spanje vanaf de vierde positie. Hij klokte "
                   "1.29,409. Berg denkt dat plek drie zondag het maximaal haalbare is.")
    assert [(r.athlete, r.event, r.rank, r.time_s) for r in rows] == [("Tom Berg", "qualifying", 4, 89.409)]


def test_a_practice_result_in_a_qualifying_report_is_no_result():
    rows = results("Coureur Tom Berg begint de Grand Prix van Spanje morgen vanaf de vierde plek. Eerder op de dag had "
                   "Berg de achtste tijd geklokt in de derde vrije training.")
    assert [(r.athlete, r.event, r.rank) for r in rows] == [("Tom Berg", "qualifying", 4)]


def test_an_abandon_in_a_stage_race_is_the_stages():
    rows = results("Jan Berg heeft de veertiende etappe in de Giro gewonnen. Hij pakte ook de leiding in het algemeen "
                   "klassement. Piet Smit stapte na 25 kilometer na een valpartij uit koers.")
    assert ("Piet Smit", "stage", "dnf") in [(r.athlete, r.event, r.status) for r in rows]


PRACTICE_BODY = ("\n\nFerrari-coureur Tom Berg reed op het circuit van Spa de snelste ronde in 1.44,120. Lars Smit werd tweede, "
                 "Kees Bos derde.")


@pytest.mark.parametrize("headline", ["Berg snelste in eerste vrije training", "Berg de snelste op training in Spa",
                                      "Slottraining: Berg voor Smit"])
def test_practice_report_gives_no_rows(headline):
    assert results(headline + PRACTICE_BODY) == []


@pytest.mark.parametrize("headline", ["Berg na goede training snelste in kwalificatie", "Berg de snelste in Spa"])
def test_report_of_another_session_keeps_its_rows(headline):
    rows = results(headline + PRACTICE_BODY)
    assert sorted((r.athlete, r.rank) for r in rows) == [("Kees Bos", 3), ("Lars Smit", 2), ("Tom Berg", 1)]


FOOTBALL = ("Ajax won zondag met 2-1 van PSV. Steven Bergwijn scoorde in de 23e minuut de 1-0. "
            "In de 67e minuut maakte Luuk de Jong gelijk, daarna besliste Brian Brobbey het duel.")


def test_football_report_with_category_gives_nothing():
    ex = extract.extract_text(FOOTBALL, categories=["voetbal"])
    assert ex.article.sport is None
    assert ex.results == ()
    assert ex.records == ()


def test_football_report_without_category_gives_nothing():
    assert results(FOOTBALL) == []


def test_acht_is_not_rowing():
    # "acht" (eight) is a rowing boat too, but "na acht ronden" says nothing about rowing
    assert detect_sport("Op de 5000 meter gaf Patrick Roest op na acht ronden.") != "rowing"


@pytest.mark.parametrize("categories, sport", [
    pytest.param(["schaatsen"], "speed_skating", id="schaatsen"),
    pytest.param(["wielrennen"], "cycling", id="wielrennen"),
    pytest.param(["atletiek"], "athletics", id="atletiek"),
    pytest.param(["voetbal"], None, id="voetbal"),
    pytest.param(["tennis"], None, id="tennis"),
])
def test_sport_from_categories(categories, sport):
    assert detect_sport("Een verslag zonder trefwoorden.", tuple(categories)) == sport


# --- rowing crews, relays and athletics (invented reports) ---

def test_rowing_crew_named_before_its_boat_class_and_its_nation_in_the_list():
    rows = results("Jan Smit en Piet Bakker roeiden zondag naar brons. Het Nederlandse duo finishte in de "
                   "twee-zonder als derde in 6.31,20.\n\nTwee-zonder mannen: 1. Italië 6.28,10 2. Spanje 6.29,50 "
                   "3. Nederland 6.31,20", categories=["roeien"])
    ned = [r for r in rows if r.country == "NED"]
    assert len(ned) == 1 and ned[0].team == "Jan Smit en Piet Bakker"
    assert (ned[0].event, ned[0].rank, ned[0].time_s, ned[0].gender) == ("pair", 3, 391.2, "men")
    assert not [r for r in rows if r.athlete]  # no rows for the rowers themselves


def test_one_place_shared_by_a_list_of_boats():
    rows = results("Drie keer Belgisch brons: Tom Peeters (in de skiff), Lies Maes en An Claes (in de dubbeltwee) "
                   "en de vrouwenacht eindigden zaterdag als derde.", categories=["roeien"])
    got = sorted((r.competitor, r.event, r.gender, r.rank) for r in rows)
    assert ("Lies Maes en An Claes", "double_sculls", "women", 3) in got
    assert ("België", "eight", "women", 3) in got
    assert not [r for r in rows if r.event in ("eight", "double_sculls") and r.athlete]


def test_a_nations_men_and_women_boats_are_two_rows():
    rows = results("Twee keer Nederlands zilver: de mannenacht en de vrouwenacht roeiden naar de tweede plaats.",
                   categories=["roeien"])
    assert sorted((r.team, r.event, r.gender, r.rank) for r in rows) == [
        ("Nederland", "eight", "men", 2), ("Nederland", "eight", "women", 2)]


def test_closing_the_gap_on_the_winner():
    rows = by_competitor("In de finale van de skiff bij de mannen werd Piet Jansen tweede. Hij verkleinde het gat "
                         "met de Noor Lars Berg nog wel, maar meer dan zilver zat er niet in.", categories=["roeien"])
    assert (rows["Lars Berg"].rank, rows["Piet Jansen"].rank) == (1, 2)


def test_the_leader_of_the_field_won_when_only_a_second_place_is_told():
    rows = by_competitor("In de vier-zonder bij de vrouwen namen de Australische roeisters direct een ruime voorsprong "
                         "op de rest van het veld. Nederland roeide naar de tweede plaats.", categories=["roeien"])
    assert (rows["Nederland"].rank, rows["Australië"].rank, rows["Australië"].event) == (2, 1, "four")


def test_a_lead_on_the_field_is_no_win_beside_a_told_winner():
    rows = by_competitor("In de vier-zonder bij de vrouwen nam Nederland een voorsprong op de rest van het veld. "
                         "Italië won, Nederland werd tweede.", categories=["roeien"])
    assert (rows["Italië"].rank, rows["Nederland"].rank) == (1, 2)


def test_winning_often_this_season_is_no_place():
    rows = results("Anna Vos won dit seizoen veel in de skiff. In de finale werd ze tweede in 7.31,40.",
                   categories=["roeien"])
    assert [(r.athlete, r.rank) for r in rows] == [("Anna Vos", 2)]


def test_b_final_place_is_not_the_event_rank():
    (r,) = results("In de skiff werd Tom Visser tweede in de B-finale in 7.02,15 en eindigde daarmee als achtste.",
                   categories=["roeien"])
    assert (r.athlete, r.rank, r.time_s) == ("Tom Visser", 8, 422.15)


def test_won_the_b_final_is_no_win():
    rows = results("Nederland won in de vier-zonder de B-finale in 5.58,40.", categories=["roeien"])
    assert [(r.country, r.rank, r.time_s) for r in rows] == [("NED", None, 358.4)]


def test_relay_team_nickname_is_the_nation():
    rows = by_competitor("De Dutch Lions wonnen de 4x400 meter in 3.01,20. Italië werd tweede in 3.01,90.",
                         categories=["atletiek"])
    ned = rows["Dutch Lions"]
    assert (ned.country, ned.event, ned.distance_m, ned.rank, ned.time_s) == ("NED", "relay", 1600, 1, 181.2)
    assert rows["Italië"].rank == 2


def test_double_quote_inside_a_time_is_no_speech():
    rows = by_competitor("Anna Visser won de 800 meter in 2'01\"50, Lisa Bakker werd tweede in 2'02\"10.",
                         categories=["atletiek"])
    assert (rows["Lisa Bakker"].rank, rows["Lisa Bakker"].time_s) == (2, 122.1)


def test_missed_final_is_dnq_with_the_semifinal_time():
    (r,) = results("Lisa de Wit haalde de finale van de 100 meter horden niet. Ze liep in haar halve finale 12\"95.",
                   categories=["atletiek"])
    assert (r.athlete, r.event, r.status, r.time_s) == ("Lisa de Wit", "100m", "dnq", 12.95)


def test_demonym_that_is_a_first_name():
    rows = by_competitor("Karin Smit won de 400 meter in 51,20. Brons was er voor landgenote Noor Jansen in 51,90.",
                         categories=["atletiek"])
    assert "Noor Jansen" in rows and rows["Noor Jansen"].country != "NOR"
    (r,) = results("De Noor Karsten Berg won de 400 meter in 44,50.", categories=["atletiek"])
    assert (r.athlete, r.country) == ("Karsten Berg", "NOR")


def test_ordinal_opening_a_sentence_is_no_name():
    rows = by_competitor("Jan Smit won de marathon in 2.06.10. Vierde werd de Keniaan Peter Kamau.",
                         categories=["atletiek"])
    assert (rows["Peter Kamau"].rank, rows["Peter Kamau"].country) == (4, "KEN")

# --- motorsport and triathlon: weekend reports, grids, lists, splits -------------------------------

def test_motorsport_weekend_turns_from_qualifying_to_race():
    rows = results(
        "Piet Smit greep zaterdag in de kwalificatie met 1.21,400 de pole. Jan Bakker was tweede.\n\n"
        "Bij de start schoot Bakker naar voren. Smit had voor de 60 ronden 1:32.10,200 nodig. "
        "Bakker kwam als tweede over de streep.", categories=["formule 1"])
    got = {(r.athlete, r.event, r.rank, r.time_s) for r in rows}
    assert ("Piet Smit", "qualifying", 1, 81.4) in got
    assert ("Jan Bakker", "qualifying", 2, None) in got
    assert ("Piet Smit", "race", 1, 5530.2) in got  # the implied winner beside a second
    assert ("Jan Bakker", "race", 2, None) in got


def test_motorsport_future_race_does_not_take_the_qualifying_place():
    rows = results("Piet Smit reed in de kwalificatie de vierde tijd en start zondag in de race vanaf de tweede rij.",
                   categories=["formule 1"])
    assert [(r.athlete, r.event, r.rank) for r in rows] == [("Piet Smit", "qualifying", 4)]


def test_motorsport_grid_place_of_a_race_that_is_over_is_no_result():
    rows = by_competitor("Piet Smit begon door een gridstraf pas vanaf P15, maar won de race.", categories=["formule 1"])
    assert (rows["Piet Smit"].event, rows["Piet Smit"].rank) == ("race", 1)


def test_motorsport_places_listed_after_names():
    rows = by_competitor("Jan Bakker won de race. Daarachter volgden Piet Smit, Kees Dekker en Ruud Mol op de plaatsen "
                         "vier, vijf en zes.", categories=["formule 1"])
    assert [rows[n].rank for n in ("Piet Smit", "Kees Dekker", "Ruud Mol")] == [4, 5, 6]
    assert "Daarachter" not in rows


def test_demonym_duo_in_apposition_sets_both_countries():
    rows = by_competitor("Jan Bakker won de race. Achter hem eindigde het Franse duo van Team Oost, Luc Martin en "
                         "Paul Morel. Martin werd tweede, Morel derde.", categories=["formule 1"])
    assert rows["Luc Martin"].country == rows["Paul Morel"].country == "FRA"


def test_indefinite_demonym_in_apposition():
    rows = by_competitor("Marco Rossi, net als Luca Bianchi een Italiaan, werd vierde in de race.", categories=["motogp"])
    assert rows["Marco Rossi"].country == "ITA"


def test_counted_group_in_the_top_places():
    rows = by_competitor("In de kwalificatie was Jan Bakker (Ned) de snelste. Tom Hill werd tweede. Derde werd Ian Kerr, "
                         "waardoor er twee Britten in de top drie staan.", categories=["formule 1"])
    assert rows["Tom Hill"].country == rows["Ian Kerr"].country == "GBR"
    assert rows["Jan Bakker"].country == "NED"


def test_win_count_is_no_place():
    rows = by_competitor("Marco Rossi werd derde in de race. Rossi won er dit seizoen drie.", categories=["motogp"])
    assert rows["Marco Rossi"].rank == 3


def test_triathlon_splits_are_no_results():
    rows = by_competitor("Anna Berg won de Ironman in 8.31.12. Op de fiets zette ze 4.40.10 neer en "
                         "met de snelste looptijd van 2.50.05 hield ze stand.", categories=["triatlon"])
    assert (rows["Anna Berg"].event, rows["Anna Berg"].time_s, rows["Anna Berg"].rank) == ("ironman", 30672.0, 1)


def test_possessive_surname_is_no_competitor():
    rows = by_competitor("Anna Berg werd tweede in de Ironman. Het brons was voor Bergs landgenote Eva Lind.",
                         categories=["triatlon"])
    assert set(rows) == {"Anna Berg", "Eva Lind"}
    assert rows["Eva Lind"].rank == 3


def test_surname_opening_a_sentence_is_a_name_when_known():
    rows = by_competitor("Jan Wilde werd tweede in de triatlon. Wilde strandde op 0:06 van de winnaar.", categories=["triatlon"])
    assert rows["Jan Wilde"].rank == 2


def test_results_list_rank_outranks_the_prose():
    rows = by_competitor("Eva Lind, die vorig seizoen hier nog vierde werd, was zesde.\n\nUitslag:\n1. Anna Berg 1.52.40\n"
                         "6. Eva Lind 1.53.59", categories=["triatlon"])
    assert rows["Eva Lind"].rank == 6



def test_heptathlon_disciplines_are_no_events():
    rows = by_competitor(
        "Anna Visser wint de zevenkamp\n\nAnna Visser won de zevenkamp met 6.512 punten. Lisa Bakker werd tweede.\n\n"
        "In het speerwerpen gooide Visser 49,10 meter. In de afsluitende 800 meter liep ze 2'10\"20. "
        "Bakker eindigde op 6.430 punten.", categories=["atletiek"])
    assert set(rows) == {"Anna Visser", "Lisa Bakker"}
    assert (rows["Anna Visser"].event, rows["Anna Visser"].mark, rows["Anna Visser"].rank) == ("heptathlon", 6512.0, 1)
    assert (rows["Lisa Bakker"].event, rows["Lisa Bakker"].mark, rows["Lisa Bakker"].rank) == ("heptathlon", 6430.0, 2)


def test_half_marathon_time_in_hours_and_place_among_compatriots():
    rows = by_competitor("Bij de halve marathon van Venlo won de Keniaan Peter Kamau in 59.50. Jan Smit werd "
                         "Nederlands kampioen: hij werd derde in 1:01.12. Kees Bakker eindigde als tweede Nederlander "
                         "en werd zesde in 1:02.40.", categories=["atletiek"])
    assert (rows["Peter Kamau"].time_s, rows["Peter Kamau"].rank) == (3590.0, 1)
    assert (rows["Jan Smit"].time_s, rows["Jan Smit"].rank, rows["Jan Smit"].country) == (3672.0, 3, "NED")
    assert (rows["Kees Bakker"].time_s, rows["Kees Bakker"].rank, rows["Kees Bakker"].country) == (3760.0, 6, "NED")


def test_medal_for_a_name_in_a_headline_and_completing_the_podium():
    rows = by_competitor("Goud voor Anna Visser op de 1500 meter\n\nAnna Visser won de 1500 meter in 4.01,20. "
                         "Lisa Bakker werd tweede in 4.02,10. Karin Smit maakte het podium compleet.",
                         categories=["atletiek"])
    assert [rows[n].rank for n in ("Anna Visser", "Lisa Bakker", "Karin Smit")] == [1, 2, 3]

def test_lead_demonym_goes_on_about_the_lead_subject():
    rows = by_competitor("Smit verslaat Kerr in Assen\n\nJan Smit heeft Ian Kerr in Assen verslagen. "
                         "De Schot won de race met een ruime voorsprong.", categories=["motogp"])
    assert rows["Jan Smit"].country == "GBR" and rows["Jan Smit"].rank == 1


def test_compatriot_of_the_country_the_sentence_names():
    rows = by_competitor("Ole Berg won de Ironman. De Fransman Luc Martin werd tweede. Zijn landgenoot Per Lie "
                         "maakte het Noorse feest compleet als derde.", categories=["triatlon"])
    assert rows["Ole Berg"].rank == 1
    assert rows["Per Lie"].country != "FRA"


def test_onze_landgenoot_is_of_the_readers_country():
    rows = by_competitor("Jan Peeters was de beste Belg als twaalfde in de Ironman. Minder geluk had Tom Maes. "
                         "Onze landgenoot stapte na 100 kilometer fietsen af.", categories=["triatlon"])
    assert (rows["Tom Maes"].country, rows["Tom Maes"].status) == ("BEL", "dnf")


def test_crew_named_after_a_plural_demonym_gets_the_time_in_brackets():
    rows = results("In de dubbeltwee won Nederland in 6.14,80. Het brons ging naar de Ieren Jan Doyle en "
                   "Piet Lynch (6.17,30).", categories=["roeien"])
    irl = [r for r in rows if r.country == "IRL"]
    assert [(r.rank, r.time_s) for r in irl] == [(3, 377.3)]


def test_de_ploeg_is_the_team_just_named_and_via_is_no_round():
    rows = results("Nederland won in de vier-zonder de B-finale in 5.58,40. Daarmee eindigde de ploeg als zevende.",
                   categories=["roeien"])
    assert [(r.country, r.rank, r.time_s) for r in rows] == [("NED", 7, 358.4)]
    rows = results("Jan Smit en Piet Bakker via herkansing naar vijfde plaats\n\nJan Smit en Piet Bakker werden in "
                   "de A-finale van de twee-zonder vijfde in 6.36,71. In de herkansing roeiden ze 6.40,95.",
                   categories=["roeien"])
    assert sorted((r.time_s, r.rank) for r in rows) == [(396.71, 5), (400.95, None)]


def test_held_at_a_distance_is_the_next_place():
    rows = by_competitor("Anna Visser won de marathon in 2.21.10. Zij hield de Keniaanse Mary Wanjiru (2.21.40) "
                         "in de slotfase op afstand.", categories=["atletiek"])
    assert (rows["Mary Wanjiru"].rank, rows["Mary Wanjiru"].time_s) == (2, 8500.0)



# --- rounds, relays and places in swimming and short track ----------------------------------------

def test_missed_final_makes_no_final_row():
    rows = results("Op de 100 meter rugslag zwom Lotte Jansen in de halve finale 1.00,12. "
                   "Eva Bakker haalde de finale niet: zij strandde in de halve finale met 1.01,40.",
                   categories=("zwemmen",))
    eva = [r for r in rows if r.athlete == "Eva Bakker"]
    assert [(r.round, r.status, r.time_s) for r in eva] == [("semifinal", "dnq", 61.4)]


def test_place_before_next_round_is_the_rounds_place():
    rows = results("Op de 200 meter vrije slag zwom Tom Smit in de halve finale 1.47,20 "
                   "en plaatste hij zich als vierde voor de finale.", categories=("zwemmen",))
    (r,) = rows
    assert (r.round, r.rank, r.time_s) == ("semifinal", 4, 107.2)


def test_fastest_of_the_field_in_a_semifinal():
    (r,) = results("Op de 50 meter vlinderslag was Mia de Wit in de halve finale met 25,80 de snelste van het hele veld.",
                   categories=("zwemmen",))
    assert (r.round, r.rank) == ("semifinal", 1)


def test_relay_named_by_swimmers_then_nation_overtakes_others():
    rows = by_competitor("Op de 4x100 meter vrije slag zwommen de Nederlandse Anna Berg, Eva de Vries, Mia Jansen en Lisa Smit "
                         "naar de wereldtitel. Nederland klokte 3.31,20 en bleef Canada (3.31,90) en Japan (3.32,45) voor.",
                         categories=("zwemmen",))
    ranks = {r.country: (r.rank, r.time_s) for r in rows.values()}
    assert ranks == {"NED": (1, 211.2), "CAN": (2, 211.9), "JPN": (3, 212.45)}


def test_b_final_win_is_no_place_of_the_event():
    rows = results("Op de 500 meter won Tom Smit de B-finale in 41.210. Kim Lee won de finale in 40,050.",
                   categories=("shorttrack",))
    tom = next(r for r in rows if r.athlete == "Tom Smit")
    assert (tom.time_s, tom.rank) == (41.21, None)


def test_had_to_let_one_go_first():
    rows = by_competitor("Op de 1000 meter werd Lisa Smit tweede. Ze moest alleen de Canadese Kim Boyd voor zich dulden.",
                         categories=("shorttrack",))
    assert (rows["Lisa Smit"].rank, rows["Kim Boyd"].rank) == (2, 1)


def test_in_the_wake_of_gives_the_place_before():
    rows = results("In haar halve finale van de 1500 meter werd Lisa Smit tweede, in het spoor van Kim Boyd.",
                   categories=("shorttrack",))
    assert {(r.athlete, r.round, r.rank) for r in rows} == {("Lisa Smit", "semifinal", 2), ("Kim Boyd", "semifinal", 1)}


def test_short_track_fall_with_a_place_is_finished():
    (r,) = results("Op de 500 meter ging Lisa Smit in de laatste bocht onderuit en werd vijfde.", categories=("shorttrack",))
    assert (r.rank, r.status) == (5, "finished")


def test_relay_list_of_nations_under_a_relay_heading():
    text = "Mannen, aflossing 5000 meter\n1. Canada 6.50,114\n2. Nederland 6.50,290"
    rows = results(text, categories=("shorttrack",))
    assert [(r.country, r.event, r.distance_m, r.rank) for r in rows] == [
        ("CAN", "relay", 5000, 1), ("NED", "relay", 5000, 2)]


def test_comma_en_and_a_country_start_a_new_clause():
    rows = by_competitor("In de finale van de gemengde 4x400 meter kwam Lisa de Wit ten val, terwijl ze op weg leek "
                         "naar goud, en Nederland haalde de finish niet. Italië won in 3.10,20.",
                         categories=["atletiek"])
    assert (rows["Nederland"].status, rows["Nederland"].rank) == ("dnf", None)
    assert "Lisa de Wit" not in rows  # a relay runner has no row of her own

def test_world_cup_standings_do_not_move_the_race():
    rows = by_competitor(
        "Anna Berg won bij de wereldbekerfinale de 5000 meter in 6.50,12. "
        "Dat klassement telt de 3000, 5000 en 10.000 meter samen. "
        "Lisa Smit reed de tweede tijd (6.52,40) en werd daarmee eerste in het klassement. "
        "Eva Bos gaf de leiding in het klassement uit handen. Ze reed de vierde tijd (6.55,10).")
    assert {(n, r.event, r.rank) for n, r in rows.items()} == {
        ("Anna Berg", "5000m", 1), ("Lisa Smit", "5000m", 2), ("Eva Bos", "5000m", 4)}


def test_standing_place_fills_a_race_row_without_a_place():
    rows = by_competitor("Anna Berg won de 1000 meter in 1.14,10. Lisa Smit klokte 1.14,50 "
                         "en eindigde daarmee als tweede in het klassement.")
    assert rows["Lisa Smit"].rank == 2


def test_record_holder_time_in_brackets_is_the_old_record():
    rows = by_competitor("Jan Berg won de 5000 meter in 6.05,20. Wereldrecordhouder Piet Smit (6.01,50) "
                         "kwam niet in de buurt. Hij reed met 6.09,10 de derde tijd. Kees Bos bleef onder het "
                         "Nederlands record van Piet Smit (6.01,50) en werd tweede in 6.06,00.")
    assert rows["Piet Smit"].time_s == 369.10 and rows["Piet Smit"].rank == 3
    assert rows["Kees Bos"].country == "NED" and rows["Kees Bos"].time_s == 366.0


def test_unplaced_times_take_the_places_left_open_between_told_places():
    rows = by_competitor("Jan Berg won de 10.000 meter in 12.51,17. Piet Smit klokte 12.53,15 en Kees Bos "
                         "kwam tot 12.56,91. Tom de Wit reed de vierde tijd (13.00,93).")
    assert [rows[n].rank for n in ("Jan Berg", "Piet Smit", "Kees Bos", "Tom de Wit")] == [1, 2, 3, 4]


def test_unplaced_times_keep_no_place_when_the_gap_does_not_fit():
    rows = by_competitor("Jan Berg won de 500 meter in 34,50. Piet Smit klokte 34,60. "
                         "Kees Bos werd vijfde in 34,90.")
    assert rows["Piet Smit"].rank is None



def test_winner_named_after_a_gap():
    rows = by_competitor("Op de 400 meter vrije slag werd Tom Smit zesde in 3.48,11. Hij gaf zes seconden toe "
                         "op winnaar Lars Berg, die 3.42,17 tikte.", categories=("zwemmen",))
    assert (rows["Lars Berg"].rank, rows["Lars Berg"].time_s) == (1, 222.17)
    assert rows["Tom Smit"].rank == 6


def test_previous_record_time_is_no_result():
    rows = results("Op de 100 meter vlinderslag werd Eva de Wit tweede in 57,48. "
                   "Het vorige Belgische record, 57,79, had ze zelf in april gezwommen.", categories=("zwemmen",))
    assert [(r.time_s, r.rank) for r in rows] == [(57.48, 2)]


def test_demonstrative_die_before_a_round_is_no_relative_clause():
    rows = by_competitor("Op de 100 meter schoolslag werd Lisa Smit gediskwalificeerd. Tom Berg bereikte die finale wel "
                         "en werd vijfde in 56,91.", categories=("zwemmen",))
    assert (rows["Tom Berg"].rank, rows["Tom Berg"].time_s) == (5, 56.91)


def test_coach_is_no_member_of_the_relay_before():
    rows = results("Op de 3000 meter aflossing was Italië in de B-finale, met Anna Rossi als slotrijdster, "
                   "de snelste in 4.08,112. Bondscoach Jan Smit sprak van een mooie race.", categories=("shorttrack",))
    (r,) = rows
    assert (r.country, r.rank, r.time_s, r.athlete) == ("ITA", None, 248.112, None)
# --- road cycling -------------------------------------------------------------------------------
def _cycling(body: str):
    return by_competitor(body, categories=["wielrennen"])


def test_cycling_team_after_rider_noun_is_no_athlete():
    rows = _cycling("Piet Akkerman won de wegrit. Voor de Deen Lars Holm ging het mis. "
                    "De renner van Blauw-Geel kwam pas later binnen. Hij werd 27e.")
    assert set(rows) == {"Piet Akkerman", "Lars Holm"}
    assert (rows["Lars Holm"].rank, rows["Lars Holm"].country) == (27, "DEN")


def test_cycling_genitive_name_and_compatriot():
    rows = _cycling("Anna Bakker (Bel) won de wegrit. Bakker's landgenote Eva Smets reed sterk. Zij eindigde als veertiende.")
    assert set(rows) == {"Anna Bakker", "Eva Smets"}
    assert (rows["Eva Smets"].rank, rows["Eva Smets"].country) == (14, "BEL")


def test_cycling_classification_after_stage_with_met_als():
    rows = results("Jan Ploeg won de vijfde etappe van de Giro. Kees Maas werd tweede. "
                   "In het algemeen klassement staat Maas na deze rit op kop, met de Deen Lars Holm als tweede op 8 seconden.",
                   categories=["wielrennen"])
    got = {(r.athlete, r.event, r.rank) for r in rows}
    assert ("Kees Maas", "stage", 2) in got and ("Lars Holm", "general_classification", 2) in got
    assert ("Kees Maas", "general_classification", 2) not in got


def test_cycling_indefinite_apposition_gives_country():
    rows = _cycling("Piet Akkerman won de wegrit. Kees Maas, net als Akkerman een Nederlander, werd vijfde.")
    assert (rows["Kees Maas"].rank, rows["Kees Maas"].country) == (5, "NED")


def test_cycling_event_after_en_and_verb_is_the_next_predicates():
    rows = results("Jan Ploeg won de vijfde etappe van de Vuelta. Kees Maas werd vijfde op 1.21 en is in het klassement vierde.",
                   categories=["wielrennen"])
    got = {(r.athlete, r.event, r.rank) for r in rows}
    assert ("Kees Maas", "stage", 5) in got and ("Kees Maas", "general_classification", 4) in got


# --- track cycling ------------------------------------------------------------------------------
def _track(body: str):
    return results(body, categories=["baanwielrennen"])


def test_track_sprint_final_places_and_qualifying_times_are_two_rows():
    rows = _track("Jan Akkerman (Ned) won de sprint. Hij was in de finale te sterk voor Piet Maas. "
                  "In de kwalificatie reed Akkerman met een vliegende 200 meter 9,201. Maas klokte 9,250, de tweede tijd.")
    got = {(r.athlete, r.event, r.time_s, r.rank) for r in rows}
    assert ("Jan Akkerman", "sprint", None, 1) in got and ("Piet Maas", "sprint", None, 2) in got
    assert ("Piet Maas", "sprint", 9.25, 2) in got
    assert {r.round for r in rows if r.time_s} == {"heat"}


def test_track_time_trial_is_the_gender_s_distance_and_flemish_thousandths():
    rows = _track("Bij de vrouwen won Anna Visser (Ned) de tijdrit in 33.512.")
    (r,) = rows
    assert (r.event, r.distance_m, r.time_s, r.rank) == ("500m", 500, 33.512, 1)


def test_track_riders_of_one_country_stand_for_its_team_sprint():
    rows = _track("Jan Akkerman (Ned), Kees Maas (Ned) en Piet Bos wonnen de teamsprint. Nederland klokte 41,872.")
    (r,) = rows
    assert (r.team, r.country, r.event, r.time_s, r.rank) == ("Nederland", "NED", "team_sprint", 41.872, 1)


def test_track_omnium_list_bare_points():
    rows = _track("Omnium mannen\n\n1. Jan Akkerman (Ned) 146 ptn\n2. Kees Maas (Bel) 139\n")
    got = {(r.athlete, r.rank, r.mark) for r in rows}
    assert got == {("Jan Akkerman", 1, 146.0), ("Kees Maas", 2, 139.0)}


def test_thousandths_with_a_dot_are_no_time_outside_track_cycling():
    rows = results("Anna Visser won de 3000 meter in 4.01,20 voor 12.500 toeschouwers.")
    assert [r.time_s for r in rows] == [241.2]



def test_allround_title_in_a_world_cup_report_and_series_pairing():
    rows = by_competitor(
        "Jan Berg heeft bij de wereldbekerfinale de 1500 meter gewonnen. In de tweede rit van de serie klokte "
        "hij 1.41,20. Piet Smit reed 1.41,50. Kees Bos eindigde achter Berg en Smit als derde in 1.42,00. "
        "De wereldkampioen allround Tom de Wit reed 1.43,10. Bij de WK allround vorige week won hij de titel.")
    assert rows["Jan Berg"].round is None and rows["Jan Berg"].rank == 1
    assert (rows["Piet Smit"].rank, rows["Kees Bos"].event, rows["Kees Bos"].rank) == (2, "1500m", 3)


def test_opening_split_is_no_result():
    (r,) = results("Jan Berg won de 500 meter. Na een opening van 9,60 kwam hij tot 34,10.")
    assert (r.event, r.time_s) == ("500m", 34.10)


def test_cycling_start_order_and_ride_of_a_time_trial():
    rows = by_competitor("Karel Mertens won de openingstijdrit van de Ronde van Spanje. "
                         "Joris Baelde ging als eerste van alle renners van start en werd vierde. "
                         "Mertens startte als tiende. Na zijn rit bleek Stijn Hofman tweede op 0.14 van Mertens.")
    assert rows["Karel Mertens"].rank == 1 and rows["Karel Mertens"].event == "time_trial"
    assert rows["Joris Baelde"].rank == 4
    assert (rows["Stijn Hofman"].rank, rows["Stijn Hofman"].event) == (2, "time_trial")


def test_cycling_national_champion_title_tells_no_gender_and_stage_race_hours():
    (r,) = results("Sanne Vermeer is de nieuwe Nederlands kampioen tijdrijden. Ze klokte 42 minuten en 3 seconden.")
    assert (r.athlete, r.event, r.gender, r.time_s) == ("Sanne Vermeer", "time_trial", "women", 2523.0)
    rows = by_competitor("Klassement na vijf etappes:\n1. Pieter Smit (18u 02,41)\n2. Tom Aerts (+0,12)")
    assert rows["Pieter Smit"].time_s == 18 * 3600 + 2 * 60 + 41


def test_cycling_french_place_and_race_are_no_riders():
    rows = by_competitor("Luc Dubois heeft de derde etappe gewonnen. De Franse wielrenner won in Le Havre. "
                         "De rit ging naar Le Havre. In Le Havre kon hij niet sprinten. Hij kwam binnen op 47 seconden van Dubois. "
                         "De Franse etappekoers duurt tot zondag.")
    assert set(rows) == {"Luc Dubois"}
    assert (rows["Luc Dubois"].rank, rows["Luc Dubois"].gender, rows["Luc Dubois"].country) == (1, "men", "FRA")


def test_cycling_conceded_gap_fall_of_the_winner_and_given_name_against_ze():
    rows = by_competitor("Pieter Smit heeft de derde etappe gewonnen. Hij kwam onderweg ten val maar won de sprint. "
                         "Karel Aerts werd tweede en gaf twee seconden toe op Smit.")
    assert (rows["Pieter Smit"].rank, rows["Pieter Smit"].status) == (1, "finished")
    assert (rows["Karel Aerts"].rank, rows["Karel Aerts"].status) == (2, "finished")
    rows = by_competitor("Wout Verbeek heeft de vijfde etappe gewonnen. Hij liet twee vluchters gaan en "
                         "Verbeek achterhaalde ze kort voor de streep.")
    assert rows["Wout Verbeek"].gender == "men"


def test_half_compound_is_no_name():
    rows = by_competitor("Tom Aerts heeft de eerste etappe gewonnen. Land- en ploeggenoot Joris Baelde werd tweede.")
    assert set(rows) == {"Tom Aerts", "Joris Baelde"}


def test_split_of_the_first_part_of_a_longer_race_is_no_result():
    rows = results("Op de 200 meter vrije slag won Tom Smit in 1.46,30. Hij zwom de eerste 100 meter in 51,20.",
                   categories=("zwemmen",))
    assert [(r.event, r.time_s) for r in rows] == [("200m", 106.3)]


def test_a_demonym_before_adjectives_and_a_thing_is_no_person():
    rows = by_competitor("Op de 100 meter rugslag won de Amerikaan Bob Lee in 52,10. Tom Smit werd tweede in 52,40. "
                         "Het is de eerste Belgische olympische zwemmedaille in jaren.", categories=("zwemmen",))
    assert (rows["Bob Lee"].country, rows["Tom Smit"].country, rows["Tom Smit"].gender) == ("USA", None, "men")


def test_a_time_after_tot_that_is_no_clock():
    rows = results("Op de 100 meter vrije slag verbeterde Tom Smit in de halve finale het record tot 48.20.",
                   categories=("zwemmen",))
    assert [(r.round, r.time_s) for r in rows] == [("semifinal", 48.2)]


def test_a_title_told_before_any_event_is_the_place_of_the_one_race_and_bleef_voor_follows():
    rows = by_competitor("Anna Berg en Eva Smit veroverden allebei een Europese titel. Berg trapte af op de 50 meter rugslag. "
                         "Zij tikte aan in 27,10 en bleef de Duitse Lena Koch (27,30) en de Franse Marie Roux (27,45) voor. "
                         "Smit won daarna de 50 meter vrije slag in 24,20.", categories=("zwemmen",))
    assert [rows[n].rank for n in ("Anna Berg", "Lena Koch", "Marie Roux", "Eva Smit")] == [1, 2, 3, 1]


def test_a_nation_before_moest_voorlaten_is_the_antecedent_of_dat():
    rows = by_competitor("Op de 4x100 meter vrije slag eindigde Nederland als tweede in 3.31,20. "
                         "De ploeg moest alleen Canada voorlaten, dat 3.30,90 klokte.", categories=("zwemmen",))
    assert (rows["Canada"].time_s, rows["Canada"].rank) == (210.9, 1)


def test_a_compound_description_refers_to_the_one_named_before():
    rows = by_competitor("Piet Smit won de 100 meter schoolslag in 58,10. Minder goed ging het met Tom de Vries. "
                         "De schoolslagzwemmer werd in de series gediskwalificeerd.", categories=("zwemmen",))
    assert rows["Tom de Vries"].status == "dsq" and set(rows) == {"Piet Smit", "Tom de Vries"}


def test_a_mixed_relay_in_the_lead_gives_no_gender_to_an_athlete():
    rows = by_competitor("Op de gemengde 4x50 meter vrije slag eindigde Nederland als tweede, in 1.29,44. Italië werd derde. "
                         "Jan Bos bereikte de finale van de 100 meter schoolslag wel en werd vijfde in 57,10, op ruim een "
                         "seconde van winnaar Jevgeni Petrov (Rusland), die 56,05 aantikte.", categories=("zwemmen",))
    assert rows["Jevgeni Petrov"].gender == "men"
def test_track_team_sprinters_points_race_and_omnium_part():
    rows = results("De Duitse teamsprinters hebben op het EK baanwielrennen goud gewonnen. "
                   "Anna Keller eindigde als vierde op de puntenkoers.")
    got = {(r.competitor, r.event, r.gender, r.rank) for r in rows}
    assert ("Duitsland", "team_sprint", "men", 1) in got and ("Anna Keller", "race", "women", 4) in got
    rows = by_competitor("In het omnium pakte Lars Vik op de baan 120 punten. "
                         "In de afsluitende puntenkoers liep Vik uit en won het omnium.")
    assert (rows["Lars Vik"].event, rows["Lars Vik"].rank) == ("omnium", 1)


def test_cycling_winner_become_leading_position_and_future_race_aside():
    rows = results("Jan Smit is winnaar geworden van de vierde etappe. Hij verstevigde zijn leidende positie in het "
                   "algemeen klassement.\n\nKarel Aerts, met het oog op de tijdrit van zondag een gevaarlijke "
                   "concurrent, kwam als derde binnen.")
    got = {(r.athlete, r.event, r.rank) for r in rows}
    assert got == {("Jan Smit", "stage", 1), ("Jan Smit", "general_classification", 1), ("Karel Aerts", "stage", 3)}


def test_simple_folding_twin_is_used_only_where_it_matches_alike():
    """The linker's fast twin of a fully case-folding word list (linking.model.FoldTwins) must find what the
    original finds; text with a character that folds differently ("ﬆ" is "st" only in full folding) keeps
    the original."""
    import regex

    from extract.lexicon import get_lexicon
    from extract.linking.model import FOLDING_CHANGERS, FoldTwins

    twins = FoldTwins(get_lexicon().future_regex)
    assert twins.simple is not twins.full and not twins.simple.flags & regex.FULLCASE
    for text in ("Ze Begint  ZE nog aan de 5000 meter.", "De finale staat nog op het programma.", "Hé, één.",
                 "dat staat nog op het programma-boekje"):
        assert not FOLDING_CHANGERS.search(text)
        assert [m.span() for m in twins.simple.finditer(text)] == [m.span() for m in twins.full.finditer(text)]
    ligature = "De finale \ufb06aat nog op het programma."
    assert FOLDING_CHANGERS.search(ligature) and twins.full.search(ligature) and not twins.simple.search(ligature)
    assert all(FOLDING_CHANGERS.search(c) for c in "ÉßẞǰİΐĲ\u212a\u017f")  # the Kelvin sign, the long s
    assert not any(FOLDING_CHANGERS.search(c) for c in "éëïöü“”’–Aa")
