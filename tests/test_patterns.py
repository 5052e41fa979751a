"""The pattern files: every bundled file loads, and a broken file fails with the file, the key and what was expected."""
from __future__ import annotations

import copy
import re

import pytest
import yaml

from extract.lexicon import PATTERN_FILES, PatternFileError, get_lexicon, load_pattern_file, validate
from extract.types import SPORTS

from .conftest import ROOT

PATTERNS = ROOT / "patterns"


def real(name: str) -> dict:
    return yaml.safe_load((PATTERNS / name).read_text(encoding="utf-8"))


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# --- the bundled files ---------------------------------------------------------------------------

def test_pattern_files_are_the_files_in_patterns():
    on_disk = sorted(p.name for p in PATTERNS.glob("*.yml"))
    assert sorted(PATTERN_FILES) == on_disk


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_bundled_file_loads(name):
    data = load_pattern_file(name)
    stem = name.removesuffix(".yml")
    assert data["schema"] == f"{stem}/1"
    assert len(data) > 1, "a pattern file with nothing but its schema line"
    # the package reads the same file as the repository holds, and text= parses it the same way
    assert data == real(name)
    assert load_pattern_file(name, text=(PATTERNS / name).read_text(encoding="utf-8")) == data
    assert validate(f"patterns/{name}", copy.deepcopy(data)) == data


def test_lexicon_builds_from_the_bundled_files():
    lex = get_lexicon()
    assert lex is get_lexicon()  # built once per process
    assert set(lex.raw) == {n.removesuffix(".yml") for n in PATTERN_FILES}
    assert lex.countries["NED"].names[0] == "Nederland"
    assert lex.ordinals["derde"] == 3


def test_country_codes_and_abbreviations_are_unique():
    countries = real("countries.yml")["countries"]
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes))
    owner: dict[str, str] = {}
    for c in countries:
        for short in c["short"]:
            assert owner.setdefault(short, c["code"]) == c["code"], f"{short!r} names two countries"


def test_time_ranges_are_sane():
    sports = real("sports.yml")["sports"]
    events = real("events.yml")
    named_codes = set(events["named"].values())
    for sport, spec in sports.items():
        for event, (low, high) in spec["time_ranges"].items():
            assert low < high, (sport, event)
            if event.endswith("m") and event[:-1].isdigit():
                assert int(event[:-1]) in events["race_distances"].get(sport, []), (sport, event)
            else:
                assert event in named_codes, (sport, event)


def test_sport_only_names_known_events_and_sports():
    events = real("events.yml")
    named_codes = set(events["named"].values())
    for code, sports in events["sport_only"].items():
        assert code in named_codes, code
        assert set(sports) <= set(SPORTS), (code, sports)


# --- broken files -----------------------------------------------------------------------------------

