"""A folder of dirty inputs, as real archives have them, with the outcome each must have.

    python -m tests.hostile_corpus DIR     # writes the corpus into DIR (and an outside folder beside it)

``build(folder)`` writes the files and returns the expected outcome per article id: processed (with the
encoding and warnings to see, and the results of the good ones) or an error row with the words its
message must hold. Every sentence here was written for this corpus.
"""
from __future__ import annotations

import codecs
import json
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

GOOD = "Schaatsen\n\nJutta Leerdam won zaterdag de 1000 meter in 1.12,25. Femke Kok werd tweede in 1.12,80.\n"
GOOD_ROWS = {("Jutta Leerdam", 72.25, 1), ("Femke Kok", 72.8, 2)}
ACCENTED = ("Schaatsen\n\nDe Belgische Sandrine Tas won de 1000 meter in 1.12,25. „Eén race, één doel”, zei ze. "
            "Femke Kok werd tweede in 1.12,80.\n")
MOJIBAKE_SOURCE = "Schaatsen\n\nDe Belgische Sandrine Tas (België) won de 1000 meter in 1.12,25. Eén race, één doel.\n"
# the byte limit the test runs with (--max-article-bytes): small, so the big files cost little time
ARTICLE_BYTES = 200_000


@dataclass
class Outcome:
    error: str | None = None  # words the error message must hold; None: processed without error
    encoding: str | None = None
    warnings: tuple[str, ...] = ()  # words each of which some warning must hold
    rows: set = field(default_factory=set)  # (athlete, time_s, rank) the article must give
    only_rows: bool = False  # and no other (nothing from a script, a style or a noscript)
    text_has: str | None = None  # words the article's text must hold (a repaired character ...)
    follow_links: bool | None = None  # an outcome only with (True) or without (False) --follow-links


