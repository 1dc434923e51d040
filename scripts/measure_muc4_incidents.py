"""Quick MUC-4 measure of incident detection, typing and role fillers on a sample of dev.

Usage: .venv/bin/python scripts/measure_muc4_incidents.py [--limit 60] [--data ../shared/data/muc4/dev.json]

Runs the language analysis and ``find_incidents`` only (no cleaning, no places), maps each
incident to a MUC template (perpetrators -> PerpInd, groups -> PerpOrg, targets -> Target,
victims -> Victim, weapons -> Weapon), aligns predicted and gold templates greedily and
reports incident-type accuracy and strict (exact mention) precision/recall/F1 per role.
This is a development aid; ``blotter eval muc4`` is the official scorer.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from blotter.incidents import find_incidents
from blotter.models import Article, Incident
from blotter.nlp import analyse, load_nlp

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


def muc_type(incident: Incident) -> str:
    """The MUC-4 incident type closest to the record's attack types."""
    words = " ".join(e.quote for e in incident.evidence).lower()
    first = incident.attack_types[0]
    if first == "hostage_taking_kidnapping":
        return "kidnapping"
    if first == "bombing":
        return "bombing"
    if first == "facility_infrastructure_attack" and re.search(r"\b(burn|fire|arson|torch|set ablaze)", words):
        return "arson"
    if re.search(r"\b(rob|robbed|robbery|robbers|stole|looted)\b", words):
        return "robbery"
    return "attack"


def predicted_template(incident: Incident) -> dict[str, list[str]]:
    return {
        "PerpInd": [p.mention.lower() for p in incident.perpetrators],
        "PerpOrg": [g.mention.lower() for g in incident.groups],
        "Target": [t.mention.lower() for t in incident.targets],
        "Victim": [v.mention.lower() for v in incident.victims],
        "Weapon": [w.mention.lower() for w in incident.weapons],
    }


def gold_entities(template: dict, role: str) -> list[set[str]]:
    return [{mention.lower() for mention, _ in entity} for entity in template[role]]


def match_counts(predicted: list[str], gold: list[set[str]]) -> int:
    """How many gold entities a predicted mention names exactly (each mention used once)."""
    used: set[int] = set()
    matched = 0
    for mention in dict.fromkeys(predicted):
        for index, entity in enumerate(gold):
            if index not in used and mention in entity:
                used.add(index)
                matched += 1
                break
    return matched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/muc4/dev.json")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--background", action="store_true", help="also count background incidents (non-primary, confidence <= 0.5)")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--skip-category", nargs="*", default=["accident", "self_harm"],
                        help="categories MUC-4 does not cover")
    parser.add_argument("--show", action="store_true", help="print each document's predicted and gold fillers")
    args = parser.parse_args()
    documents = [json.loads(line) for line in Path(args.data).read_text().splitlines()[: args.limit]]
    load_nlp()
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    types_right = types_total = 0
    detected_docs = Counter()
    seconds = 0.0
    for document in documents:
        text = document["doctext"]
        doc = analyse(text)
        started = time.perf_counter()
        incidents = find_incidents(doc, Article(id=document["docid"], text=text), [])
        seconds += time.perf_counter() - started
        incidents = [i for i in incidents if (args.background or i.is_primary or i.confidence > 0.5)
                     and i.confidence >= args.min_confidence and i.category not in args.skip_category]
        predicted = [(muc_type(i), predicted_template(i)) for i in incidents]
        gold = document["templates"]
        detected_docs[(bool(gold), bool(predicted))] += 1
        unmatched = list(range(len(predicted)))
        for template in gold:
            gold_roles = {role: gold_entities(template, role) for role in ROLES}
            for role in ROLES:
                n_gold[role] += len(gold_roles[role])
            if not unmatched:
                continue
            best = max(unmatched, key=lambda i: (sum(match_counts(predicted[i][1][r], gold_roles[r]) for r in ROLES),
                                                 predicted[i][0] == template["incident_type"]))
            unmatched.remove(best)
            kind, roles = predicted[best]
            types_total += 1
            types_right += kind == template["incident_type"]
            for role in ROLES:
                tp[role] += match_counts(roles[role], gold_roles[role])
                n_pred[role] += len(dict.fromkeys(roles[role]))
        for index in unmatched:
            for role in ROLES:
                n_pred[role] += len(dict.fromkeys(predicted[index][1][role]))
        if args.show:
            print(document["docid"], [(k, {r: v for r, v in p.items() if v}) for k, p in predicted])
            print("   gold", [(t["incident_type"], {r: [e[0][0] for e in t[r]] for r in ROLES if t[r]}) for t in gold])
    print(f"documents {len(documents)}  (gold?, predicted?) {dict(detected_docs)}")
    print(f"incident type accuracy on aligned templates: {types_right}/{types_total}"
          f" = {types_right / max(types_total, 1):.2f}")
    total_tp = total_pred = total_gold = 0
    for role in ROLES:
        p = tp[role] / n_pred[role] if n_pred[role] else 0.0
        r = tp[role] / n_gold[role] if n_gold[role] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        total_tp, total_pred, total_gold = total_tp + tp[role], total_pred + n_pred[role], total_gold + n_gold[role]
        print(f"{role:8} P {p:.2f} R {r:.2f} F1 {f:.2f}  (tp {tp[role]}, pred {n_pred[role]}, gold {n_gold[role]})")
    p, r = total_tp / max(total_pred, 1), total_tp / max(total_gold, 1)
    print(f"{'all':8} P {p:.2f} R {r:.2f} F1 {2 * p * r / max(p + r, 1e-9):.2f}")
    print(f"find_incidents: {1000 * seconds / len(documents):.1f} ms per document")


if __name__ == "__main__":
    main()
