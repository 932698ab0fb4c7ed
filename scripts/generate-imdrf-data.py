#!/usr/bin/env python3
"""Converts IMDRF's adverse event terminology (Annexes A-G) from the JSON copies in the public repository
gorczyca/imdrf-ontology (imdrf/sources/annex*.json, extracted from IMDRF's published release) into the compact TSV
CareDesk ships: src/CareDesk/Features/Complaints/Imdrf/imdrf-terms.tsv.
  scripts/generate-imdrf-data.py <dir with annexa_3.json ... annexg_1.json>
Annex E places some terms under several parents (E0104 under E01 and E05): one row per code, its parents separated
by spaces, its term and definition as at its first place (E120501 is "Elevated ketones/Diabetic Ketoacidosis" under
E12 and "Diabetic Ketoacidosis" under E22). Columns: annex, code, parent codes (empty at level 1), selectable (1/0: "Not selectable" and "Retired" are 0), term,
definition. Tabs and line breaks inside a field become spaces."""
import json, sys, pathlib

source = pathlib.Path(sys.argv[1])
out = pathlib.Path(__file__).resolve().parent.parent / "src/CareDesk/Features/Complaints/Imdrf/imdrf-terms.tsv"
files = {"A": "annexa_3.json", "B": "annexb_1.json", "C": "annexc_1.json", "D": "annexd_1.json",
         "E": "annexe_1.json", "F": "annexf_1.json", "G": "annexg_1.json"}

def clean(text):
    return " ".join((text or "").split())

rows = {}
for annex, name in files.items():
    for term in json.loads((source / name).read_text(encoding="utf-8")):
        hierarchy = term["CodeHierarchy"].split("|")
        assert hierarchy[-1] == term["code"] and term["code"].startswith(annex), term
        status = term.get("Status", "")
        selectable = "0" if ("Not selectable" in status or "Retired" in status) else "1"
        parent = hierarchy[-2] if len(hierarchy) > 1 else ""
        row = rows.setdefault(term["code"], [annex, term["code"], [], selectable, clean(term["term"]), clean(term["definition"])])
        if parent and parent not in row[2]:
            row[2].append(parent)
rows = [(r[0], r[1], " ".join(r[2]), r[3], r[4], r[5]) for r in rows.values()]

with out.open("w", encoding="utf-8", newline="\n") as f:
    f.write("# IMDRF adverse event terminology, release 2022 (IMDRF/AE WG/N43 FINAL annexes A-G); see README.md\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(f"{len(rows)} terms -> {out}")
