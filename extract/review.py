"""The review report: one self-contained HTML file that shows what a run extracted, and why.

Per article the text with the mentions the pipeline recognizes highlighted by kind (spaCy's displaCy entity
renderer), and beside it the article's result and record rows, each linked to its evidence span. A summary
on top counts articles and rows per sport and event, with plots (matplotlib, inline SVG). With gold rows
each result row says how the evaluation counts it (ok, wrong, extra) and missed gold rows are listed.

The page loads nothing from anywhere: styles, script and plots are inline. Its DOM is a contract the
browser test reads (README, "Review"): keep ids, classes and data attributes stable.
"""
from __future__ import annotations

import html
import io
import json
import os
import re
import warnings
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from . import evaluate as ev
from .output import table_path

__all__ = ["INSTALL_HINT", "REPORT_NAME", "PlotLibraryMissing", "ReviewError", "build_report", "write_report"]

REPORT_NAME = "report.html"  # the report's default name, in the run's output folder
INSTALL_HINT = 'pip install "sports-extract[review]"  (or: pip install "matplotlib>=3.8")'

# mention kinds of extract.recognize -> the kinds the report shows; other kinds (ROUND, GENDER ...) stay plain
KIND_OF_MENTION = {"PERSON": "athlete", "COUNTRY": "country", "TIME": "time", "GAP": "gap", "RANK": "rank",
                   "WIN": "rank", "WINOBJ": "rank", "LEAD": "rank", "EVENT": "event", "STATUS": "status",
                   "RECORD": "record"}
# background per kind; "mark" is only an evidence span (a field event's distance or points)
KIND_COLORS = {"athlete": "#aed6f1", "country": "#d7bde2", "time": "#f9e79f", "gap": "#fad7a0", "rank": "#abebc6",
               "event": "#d5dbdb", "status": "#f5b7b1", "record": "#f8c471", "mark": "#f9e79f"}
# a compact displaCy template: the colors come from displaCy, the rest of the look from the page's CSS
MARK_TEMPLATE = ('<mark class="entity" id="{mark_id}" data-kind="{kind}" style="background: {bg}">{text}'
                 '<span class="kind">{label}</span></mark>')
FILTERS = ("all", "results", "no-results", "error", "flagged")


class ReviewError(Exception):
    """The folder is no run output, or the report cannot be made."""


class PlotLibraryMissing(ReviewError):
    def __init__(self) -> None:
        super().__init__(f"the review report needs matplotlib for its plots: {INSTALL_HINT}")


@dataclass
class Run:
    """A run's output folder, read: rows as dicts, in table order."""

    articles: list[dict]
    results: list[dict]
    records: list[dict]
    manifest: dict


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str


def read_run(out_dir: str | os.PathLike) -> Run:
    out = Path(out_dir)
    path = table_path(out, "articles")
    if path is None:
        raise ReviewError(f"{out} holds no articles table (articles.parquet or articles/): not a run's output")
    articles = ds.dataset(str(path), format="parquet").to_table().to_pylist()
    # results through the evaluation's loader, so the gold matching's row indexes are ours
    results = ev.load_predictions(out) if table_path(out, "results") else []
    records_path = table_path(out, "records")
    records = ds.dataset(str(records_path), format="parquet").to_table().to_pylist() if records_path else []
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    return Run(articles, results, records, manifest)


def _run_model(manifest: dict) -> str | None:
    """The model the run used (None: the best installed, as the run picked it)."""
    params = manifest.get("params") or {}
    if str(params.get("model_name") or "").startswith("blank"):
        return "blank"
    return params.get("model")


