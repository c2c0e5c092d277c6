#!/usr/bin/env python3
"""The floor plan, enforced: each folder of engine/ includes only its own floor and the
floors below it (common → fonts → text → model → layout → pdf → ofd → render → batch →
job → server), and the front ends (cli/, engine/server/) include nothing from pdf/, layout/,
text/ or fonts/ — they hand a Job to the engine's front door. Prints every violation and
exits 1 when there is one; prints the number of includes checked otherwise."""
import pathlib
import re
import sys

FLOORS = ["common", "fonts", "text", "model", "layout", "pdf", "ofd", "render", "batch", "job",
          "server", "cli"]
FRONT_ENDS = {"server", "cli"}
BEHIND_THE_DOOR = {"pdf", "ofd", "layout", "text", "fonts"}

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
include = re.compile(r'^\s*#\s*include\s+"([a-z]+)/[^"]+"', re.M)
problems, checked = [], 0
for folder in ["engine", "cli"]:
    for path in sorted((root / folder).rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        rel = path.relative_to(root)
        floor = "cli" if rel.parts[0] == "cli" else rel.parts[1]
        if floor not in FLOORS:
            problems.append(f"{rel}: folder {floor!r} is not on the floor plan")
            continue
        for target in include.findall(path.read_text(encoding="utf-8")):
            if target not in FLOORS:
                continue  # a library's own header
            checked += 1
            if floor in FRONT_ENDS and target in BEHIND_THE_DOOR:
                problems.append(f"{rel}: a front end includes {target}/ (go through job/Job.h)")
            elif FLOORS.index(target) > FLOORS.index(floor):
                problems.append(f"{rel}: {floor}/ includes {target}/, a floor above it")
for p in problems:
    print(p)
if problems:
    sys.exit(1)
if checked == 0:
    print("no include was checked: is the source tree there?")
    sys.exit(1)
print(f"layering: {checked} includes checked, each to its own floor or one below")
