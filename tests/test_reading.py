"""Reading articles: HTML to text, front matter, plain text, and the files under an input folder."""
import re

import pytest
import yaml

from extract import reading
from extract.reading import InputError, html_to_text, iter_sources, read_html_article, read_markdown_article


@pytest.mark.parametrize("html, text", [
    pytest.param("<p>Femke Kok won de 500 meter.</p><p>Ze was blij.</p>",
                 "Femke Kok won de 500 meter.\n\nZe was blij.", id="paragraphs"),
    pytest.param("<table><tr><th>Plaats</th><th>Naam</th></tr><tr><td>1.</td><td>Kok</td><td>37,10</td></tr>"
                 "<tr><td>2.</td><td>Leerdam</td><td>37,35</td></tr></table><p>Daarna</p>",
                 "Plaats\tNaam\n1.\tKok\t37,10\n2.\tLeerdam\t37,35\n\nDaarna", id="table-rows-are-tab-lines"),
    pytest.param("Eerste regel<br>tweede regel<br/>derde", "Eerste regel\ntweede regel\nderde", id="br"),
    pytest.param("<head><title>T</title><style>p {}</style></head><script>var x;</script><p>Tekst</p>"
                 "<noscript>n</noscript><iframe>i</iframe><svg><text>s</text></svg><template>t</template>",
                 "Tekst", id="invisible-parts-dropped"),
    pytest.param("<p>Kok<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> won</p>", "Kok漢 won", id="ruby-annotation"),
    pytest.param("<p><span>a</span>\t<span>b</span></p><pre><span>a</span>\t<span>b</span></pre>", "a b\n\na\tb",
                 id="blank-between-tags-is-a-space-but-in-pre"),
    pytest.param("<p>a<!-- x -->b</p><p>c <!-- x --> d</p>", "ab\n\nc d", id="comments"),
    pytest.param("<p>a&nbsp;&nbsp;b \u2009 c</p>", "a b c", id="odd-blanks"),
    pytest.param("<ul><li>een</li><li>twee</li></ul>", "een\n\ntwee", id="items"),
    pytest.param("<div>Kok<div>won</div>goud</div>", "Kok\n\nwon\n\ngoud", id="nested-blocks"),
    pytest.param("<p>Jan <b>wint</b>\n   met   ruime   voorsprong</p>", "Jan wint\nmet ruime voorsprong", id="spaces"),
    pytest.param("", "", id="empty"),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_html_article_title_is_the_first_h1_else_the_title():
    page = ("<html><head><title>Krol wint</title></head><body><h1>Krol <script>x</script>wint <span>1500</span></h1>"
            "<p>Thomas Krol won.</p></body></html>")
    # the h1's strings joined by spaces, as they come (the title is not tidied)
    assert read_html_article(page, "a").title == "Krol  wint  1500"
    page = "<html><head><title>  Krol wint\n</title></head><body><p>Thomas Krol won.</p></body></html>"
    article = read_html_article(page, "a")
    assert (article.title, article.text) == ("Krol wint", "Krol wint\n\nThomas Krol won.")
    assert read_html_article("<h1></h1><title>T</title><p>x</p>", "a").title is None  # an empty h1 still counts


JEKYLL_POST = """---
layout: post
title: "Kok wint de 500 meter"
date: Thu, 18 Apr 2019 21:00:24 +0200
categories: 
- sport 
- schaatsen 
externe_link: "https://nos.nl/l/1"
---

<p>Femke Kok won de 500 meter in 37,10.</p>"""


def test_markdown_article_with_front_matter():
    article = read_markdown_article(JEKYLL_POST, "a", "a.md")
    assert article.text == "Kok wint de 500 meter\n\nFemke Kok won de 500 meter in 37,10."
    assert (article.title, article.date, article.url, article.categories) == (
        "Kok wint de 500 meter", "Thu, 18 Apr 2019 21:00:24 +0200", "https://nos.nl/l/1", ("sport", "schaatsen"))
    assert article.meta == {"layout": "post", "title": "Kok wint de 500 meter", "date": "Thu, 18 Apr 2019 21:00:24 +0200",
                            "categories": "['sport', 'schaatsen']", "externe_link": "https://nos.nl/l/1"}


@pytest.mark.parametrize("raw, title, date, categories, meta, text", [
    pytest.param("---\ntitle: Kok wint\ndate: 2019-04-18\naantal: 155\ncategories: [sport, schaatsen]\n---\n# Kok wint\n\n"
                 "Femke **Kok** won de [500 meter](https://x).",
                 "Kok wint", "2019-04-18", ("sport", "schaatsen"),
                 {"title": "Kok wint", "date": "2019-04-18", "aantal": "155", "categories": "['sport', 'schaatsen']"},
                 "Kok wint\n\nFemke Kok won de 500 meter.", id="typed-values-and-markdown"),
    pytest.param("---\r\ntitle: Kok wint\r\ncategories: sport schaatsen\r\n---\r\nFemke Kok won.\r\n",
                 "Kok wint", None, ("sport", "schaatsen"), {"title": "Kok wint", "categories": "sport schaatsen"},
                 "Kok wint\n\nFemke Kok won.", id="crlf"),
    pytest.param('{\n"title": "Kok wint", "categories": ["sport"]\n}\nFemke Kok won.',
                 "Kok wint", None, ("sport",), {"title": "Kok wint", "categories": "['sport']"},
                 "Kok wint\n\nFemke Kok won.", id="json-front-matter"),
    pytest.param("Geen front matter, alleen tekst.", None, None, (), {}, "Geen front matter, alleen tekst.", id="none"),
])
def test_front_matter_forms(raw, title, date, categories, meta, text):
    article = read_markdown_article(raw, "a")
    assert (article.title, article.date, article.categories, article.meta, article.text) == (
        title, date, categories, meta, text)


@pytest.mark.parametrize("raw, message", [
    ('---\ntitle: "Kok wint\ndate: 2019\n---\nx', "invalid YAML front matter at line 4: found unexpected end of stream"
     " (while scanning a quoted scalar at line 2)"),
    ("---\ntitle: Kok wint\ndate: x: y\n---\nx",
     "invalid YAML front matter at line 3: mapping values are not allowed in this context"),
])
def test_invalid_front_matter(raw, message, tmp_path):
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("the messages are libyaml's")
    with pytest.raises(InputError, match="^" + re.escape(message) + "$"):
        read_markdown_article(raw, "a")
    (tmp_path / "bad.md").write_text(raw, encoding="utf-8")
    (source,) = iter_sources([tmp_path])
    assert source.error == f"{tmp_path / 'bad.md'}: {message}"


def test_files_under_a_folder(tmp_path):
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "verslag.md").write_text(JEKYLL_POST, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Femke Kok won.", encoding="utf-8")
    (tmp_path / ".verborgen.md").write_text("x", encoding="utf-8")
    (tmp_path / "notities.doc").write_text("x", encoding="utf-8")
    (tmp_path / "kapot.txt").write_bytes(b"Kok \xff won")
    sources = list(iter_sources([tmp_path]))
    assert [(s.article_id, s.path) for s in sources] == [
        ("a", str(tmp_path / "a.txt")), ("kapot", str(tmp_path / "kapot.txt")),
        ("2019/verslag", str(tmp_path / "2019" / "verslag.md"))]
    # not UTF-8: read in the archives' code page, and said so
    assert (sources[1].error, sources[1].text, sources[1].encoding) == (None, "Kok ÿ won", "cp1252")
    assert sources[1].warnings == ("not UTF-8 (byte 4): read as cp1252",)
    assert [(f.file, f.root, f.problem) for f in reading.discover([tmp_path])] == [
        (s.path, str(tmp_path), None) for s in sources]
    (single,) = iter_sources([tmp_path / "2019" / "verslag.md"])
    assert (single.article_id, single.title) == ("verslag", "Kok wint de 500 meter")