def recognized_mentions(articles: list[dict], model: str | None) -> dict[int, list]:
    """Mentions per article index, for the articles the pipeline ran on (sport not null): the pipeline's
    segmenter, recognizers and name finder, re-run on the article's text (the linker is not needed)."""
    from . import pipeline
    from .components import make_doc

    todo = [i for i, a in enumerate(articles) if a.get("sport") and a.get("text")]
    if not todo:
        return {}
    try:
        nlp = pipeline.load(model, spans_key=None)
    except OSError as exc:  # the run's model is not installed here
        raise ReviewError(f"cannot load the run's model {model!r} to find the mentions again: {exc}") from exc
    out: dict[int, list] = {}
    with nlp.select_pipes(disable=["sports_linker"]):
        docs = nlp.pipe((make_doc(nlp, articles[i]["text"]) for i in todo), batch_size=64)
        for i, doc in zip(todo, docs):
            out[i] = list(doc._.sports_mentions or ())
    return out


def _evidence_kind(row: dict, span: tuple[int, int], mention_kinds: dict[tuple[int, int], str], record: bool) -> str:
    kind = mention_kinds.get(span)
    if kind:
        return kind
    if record:
        return "record"
    if row.get("time_s") is not None:
        return "time"
    if row.get("mark") is not None:
        return "mark"
    if row.get("status") not in (None, "finished"):
        return "status"
    return "rank"


class _Spans:
    """Kept marks, non-overlapping, sorted by start: which one a span overlaps."""

    def __init__(self, marks: list[Mark] = ()) -> None:  # marks: sorted and non-overlapping
        self.marks: list[Mark] = list(marks)
        self.starts: list[int] = [m.start for m in self.marks]

    def overlapping(self, start: int, end: int) -> Mark | None:
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and self.marks[i].end > start:
            return self.marks[i]
        if i + 1 < len(self.marks) and self.marks[i + 1].start < end:
            return self.marks[i + 1]
        return None

    def add(self, mark: Mark) -> None:
        i = bisect_right(self.starts, mark.start)
        self.starts.insert(i, mark.start)
        self.marks.insert(i, mark)


def choose_marks(text_length: int, evidence: Iterable[tuple[int, int, str]], mentions: Iterable) -> list[Mark]:
    """Non-overlapping marks (displaCy needs them so): every evidence span first (an evidence span overlapping
    an earlier one is left to it), then the recognized mentions that overlap none of them, greedily: earlier
    start, then longer, first."""
    kept = _Spans()
    for start, end, kind in sorted(evidence, key=lambda e: (e[0], -e[1])):
        if 0 <= start < end <= text_length and kept.overlapping(start, end) is None:
            kept.add(Mark(start, end, kind))
    shown = [(m.start, m.end, KIND_OF_MENTION[m.kind]) for m in mentions if m.kind in KIND_OF_MENTION]
    for start, end, kind in sorted(shown, key=lambda s: (s[0], -(s[1] - s[0]))):
        if 0 <= start < end <= text_length and kept.overlapping(start, end) is None:
            kept.add(Mark(start, end, kind))
    return kept.marks


def _mark_of(marks: _Spans, row: dict) -> Mark | None:
    start, end = row.get("char_start"), row.get("char_end")
    if start is None or end is None:
        return None
    return marks.overlapping(start, max(end, start + 1))


def render_text(text: str, marks: list[Mark], prefix: str) -> str:
    """The text as displaCy markup; mark k gets the id ``{prefix}-m{k}`` and its kind as data-kind."""
    from spacy import displacy

    ents = [{"start": m.start, "end": m.end, "label": m.kind.upper(),
             "params": {"mark_id": f"{prefix}-m{k}", "kind": m.kind}} for k, m in enumerate(marks)]
    options = {"ents": [k.upper() for k in KIND_COLORS], "template": MARK_TEMPLATE,
               "colors": {k.upper(): c for k, c in KIND_COLORS.items()}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W006: an article without marks is still shown
        return displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                               jupyter=False, options=options)


# --- gold ---------------------------------------------------------------------------------------------

@dataclass
class GoldView:
    """What the evaluation says about each result row, and the gold rows it missed, per article key."""

    verdict: dict[int, tuple[str, list[tuple[str, Any, Any]]]]  # result index -> (ok|wrong|extra, differing slots)
    missed: dict[str, list[dict]]  # article key -> gold rows; the report takes them out as it places them
    gold_rows: int
    missed_rows: int


