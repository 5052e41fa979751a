"""The recognizers: each mention kind on short sentences, with the negatives next to them."""
from __future__ import annotations

import pytest

from extract.recognize import Block, Mention, find_blocks, find_mentions
from extract.times import TimeMention


def of(text: str, kind: str) -> list[Mention]:
    found = [m for m in find_mentions(text) if m.kind == kind]
    for m in found:
        assert text[m.start:m.end] == m.text
    return found


def values(text: str, kind: str) -> list:
    return [m.value for m in of(text, kind)]


def texts(text: str, kind: str) -> list[str]:
    return [m.text for m in of(text, kind)]


# --- TIME ---------------------------------------------------------------------------------------

def test_time_mention_carries_the_time():
    (m,) = of("Jutta Leerdam klokte 1.13,83.", "TIME")
    assert m.text == "1.13,83"
    assert isinstance(m.value, TimeMention)
    assert m.value.seconds == 73.83


@pytest.mark.parametrize("text", [
    pytest.param("Op 12.02.2024 reed ze in Inzell.", id="date"),
    pytest.param("De start was om 15.30 uur.", id="clock"),
    pytest.param("De 22-jarige won de 1000 meter.", id="age-and-distance"),
])
def test_no_time(text):
    assert of(text, "TIME") == []


# --- EVENT --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, event", [
    pytest.param("Ze won de 1000 meter.", ("1000m", 1000), id="1000-meter"),
    pytest.param("Hij won de 500m.", ("500m", 500), id="500m"),
    pytest.param("Hij won de 10.000 meter.", ("10000m", 10000), id="10.000-meter"),
    pytest.param("Zij won de 10 km.", ("10000m", 10000), id="10-km"),
    pytest.param("Hij won de schaatsmijl.", ("1500m", 1500), id="schaatsmijl"),
    pytest.param("Zij won de massastart.", ("mass_start", None), id="massastart"),
    pytest.param("Canada won de ploegachtervolging.", ("team_pursuit", None), id="ploegachtervolging"),
    pytest.param("Canada won de team pursuit.", ("team_pursuit", None), id="team-pursuit"),
    pytest.param("Nederland won de teamsprint.", ("team_sprint", None), id="teamsprint"),
])
def test_event(text, event):
    assert values(text, "EVENT") == [event]


@pytest.mark.parametrize("text", [
    pytest.param("Na 26,1 kilometer viel hij aan.", id="course-length-with-decimals"),
    pytest.param("Hij liep nog 750 meter uit.", id="not-a-race-distance"),
    pytest.param("Ze zat 3 meter achter haar tegenstandster.", id="small-distance"),
])
def test_no_event(text):
    assert of(text, "EVENT") == []


# --- GENDER -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, gender", [
    pytest.param("Bij de vrouwen won Leerdam.", "women", id="vrouwen"),
    pytest.param("Bij de dames won Leerdam.", "women", id="dames"),
    pytest.param("Bij de mannen won Krol.", "men", id="mannen"),
    pytest.param("Bij de heren won Krol.", "men", id="heren"),
])
def test_gender(text, gender):
    assert values(text, "GENDER") == [gender]


# --- RANK ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ranks", [
    pytest.param("Ze werd tweede.", [2], id="tweede"),
    pytest.param("Hij eindigde op de vierde plaats.", [4], id="vierde-plaats"),
    pytest.param("Ze reed de vijfde tijd.", [5], id="vijfde-tijd"),
    pytest.param("Hij werd twaalfde.", [12], id="twaalfde"),
    pytest.param("Kjeld Nuis werd 31ste.", [31], id="31ste"),
    pytest.param("Ze werd 2de.", [2], id="2de"),
    pytest.param("Ze eindigde als 3e.", [3], id="3e"),
    pytest.param("Irene Schouten pakte goud.", [1], id="goud"),
    pytest.param("Ze pakte zilver op de 1500 meter.", [2], id="zilver"),
    pytest.param("Ze won de bronzen medaille.", [3], id="bronzen"),
    pytest.param("Ze werd derde en zesde.", [3, 6], id="two-ranks"),
])
def test_rank(text, ranks):
    assert values(text, "RANK") == ranks


@pytest.mark.parametrize("text", [
    pytest.param("Ze reed in de eerste rit.", id="eerste-rit"),
    pytest.param("Op de tweede dag ging het mis.", id="tweede-dag"),
    pytest.param("Ze won voor de derde keer.", id="derde-keer"),
    pytest.param("Hij viel in de vierde ronde.", id="vierde-ronde"),
    pytest.param("Het was haar eerste wereldtitel.", id="eerste-wereldtitel"),
    pytest.param("Hij werd laatste.", id="laatste"),
    pytest.param("Ze verbeterde haar persoonlijk record.", id="no-ordinal"),
    pytest.param("Hij scoorde in de 23e minuut.", id="match-minute"),
])
def test_no_rank(text):
    assert of(text, "RANK") == []