def build(folder: Path) -> dict[str, Outcome]:
    """Write the corpus into ``folder`` (and ``folder``-outside, the target of links that leave it)."""
    folder.mkdir(parents=True)
    outside = folder.parent / (folder.name + "-outside")
    outside.mkdir()
    (outside / "elders.txt").write_text(GOOD, encoding="utf-8")
    expected: dict[str, Outcome] = {}

    def put(name: str, data: bytes | str, outcome: Outcome) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[_article_id(name)] = outcome

    # --- encodings
    put("enc/utf8.txt", ACCENTED, Outcome(encoding="utf-8", rows={("Sandrine Tas", 72.25, 1)}))
    put("enc/utf8-bom.md", codecs.BOM_UTF8 + ("---\ntitle: Tas wint\n---\n" + ACCENTED).encode(),
        Outcome(encoding="utf-8-sig", rows={("Sandrine Tas", 72.25, 1)}))
    put("enc/utf16-bom.txt", ACCENTED.encode("utf-16"), Outcome(encoding="utf-16", rows={("Sandrine Tas", 72.25, 1)}))
    put("enc/utf16-no-bom.txt", ACCENTED.encode("utf-16-le"),
        Outcome(encoding="utf-16-le", warnings=("no byte order mark",), rows={("Sandrine Tas", 72.25, 1)}))
    put("enc/cp1252.txt", ACCENTED.encode("cp1252"), Outcome(encoding="cp1252", warnings=("read as cp1252",),
                                                              rows={("Sandrine Tas", 72.25, 1)}, text_has="„Eén race"))
    put("enc/latin1.txt", "Schaatsen\n\nDe Belgische Sandrine Tas (één) won de 1000 meter in 1.12,25.\n".encode("latin-1"),
        Outcome(encoding="cp1252", warnings=("read as cp1252",), rows={("Sandrine Tas", 72.25, 1)}, text_has="(één)"))
    put("enc/stray-bytes.txt", ACCENTED.encode().replace("één doel".encode(), "één doel ".encode() + "café".encode("latin-1")),
        Outcome(encoding="utf-8", warnings=("1 invalid UTF-8 byte",), rows={("Sandrine Tas", 72.25, 1)}, text_has="café"))
    # UTF-8 read once as Windows-1252 and saved again as UTF-8: "BelgiÃ«"
    put("enc/mojibake.txt", MOJIBAKE_SOURCE.encode().decode("cp1252").encode(),
        Outcome(encoding="utf-8", warnings=("mojibake repaired",), rows={("Sandrine Tas", 72.25, 1)},
                text_has="(België)"))
    put("enc/nul-bytes.txt", (GOOD * 20).replace("zaterdag", "zater\x00dag", 1),
        Outcome(warnings=("1 NUL byte removed",), rows=GOOD_ROWS, text_has="zaterdag"))
    put("enc/controls.txt", GOOD.replace("Femke", "\x07\x1bFemke"),
        Outcome(warnings=("2 control characters",), rows=GOOD_ROWS))
    # --- not text at all
    put("bin/plaatje.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, Outcome(error="not text: binary content (PNG header"))
    put("bin/document.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, Outcome(error="(PDF header"))
    put("bin/ruis.txt", random.Random(7).randbytes(5000), Outcome(error="not text: binary content"))
    put("bin/leeg.txt", b"", Outcome(encoding="utf-8"))
    # --- size and shape
    # 30 MB: only the first ARTICLE_BYTES are read
    put("size/groot.txt", GOOD + ("Een zin die de ruimte vult zonder uitslag. " * 2000 + "\n") * 350,
        Outcome(warnings=(f"the first {ARTICLE_BYTES:,} read",), rows=GOOD_ROWS))
    put("size/lange-regel.txt", GOOD + "Vulling zonder uitslag, " * 1000 + "\n",
        Outcome(warnings=("line 4 cut to 10,000 characters",), rows=GOOD_ROWS))
    put("size/punten.txt", GOOD + "1.1.1.1," * 25_000 + "\n", Outcome(warnings=("cut to 10,000",), rows=GOOD_ROWS))
    put("size/hoofdletters.txt", GOOD + ("Jan " * 2000 + "\n") * 10 + "Van-" * 5000 + "\n" + "'" * 20_000 + "\n",
        Outcome(warnings=("2 lines (the first: line 14) cut to 10,000 characters",), rows=GOOD_ROWS))
    # --- HTML
    put("html/scripts.html", "<html><head><title>Tas wint</title><style>p::after{content:'Kjeld Nuis won de 1500 "
        "meter in 1.43,12'}</style><script>var s = 'Kjeld Nuis won de 1500 meter in 1.43,12.';</script></head><body>"
        "<h1>Schaatsen</h1><p>Jutta Leerdam won zaterdag de 1000 meter in 1.12,25. Femke Kok werd tweede in 1.12,80."
        "</p><noscript>Kjeld Nuis won de 1500 meter in 1.43,12.</noscript></body></html>",
        Outcome(rows=GOOD_ROWS, only_rows=True))
    put("html/diep.html", "<div>" * 15_000 + "<p>Jutta Leerdam won de 1000 meter in 1.12,25.</p>" + "</div>" * 15_000,
        Outcome())
    put("html/kapot.html", "<p>Schaatsen<p><b>Jutta Leerdam won <i>zaterdag de 1000 meter in 1.12,25.<p>Femke Kok "
        "werd tweede in 1.12,80.</td></tr></table><p><<<>>><!-- open commentaar", Outcome(rows=GOOD_ROWS))
    # --- front matter
    put("yaml/fout.md", "---\ntitle: Tas wint\ndate: 2021-12-03\ntags: [schaatsen\n---\n" + GOOD,
        Outcome(error="invalid YAML front matter at line 5: did not find expected ',' or ']' (while parsing a flow "
                      "sequence at line 4)"))
    put("yaml/alias-bom.md", "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: Tas\n---\n" + GOOD, Outcome(error="YAML alias"))
    put("yaml/object.md", "---\ntitle: !!python/object/apply:os.system [\"echo gevaar\"]\n---\n" + GOOD,
        Outcome(error="could not determine a constructor"))
    put("yaml/nesting.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + GOOD, Outcome(error="invalid YAML"))
    # --- JSONL: one outcome per line
    too_long = json.dumps({"text": "Een regel van vijf megabyte. " * 180_000})  # read past, never held
    lines = [json.dumps({"id": "goed", "text": GOOD}), "[1, 2]", json.dumps({"title": "zonder tekst"}),
             json.dumps({"text": 5}), "{niet: json", too_long,
             json.dumps({"id": "nul", "text": GOOD.replace("Femke", "Fem\u0000ke")}), "", "   ",
             json.dumps({"text": "a" * 100, "nest": "x"}), "[" * 50_000 + "]" * 50_000]
    put("feed.jsonl", "\n".join(lines) + "\n", Outcome())
    del expected["feed.jsonl"]
    for key, outcome in {"goed": Outcome(rows=GOOD_ROWS), "2": Outcome(error="JSONL line 2: expected an object, got list"),
                         "3": Outcome(error="JSONL line 3: missing field 'text'"),
                         "4": Outcome(error="JSONL line 4: field 'text' is int, not a string"),
                         "5": Outcome(error="JSONL line 5: not valid JSON"),
                         "6": Outcome(error=f"JSONL line 6: {len(too_long) + 1:,} bytes, over the limit"),
                         "nul": Outcome(warnings=("1 NUL byte removed",)), "10": Outcome(),
                         "11": Outcome(error="JSONL line 11: not usable JSON (nested too deeply)")}.items():
        expected[f"feed.jsonl#{key}"] = outcome
    # --- the file system
    links = folder / "links"
    links.mkdir()
    os.symlink("bestaat-niet.txt", links / "los.txt")
    expected["links/los"] = Outcome(error="dangling symbolic link (to bestaat-niet.txt)")
    os.symlink("rond.txt", links / "rond.txt")
    expected["links/rond"] = Outcome(error="symbolic link loop")
    os.symlink("..", links / "terug")
    expected["links/terug"] = Outcome(error="symbolic link loop (back to")
    os.symlink(outside / "elders.txt", links / "elders.txt")
    expected["links/elders"] = Outcome(error="outside the input folder", follow_links=False)
    expected["links/elders "] = Outcome(rows=GOOD_ROWS, follow_links=True)  # the same file, followed
    os.symlink("../enc/utf8.txt", links / "binnen.txt")
    expected["links/binnen"] = Outcome(rows={("Sandrine Tas", 72.25, 1)})
    os.symlink("/dev/null", links / "apparaat.txt")
    expected["links/apparaat"] = Outcome(error="outside the input folder", follow_links=False)
    expected["links/apparaat "] = Outcome(error="not a regular file (a character device)", follow_links=True)
    os.mkfifo(folder / "pijp.txt")
    expected["pijp"] = Outcome(error="not a regular file (a FIFO), not opened")
    # --- odd names
    for name in ("met spatie.txt", "ünïcödé.txt", "nieuwe\nregel.txt", "-streepje.txt"):
        put(f"namen/{name}", GOOD, Outcome(rows=GOOD_ROWS))
    (folder / "namen").joinpath(os.fsdecode(b"kapot-\xff.txt")).write_text(GOOD, encoding="utf-8")
    expected["namen/kapot-\\xff"] = Outcome(rows=GOOD_ROWS)
    # --- a tree deeper than Python's recursion limit
    deep = str(folder)
    for _ in range(1100):  # one at a time: pathlib's and os.makedirs' parents=True recurse
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    Path(deep, "diep.txt").write_text(GOOD, encoding="utf-8")
    expected["/".join(["d"] * 1100) + "/diep"] = Outcome(rows=GOOD_ROWS)
    # --- the good ones, next to all that
    put("goed/een.txt", GOOD, Outcome(rows=GOOD_ROWS))
    put("goed/twee.md", "---\ntitle: Nuis wint\ndate: 2022-02-08\ncategories: [schaatsen]\n---\n"
        "Kjeld Nuis reed op de 1500 meter naar de winst in 1.43,12.\n", Outcome(rows={("Kjeld Nuis", 103.12, 1)}))
    return expected


def remove_deep_tree(folder: Path) -> None:
    """Remove ``folder``'s tree bottom up, without recursion (shutil.rmtree and os.walk recurse: too deep here)."""
    stack = [(str(folder), False)]
    while stack:
        path, emptied = stack.pop()
        if emptied:
            os.rmdir(path)
            continue
        stack.append((path, True))
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, False))
                else:
                    os.unlink(entry.path)


def outcomes(expected: dict[str, Outcome], follow_links: bool) -> dict[str, Outcome]:
    """The outcomes of a run with or without --follow-links (keys of the other kind dropped, trailing marks cut)."""
    return {key.rstrip(" "): o for key, o in expected.items() if o.follow_links in (None, follow_links)}


def _article_id(name: str) -> str:
    return name if name.endswith(".jsonl") else name.rsplit(".", 1)[0]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.hostile_corpus DIR")
    print(f"{len(build(Path(sys.argv[1])))} articles written to {sys.argv[1]}")
