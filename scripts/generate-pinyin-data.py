#!/usr/bin/env python3
"""Builds src/CareDesk/Features/People/Search/pinyin-readings.txt from Unihan_Readings.txt.

Source: the Unicode Character Database's Unihan (Debian package `unicode-data`, /usr/share/unicode/Unihan_Readings.txt.bz2),
Unicode License (https://www.unicode.org/license.txt). Every Mandarin reading of each CJK ideograph in the Basic Multilingual
Plane: kMandarin, kTGHZ2013 and kXHC1983 (modern dictionaries); kHanyuPinyin only for ideographs none of those list.
Tones are dropped (the search is typed without them), readings that differ only by tone collapse into one.
Output: one line per toneless syllable, "syllable<TAB>ideographs", sorted; ü is written v.

Usage: scripts/generate-pinyin-data.py [Unihan_Readings.txt(.bz2)]
"""
import bz2
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_Readings.txt.bz2")
target = Path(__file__).resolve().parent.parent / "src/CareDesk/Features/People/Search/pinyin-readings.txt"
opener = bz2.open if source.suffix == ".bz2" else open

modern = defaultdict(set)
hanyu = defaultdict(set)


def toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading.lower()).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


with opener(source, "rt", encoding="utf-8") as lines:
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        code, field, value = line.rstrip("\n").split("\t", 2)
        point = int(code[2:], 16)
        if point > 0xFFFF:
            continue
        if field == "kMandarin":
            readings = value.split()
        elif field in ("kTGHZ2013", "kXHC1983"):
            readings = [r.split(":")[1] for r in value.split()]
        elif field == "kHanyuPinyin":
            readings = [r for entry in value.split() for r in entry.split(":")[1].split(",")]
        else:
            continue
        target_set = hanyu if field == "kHanyuPinyin" else modern
        for reading in readings:
            syllable = toneless(reading)
            if syllable.isascii() and syllable.isalpha():
                target_set[chr(point)].add(syllable)

by_syllable = defaultdict(set)
for ideograph in set(modern) | set(hanyu):
    for syllable in modern.get(ideograph) or hanyu[ideograph]:
        by_syllable[syllable].add(ideograph)

with open(target, "w", encoding="utf-8", newline="\n") as out:
    out.write("# Mandarin readings of CJK ideographs, toneless, from Unicode's Unihan database (Unicode License); see README.md beside this file.\n")
    for syllable in sorted(by_syllable):
        out.write(f"{syllable}\t{''.join(sorted(by_syllable[syllable]))}\n")
print(f"{len(by_syllable)} syllables, {sum(len(v) for v in by_syllable.values())} readings -> {target}")