def test_laatste_is_last_not_rank():
    assert texts("Hij werd laatste.", "LAST") == ["laatste"]


# --- WIN, WINOBJ, LEAD --------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    pytest.param("Jutta Leerdam won de 1000 meter.", "won", id="won"),
    pytest.param("Leerdam wint in Thialf.", "wint", id="wint"),
    pytest.param("Ze was de snelste.", "de snelste", id="de-snelste"),
    pytest.param("Hij zegevierde in Inzell.", "zegevierde", id="zegevierde"),
])
def test_win(text, found):
    assert [(m.text, m.value) for m in of(text, "WIN")] == [(found, 1)]


@pytest.mark.parametrize("text", [
    pytest.param("Ze reed de snelste tijd.", id="snelste-tijd"),
    pytest.param("Het was de snelste ronde ooit.", id="snelste-ronde"),
    pytest.param("Ze werd tweede.", id="no-win-word"),
])
def test_no_win(text):
    assert of(text, "WIN") == []


@pytest.mark.parametrize("text, found", [
    pytest.param("De zege ging naar Thomas Krol.", "De zege ging naar", id="de-zege-ging-naar"),
    pytest.param("De 1000 meter werd gewonnen door Jutta Leerdam.", "gewonnen door", id="gewonnen-door"),
    pytest.param("Het goud ging naar Irene Schouten.", "Het goud ging naar", id="het-goud-ging-naar"),
])
def test_winner_object(text, found):
    assert [(m.text, m.value) for m in of(text, "WINOBJ")] == [(found, 1)]


def test_winner_object_is_not_also_a_win():
    text = "De zege ging naar Thomas Krol."
    assert of(text, "WIN") == []


def test_lead():
    assert texts("Na twee afstanden ligt ze aan de leiding.", "LEAD") == ["aan de leiding"]


# --- STATUS -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, status", [
    pytest.param("Ze gaf op na drie ronden.", "dnf", id="gaf-op"),
    pytest.param("Sven Kramer kwam ten val.", "dnf", id="kwam-ten-val"),
    pytest.param("Hij viel uit met een blessure.", "dnf", id="viel-uit"),
    pytest.param("Hij ging niet van start.", "dns", id="ging-niet-van-start"),
    pytest.param("Ze werd gediskwalificeerd.", "dsq", id="gediskwalificeerd"),
    pytest.param("Hij werd niet geplaatst voor de finale.", "dnq", id="niet-geplaatst"),
])
def test_status(text, status):
    assert values(text, "STATUS") == [status]


@pytest.mark.parametrize("text", [
    pytest.param("Hij viel bijna uit.", id="bijna"),
    pytest.param("Ze ging net niet onderuit.", id="net-niet"),
    pytest.param("Ze reed een sterke race.", id="nothing"),
])
def test_no_status(text):
    assert of(text, "STATUS") == []


# --- RECORD -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, record", [
    pytest.param("Ze reed een wereldrecord.", ("WR", None), id="wereldrecord"),
    pytest.param("Hij verbeterde het olympisch record.", ("OR", None), id="olympisch-record"),
    pytest.param("Het Europees record sneuvelde.", ("ER", None), id="europees-record"),
    pytest.param("Het baanrecord sneuvelde.", ("TR", None), id="baanrecord"),
    pytest.param("Ze verbeterde haar persoonlijk record.", ("PB", None), id="persoonlijk-record"),
    pytest.param("Het Nederlands record is van Kramer.", ("NR", "NED"), id="nederlands-record"),
    pytest.param("Vosté reed een Belgisch record.", ("NR", "BEL"), id="belgisch-record"),
])
def test_record(text, record):
    assert values(text, "RECORD") == [record]


def test_no_record():
    assert of("Ze reed een sterke tijd.", "RECORD") == []


# --- COUNTRY, TEAM, VENUE -----------------------------------------------------------------------

@pytest.mark.parametrize("text, found, value", [
    pytest.param("De Japanse Miho Takagi won.", "Japanse", ("JPN", "female"), id="demonym-female"),
    pytest.param("De Noor was de snelste.", "Noor", ("NOR", "male"), id="demonym-male"),
    pytest.param("De Canadezen wonnen.", "Canadezen", ("CAN", "plural"), id="demonym-plural"),
    pytest.param("Nederland won de ploegachtervolging.", "Nederland", ("NED", "names"), id="country-name"),
    pytest.param("Takagi (Jap) 1.11,83", "(Jap)", ("JPN", "short"), id="list-abbreviation"),
])
def test_country(text, found, value):
    assert (found, value) in [(m.text, m.value) for m in of(text, "COUNTRY")]