def _set(path, value):
    """A mutation that sets data[path...] = value."""
    def mutate(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return mutate


def _delete(path):
    def mutate(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return mutate


def _notation_index(name: str) -> int:
    return next(i for i, n in enumerate(real("times.yml")["notations"]) if n["name"] == name)


BROKEN = [
    # unknown keys
    pytest.param("events.yml", _set(["distances"], {"mijl": 1609}), "distances", "one of the keys",
                 id="unknown-top-level-key"),
    pytest.param("sports.yml", _set(["sports", "speed_skating", "colour"], "blue"), "sports.speed_skating.colour",
                 "one of the keys", id="unknown-nested-key"),
    pytest.param("times.yml", _set(["notations", 0, "flags"], "i"), "notations[0].flags", "one of the keys",
                 id="unknown-key-in-list-item"),
    # wrong types
    pytest.param("layout.yml", _set(["heading_max_words"], "twelve"), "heading_max_words", "an integer",
                 id="string-for-integer"),
    pytest.param("layout.yml", _set(["heading_max_words"], True), "heading_max_words", "an integer",
                 id="boolean-for-integer"),
    pytest.param("ranks.yml", _set(["ordinals", "derde"], "drie"), "ordinals.derde", "an integer",
                 id="string-in-mapping-of-integers"),
    pytest.param("gaps.yml", _set(["phrases", "halve minuut"], "dertig"), "phrases.halve minuut", "a number",
                 id="string-for-number"),
    pytest.param("names.yml", _set(["particles"], "van"), "particles", "a list of", id="string-for-list"),
    pytest.param("teams.yml", _set(["teams", 0], 42), "teams[0]", "a non-empty string", id="number-in-word-list"),
    pytest.param("venues.yml", _set(["venues", 1], ""), "venues[1]", "a non-empty string", id="empty-string"),
    pytest.param("events.yml", _set(["genders"], ["vrouwen", "mannen"]), "genders", "a mapping with keys women, men",
                 id="list-for-mapping"),
    pytest.param("sports.yml", _set(["sports", "athletics", "time_ranges", "100m"], [9.5, "dertien"]),
                 "sports.athletics.time_ranges.100m[1]", "a number", id="string-in-number-list"),
    # missing keys
    pytest.param("venues.yml", _delete(["competitions"]), "competitions", "(the key is missing)",
                 id="missing-top-level-key"),
    pytest.param("countries.yml", _delete(["countries", 3, "plural"]), "countries[3].plural",
                 "(the key is missing)", id="missing-key-in-list-item"),
    pytest.param("times.yml", _delete(["units", "seconds"]), "units.seconds", "(the key is missing)",
                 id="missing-nested-key"),
    # schema line
    pytest.param("events.yml", _set(["schema"], "events/2"), "schema", "'events/1'", id="schema-wrong-version"),
    pytest.param("venues.yml", _set(["schema"], "teams/1"), "schema", "'venues/1'", id="schema-of-other-file"),
    pytest.param("status.yml", _delete(["schema"]), "schema", "'status/1'", id="schema-missing"),
    # checks beyond types
    pytest.param("times.yml", _set(["notations", _notation_index("seconds_comma"), "regex"], r"(?P<s>\d{1,3}),(?P<f>\d{2,3}"),
                 f"notations[{_notation_index('seconds_comma')}].regex", "a valid regular expression",
                 id="invalid-regex"),
    pytest.param("times.yml", _set(["notations", _notation_index("seconds_dot"), "reading"], "hours"),
                 f"notations[{_notation_index('seconds_dot')}].reading", "seconds_or_minutes", id="unknown-reading"),
    pytest.param("countries.yml", _set(["countries", 0, "code"], "NL"), "countries[0].code",
                 "a three-letter IOC code", id="ioc-code-too-short"),
    pytest.param("countries.yml", _set(["countries", 1, "code"], "bel"), "countries[1].code",
                 "a three-letter IOC code", id="ioc-code-lowercase"),
    pytest.param("status.yml", _set(["phrases", "viel uit"], "crashed"), "phrases.viel uit",
                 "one of dnf, dnq, dns, dsq", id="unknown-status-code"),
    pytest.param("names.yml", _set(["pronouns", "ze"], "plural"), "pronouns.ze", "one of any, female, male",
                 id="unknown-pronoun-gender"),
    pytest.param("ranks.yml", _set(["other_race_markers", 0], "in een ver verleden"), "other_race_markers[0]",
                 "a phrase also listed under 'past_markers'", id="other-race-marker-not-a-past-marker"),
]


@pytest.mark.parametrize("name, mutate, key, expected", BROKEN)
def test_broken_file_fails_clearly(name, mutate, key, expected):
    data = real(name)
    mutate(data)
    with pytest.raises(PatternFileError) as info:
        load_pattern_file(name, text=dump(data))
    err = info.value
    assert isinstance(err, ValueError)
    assert err.file == f"patterns/{name}"
    assert err.key == key
    assert expected in err.expected
    message = str(err)
    assert message.startswith(f"patterns/{name}: key '{key}': expected ")
    assert expected in message


@pytest.mark.parametrize("name, tail", [
    pytest.param("teams.yml", "\nextra: [unclosed\n", id="unclosed-flow-list"),
    pytest.param("status.yml", "\n  - bad indentation\n", id="bad-indentation"),
    pytest.param("venues.yml", "\nvenues: [a, b]\n\t- tab\n", id="tab-character"),
])
def test_invalid_yaml_names_file_and_line(name, tail):
    text = (PATTERNS / name).read_text(encoding="utf-8") + tail
    with pytest.raises(PatternFileError) as info:
        load_pattern_file(name, text=text)
    err = info.value
    assert err.file == f"patterns/{name}"
    assert re.fullmatch(r"line \d+", err.key), err.key
    line = int(err.key.split()[1])
    assert line > len((PATTERNS / name).read_text(encoding="utf-8").splitlines()) - 1, "the line is where the damage is"
    assert err.expected.startswith("valid YAML")
    assert str(err).startswith(f"patterns/{name}: key 'line {line}': expected valid YAML")


def test_top_level_must_be_a_mapping():
    with pytest.raises(PatternFileError) as info:
        load_pattern_file("teams.yml", text="- Jumbo-Visma\n- Reggeborgh\n")
    assert info.value.key == "(top level)"
    assert info.value.expected == "a mapping"


def test_empty_file_fails():
    with pytest.raises(PatternFileError) as info:
        load_pattern_file("teams.yml", text="")
    assert info.value.file == "patterns/teams.yml"
    assert "a mapping" in str(info.value)


def test_unknown_file_name():
    with pytest.raises(PatternFileError) as info:
        validate("patterns/sponsors.yml", {"schema": "sponsors/1"})
    assert info.value.key == "(file)"
    for name in PATTERN_FILES:
        assert name in info.value.expected


def test_missing_file():
    with pytest.raises(PatternFileError) as info:
        load_pattern_file("sponsors.yml")
    assert info.value.file == "patterns/sponsors.yml"
    assert info.value.key == "(file)"


def test_error_shows_what_was_found():
    data = real("layout.yml")
    data["heading_max_words"] = "twelve"
    with pytest.raises(PatternFileError, match=r"got str 'twelve'"):
        load_pattern_file("layout.yml", text=dump(data))


def test_optional_key_may_be_absent():
    data = real("countries.yml")
    for country in data["countries"]:
        country.pop("regional", None)
    assert load_pattern_file("countries.yml", text=dump(data))["countries"][0]["code"] == "NED"
    data = real("times.yml")
    for notation in data["notations"]:
        notation.pop("reading", None)
    load_pattern_file("times.yml", text=dump(data))


def test_words_regex_matches_whole_words_longest_first():
    from extract.lexicon import words_regex
    rx = words_regex(["de Belg", "Belg", "Belgische", "Belgisch record", "op weg naar", "op weg"])
    text = "De Belgische won, de  Belg niet; het Belgisch record viel op weg naar huis. BELG, België, Belgen"
    assert [m.group(0) for m in rx.finditer(text)] == ["Belgische", "de  Belg", "Belgisch record", "op weg naar", "BELG"]
    exact = words_regex(["NED", "Ned"], case_insensitive=False)
    assert [m.group(0) for m in exact.finditer("NED ned Ned NEDER")] == ["NED", "Ned"]
    assert words_regex([]).search("iets") is None