def gold_view(results: list[dict], gold_rows: list[dict]) -> GoldView:
    match = ev.match_gold(results, gold_rows)
    verdict: dict[int, tuple[str, list]] = {i: ("extra", []) for i in match.extra}
    for _, pi, diffs in match.pairs:
        verdict[pi] = ("wrong" if diffs else "ok", diffs)
    missed: dict[str, list[dict]] = defaultdict(list)
    for gi in match.missed:
        missed[ev.article_key(gold_rows[gi]["article_id"])].append(gold_rows[gi])
    return GoldView(verdict, dict(missed), len(gold_rows), len(match.missed))


# --- HTML ---------------------------------------------------------------------------------------------

def _e(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


RESULT_COLUMNS = ("event", "gender", "competitor", "country", "time", "gap", "rank", "status", "flags")
RECORD_COLUMNS = ("record", "holder", "time", "event", "state")


def _result_cells(row: dict) -> list[str]:
    event = " ".join(str(v) for v in (row.get("event"), row.get("round"), row.get("stroke")) if v)
    time_text = row.get("time_text") or (f"{row['mark']:g} {row.get('mark_unit') or ''}" if row.get("mark") is not None else "")
    competitor = row.get("athlete") or row.get("team") or ""
    if row.get("members"):
        competitor += f" ({', '.join(row['members'])})"
    return [event, row.get("gender"), competitor, row.get("country"), time_text,
            "" if row.get("gap_s") is None else f"+{row['gap_s']:g}", row.get("rank"), row.get("status"),
            " ".join(row.get("flags") or ())]


def _result_row(row: dict, mark_id: str | None, verdict: tuple[str, list] | None) -> str:
    flags = list(row.get("flags") or ())
    classes = "result flagged" if flags else "result"
    attrs = [f'class="{classes}"']
    if mark_id:
        attrs.append(f'data-mark="{mark_id}"')
    attrs.append(f'data-flags="{_e(" ".join(flags))}"')
    cells = "".join(f"<td>{_e(c)}</td>" for c in _result_cells(row))
    if verdict is not None:
        kind, diffs = verdict
        attrs.append(f'data-gold="{kind}"')
        said = "; ".join(f"{slot}: gold {gold!r}, got {pred!r}" for slot, gold, pred in diffs)
        cells += f'<td class="gold">{kind}{": " + _e(said) if said else ""}</td>'
    title = f' title="{_e(row.get("sentence"))}"' if row.get("sentence") else ""
    return f"<tr {' '.join(attrs)}{title}>{cells}</tr>"


def _missed_row(gold: dict) -> str:
    time_text = _num(gold.get("time_s")) if gold.get("time_s") is not None else _num(gold.get("mark"))
    cells = [gold.get("event"), gold.get("gender"), gold.get("athlete") or gold.get("team") or "", gold.get("country"),
             time_text, _num(gold.get("gap_s")), gold.get("rank"), gold.get("status"), ""]
    return (f'<tr class="result missed" data-gold="missed">{"".join(f"<td>{_e(c)}</td>" for c in cells)}'
            f'<td class="gold">missed</td></tr>')


def _record_row(row: dict, mark_id: str | None) -> str:
    kind = " ".join(str(v) for v in (row.get("record_type"), row.get("scope")) if v)
    cells = [kind, row.get("holder"), row.get("time_text"), row.get("event"), row.get("state")]
    mark = f' data-mark="{mark_id}"' if mark_id else ""
    return f'<tr class="record"{mark}>{"".join(f"<td>{_e(c)}</td>" for c in cells)}</tr>'


def _article_section(n: int, article: dict, results: list[tuple[int, dict]], records: list[dict],
                     mentions: list, gold: GoldView | None) -> tuple[str, str, bool]:
    """The section of article n, its status, and whether a row of it is flagged. The gold rows it missed are
    taken out of ``gold.missed`` (two articles of one name get them once, as the evaluation counts them)."""
    text = article.get("text") or ""
    mention_kinds = {(m.start, m.end): KIND_OF_MENTION[m.kind] for m in mentions if m.kind in KIND_OF_MENTION}
    evidence = []
    for rows, is_record in (([r for _, r in results], False), (records, True)):
        for row in rows:
            if row.get("char_start") is not None and row.get("char_end") is not None:
                span = (row["char_start"], row["char_end"])
                evidence.append((*span, _evidence_kind(row, span, mention_kinds, is_record)))
    marks = choose_marks(len(text), evidence, mentions)
    kept = _Spans(marks)
    mark_ids = {(m.start, m.end): f"a{n}-m{k}" for k, m in enumerate(marks)}

    def mark_id(row: dict) -> str | None:
        mark = _mark_of(kept, row)
        return mark_ids[(mark.start, mark.end)] if mark else None

    flagged = any(r.get("flags") for _, r in results)
    status = "error" if article.get("error") else "results" if results else "no-results"
    key = ev.article_key(article["article_id"])
    missed = gold.missed.pop(key, []) if gold else []

    rows = [_result_row(r, mark_id(r), gold.verdict.get(i) if gold else None) for i, r in results]
    rows += [_missed_row(g) for g in missed]
    head = ""
    if rows:
        columns = RESULT_COLUMNS + (("gold",) if gold else ())
        head = "<thead><tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr></thead>"
    table = f'<table class="results">{head}<tbody>{"".join(rows)}</tbody></table>'
    if records:
        table += ('<table class="records"><thead><tr>' + "".join(f"<th>{c}</th>" for c in RECORD_COLUMNS)
                  + "</tr></thead><tbody>" + "".join(_record_row(r, mark_id(r)) for r in records) + "</tbody></table>")

    counts = f"{len(results)} results, {len(records)} records, {len(marks)} marks"
    if missed:
        counts += f", {len(missed)} gold rows missed"
    meta = " · ".join(_e(v) for v in (article.get("sport") or "no race sport", article.get("date"), counts,
                                        article.get("path")) if v)
    header = [f'<header><h2>{_e(article["article_id"])}</h2>']
    if article.get("title"):
        header.append(f'<p class="title">{_e(article["title"])}</p>')
    header.append(f'<p class="meta">{meta}</p>')
    if article.get("error"):
        header.append(f'<p class="error">{_e(article["error"])}</p>')
    if article.get("warnings"):
        header.append('<ul class="warnings">' + "".join(f"<li>{_e(w)}</li>" for w in article["warnings"]) + "</ul>")
    header.append("</header>")
    body = render_text(text, marks, f"a{n}") if text else '<p class="empty">(no text)</p>'
    return (f'<section class="article" id="a{n}" data-article-id="{_e(article["article_id"])}" '
            f'data-status="{status}" data-flagged="{"true" if flagged else "false"}">{"".join(header)}'
            f'<div class="article-text" lang="nl">{body}</div><div class="rows">{table}</div></section>'), status, flagged


# --- summary and plots --------------------------------------------------------------------------------

def _require_matplotlib():
    try:
        import matplotlib
    except ImportError:
        raise PlotLibraryMissing() from None
    return matplotlib


def _svg(figure, name: str) -> str:
    """The figure as inline SVG: no XML prolog or DOCTYPE, text as text, ids unique to this figure."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"sports-extract-{name}"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = _SVG_METADATA.sub("", svg)  # RDF elements are no HTML
    # matplotlib numbers its groups the same in every figure ("figure_1", "axes_1"): prefix every id and every
    # reference to one, so the ids of the page stay unique
    svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{name}-", svg)
    return svg


_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_SVG_ID = re.compile(r'(\bid="|xlink:href="#|\bhref="#|url\(#)')


def _results_per_sport_plot(per_sport: Counter, flagged_per_sport: Counter) -> str:
    from matplotlib.figure import Figure

    sports = sorted(per_sport, key=lambda s: per_sport[s])
    figure = Figure(figsize=(6, 0.35 * len(sports) + 0.9))
    ax = figure.subplots()
    ax.barh(sports, [per_sport[s] - flagged_per_sport[s] for s in sports], color="#5d8aa8", label="results")
    ax.barh(sports, [flagged_per_sport[s] for s in sports], left=[per_sport[s] - flagged_per_sport[s] for s in sports],
            color="#d62728", label="flagged")
    ax.set_xlabel("result rows")
    ax.set_title("Results per sport")
    ax.legend(loc="lower right", frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _svg(figure, "per-sport")


def _times_per_event_plot(results: list[dict], most: int = 40) -> str:
    """A strip of finishing times per sport and event (the most frequent ``most``), log scale, flagged in red."""
    from matplotlib.figure import Figure

    times: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for row in results:
        if row.get("time_s") and row["time_s"] > 0:
            times[f"{row.get('sport') or '?'} {row.get('event') or '?'}"].append((row["time_s"], bool(row.get("flags"))))
    if not times:
        return ""
    events = sorted(times, key=lambda e: -len(times[e]))[:most]
    events.sort(reverse=True)  # alphabetical from the top
    figure = Figure(figsize=(7.5, 0.2 * len(events) + 1.2))
    ax = figure.subplots()
    for y, event in enumerate(events):
        for flagged in (False, True):
            xs = [t for t, f in times[event] if f == flagged]
            # a fixed spread up and down, so equal times stay visible as several dots
            ys = [y + ((i % 5) - 2) * 0.07 for i in range(len(xs))]
            ax.scatter(xs, ys, s=10 if not flagged else 18, color="#d62728" if flagged else "#1f77b4",
                       alpha=0.9 if flagged else 0.5, linewidths=0, label=None)
    ax.set_yticks(range(len(events)), events, fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("time (s, log scale); red: flagged (outside the plausible range for the event)")
    shown = f" (the {most} events with most times)" if len(times) > most else ""
    ax.set_title(f"Finishing times per event{shown}")
    ax.grid(axis="x", which="both", alpha=0.2)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _svg(figure, "times")


def _summary(run: Run, statuses: Counter, gold: GoldView | None, plots: list[str]) -> str:
    results = run.results
    inputs = (run.manifest.get("params") or {}).get("inputs") or []
    flagged_rows = sum(1 for r in results if r.get("flags"))
    counts = [("articles", len(run.articles)), ("with results", statuses["results"]),
              ("no results", statuses["no-results"]), ("errors", statuses["error"]), ("results", len(results)),
              ("records", len(run.records)), ("flagged", flagged_rows)]
    parts = [f'<section id="summary"><h1>Review of {_e(", ".join(inputs) or "a run")}</h1><dl class="counts">']
    parts += [f'<div data-count="{name.replace(" ", "-")}"><dt>{name}</dt><dd>{value:,}</dd></div>' for name, value in counts]
    parts.append("</dl>")
    if gold:
        verdicts = Counter(v for v, _ in gold.verdict.values())
        unplaced = sum(len(v) for v in gold.missed.values())  # gold articles this run did not read
        parts.append(f'<p class="gold-summary">Against {gold.gold_rows:,} gold rows, as <code>sports-extract '
                     f'evaluate --show-errors</code> counts them: {verdicts["ok"]:,} ok, {verdicts["wrong"]:,} wrong, '
                     f'{verdicts["extra"]:,} extra, {gold.missed_rows:,} missed'
                     + (f" ({unplaced:,} of them of articles not in this run)" if unplaced else "") + ".</p>")
    per_event = Counter((r.get("sport") or "", r.get("event") or "") for r in results)
    flagged_event = Counter((r.get("sport") or "", r.get("event") or "") for r in results if r.get("flags"))
    parts.append('<div class="summary-body"><table class="per-event"><thead><tr><th>sport</th><th>event</th>'
                 '<th>results</th><th>flagged</th></tr></thead><tbody>')
    for (sport, event), n in sorted(per_event.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
        parts.append(f"<tr><td>{_e(sport)}</td><td>{_e(event)}</td><td>{n}</td><td>{flagged_event[(sport, event)] or ''}"
                     "</td></tr>")
    parts.append("</tbody></table>")
    parts += [f'<figure class="plot">{svg}</figure>' for svg in plots if svg]
    parts.append("</div></section>")
    return "".join(parts)


def _filters(statuses: Counter, flagged_articles: int, total: int) -> str:
    count = {"all": total, "flagged": flagged_articles, **statuses}
    buttons = "".join(f'<button type="button" data-filter="{f}" aria-pressed="{"true" if f == "all" else "false"}">'
                      f'{f} ({count.get(f, 0):,})</button>' for f in FILTERS)
    return (f'<nav id="filters">{buttons}<input type="search" id="search" placeholder="article id contains ..." '
            f'aria-label="filter by article id"><span id="shown"></span></nav>')


STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 1.5rem;color:#222}
[hidden]{display:none!important}
h1{font-size:1.4rem}h2{font-size:1rem;margin:0;word-break:break-all}
#summary dl.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}
#summary dl.counts div{display:flex;flex-direction:column}#summary dt{color:#666;font-size:.8rem}
#summary dd{margin:0;font-size:1.3rem;font-weight:600}
.summary-body{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.summary-body table{max-height:36rem;overflow:auto;display:block}
figure.plot{margin:0}figure.plot svg{max-width:100%;height:auto}
nav#filters{position:sticky;top:0;z-index:2;background:#fff;padding:.5rem 0;border-bottom:1px solid #ccc;
 display:flex;gap:.4rem;align-items:center;flex-wrap:wrap}
nav#filters button{border:1px solid #999;background:#f4f4f4;border-radius:3px;padding:.2rem .6rem;cursor:pointer}
nav#filters button[aria-pressed=true]{background:#333;color:#fff}
#search{margin-left:1rem;padding:.2rem .4rem;min-width:16rem}#shown{color:#666;margin-left:.5rem}
section.article{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.3rem 1.2rem;
 border-bottom:1px solid #ddd;padding:.8rem 0;content-visibility:auto;contain-intrinsic-size:auto 500px}
section.article>header{grid-column:1/-1}
section.article[data-status=error]>header h2{color:#b00}
.title{margin:.1rem 0;font-weight:600}.meta{margin:0;color:#666;font-size:.85rem}
.error{color:#b00;margin:.2rem 0}.warnings{color:#a60;margin:.2rem 0;font-size:.85rem}
.article-text .entities{line-height:2!important;max-height:40rem;overflow:auto}
mark.entity{padding:.1em .25em;border-radius:.3em;line-height:1;scroll-margin:4rem}
mark.entity .kind{font-size:.62em;font-weight:700;margin-left:.3em;opacity:.7}
mark.entity.active{outline:3px solid #e4572e;outline-offset:1px;box-shadow:0 0 0 6px rgba(228,87,46,.25)}
table{border-collapse:collapse;font-size:.8rem}th,td{border-bottom:1px solid #eee;padding:.15rem .4rem;text-align:left}
th{background:#fafafa;position:sticky;top:0}
.rows{overflow:auto;max-height:40rem}
tr.result,tr.record{cursor:pointer}tr.result:hover,tr.record:hover{background:#eef}
tr.result.selected,tr.record.selected{background:#dde6ff}
tr.result.flagged{background:#fde2e2}tr.result.flagged td:last-child{color:#b00;font-weight:600}
tr.result.flagged.selected{background:#f8c4c4}
tr[data-gold=wrong] td.gold{color:#b00}tr[data-gold=extra] td.gold{color:#a60}
tr.result.missed{cursor:default;color:#777;font-style:italic;background:repeating-linear-gradient(45deg,#fff,#fff 6px,#f3f3f3 6px,#f3f3f3 12px)}
table.records{margin-top:.6rem}
"""

SCRIPT = """
(function () {
  const sections = Array.from(document.querySelectorAll("section.article"));
  const buttons = Array.from(document.querySelectorAll("#filters button[data-filter]"));
  const search = document.getElementById("search");
  const shown = document.getElementById("shown");
  let filter = "all";
  function matches(section) {
    if (filter === "flagged") return section.dataset.flagged === "true";
    return filter === "all" || section.dataset.status === filter;
  }
  function apply() {
    const query = search.value.trim().toLowerCase();
    let n = 0;
    for (const section of sections) {
      const visible = matches(section) && (!query || section.dataset.articleId.toLowerCase().includes(query));
      section.hidden = !visible;
      if (visible) n++;
    }
    shown.textContent = n + " of " + sections.length + " articles shown";
  }
  for (const button of buttons) {
    button.addEventListener("click", function () {
      filter = button.dataset.filter;
      for (const other of buttons) other.setAttribute("aria-pressed", String(other === button));
      apply();
    });
  }
  search.addEventListener("input", apply);
  document.addEventListener("click", function (event) {
    const row = event.target.closest("tr[data-mark]");
    if (!row) return;
    const mark = document.getElementById(row.dataset.mark);
    if (!mark) return;
    for (const other of document.querySelectorAll("mark.active")) other.classList.remove("active");
    for (const other of document.querySelectorAll("tr.selected")) other.classList.remove("selected");
    mark.classList.add("active");
    row.classList.add("selected");
    mark.scrollIntoView({block: "center"});
  });
  apply();
})();
"""


def build_report(out_dir: str | os.PathLike, gold: str | os.PathLike | list[dict] | None = None) -> str:
    """The HTML of the review report for a run's output folder (file or dataset layout). ``gold``: a gold
    JSON-lines file or its rows; then each result row says how the evaluation counts it."""
    _require_matplotlib()
    run = read_run(out_dir)
    gold_rows = ev.load_gold(gold) if isinstance(gold, (str, os.PathLike)) else gold
    view = gold_view(run.results, gold_rows) if gold_rows is not None else None

    results_of: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for i, row in enumerate(run.results):
        results_of[row["article_id"]].append((i, row))
    records_of: dict[str, list[dict]] = defaultdict(list)
    for row in run.records:
        records_of[row["article_id"]].append(row)
    mentions = recognized_mentions(run.articles, _run_model(run.manifest))

    sections, statuses, flagged_articles = [], Counter(), 0
    for n, article in enumerate(run.articles):
        section, status, flagged = _article_section(n, article, results_of.get(article["article_id"], []),
                                            records_of.get(article["article_id"], []), mentions.get(n, []), view)
        sections.append(section)
        statuses[status] += 1
        flagged_articles += flagged

    per_sport = Counter(r.get("sport") or "?" for r in run.results)
    flagged_per_sport = Counter(r.get("sport") or "?" for r in run.results if r.get("flags"))
    plots = [_results_per_sport_plot(per_sport, flagged_per_sport), _times_per_event_plot(run.results)] if run.results else []
    title = f"Review: {Path(out_dir).resolve().name}"
    return "".join([
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',  # no favicon request
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        _summary(run, statuses, view, plots),
        _filters(statuses, flagged_articles, len(run.articles)),
        '<main id="articles">', "".join(sections), "</main>",
        f"<script>{SCRIPT}</script></body></html>\n",
    ])


def write_report(out_dir: str | os.PathLike, html_path: str | os.PathLike | None = None,
                 gold: str | os.PathLike | list[dict] | None = None) -> Path:
    """Write the report (default ``OUT_DIR/report.html``) via a temporary file renamed into place."""
    target = Path(html_path) if html_path else Path(out_dir) / REPORT_NAME
    page = build_report(out_dir, gold)
    target.parent.mkdir(parents=True, exist_ok=True)
    # a temporary name of our own, not mkstemp's: its file would be readable by the owner only, not per umask
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(page)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
