#!/usr/bin/env python3
"""The SymPy peer of `stepwise equiv --batch FILE`: for each line lhs<TAB>rhs<TAB>assumptions,
decides simplify(lhs - rhs) == 0 under the same per-pair timeout, one pair after another, and
prints one verdict line per pair and the totals.

    python3 src/bench/sympy_batch.py src/test/resources/equiv/batch-corpus.tsv [--timeout 5]

Input is Symja's relaxed syntax as equiv reads it; it is translated to SymPy's (Log -> log,
{i, 1, n} -> (i, 1, n), ^ -> **). Assumptions become symbol assumptions where SymPy has one
(x > 0 -> positive, x >= 0 -> nonnegative, x < 0 -> negative, Element(x, Reals) -> real,
Element(n, Integers) -> integer, a < x < b -> real); anything else is left out. "equal" means
simplify proved it; "not shown" covers both unequal pairs and equal ones SymPy did not simplify
to 0 (SymPy's simplify gives no counterexample).
"""
import argparse
import re
import signal
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr

NAMES = {
    "Log": "log", "Exp": "exp", "Sqrt": "sqrt", "Abs": "Abs", "Sign": "sign",
    "Sin": "sin", "Cos": "cos", "Tan": "tan", "Cot": "cot", "Sec": "sec", "Csc": "csc",
    "ArcSin": "asin", "ArcCos": "acos", "ArcTan": "atan", "Sinh": "sinh", "Cosh": "cosh",
    "Tanh": "tanh", "Coth": "coth", "ArcSinh": "asinh", "ArcCosh": "acosh", "ArcTanh": "atanh",
    "Sum": "summation", "Product": "product", "Binomial": "binomial", "Factorial": "factorial",
    "Gamma": "gamma", "Floor": "floor", "Ceiling": "ceiling", "Max": "Max", "Min": "Min",
    "Re": "re", "Im": "im", "Conjugate": "conjugate", "D": "diff", "Pi": "pi",
}
FUNCTIONS = {name: getattr(sympy, name) for name in set(NAMES.values())}
FUNCTIONS.update({"E": sympy.E, "I": sympy.I})


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def to_sympy(text):
    text = re.sub(r"\b([A-Z][A-Za-z]*)\b", lambda m: NAMES.get(m.group(1), m.group(1)), text)
    return text.replace("{", "(").replace("}", ")").replace("^", "**").replace("&&", " and ")


def symbol_facts(assumptions):
    """Per variable, the SymPy assumptions that the Symja assumptions imply."""
    facts = {}
    if not assumptions.strip() or assumptions.strip() == "True":
        return facts
    for part in assumptions.split("&&"):
        part = part.strip()
        m = re.fullmatch(r"Element\((\w+),\s*(Reals|Integers)\)", part)
        if m:
            facts.setdefault(m.group(1), {})["real" if m.group(2) == "Reals" else "integer"] = True
            continue
        m = re.fullmatch(r"(\w+)\s*(>=|>|<=|<)\s*(-?\d+)", part)
        if m:
            var, op, bound = m.group(1), m.group(2), int(m.group(3))
            f = facts.setdefault(var, {})
            f["real"] = True
            if (op == ">" and bound >= 0) or (op == ">=" and bound > 0):
                f["positive"] = True
            elif op == ">=" and bound == 0:
                f["nonnegative"] = True
            elif (op == "<" and bound <= 0) or (op == "<=" and bound < 0):
                f["negative"] = True
            continue
        m = re.fullmatch(r"(-?\d+)\s*<\s*(\w+)\s*<\s*(-?\d+)", part)
        if m:
            f = facts.setdefault(m.group(2), {})
            f["real"] = True
            if int(m.group(1)) >= 0:
                f["positive"] = True
    return facts


def decide(lhs, rhs, assumptions):
    facts = symbol_facts(assumptions)
    names = set(re.findall(r"\b[a-z]\w*\b", lhs + " " + rhs)) - set(NAMES.values())
    local = dict(FUNCTIONS)
    for name in names:
        local[name] = sympy.Symbol(name, **facts.get(name, {}))
    left = parse_expr(to_sympy(lhs), local_dict=local)
    right = parse_expr(to_sympy(rhs), local_dict=local)
    return sympy.simplify(left - right) == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per pair (equiv's default: 5)")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, on_alarm)
    totals = {"equal": 0, "not shown": 0, "timeout": 0, "error": 0}
    pairs = 0
    with open(args.batch, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            pairs += 1
            cells = line.split("\t")
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                verdict = "equal" if decide(cells[0], cells[1], cells[2]) else "not shown"
            except Timeout:
                verdict = "timeout"
            except Exception as e:  # SymPy cannot read or decide it
                verdict = "error"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            totals[verdict] += 1
            print(f"{number}: {verdict}")
    print(f"{pairs} pairs: " + ", ".join(f"{n} {k}" for k, n in totals.items()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
