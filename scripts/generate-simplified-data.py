#!/usr/bin/env python3
"""Builds src/CareDesk/Features/Imports/Matching/simplified-variants.txt from Unihan_Variants.txt.

Source: the Unicode Character Database's Unihan (Debian package `unicode-data`, /usr/share/unicode/Unihan_Variants.txt.bz2),
Unicode License (https://www.unicode.org/license.txt). The field kSimplifiedVariant, Basic Multilingual Plane only.
A traditional ideograph with several simplified forms folds to the first one that is not itself (乾 lists 乾 and 干:
it folds to 干; 復 lists 复 and 復: it folds to 复), so every ideograph folds to exactly one character.
Ideographs whose only simplified form is themselves, or outside the BMP, are left out: they fold to themselves.
Output: one line per traditional ideograph, "traditional<TAB>simplified", sorted by code point.

Usage: scripts/generate-simplified-data.py [Unihan_Variants.txt(.bz2)]
"""
import bz2
import sys
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_Variants.txt.bz2")
target = Path(__file__).resolve().parent.parent / "src/CareDesk/Features/Imports/Matching/simplified-variants.txt"
opener = bz2.open if source.suffix == ".bz2" else open

simplified = {}
with opener(source, "rt", encoding="utf-8") as lines:
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        code, field, value = line.rstrip("\n").split("\t", 2)
        if field != "kSimplifiedVariant":
            continue
        point = int(code[2:], 16)
        variants = [int(v[2:], 16) for v in value.split()]
        others = [v for v in variants if v != point and v <= 0xFFFF]
        if point <= 0xFFFF and others:
            simplified[point] = others[0]

# A simplified form that is itself listed as traditional would make folding depend on how often it is applied: follow
# the chain to its end once here, so folding is one lookup.
for point in simplified:
    seen = {point}
    while simplified[point] in simplified and simplified[point] not in seen:
        seen.add(simplified[point])
        simplified[point] = simplified[simplified[point]]

with open(target, "w", encoding="utf-8", newline="\n") as out:
    out.write("# Traditional to simplified Chinese ideographs (kSimplifiedVariant) from Unicode's Unihan database (Unicode License); see README.md beside this file.\n")
    for point in sorted(simplified):
        out.write(f"{chr(point)}\t{chr(simplified[point])}\n")
print(f"{len(simplified)} traditional ideographs -> {target}")
