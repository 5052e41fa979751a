"""No pattern or component takes super-linear time: four times the text may cost about four times the time,
never sixteen. Each text is made of lines of at most --max-line-chars (10,000) characters, the longest a
line gets past reading, and runs through the whole pipeline (tokenizer, recognizers, names, linker). The
readers take the raw file, before lines are cut: their shapes come as one line of up to 150,000 characters."""
from __future__ import annotations

import time

import pytest

import extract
from extract.reading import html_to_text, read_markdown_article, read_text_article

# a line each: the shapes that make backtracking patterns and pairwise loops blow up
LINES = {
    "dots": "1.1.1.1," * 1250,
    "digits": "1" * 10_000,
    "commas": "12,34 " * 1666,
    "colons": "1:2:3:4:" * 1250,
    "quotes": "'" * 10_000,
    "double-quotes": '"' * 10_000,
    "capitalized": "Jan " * 2500,
    "capitalized-hyphens": "Van-" * 2500,
    "names-and-commas": "Jan Berg, " * 1000,
    "names-and-countries": "Jan Berg (NED) 1.12,25, " * 400,
    "results-list": "\n".join(f"{n}. Jan Berg{n} (NED) 1.12,25\t+0,45" for n in range(1, 300)),
    "sentences": "Jan de Vries won de 500 meter in 34,56. " * 250,
    "parentheses": "(" * 5000 + ")" * 5000,
    "angle-brackets": "<" * 10_000,
    "no-spaces": "a" * 10_000,
}


# raw file contents for the readers, each as a function of a size: Markdown marks that never close, links
# that never end, tags, metadata lines
RAW = {
    "markdown-emphasis": lambda n: "---\ntitle: x\n---\n" + "*a " * n,
    "markdown-underscores": lambda n: "---\ntitle: x\n---\n" + "_x" * n,
    "markdown-links": lambda n: "---\ntitle: x\n---\n" + "[a](" * n,
    "markdown-images": lambda n: "---\ntitle: x\n---\n" + "![" * n,
    "markdown-headings": lambda n: "---\ntitle: x\n---\n" + "# " * n,
    "html-open-tags": lambda n: "<p" * n,
    "html-nesting": lambda n: "<b><i>" * (n // 2) + "tekst",
    "text-header-lines": lambda n: "date: 2019\n" * (n // 4),
    "text-blanks": lambda n: " \u00a0\t" * n,
}
READERS = {"markdown": lambda raw: read_markdown_article(raw, "x"), "html": html_to_text,
           "text": lambda raw: read_text_article(raw, "x")}


def _cpu_seconds(text: str, run=extract.extract_text) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two: the machine is shared
        started = time.process_time()
        run(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.fixture(scope="module")
def warm():
    extract.extract_text("Jutta Leerdam won de 1000 meter in 1.12,25.")


@pytest.mark.parametrize("name", list(LINES))
def test_time_grows_linearly(name, warm):
    line = LINES[name]
    small, large = "\n".join([line] * 6), "\n".join([line] * 24)
    ratio = _cpu_seconds(large) / max(_cpu_seconds(small), 1e-3)
    assert ratio < 8, f"{name}: 4x the text took {ratio:.1f}x the time"


@pytest.mark.parametrize("name", list(RAW))
def test_reading_time_grows_linearly(name):
    read = READERS[name.split("-")[0]]
    small, large = RAW[name](12_500), RAW[name](50_000)
    ratio = _cpu_seconds(large, read) / max(_cpu_seconds(small, read), 1e-3)
    assert ratio < 8, f"{name}: 4x the text took {ratio:.1f}x the time"
