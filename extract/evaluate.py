"""Evaluate extracted results against gold rows (the format of the shared gold files).

A result is identified by its article and its competitor (the athlete; for
team rows the country code, else the team name). Each slot is scored as
precision/recall/F1 over (article, competitor, value) triples; a whole record
matches when every slot the gold row fills is equal. Names match strictly
(same name after case and accent folding) or leniently (the shorter name's
words end the longer one: "Kok" ~ "Femke Kok").
"""
from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from .linking import fold

__all__ = ["SLOTS", "Score", "evaluate", "load_gold", "load_predictions", "article_key", "mismatches", "match_gold", "GoldMatch"]

SLOTS = ("time_s", "mark", "rank", "event", "country", "gender", "status")


@dataclass(frozen=True)
class Score:
    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def article_key(article_id: Any) -> str:
    """File name without folders and extension; 'file.jsonl#7' keeps its '#' part."""
    base = str(article_id).replace("\\", "/").rsplit("/", 1)[-1]
    if "#" in base:
        return base
    return base.rsplit(".", 1)[0] if "." in base else base


def competitor(row: dict) -> str:
    for key in ("athlete", "country", "team"):
        if not _missing(row.get(key)):
            return fold(str(row[key]))
    return ""


def slot_value(slot: str, row: dict):
    if slot == "event":
        dist = row.get("distance_m")
        value = f"{int(dist)}m" if not _missing(dist) else row.get("event")
    else:
        value = row.get(slot)
    if _missing(value):
        return None
    if slot in ("time_s", "mark"):
        return round(float(value), 2)
    if slot == "rank":
        return int(value)
    return str(value).strip().casefold()


def same_competitor(a: str, b: str, lenient: bool) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    if not lenient:
        return False
    ta, tb = a.split(), b.split()
    short, long_ = sorted((ta, tb), key=len)
    return long_[-len(short):] == short


def _greedy(pred: list[tuple], gold: list[tuple], lenient: bool) -> int:
    used: set[int] = set()
    tp = 0
    for ga, gn, gv in gold:
        for i, (pa, pn, pv) in enumerate(pred):
            if i not in used and pa == ga and pv == gv and same_competitor(pn, gn, lenient):
                used.add(i)
                tp += 1
                break
    return tp


def evaluate(pred_rows: list[dict], gold_rows: list[dict], lenient: bool = False) -> dict[str, Score]:
    """Scores per slot, for competitors and for whole records (predictions of articles without gold are ignored)."""
    articles = {article_key(g["article_id"]) for g in gold_rows}
    pred_rows = [p for p in pred_rows if article_key(p.get("article_id", "")) in articles]
    out: dict[str, Score] = {}
    gold_c = list(dict.fromkeys((article_key(g["article_id"]), competitor(g), 1) for g in gold_rows if competitor(g)))
    pred_c = list(dict.fromkeys((article_key(p["article_id"]), competitor(p), 1) for p in pred_rows if competitor(p)))
    out["competitor"] = Score(_greedy(pred_c, gold_c, lenient), len(pred_c), len(gold_c))
    for slot in SLOTS:
        gold = [(article_key(g["article_id"]), competitor(g), slot_value(slot, g)) for g in gold_rows]
        pred = [(article_key(p["article_id"]), competitor(p), slot_value(slot, p)) for p in pred_rows]
        gold = [t for t in gold if t[2] is not None]
        pred = [t for t in pred if t[2] is not None]
        out[slot] = Score(_greedy(pred, gold, lenient), len(pred), len(gold))
    used: set[int] = set()
    tp = 0
    for g in gold_rows:
        ga, gn = article_key(g["article_id"]), competitor(g)
        for i, p in enumerate(pred_rows):
            if i in used or article_key(p["article_id"]) != ga or not same_competitor(competitor(p), gn, lenient):
                continue
            if all(slot_value(s, g) is None or slot_value(s, g) == slot_value(s, p) for s in SLOTS):
                used.add(i)
                tp += 1
                break
    out["record"] = Score(tp, len(pred_rows), len(gold_rows))
    return out