def test_country_from():
    assert ("uit Japan", ("JPN", "from")) in [(m.text, m.value) for m in of("Takagi uit Japan won.", "COUNTRY")]


@pytest.mark.parametrize("text", [
    pytest.param("Takagi (Xyz) 1.11,83", id="unknown-abbreviation"),
    pytest.param("Hij at een noor.", id="lowercase-demonym"),
    pytest.param("Leerdam won de 1000 meter.", id="none"),
])
def test_no_country(text):
    assert of(text, "COUNTRY") == []


def test_team():
    assert texts("Ze rijdt voor Team Jumbo-Visma.", "TEAM") == ["Team Jumbo-Visma"]


@pytest.mark.parametrize("written", ["Deceuninck-Quick-Step", "Deceuninck-Quick Step", "Deceuninck Quick-Step",
                                     "Team Jumbo Visma"])
def test_team_written_with_a_space_for_a_hyphen_or_the_other_way(written):
    assert texts(f"Hij rijdt voor {written} sinds vorig jaar.", "TEAM") == [written]



def test_venue():
    assert texts("Ze won in Thialf in Heerenveen.", "VENUE") == ["Thialf", "Heerenveen"]
    assert texts("Het wereldrecord in Salt Lake City.", "VENUE") == ["Salt Lake City"]


# --- AGE, PRON, DESC ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, age", [
    pytest.param("De 22-jarige won.", 22, id="jarige"),
    pytest.param("Jutta Leerdam (23) won.", 23, id="in-parentheses"),
])
def test_age(text, age):
    assert values(text, "AGE") == [age]


def test_year_in_parentheses_is_no_age():
    assert of("Het record (2018) bleef staan.", "AGE") == []


@pytest.mark.parametrize("text, found, value", [
    pytest.param("Ze was snel.", "Ze", "female", id="ze"),
    pytest.param("Zij won.", "Zij", "female", id="zij"),
    pytest.param("Hij won.", "Hij", "male", id="hij"),
    pytest.param("Die werd tweede.", "Die", "any", id="die"),
])
def test_pronoun(text, found, value):
    assert [(m.text, m.value) for m in of(text, "PRON")] == [(found, value)]


@pytest.mark.parametrize("text, found, head", [
    pytest.param("De 22-jarige schaatsster won.", "De 22-jarige schaatsster", "schaatsster", id="age-and-noun"),
    pytest.param("De Amerikaanse reed 1.14,02.", "De Amerikaanse", "amerikaanse", id="demonym"),
    pytest.param("De titelverdediger werd derde.", "De titelverdediger", "titelverdediger", id="role"),
])
def test_description(text, found, head):
    (m,) = of(text, "DESC")
    assert m.text == found
    assert m.value["head"] == head


def test_demonym_before_a_name_is_no_description():
    assert of("De Japanse Miho Takagi won.", "DESC") == []


# --- QUOTE, PAST --------------------------------------------------------------------------------

def test_quote():
    assert texts("„Ik ben blij”, zei Leerdam.", "QUOTE") == ["„Ik ben blij”"]
    assert texts('"Dit is mijn dag", zei ze.', "QUOTE") == ['"Dit is mijn dag"']


@pytest.mark.parametrize("text, found", [
    pytest.param("Vorig jaar werd ze derde.", "Vorig jaar", id="vorig-jaar"),
    pytest.param("Vier jaar geleden won ze goud.", "geleden", id="geleden"),
])
def test_past(text, found):
    assert texts(text, "PAST") == [found]


def test_mentions_are_sorted_and_in_bounds():
    text = "De Japanse Miho Takagi won de 1000 meter bij de vrouwen in 1.13,19, een olympisch record."
    ms = find_mentions(text)
    assert {"COUNTRY", "WIN", "EVENT", "GENDER", "TIME", "RECORD"} <= {m.kind for m in ms}
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


# --- blocks -------------------------------------------------------------------------------------

def test_blocks_kinds_and_sentences():
    text = ("Leerdam wint de 1000 meter\n\n"
            "Jutta Leerdam won de 1000 meter in 1.13,83. Miho Takagi werd tweede.\n\n"
            "1. Leerdam (Ned) 1.13,83\n2. Takagi (Jap) 1.14,20\n\n"
            "Foto: Leerdam juicht in Thialf © ANP")
    blocks = find_blocks(text)
    assert all(isinstance(b, Block) for b in blocks)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "list", "list", "caption"]
    para = blocks[1]
    assert [text[s:e] for s, e in para.sentences] == [
        "Jutta Leerdam won de 1000 meter in 1.13,83.", "Miho Takagi werd tweede."]
    assert text[blocks[2].start:blocks[2].end] == "1. Leerdam (Ned) 1.13,83"
    assert blocks[2].sentences == ((blocks[2].start, blocks[2].end),)


