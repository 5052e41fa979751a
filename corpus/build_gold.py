"""Build gold.jsonl for the project's own corpus.

Speed skating is written below as Python (GOLD). The other sports are kept in
gold_src/<sport>.jsonl: rows in the shared gold format plus `time_text` /
`mark_text`, the value exactly as the article writes it. The build checks that
text against the article and against time_s (converted here, independently of
the extractor) and drops the helper keys. gold_src/no_results.txt lists
articles (football, tennis, darts ...) that must give no result rows.

Times are written here exactly as they appear in the article text (Dutch
"1.12,25" / "37,01" or Belgian "1:44.61" / "38.61") and converted to seconds;
the build fails if a time string is not literally present in its article.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")


def to_seconds(s):
    """'1.12,25' -> 72.25, '37,01' -> 37.01, '12.48,70' -> 768.7,
    '1:44.61' -> 104.61, '38.61' -> 38.61, '13:17.42' -> 797.42."""
    m = re.fullmatch(r"(\d+)\.(\d{2}),(\d{2})", s)          # m.ss,hh
    if m:
        return round(int(m[1]) * 60 + int(m[2]) + int(m[3]) / 100, 2)
    m = re.fullmatch(r"(\d+),(\d{2})", s)                   # ss,hh
    if m:
        return round(int(m[1]) + int(m[2]) / 100, 2)
    m = re.fullmatch(r"(\d+):(\d{2})\.(\d{2})", s)          # m:ss.hh
    if m:
        return round(int(m[1]) * 60 + int(m[2]) + int(m[3]) / 100, 2)
    m = re.fullmatch(r"(\d{2})\.(\d{2})", s)                # ss.hh (Belgian)
    if m:
        return round(int(m[1]) + int(m[2]) / 100, 2)
    raise ValueError(s)


def pts(s):
    return float(s.replace(",", "."))


def R(event, gender, athlete=None, t=None, rank=None, c=None, status="finished",
      team=None, gap=None, mark=None):
    return dict(event=event, gender=gender, athlete=athlete, t=t, rank=rank,
                country=c, status=status, team=team, gap=gap, mark=mark)


W, M = "women", "men"
MS, TP, AR, SA = "mass_start", "team_pursuit", "allround", "sprint_allround"

GOLD = {
    "skate_01_wust-goud-1500-peking": [
        R("1500m", W, "Ireen Wüst", "1.53,28", 1, "NED"),
        R("1500m", W, "Miho Takagi", "1.53,72", 2, "JPN"),
        R("1500m", W, "Antoinette de Jong", "1.54,82", 3, "NED"),
        R("1500m", W, "Brittany Bowe", "1.54,89", 4, "USA"),
        R("1500m", W, "Ivanie Blondin", "1.55,91", 9, "CAN"),
    ],
    "skate_02_krol-goud-1000-peking": [
        R("1000m", M, "Thomas Krol", "1.07,92", 1),
        R("1000m", M, "Laurent Dubreuil", "1.08,32", 2, "CAN", gap=0.4),
        R("1000m", M, "Håvard Holmefjord Lorentzen", "1.08,48", 3, "NOR"),
        R("1000m", M, "Kjeld Nuis", "1.08,89", 6),
        R("1000m", M, "Hein Otterspeer", status="dnf"),
    ],
    "skate_03_vanderpoel-wereldrecord-10000": [
        R("10000m", M, "Nils van der Poel", "12.30,74", 1, "SWE"),
        R("10000m", M, "Patrick Roest", "12.44,59", 2, "NED"),
        R("10000m", M, "Davide Ghiotto", "12.45,98", 3, "ITA"),
        R("10000m", M, "Ted-Jan Bloemen", "12.47,16", 4, "CAN"),
        R("10000m", M, "Jorrit Bergsma", "12.48,70", 5),
    ],
    "skate_04_schouten-goud-3000": [
        R("3000m", W, "Irene Schouten", "3.56,93", 1),
        R("3000m", W, "Francesca Lollobrigida", "3.58,06", 2, "ITA"),
        R("3000m", W, "Isabelle Weidemann", "3.58,64", 3, "CAN"),
        R("3000m", W, "Antoinette de Jong", "3.59,43", 4),
        R("3000m", W, "Ireen Wüst", "4.01,08", 6),
    ],
    "skate_05_swings-goud-massastart": [
        R(MS, M, "Bart Swings", rank=1, c="BEL"),
        R(MS, M, "Chung Jae-won", rank=2, c="KOR"),
        R(MS, M, "Lee Seung-hoon", rank=3, c="KOR"),
        R(MS, M, "Andrea Giovannini", rank=4, c="ITA"),
        R(MS, M, "Koen Verweij", rank=11, c="NED"),
        R(MS, M, "Marcel Bosker", c="NED", status="dnq"),
    ],
    "skate_06_ploegachtervolging-vrouwen-brons": [
        R(TP, W, team="Nederland", c="NED", t="2.58,23", rank=3),
        R(TP, W, team="Canada", c="CAN", t="2.53,44", rank=1),
        R(TP, W, team="Japan", c="JPN", t="3.04,47", rank=2),
    ],
    "skate_07_ploegachtervolging-mannen-vierde": [
        R(TP, M, team="Nederland", c="NED", t="3.45,33", rank=4),
        R(TP, M, team="Verenigde Staten", c="USA", t="3.43,54", rank=3),
        R(TP, M, team="Noorwegen", c="NOR", t="3.38,08", rank=1),
        R(TP, M, team="Russisch Olympisch Comité", c="ROC", rank=2),
    ],
    "skate_08_leerdam-wereldtitel-1000-slc": [
        R("1000m", W, "Jutta Leerdam", "1.12,25", 1, "NED"),
        R("1000m", W, "Brittany Bowe", "1.12,38", 2, "USA", gap=0.13),
        R("1000m", W, "Miho Takagi", "1.12,52", 3, "JPN"),
        R("1000m", W, "Vanessa Herzog", "1.12,96", 4, "AUT"),
        R("1000m", W, "Jorien ter Mors", "1.13,02", 5, "NED"),
        R("1000m", W, "Kodaira", "1.13,19", 6, "JPN"),
    ],
    "skate_09_stolz-wk-afstanden-heerenveen": [
        R("1500m", M, "Jordan Stolz", "1.44,05", 1, "USA"),
        R("1500m", M, "Kjeld Nuis", "1.44,51", 2),
        R("1500m", M, "Connor Howe", "1.44,93", 3, "CAN"),
        R("1500m", M, "Thomas Krol", "1.45,40", 5),
        R("500m", M, "Jordan Stolz", rank=1, c="USA"),
        R("1000m", M, "Jordan Stolz", rank=1, c="USA"),
        R("1500m", W, "Miho Takagi", "1.54,08", 1, "JPN"),
        R("1500m", W, "Antoinette Rijpma-de Jong", "1.54,47", 2, gap=0.39),
        R("1500m", W, "Joy Beune", "1.54,90", 3),
        R(MS, W, "Marijke Groenewoud", rank=1),
        R(MS, W, "Ivanie Blondin", rank=2, c="CAN"),
        R(MS, W, "Mia Kilburg", rank=3, c="USA"),
    ],
    "skate_10_okt-leerdam-1000-baanrecord": [
        R("1000m", W, "Jutta Leerdam", "1.13,05", 1),
        R("1000m", W, "Jorien ter Mors", "1.14,11", 2),
        R("1000m", W, "Femke Kok", "1.14,38", 3),
        R("1000m", W, "Ireen Wüst", "1.14,52", 4),
        R("1000m", W, "Letitia de Jong", status="dns"),
    ],
    "skate_11_swings-ereplaats-tomaszow": [
        R("1500m", M, "Bart Swings", "1:45.72", 6, "BEL"),
        R("1500m", M, "Jordan Stolz", "1:43.61", 1, "USA"),
        R("1500m", M, "Kjeld Nuis", "1:44.61", 2, "NED"),
        R("1500m", M, "Peder Kongshaug", "1:44.96", 3, "NOR"),
        R("1000m", M, "Mathias Vosté", "1:09.18", 13, "BEL"),
        R("1000m", M, "Jordan Stolz", "1:07.98", 1, "USA"),
        R("500m", W, "Fran Vanhoutte", "38.61", None, "BEL"),
    ],
    "skate_12_swings-zilver-wk-allround-hamar": [
        R(AR, M, "Sven Kramer", rank=1, c="NED", mark="150,109"),
        R(AR, M, "Bart Swings", rank=2, c="BEL", mark="150,712"),
        R(AR, M, "Sverre Lunde Pedersen", rank=3, c="NOR", mark="150,958"),
        R(AR, M, "Patrick Roest", rank=4, c="NED", mark="151,244"),
        R("10000m", M, "Sven Kramer", "13:08.81", 1, "NED"),
        R("10000m", M, "Bart Swings", "13:17.42", 3, "BEL"),
    ],
    "skate_13_leerdam-ek-sprint-hamar": [
        R(SA, W, "Jutta Leerdam", rank=1, c="NED", mark="153,245"),
        R(SA, W, "Femke Kok", rank=2, c="NED", mark="153,618"),
        R(SA, W, "Kaja Ziomek", rank=3, c="POL", mark="154,030"),
        R(SA, W, "Herzog", rank=4, c="AUT", mark="154,412"),
        R("1000m", W, "Jutta Leerdam", "1.15,31", 1, "NED"),
        R("1000m", W, "Femke Kok", "1.15,98", 2, "NED"),
        R("500m", W, "Femke Kok", "38,02", 1, "NED"),
        R(SA, M, "Håvard Holmefjord Lorentzen", rank=1, c="NOR"),
        R(SA, M, "Hein Otterspeer", rank=2),
    ],
    "skate_14_wereldrecords-salt-lake-city": [
        R("1500m", M, "Kjeld Nuis", "1.40,17", 1, "NED"),
        R("1500m", M, "Thomas Krol", "1.41,27", 2),
        R("1500m", M, "Denis Joeskov", "1.41,64", 3, "RUS"),
        R("1500m", W, "Miho Takagi", "1.49,83", 1, "JPN"),
        R("1500m", W, "Brittany Bowe", "1.51,35", 2),
        R("1500m", W, "Ireen Wüst", "1.52,06", 3),
        R("500m", M, "Pavel Koelizjnikov", "33,61", 1, "RUS"),
    ],
    "skate_15_inzell-koelizjnikov-1000": [
        R("1000m", M, "Pavel Koelizjnikov", "1.07,44", 1, "RUS"),
        R("1000m", M, "Kjeld Nuis", "1.07,75", 2, gap=0.31),
        R("1000m", M, "Kai Verbij", "1.08,03", 3),
        R("1000m", M, "Hein Otterspeer", status="dsq"),
        R("1000m", W, "Jorien ter Mors", "1.14,63", 1),
        R("1000m", W, "Brittany Bowe", "1.14,89", 2, "USA"),
        R("1000m", W, "Vanessa Herzog", "1.15,04", 3, "AUT"),
    ],
    "skate_16_vanderpoel-wereldrecord-5000-slc": [
        R("5000m", M, "Nils van der Poel", "6.01,56", 1, "SWE"),
        R("5000m", M, "Patrick Roest", "6.03,71", 2),
        R("5000m", M, "Hallgeir Engebråten", "6.05,22", 3, "NOR"),
        R("5000m", M, "Sven Kramer", "6.14,08", 11),
        R("5000m", M, "Ted-Jan Bloemen", "6.09,95", 7),
    ],
    "skate_17_jackson-kok-calgary-500": [
        R("500m", W, "Erin Jackson", "36,98", 1, "USA"),
        R("500m", W, "Femke Kok", "37,16", 2),
        R("500m", W, "Nao Kodaira", "37,27", 3, "JPN"),
        R("500m", W, "Jutta Leerdam", "37,54", 8),
        R("500m", W, "Dione Voskamp", status="dnf"),
    ],
    "skate_18_wk-allround-hamar-schouten-roest": [
        R(AR, W, "Irene Schouten", rank=1, c="NED", mark="160,540"),
        R(AR, W, "Antoinette Rijpma-de Jong", rank=2, c="NED", mark="161,215"),
        R(AR, W, "Isabelle Weidemann", rank=3, c="CAN"),
        R("5000m", W, "Irene Schouten", "6.55,20", 1, "NED"),
        R(AR, M, "Patrick Roest", rank=1, c="NED", mark="148,937"),
        R(AR, M, "Sander Eitrem", rank=2, c="NOR"),
        R(AR, M, "Hallgeir Engebråten", rank=3, c="NOR"),
        R("10000m", M, "Patrick Roest", "13.09,94", 1, "NED"),
    ],
    "skate_19_stavanger-massastart": [
        R(MS, W, "Irene Schouten", rank=1),
        R(MS, W, "Ivanie Blondin", rank=2, c="CAN"),
        R(MS, W, "Mia Manganello", rank=3, c="USA"),
        R(MS, W, "Valérie Maltais", c="CAN", status="dsq"),
        R(MS, M, "Lee Seung-hoon", rank=1, c="KOR"),
        R(MS, M, "Bart Swings", rank=2, c="BEL"),
        R(MS, M, "Jorrit Bergsma", rank=6),
        R(MS, M, "Beau Snellink", status="dnf"),
    ],
    "skate_20_ek-afstanden-heerenveen-kok-leerdam": [
        R("500m", W, "Femke Kok", "37,01", 1, "NED"),
        R("500m", W, "Kaja Ziomek-Nogal", "37,43", 2, "POL"),
        R("500m", W, "Jutta Leerdam", "37,49", 3, "NED"),
        R("500m", W, "Herzog", "37,70", 4, "AUT"),
        R("1000m", W, "Jutta Leerdam", "1.14,05", 1, "NED"),
        R("1000m", W, "Femke Kok", "1.14,43", 2, "NED", gap=0.38),
        R("1000m", W, "Antoinette Rijpma-de Jong", "1.14,70", 3),
        R("500m", M, "Jenning de Boo", "34,45", 1),
        R("500m", M, "Merijn Scheperkamp", "34,60", 2),
        R("500m", M, "Damian Żurek", "34,66", 3, "POL"),
    ],
    "skate_21_nk-allround-roest": [
        R(AR, M, "Patrick Roest", rank=1, mark="148,412"),
        R(AR, M, "Marcel Bosker", rank=2, mark="149,183"),
        R(AR, M, "Chris Huizinga", rank=3, mark="149,960"),
        R("1500m", M, "Patrick Roest", "1.46,12", 1),
        R("1500m", M, "Marcel Bosker", "1.46,40", 2),
        R("1500m", M, "Beau Snellink", status="dnf"),
        R("10000m", M, "Patrick Roest", "12.59,61", 1),
        R("10000m", M, "Jorrit Bergsma", status="dns"),
        R(AR, W, "Antoinette de Jong", rank=1),
        R(AR, W, "Carlijn Achtereekte", rank=2),
        R(AR, W, "Melissa Wijfje", rank=3),
    ],
    "skate_22_voste-belgisch-record-slc": [
        R("1000m", M, "Mathias Vosté", "1:07.84", 10, "BEL"),
        R("1000m", M, "Thomas Krol", "1:06.32", 1, "NED"),
        R("1000m", M, "Kjeld Nuis", "1:06.41", 2, "NED"),
        R("1500m", M, "Bart Swings", "1:43.09", 7, "BEL"),
        R("1500m", W, "Sandrine Tas", "1:57.81", None, "BEL"),
    ],
    "skate_23_nuis-goud-1500-peking": [
        R("1500m", M, "Kjeld Nuis", "1.43,21", 1, "NED"),
        R("1500m", M, "Thomas Krol", "1.43,55", 2, "NED", gap=0.34),
        R("1500m", M, "Kim Min-seok", "1.44,24", 3, "KOR"),
    ],
    "skate_24_gao-500-peking": [
        R("500m", M, "Gao Tingyu", "34,32", 1, "CHN"),
        R("500m", M, "Cha Min-kyu", "34,39", 2, "KOR"),
        R("500m", M, "Wataru Morishige", "34,49", 3, "JPN"),
        R("500m", M, "Laurent Dubreuil", "34,50", 4, "CAN"),
        R("500m", M, "Dai Dai Ntab", "34,69", 11, "NED"),
        R("500m", M, "Merijn Scheperkamp", status="dsq"),
    ],
    "skate_25_jackson-goud-500-peking": [
        R("500m", W, "Erin Jackson", "37,04", 1, "USA"),
        R("500m", W, "Miho Takagi", "37,12", 2, "JPN"),
        R("500m", W, "Angelina Golikova", "37,21", 3, "ROC"),
        R("500m", W, "Femke Kok", "37,35", 6, "NED"),
        R("500m", W, "Jutta Leerdam", "37,53", 10),
    ],
    "skate_26_vanderpoel-5000-kramer-afscheid": [
        R("5000m", M, "Nils van der Poel", "6.08,84", 1, "SWE"),
        R("5000m", M, "Patrick Roest", "6.09,31", 2),
        R("5000m", M, "Hallgeir Engebråten", "6.09,88", 3, "NOR"),
        R("5000m", M, "Sverre Lunde Pedersen", "6.10,87", 4, "NOR"),
        R("5000m", M, "Sven Kramer", "6.14,06", 9),
    ],
    "skate_27_schouten-goud-5000-peking": [
        R("5000m", W, "Irene Schouten", "6.43,51", 1, "NED"),
        R("5000m", W, "Isabelle Weidemann", "6.43,92", 2, "CAN", gap=0.41),
        R("5000m", W, "Martina Sáblíková", "6.45,28", 3, "CZE"),
        R("5000m", W, "Joy Beune", "6.52,84", 6, "NED"),
    ],
    "skate_28_schouten-goud-massastart-peking": [
        R(MS, W, "Irene Schouten", rank=1),
        R(MS, W, "Ivanie Blondin", rank=2, c="CAN"),
        R(MS, W, "Francesca Lollobrigida", rank=3, c="ITA"),
        R(MS, W, "Kim Bo-reum", rank=5, c="KOR"),
        R(MS, W, "Marijke Groenewoud", rank=9),
        R(MS, W, "Claudia Pechstein", c="GER", status="dnq"),
    ],
    "skate_29_takagi-goud-1000-leerdam-zilver": [
        R("1000m", W, "Miho Takagi", "1.13,19", 1, "JPN"),
        R("1000m", W, "Jutta Leerdam", "1.13,83", 2),
        R("1000m", W, "Brittany Bowe", "1.14,61", 3, "USA"),
        R("1000m", W, "Jorien ter Mors", "1.15,12", 6),
    ],
    "skate_30_beune-wint-tomaszow": [
        R("3000m", W, "Joy Beune", "4.00,12", 1),
        R("3000m", W, "Marijke Groenewoud", "4.00,58", 2),
        R("3000m", W, "Ragne Wiklund", "4.01,37", 3, "NOR"),
        R("5000m", M, "Sander Eitrem", "6.10,25", 1, "NOR"),
        R("5000m", M, "Davide Ghiotto", "6.11,03", 2, "ITA"),
        R("5000m", M, "Beau Snellink", "6.11,70", 3),
        R("5000m", M, "Patrick Roest", status="dns"),
    ],
    "skate_31_wereldbeker-heerenveen-overzicht": [
        R("1000m", W, "Miho Takagi", "1.14,07", 1, "JPN"),
        R("1000m", W, "Jutta Leerdam", "1.14,26", 2),
        R("1000m", W, "Femke Kok", "1.14,88", 3),
        R("1500m", M, "Jordan Stolz", "1.44,18", 1, "USA"),
        R("1500m", M, "Joey Mantia", "1.44,83", 2, "USA"),
        R("1500m", M, "Thomas Krol", "1.44,95", 3),
        R("500m", W, "Femke Kok", "37,38", 1),
        R("500m", W, "Erin Jackson", "37,49", 2, "USA"),
        R("500m", W, "Kurumi Inagawa", "37,62", 3, "JPN"),
        R("500m", M, "Dai Dai Ntab", status="dns"),
        R(MS, M, "Bart Swings", rank=1, c="BEL"),
        R(MS, M, "Jorrit Bergsma", rank=2),
        R(MS, M, "Andrea Giovannini", rank=3, c="ITA"),
    ],
}


# Regional and city demonyms that unambiguously imply the country, and
# "Nederlands kampioen". They set the country of the athlete they describe in
# ALL of that article's rows. "Limburger"/"Limburgse" is ambiguous (NED or BEL)
# and deliberately absent. Every occurrence of these words in an article must
# be accounted for in DESCRIBED below, so a new article cannot slip through.
REGIONAL = {
    "NED": ["Fries", "Friezin", "Friese", "Zuid-Hollander", "Zuid-Hollandse",
            "Noord-Hollander", "Noord-Hollandse", "Brabander", "Brabantse",
            "Groninger", "Groningse", "Drent", "Drentse", "Tukker", "Twentse",
            "Zeeuw", "Zeeuwse", "Amsterdammer", "Amsterdamse", "Rotterdammer",
            "Hagenaar", "Haagse", "Utrechter", "Utrechtse", "Gelderse",
            "Overijsselse", "Flevolandse",
            "Nederlands kampioen", "Nederlandse kampioen", "Nederlands kampioene"],
    "BEL": ["Vlaming", "Vlaamse", "West-Vlaming", "Oost-Vlaming", "Antwerpenaar",
            "Antwerpse", "Gentenaar", "Gentse", "Brusselaar", "Kempenaar",
            "Waal", "Waalse", "Leuvenaar", "Leuvense"],
}
REGIONAL_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(w) for ws in REGIONAL.values() for w in ws),
                                     key=len, reverse=True)) + r")(?![\w-])")
REGIONAL_COUNTRY = {w: c for c, ws in REGIONAL.items() for w in ws}

# article -> [(athlete, phrase in the text that ties the description to the
# athlete, country)]. A phrase containing a REGIONAL word must carry that
# word's country; athlete None marks an occurrence that describes no athlete.
DESCRIBED = {
    "skate_01_wust-goud-1500-peking": [
        ("Ireen Wüst", "zei de 35-jarige Brabantse", "NED")],
    "skate_05_swings-goud-massastart": [
        ("Bart Swings", "moest de Leuvenaar in Pyeongchang", "BEL")],
    "skate_08_leerdam-wereldtitel-1000-slc": [
        ("Jutta Leerdam", "De 21-jarige Zuid-Hollandse was zaterdag", "NED")],
    "skate_10_okt-leerdam-1000-baanrecord": [
        ("Jutta Leerdam", "De 22-jarige Zuid-Hollandse klokte 1.13,05", "NED")],
    "skate_11_swings-ereplaats-tomaszow": [
        ("Bart Swings", "zei Swings na afloop. De 33-jarige Leuvenaar", "BEL")],
    # Blondin and Manganello are "de Canadese"/"de Amerikaanse": the
    # Noord-Hollandse who extends her lead is the winner Schouten.
    "skate_19_stavanger-massastart": [
        ("Irene Schouten", "Daarmee loopt de Noord-Hollandse in het wereldbekerklassement", "NED")],
    "skate_21_nk-allround-roest": [
        ("Patrick Roest", "Patrick Roest is in Thialf opnieuw Nederlands kampioen", "NED"),
        # the women's title of this Dutch championship (headline: "Nederlandse
        # allroundtitel"): she is the Dutch women's allround champion
        ("Antoinette de Jong", "De titel bij de vrouwen ging naar Antoinette de Jong", "NED")],
    "skate_28_schouten-goud-massastart-peking": [
        ("Irene Schouten", "ook de massastart gewonnen. De Noord-Hollandse was", "NED")],
}


def described_countries(aid, text):
    """{athlete: country} from DESCRIBED, checked against the text."""
    entries = DESCRIBED.get(aid, [])
    covered = []
    out = {}
    for athlete, phrase, country in entries:
        assert phrase in text, (aid, phrase)
        words = REGIONAL_RE.findall(phrase)
        assert all(REGIONAL_COUNTRY[w] == country for w in words), (aid, phrase)
        start = 0
        while (i := text.find(phrase, start)) >= 0:
            covered.append((i, i + len(phrase)))
            start = i + 1
        if athlete:
            assert out.get(athlete, country) == country, (aid, athlete)
            out[athlete] = country
    for m in REGIONAL_RE.finditer(text):
        assert any(a <= m.start() and m.end() <= b for a, b in covered), \
            (aid, "regional description not accounted for in DESCRIBED", m[0])
    return out


def article_text(aid):
    for ext in (".txt", ".md"):
        p = os.path.join(ART, aid + ext)
        if os.path.exists(p):
            return open(p, encoding="utf-8").read()
    raise FileNotFoundError(aid)


def build():
    rows = []
    for aid, results in GOLD.items():
        text = article_text(aid)
        described = described_countries(aid, text)
        named = {r["athlete"] for r in results if r["athlete"]}
        assert set(described) <= named, (aid, set(described) - named)
        for r in results:
            if r["athlete"] in described:
                c = described[r["athlete"]]
                assert r["country"] in (None, c), (aid, r["athlete"], r["country"], c)
                r = dict(r, country=c)
            row = {"article_id": aid, "sport": "speed_skating", "event": r["event"]}
            m = re.fullmatch(r"(\d+)m", r["event"])
            if m:
                row["distance_m"] = int(m[1])
            row["gender"] = r["gender"]
            if r["team"]:
                row["team"] = r["team"]
                assert r["team"] in text, (aid, r["team"])
            else:
                row["athlete"] = r["athlete"]
                assert r["athlete"] in text, (aid, r["athlete"])
            if r["country"]:
                row["country"] = r["country"]
            if r["t"]:
                assert r["t"] in text, (aid, r["t"])
                row["time_s"] = to_seconds(r["t"])
            if r["mark"]:
                assert r["mark"] in text, (aid, r["mark"])
                row["mark"] = pts(r["mark"])
                row["mark_unit"] = "points"
            if r["gap"] is not None:
                row["gap_s"] = r["gap"]
            if r["rank"] is not None:
                row["rank"] = r["rank"]
            row["status"] = r["status"]
            rows.append(row)
    rows += source_rows()
    no_result_articles()
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


SRC = os.path.join(HERE, "gold_src")
_UNIT = {"uur": 3600, "u": 3600, "minuten": 60, "minuut": 60, "min": 60,
         "seconden": 1, "seconde": 1, "sec": 1, "tellen": 1, "tel": 1}


def written_seconds(s, unit_minutes=False):
    """A time as written in a report -> seconds (independent of extract.times).
    unit_minutes: read "59.54" as minutes.seconds (a long race), not seconds.hundredths."""
    s = s.strip()
    prose = re.findall(r"(\d+(?:,\d+)?)\s*(uur|minuten|minuut|seconden|seconde|tellen)", s)
    if prose and re.fullmatch(r"(?:\d+(?:,\d+)?\s*\w+[,]?\s*(?:en\s+)?)+", s):
        return round(sum(float(n.replace(",", ".")) * _UNIT[u] for n, u in prose), 3)
    s = re.sub(r"\s*(minuten|seconden|sec)$", "", s)
    m = re.fullmatch(r"(\d+)u(\d{2}):(\d{2})", s)                         # 8u01:40
    if m:
        return int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])
    m = re.fullmatch(r"(\d+)'(\d{2})\"(\d{2})", s)                         # 1'41"56
    if m:
        return round(int(m[1]) * 60 + int(m[2]) + int(m[3]) / 100, 2)
    m = re.fullmatch(r"(\d+)\"(\d{2})", s)                                  # 13"99
    if m:
        return round(int(m[1]) + int(m[2]) / 100, 2)
    m = re.fullmatch(r"(\d+)[:.](\d{2})[:.](\d{2})([.,](\d{1,3}))?", s)      # h.mm.ss / h:mm:ss / h:mm.ss,ttt
    mixed = m and m[4] is None and s[len(m[1])] != s[len(m[1]) + 3]          # "6:25.10": m:ss.hh, or h:mm.ss
    if m and not (mixed and not unit_minutes) and (m[4] is None or ":" in s[:len(m[1]) + 1]):
        frac = float("0." + m[5]) if m[5] else 0.0
        return round(int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3]) + frac, 3)
    m = re.fullmatch(r"(\d+)[.:](\d{2})[,.](\d{1,3})", s)                   # m.ss,hh / m:ss.ttt
    if m:
        return round(int(m[1]) * 60 + int(m[2]) + float("0." + m[3]), 3)
    m = re.fullmatch(r"(\d+)[,.](\d{1,3})", s)                               # ss,hh / ss.ttt
    if m and len(m[2]) >= 2:
        if "." in s and len(m[2]) == 2 and int(m[2]) < 60 and unit_minutes:
            return int(m[1]) * 60 + int(m[2])                                # "59.54" in a half marathon
        return round(int(m[1]) + float("0." + m[2]), 3)
    m = re.fullmatch(r"(\d+)[:.](\d{2})", s)                                 # m:ss / 33.38 minuten
    if m:
        return int(m[1]) * 60 + int(m[2])
    raise ValueError(f"unreadable time text {s!r}")


def source_rows():
    """Rows of gold_src/*.jsonl, checked against their articles."""
    rows = []
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".jsonl"):
            continue
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                where = f"{fn}:{n}"
                text = article_text(row["article_id"])
                time_text = row.pop("time_text", None)
                mark_text = row.pop("mark_text", None)
                if "time_s" in row:
                    assert time_text and time_text in text, (where, time_text)
                    # "3.13" may be 3.13 s or 3 min 13 s: the row's value must be one of the readings
                    readings = {written_seconds(time_text), written_seconds(time_text, True)}
                    assert any(abs(r - row["time_s"]) < 1e-6 for r in readings), (where, time_text, row["time_s"])
                if "mark" in row:
                    assert mark_text and mark_text in text, (where, mark_text)
                    assert abs(float(mark_text.replace(".", "").replace(",", ".")) - row["mark"]) < 1e-6 or \
                        abs(float(mark_text.replace(",", ".")) - row["mark"]) < 1e-6, (where, mark_text)
                name = row.get("athlete") or row.get("team")
                assert name and name in text, (where, name)
                rows.append(row)
    return rows


def no_result_articles():
    with open(os.path.join(SRC, "no_results.txt"), encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for aid in ids:
        article_text(aid)  # exists
    return ids


if __name__ == "__main__":
    print(len(build()), "gold rows")
