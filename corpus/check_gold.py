"""Sanity checks for corpus/gold.jsonl against corpus/articles/.

Run: python corpus/check_gold.py   (exit code 1 on any problem)
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")

SPORTS = {"speed_skating", "short_track", "cycling", "track_cycling", "athletics", "swimming",
          "rowing", "triathlon", "motorsport"}
EVENTS = {"team_pursuit", "team_sprint", "mass_start", "relay", "time_trial", "prologue", "stage",
          "road_race", "general_classification", "sprint", "keirin", "omnium", "madison", "marathon",
          "half_marathon", "qualifying", "race", "allround", "sprint_allround", "ironman",
          "single_sculls", "double_sculls", "quadruple_sculls", "pair", "four", "eight",
          "long_jump", "high_jump", "pole_vault", "triple_jump", "shot_put", "discus", "javelin",
          "hammer", "heptathlon", "decathlon", "combined"}
# events whose competitors are teams (crews, relay teams, national teams)
TEAM_EVENTS = {"team_pursuit", "team_sprint", "relay", "madison", "double_sculls", "quadruple_sculls",
               "pair", "four", "eight"}
STATUS = {"finished", "dnf", "dns", "dsq", "dnq"}
FIELDS = {"article_id", "sport", "event", "distance_m", "gender", "athlete",
          "team", "country", "time_s", "mark", "mark_unit", "gap_s", "rank",
          "status", "round"}


def notations(sec):
    """All ways a time of `sec` seconds may be written in the articles."""
    cs = int(round(sec * 100))
    m, rest = divmod(cs, 6000)
    s, h = divmod(rest, 100)
    out = set()
    if m:
        out |= {f"{m}.{s:02d},{h:02d}", f"{m}:{s:02d}.{h:02d}", f"{m}:{s:02d},{h:02d}"}
    else:
        out |= {f"{s},{h:02d}", f"{s}.{h:02d}"}
    return out


def load_articles():
    arts = {}
    for fn in os.listdir(ART):
        aid, ext = os.path.splitext(fn)
        if ext in (".txt", ".md"):
            arts[aid] = open(os.path.join(ART, fn), encoding="utf-8").read()
    return arts


def main():
    arts = load_articles()
    errors = []
    seen = collections.Counter()
    countries = collections.defaultdict(set)
    per_article = collections.Counter()
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: bad JSON: {e}")
                continue
            where = f"line {n} ({row.get('article_id')}, {row.get('athlete') or row.get('team')})"
            extra = set(row) - FIELDS
            if extra:
                errors.append(f"{where}: unknown fields {extra}")
            aid = row.get("article_id")
            if aid not in arts:
                errors.append(f"{where}: no article file")
                continue
            text = arts[aid]
            per_article[aid] += 1
            if row.get("sport") not in SPORTS:
                errors.append(f"{where}: sport")
            ev = row.get("event")
            m = re.fullmatch(r"(\d+)m", ev or "")
            if m:
                if row.get("distance_m") != int(m[1]):
                    errors.append(f"{where}: distance_m does not match event")
            elif ev not in EVENTS or ("distance_m" in row and ev != "relay"):
                errors.append(f"{where}: event/distance {ev}")
            if row.get("gender") not in ("women", "men", "mixed"):
                errors.append(f"{where}: gender")
            if ("athlete" in row) == ("team" in row):
                errors.append(f"{where}: exactly one of athlete/team")
            name = row.get("athlete") or row.get("team")
            if name and name not in text:
                errors.append(f"{where}: name not in article")
            if "team" in row and ev not in TEAM_EVENTS:
                errors.append(f"{where}: team row outside a team event")
            if "team" in row and "country" not in row:
                errors.append(f"{where}: team row without country")
            if "country" in row and not re.fullmatch(r"[A-Z]{3}", row["country"]):
                errors.append(f"{where}: country {row['country']}")
            st = row.get("status", "finished")
            if st not in STATUS:
                errors.append(f"{where}: status {st}")
            if "time_s" in row:
                t = row["time_s"]
                if not isinstance(t, float):
                    errors.append(f"{where}: time_s not float")
                elif row["sport"] == "speed_skating" and not any(x in text for x in notations(t)):
                    errors.append(f"{where}: time {t} not found in text ({notations(t)})")
            if "mark" in row and row["sport"] == "speed_skating":
                mk = f"{row['mark']:.3f}".replace(".", ",")
                if mk not in text or row.get("mark_unit") != "points":
                    errors.append(f"{where}: mark {mk} not in text / unit")
            if "rank" in row and not (isinstance(row["rank"], int) and row["rank"] > 0):
                errors.append(f"{where}: rank")
            if "mark" in row and row.get("mark_unit") not in ("m", "points"):
                errors.append(f"{where}: mark_unit")
            if st not in ("finished", "dnq") and "rank" in row:
                errors.append(f"{where}: non-finished row with a rank")
            if st == "finished" and "time_s" not in row and "rank" not in row and "mark" not in row:
                errors.append(f"{where}: finished row without time, rank or mark")
            if "athlete" in row:
                countries[(aid, row["athlete"])].add(row.get("country"))
            key = (aid, ev, row.get("distance_m"), row.get("gender"), name, row.get("round"), row.get("time_s"))
            seen[key] += 1
            if seen[key] > 1:
                errors.append(f"{where}: duplicate competitor/event")
    for (aid, athlete), cs in countries.items():
        if len(cs) > 1:
            errors.append(f"{aid}, {athlete}: different countries in one article {cs}")
    with open(os.path.join(HERE, "gold_src", "no_results.txt"), encoding="utf-8") as f:
        no_results = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    for aid in arts:
        if not per_article[aid] and aid not in no_results:
            errors.append(f"{aid}: article without gold rows (and not in gold_src/no_results.txt)")
        if per_article[aid] and aid in no_results:
            errors.append(f"{aid}: gold rows for an article listed in gold_src/no_results.txt")
    for e in errors:
        print("ERROR", e)
    print(f"{len(arts)} articles, {sum(per_article.values())} gold rows, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