def test_sentence_split_keeps_initials_together():
    text = "J. Leerdam won de 1000 meter. Ze klokte 1.13,83."
    (block,) = find_blocks(text)
    assert [text[s:e] for s, e in block.sentences] == ["J. Leerdam won de 1000 meter.", "Ze klokte 1.13,83."]


def test_plural_place_noun_with_a_list_of_numbers():
    assert values("Ze volgden op de plaatsen zes, zeven en acht.", "RANK") == [6, 7, 8]


def test_grid_place_of_a_past_start_is_no_rank():
    assert values("Hij begon vanaf P17 en vertrok vanaf de vijfde plaats.", "RANK") == []
    assert values("Hij start zondag vanaf de vijfde plaats.", "RANK") == [5]


def test_inherited_pole_is_no_win():
    assert of("Zo erft Jan Smit de pole position.", "WIN") == []
    assert len(of("Jan Smit pakte de pole position.", "WIN")) == 1


def test_win_count_is_no_win():
    assert of("Hij won er drie.", "WIN") == []
    assert of("Hij won dit jaar elf races.", "WIN") == []
    assert len(of("Hij won in 1.41.26.", "WIN")) == 1


def test_team_cars_in_the_plural_are_a_team():
    assert texts("Hij eindigde voor de McLarens van Jan Smit en Piet Bakker.", "TEAM") == ["McLarens"]


@pytest.mark.parametrize("text, metres", [
    ("Ze wonnen de 3000 meter aflossing.", 3000),
    ("In de aflossing over 2.000 meter werden ze tweede.", 2000),
    ("Mannen, aflossing 5000 meter", 5000),
    ("Gemengde aflossing, 2000 meter", 2000),
])
def test_relay_with_its_distance_is_one_event(text, metres):
    assert values(text, "EVENT") == [("relay", metres)]



def _people(text: str) -> list[str]:
    """The names find_people sees in ``text``, tokenized by words and punctuation (a sentence starts after ".")."""
    import regex

    from extract.recognize import find_people
    words = regex.finditer(r"[\w-]+|[^\w\s]", text)
    tokens = [(m.group(), m.start(), i == 0 or text[:m.start()].rstrip().endswith(".")) for i, m in enumerate(words)]
    return [m.text for m in find_people(tokens, text, blocked=[])]


@pytest.mark.parametrize("after, named", [
    ("Zijn anti-roest middel.", True),  # "roest" only inside a hyphenated word: not a small-letter word of its own
    ("Het ijzer ging roest.", False),  # "roest" also written small: the sentence's first word is no name
    ("Een -roest middel.", False),
    ("Een roest-vrij middel.", True),
])
def test_a_capitalized_first_word_is_a_name_unless_the_text_writes_it_small(after, named):
    assert ("Roest" in _people(f"Roest won de rit in Parijs. {after}")) is named


@pytest.mark.parametrize("names, expected", [
    ("Mattia Cattaneo Tony Gallopin", ["Mattia Cattaneo", "Tony Gallopin"]),  # the comma between them lost
    ("Ireen Wüst Carlijn Achtereekte", ["Ireen Wüst", "Carlijn Achtereekte"]),
    ("Anna Maria van der Berg", ["Anna Maria van der Berg"]),  # two given names, then the surname
    ("José Joaquín Rojas", ["José Joaquín Rojas"]),
])
def test_a_given_name_after_a_full_name_starts_the_next(names, expected):
    assert _people(f"In de kopgroep zaten {names} en nog twee anderen.") == expected


@pytest.mark.parametrize("role", ["Judoka", "Windsurfster", "Motorcrosser", "Zeilster", "Mountainbikester"])
def test_a_sport_role_before_a_name_is_not_part_of_it(role):
    assert _people(f"Volgens de bond won {role} Roy Meyer zondag zijn derde titel.") == ["Roy Meyer"]


@pytest.mark.parametrize("opening", ["Daarnaast", "Vijftien keer", "Zondagmiddag", "Laatstgenoemde", "Samen met"])
def test_a_word_that_opens_a_sentence_is_not_a_name(opening):
    assert _people(f"Het was een lange dag. {opening} won Roy Meyer de sprint.") == ["Roy Meyer"]
