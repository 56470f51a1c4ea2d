"""Stepwise's LaTeX reader against SymPy's parse_latex (lark backend) on corpus.tsv.

For every pair and each side, a reading counts as "read as written" when it has the value of the
pair's plain-syntax form at three points (each variable a fixed value per point, n-like names
small integers, indexed families fixed values per index); "misread" when it parses but has another
value; "several readings" when parse_latex returns lark's ambiguity tree instead of a formula;
"refused" when the reader stops with an error. Stepwise's readings come from
stepwise.latex.LatexReadings (target/stepwise.jar), SymPy's from sympy.parsing.latex.parse_latex.
With --verdicts it also runs `stepwise equiv --latex --batch` and `stepwise equiv --batch` on the
pairs and counts the pairs whose LaTeX verdict is the plain form's.

Run from the repository root after building (mvn -q -o -DskipTests package, or ./stepwise once):
    python3 src/test/resources/latex/sympy_compare.py [--verdicts]
Needs sympy and lark (pip install lark, or Debian's python3-sympy and python3-lark).
"""
import cmath
import collections
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import warnings

import sympy as sp
from sympy.parsing.latex import parse_latex
from sympy.utilities.lambdify import implemented_function

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plain_to_sympy import to_sympy  # noqa: E402

CORPUS = 'src/test/resources/latex/corpus.tsv'
JAR = 'target/stepwise.jar'
INTEGER_NAMES = {'n', 'm', 'N', 'K'}
POINTS = 3


def value(name, point):
    """A fixed value per name and point: small integers for n-like names, else a real in (0.15, 0.85)."""
    h = int(hashlib.sha256(f'{name}/{point}'.encode()).hexdigest()[:8], 16)
    if name in INTEGER_NAMES:
        return sp.Integer(2 + h % 4)
    return sp.Rational(15 + h % 70, 100)


def family(name):
    return lambda point: implemented_function(name, lambda i: float(value(f'{name}[{int(i)}]', point)))


def normalize(name):
    """SymPy's symbol names to the plain syntax's: theta_{0} -> theta0, y_{i} -> y_i."""
    name = name.replace('\\', '')
    m = re.fullmatch(r'([A-Za-z]+)_\{?([0-9]+)\}?', name)
    if m:
        return m.group(1) + m.group(2)
    m = re.fullmatch(r'([A-Za-z]+)_\{?([A-Za-z]+)\}?', name)
    if m:
        return m.group(1) + '_' + m.group(2)
    return name


def evaluate(expr, point):
    expr = expr.doit()
    subs = {s: value(normalize(s.name), point) for s in expr.free_symbols}
    v = sp.N(expr.subs(subs).doit(), 30)
    if v.free_symbols or not v.is_number:
        raise ValueError('not a number: %s' % v)
    return complex(v)


def expected_values(plain):
    """The plain form's values at the points, or None where SymPy cannot evaluate it (the side is not scored)."""
    try:
        values = [evaluate(to_sympy(plain, family=family(p)), p) for p in range(POINTS)]
        return values if all(cmath.isfinite(v) for v in values) else None
    except Exception:
        return None


def judge(reading, expected):
    """'ok' or 'misread' for one side; reading is a function of the point."""
    try:
        for point, b in enumerate(expected):
            a = reading(point)
            if not cmath.isfinite(a) or abs(a - b) > 1e-9 * (1 + abs(b)):
                return 'misread'
        return 'ok'
    except Exception:
        return 'misread'


def stepwise_readings():
    out = subprocess.run(['java', '-cp', JAR, 'stepwise.latex.LatexReadings', CORPUS], capture_output=True, text=True,
                         check=True).stdout
    readings = {}
    for line in out.splitlines():
        cells = line.split('\t')
        readings[int(cells[0])] = cells[2:] if cells[1] == 'ok' else None
    return readings


def sympy_reading(latex):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return parse_latex(latex, backend='lark')


