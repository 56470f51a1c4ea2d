#!/usr/bin/env python3
"""Makes the goal files of goals/from-derivations/ from derivations/: each keeps its start and
symbols, loses its steps (and claims, which name the hand-written steps), and gets the last
step's expect: as its goal:, with the relation the hand-written derivation composes to.
Run from the repository root: python3 src/test/resources/goals/strip-steps.py"""
import pathlib, re

# the relation each hand-written derivation composes to (stepwise check, "start to end")
RELATION = {
    "bce-from-kl": ("≃", ["Q"]), "lost-minus-sign": ("≃", ["Q"]),
    "bernoulli-cases": ("=", []), "cross-entropy": ("=", []), "entropy": ("=", []), "kl-divergence": ("=", []),
    "jensen-neg-log": (">=", []), "kl-nonnegative": (">=", []), "jensen-correct": (">=", []),
}
DROP = {"steps", "claims", "expect", "correction"}

def blocks(text):
    """Top-level blocks: (key, lines)."""
    out, key, cur = [], None, []
    for line in text.split("\n"):
        m = re.match(r"([A-Za-z_]+)\s*:", line)
        if m and not line.startswith(" "):
            out.append((key, cur)); key, cur = m.group(1), []
        cur.append(line)
    out.append((key, cur))
    return out

root = pathlib.Path("derivations")
target = pathlib.Path("src/test/resources/goals/from-derivations")
for f in sorted(root.rglob("*.yaml")):
    text = f.read_text()
    parts = blocks(text)
    steps = [lines for key, lines in parts if key == "steps"]
    if not steps:
        continue
    expects = [re.sub(r"^\s*expect:\s*", "", l) for l in steps[0] if re.match(r"^\s+expect:", l)]
    goal = expects[-1]
    kept = "\n".join(l for key, lines in parts if key not in DROP for l in lines).rstrip() + "\n"
    kept = kept.replace("# ", "# Goal file made from " + str(f) + " by strip-steps.py (steps removed). ", 1)
    relation, variables = RELATION.get(f.stem, (None, []))
    if relation is None:
        kept += "goal: " + goal + "\n"
    else:
        kept += "goal:\n  expr: " + goal + "\n  relation: \"" + relation + "\"\n"
        if variables:
            kept += "  variables: [" + ", ".join(variables) + "]\n"
    hand = sum(1 for l in steps[0] if re.match(r"^\s*- rule:", l))
    kept = "# hand-written steps: %d\n" % hand + kept
    (target / f.name).write_text(kept)
    print(f.name, hand, goal)