def by_sport(pred_rows: list[dict], gold_rows: list[dict]) -> dict[str, dict[str, Score]]:
    """Strict scores per sport of the gold articles."""
    ids: dict[str, set[str]] = defaultdict(set)
    for g in gold_rows:
        ids[g.get("sport") or "?"].add(article_key(g["article_id"]))
    return {sport: evaluate([p for p in pred_rows if article_key(p.get("article_id", "")) in keys],
                            [g for g in gold_rows if article_key(g["article_id"]) in keys])
            for sport, keys in sorted(ids.items())}


@dataclass(frozen=True)
class GoldMatch:
    """How predicted rows pair with gold rows, as ``mismatches`` reads them: indexes into the lists given.
    ``pairs``: (gold index, predicted index, the slots that differ as (slot, gold value, predicted value));
    ``missed``: gold rows without a prediction; ``extra``: predictions of gold articles without a gold row.
    Predictions of articles without gold rows are in none of them (the evaluation does not count them)."""

    pairs: list[tuple[int, int, list[tuple[str, Any, Any]]]]
    missed: list[int]
    extra: list[int]


def match_gold(pred_rows: list[dict], gold_rows: list[dict]) -> GoldMatch:
    """Pair each gold row with the first unused prediction of its article whose competitor matches leniently."""
    articles = {article_key(g["article_id"]) for g in gold_rows}
    scored = [i for i, p in enumerate(pred_rows) if article_key(p.get("article_id", "")) in articles]
    pairs, missed, used = [], [], set()
    for gi, g in enumerate(gold_rows):
        ga, gn = article_key(g["article_id"]), competitor(g)
        hit = next((i for i in scored if i not in used and article_key(pred_rows[i]["article_id"]) == ga
                    and same_competitor(competitor(pred_rows[i]), gn, True)), None)
        if hit is None:
            missed.append(gi)
            continue
        used.add(hit)
        diffs = [(s, slot_value(s, g), slot_value(s, pred_rows[hit])) for s in SLOTS
                 if slot_value(s, g) is not None and slot_value(s, g) != slot_value(s, pred_rows[hit])]
        pairs.append((gi, hit, diffs))
    return GoldMatch(pairs, missed, [i for i in scored if i not in used])


def mismatches(pred_rows: list[dict], gold_rows: list[dict]) -> list[str]:
    """Missed, wrong and extra rows, for reading."""
    match = match_gold(pred_rows, gold_rows)
    lines = []
    pair_of = {gi: (pi, diffs) for gi, pi, diffs in match.pairs}
    for gi, g in enumerate(gold_rows):
        ga, gn = article_key(g["article_id"]), competitor(g)
        if gi not in pair_of:
            lines.append(f"MISSED  {ga}: {gn} {[slot_value(s, g) for s in SLOTS]}")
        elif pair_of[gi][1]:
            lines.append(f"WRONG   {ga}: {gn}: " + "; ".join(f"{s}: gold={gv!r} pred={pv!r}"
                                                        for s, gv, pv in pair_of[gi][1]))
    for i in match.extra:
        p = pred_rows[i]
        lines.append(f"EXTRA   {article_key(p['article_id'])}: {competitor(p)} {[slot_value(s, p) for s in SLOTS]}")
    return lines


def load_ids(path: str | os.PathLike) -> set[str]:
    """Article ids from a file, one a line ('#' starts a comment)."""
    with open(path, encoding="utf-8") as f:
        return {article_key(line.split("#", 1)[0].strip()) for line in f if line.split("#", 1)[0].strip()}


def rows_of(pred_rows: list[dict], article_ids: set[str]) -> list[dict]:
    """The predicted rows of the given articles (for articles that should give none)."""
    return [p for p in pred_rows if article_key(p.get("article_id", "")) in article_ids]


def load_gold(path: str | os.PathLike) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    return rows


def load_predictions(path: str | os.PathLike) -> list[dict]:
    """The results table of a run: an output folder, a results.parquet file or a results/ dataset."""
    from .output import table_path  # here: output pulls in the pipeline, which scoring alone never needs

    p = Path(path)
    if p.is_dir():
        p = table_path(p, "results") or p
    table = ds.dataset(str(p), format="parquet").to_table()
    return table.to_pylist()