def main():
    rows = []
    for number, line in enumerate(open(CORPUS, encoding='utf-8'), start=1):
        if line.strip() and not line.startswith('#'):
            rows.append((number, line.rstrip('\n').split('\t')))
    ours = stepwise_readings()
    tally = {tool: collections.Counter() for tool in ('stepwise', 'sympy')}
    by_style = {tool: collections.defaultdict(collections.Counter) for tool in ('stepwise', 'sympy')}
    examples = []
    unscored = 0
    for number, cells in rows:
        latex, plain, style = (cells[0], cells[1]), (cells[2], cells[3]), cells[6]
        expected = [expected_values(plain[0]), expected_values(plain[1])]
        if None in expected:
            unscored += 1
            continue
        for tool in ('stepwise', 'sympy'):
            verdicts = []
            for side in (0, 1):
                if tool == 'stepwise':
                    read = ours.get(number)
                    if read is None:
                        verdicts.append('refused')
                        continue
                    text = read[side]
                    reading = lambda p, text=text: evaluate(to_sympy(text, family=family(p)), p)
                else:
                    try:
                        parsed = sympy_reading(latex[side])
                    except Exception:
                        verdicts.append('refused')
                        continue
                    if not isinstance(parsed, sp.Basic):  # lark's Tree('_ambig', [readings]): no one formula
                        verdicts.append('ambiguous')
                        continue
                    reading = lambda p, parsed=parsed: evaluate(parsed, p)
                verdicts.append(judge(reading, expected[side]))
            pair = next((v for v in ('refused', 'ambiguous', 'misread') if v in verdicts), 'ok')
            tally[tool][pair] += 1
            by_style[tool][style][pair] += 1
            if tool == 'stepwise' and pair != 'ok':
                examples.append(f'  line {number}: Stepwise {pair}: {latex[0]}  |  {latex[1]}')
    total = len(rows) - unscored
    print(f'LaTeX corpus: {len(rows)} pairs ({CORPUS}); {total} scored ({unscored} have a side SymPy cannot'
          f' evaluate numerically)')
    print(f'{"":34}{"Stepwise":>12}{"SymPy parse_latex (lark)":>28}')
    for key, label in (('ok', 'both sides read as written'), ('misread', 'misread (a wrong formula)'),
                       ('ambiguous', 'several readings, none chosen'), ('refused', 'refused (parse error)')):
        print(f'{label:34}{tally["stepwise"][key]:>8}/{total}{tally["sympy"][key]:>20}/{total}')
    for style in sorted(by_style['stepwise']):
        n = sum(by_style['stepwise'][style].values())
        print(f'  {style + " pairs read as written":32}{by_style["stepwise"][style]["ok"]:>8}/{n}'
              f'{by_style["sympy"][style]["ok"]:>20}/{n}')
    for e in examples:
        print(e)
    if '--verdicts' in sys.argv:
        compare_verdicts(rows)


def compare_verdicts(rows):
    """Stepwise's verdict on the LaTeX pair against its verdict on the plain pair, via the CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        latex_file, plain_file = os.path.join(tmp, 'latex.tsv'), os.path.join(tmp, 'plain.tsv')
        with open(latex_file, 'w') as lf, open(plain_file, 'w') as pf:
            for _, c in rows:
                lf.write('\t'.join([c[0], c[1], c[7] if len(c) > 7 and c[7] else c[4]]) + '\n')
                pf.write('\t'.join([c[2], c[3], c[4]]) + '\n')
        run = lambda args: subprocess.run(['./stepwise', 'equiv', '--samples', '100', '--batch'] + args,
                                          capture_output=True, text=True).stdout.splitlines()
        latex_out, plain_out = run([latex_file, '--latex']), run([plain_file])
    kind = lambda s: 'equal' if s.startswith(('proved', 'confirmed')) else 'unequal' if s.startswith('refuted') \
        else 'unknown' if s.startswith('unknown') else 'bad input'
    verdict = lambda lines: {int(l.split(':', 1)[0]): kind(l.split(': ', 1)[1]) for l in lines if re.match(r'\d+:', l)}
    lv, pv = verdict(latex_out), verdict(plain_out)
    agree = wrong = 0
    for k, (_, c) in enumerate(rows, start=1):
        agree += lv.get(k) == pv.get(k)
        wrong += lv.get(k) in ('equal', 'unequal') and lv.get(k) != c[5]
    print(f'Stepwise verdicts on the LaTeX pairs equal to those on the plain pairs: {agree}/{len(rows)};'
          f' wrong verdicts: {wrong}')


if __name__ == '__main__':
    main()
