#!/usr/bin/env python3
"""SymPy's simplify on the same pairs as `stepwise equiv --batch`: a pair counts as proved when
simplify(lhs - rhs) == 0 within the per-pair timeout (default 20 s of CPU time).

Usage: python3 src/bench/sympy_simplify_corpus.py CORPUS.tsv [--timeout S] [--verbose]

Assumptions are turned into SymPy symbol assumptions, as a SymPy user would declare them:
x > 0 -> positive, x >= 0 -> nonnegative, Element(x, Reals) -> real, Element(n, Integers) ->
integer (with n >= 0 / n >= 1: nonnegative / positive), 0 < x < 1 -> positive; y(i) > 0 and
Element(y(i), Reals) for a family y make y a function whose values are positive / real
(SymPy cannot declare that, so y stays a plain Function). Upper bounds are lost. Each pair runs
in a fresh process so that a timeout really stops it.
"""
import multiprocessing as mp
import re
import resource
import sys

import sympy as sp


def translate(text):
    t = text.replace('{', '(').replace('}', ')').replace('^', '**')
    t = re.sub(r'(\w+|\))!', lambda m: 'factorial(' + m.group(1) + ')' if m.group(1) != ')' else ')!', t)
    if ')!' in t:  # (expr)! -> factorial((expr))
        out, i = '', 0
        while i < len(t):
            if t.startswith(')!', i):
                depth, j = 0, len(out) - 1
                out += ')'
                j = len(out) - 1
                while j >= 0:
                    depth += out[j] == ')'
                    depth -= out[j] == '('
                    if depth == 0:
                        break
                    j -= 1
                out = out[:j] + 'factorial(' + out[j:] + ')'
                i += 2
            else:
                out += t[i]
                i += 1
        t = out
    return t


NAMES = {
    'Sqrt': sp.sqrt, 'Exp': sp.exp, 'Log': sp.log, 'Sin': sp.sin, 'Cos': sp.cos, 'Tan': sp.tan,
    'Sinh': sp.sinh, 'Cosh': sp.cosh, 'Tanh': sp.tanh, 'Abs': sp.Abs, 'Gamma': sp.gamma,
    'LogGamma': sp.loggamma, 'Beta': sp.beta, 'Binomial': sp.binomial, 'Pochhammer': sp.rf,
    'Erf': sp.erf, 'Erfc': sp.erfc, 'Zeta': sp.zeta, 'Pi': sp.pi, 'E': sp.E, 'I': sp.I,
    'Infinity': sp.oo, 'EulerGamma': sp.EulerGamma, 'factorial': sp.factorial,
    'Cot': sp.cot, 'Sec': sp.sec, 'Csc': sp.csc, 'Coth': sp.coth, 'ArcSin': sp.asin, 'ArcCos': sp.acos,
    'ArcTan': sp.atan, 'ArcSinh': sp.asinh, 'ArcCosh': sp.acosh, 'ArcTanh': sp.atanh,
}


def polygamma(*args):
    return sp.polygamma(0, args[0]) if len(args) == 1 else sp.polygamma(*args)


def summation(term, spec):
    return sp.Sum(term, spec)


def symbols_for(assumptions):
    facts = {}
    functions = set()
    if assumptions.strip() in ('', 'True'):
        return facts, functions
    for part in re.split(r'&&', assumptions):
        part = part.strip()
        m = re.fullmatch(r'Element\((\w+)\((\w+)\),\s*(\w+)\)', part)
        if m:
            functions.add(m.group(1))
            continue
        m = re.fullmatch(r'Element\((\w+),\s*(\w+)\)', part)
        if m:
            facts.setdefault(m.group(1), {})['integer' if m.group(2) == 'Integers' else 'real'] = True
            continue
        m = re.fullmatch(r'(-?[\d/]+)\s*(<=|<)\s*(\w+)(?:\s*(<=|<)\s*(.+))?', part)
        if m:
            low = sp.Rational(m.group(1))
            name = m.group(3)
            if low > 0 or (low == 0 and m.group(2) == '<'):
                facts.setdefault(name, {})['positive'] = True
            elif low == 0:
                facts.setdefault(name, {})['nonnegative'] = True
            else:
                facts.setdefault(name, {})['real'] = True
            continue
        m = re.fullmatch(r'(\w+)(?:\((\w+)\))?\s*(>=|>)\s*(-?[\d/]+)', part)
        if m:
            if m.group(2):
                functions.add(m.group(1))
                continue
            low = sp.Rational(m.group(4))
            name = m.group(1)
            if low > 0 or (low == 0 and m.group(3) == '>'):
                facts.setdefault(name, {})['positive'] = True
            elif low == 0:
                facts.setdefault(name, {})['nonnegative'] = True
            else:
                facts.setdefault(name, {})['real'] = True
            continue
        m = re.fullmatch(r'(\w+)\s*(<=|<)\s*(\w+)', part)
        if m:  # k <= n between variables: both real
            for name in (m.group(1), m.group(3)):
                facts.setdefault(name, {}).setdefault('real', True)
            continue
    return facts, functions


def parse(text, facts):
    local = dict(NAMES)
    local['PolyGamma'] = polygamma
    local['Sum'] = summation
    for name in set(re.findall(r'[A-Za-z_]\w*', text)):
        if name in local:
            continue
        if re.search(r'\b' + name + r'\(', text):
            local[name] = sp.Function(name)
        else:
            local[name] = sp.Symbol(name, **facts.get(name, {}))
    return sp.sympify(translate(text), locals=local)


def decide(lhs, rhs, assumptions, out, cpu_seconds):
    # CPU time, not wall time: on a loaded machine a wall clock would time out easy pairs
    resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_seconds), int(cpu_seconds) + 1))
    try:
        facts, _ = symbols_for(assumptions)
        difference = parse(lhs, facts) - parse(rhs, facts)
        out.put('proved' if sp.simplify(difference) == 0 else 'not proved')
    except Exception as e:  # a parse or SymPy failure is "not proved"
        out.put('error: ' + type(e).__name__)


def main():
    args = sys.argv[1:]
    timeout = 20.0
    verbose = '--verbose' in args
    if '--timeout' in args:
        timeout = float(args[args.index('--timeout') + 1])
    corpus = args[0]
    # warm SymPy's caches once before the pairs fork from this process: a cold first simplify
    # costs seconds that would otherwise count against every pair
    x = sp.Symbol('x', positive=True)
    sp.simplify(sp.gamma(x + 1) - x * sp.gamma(x) + sp.sin(x) ** 2 + sp.cos(x) ** 2 + sp.log(x * x))
    counts = {}
    per_expected = {}
    total = 0
    with open(corpus, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith('#'):
            continue
        cells = line.split('\t')
        lhs, rhs, assumptions = cells[0], cells[1], cells[2]
        expected = cells[3] if len(cells) > 3 else '?'
        out = mp.Queue()
        p = mp.Process(target=decide, args=(lhs, rhs, assumptions, out, timeout))
        p.start()
        p.join(timeout * 10)
        if p.is_alive():
            p.kill()
            p.join()
            verdict = 'timeout'
        else:
            verdict = out.get() if not out.empty() else 'error'
        total += 1
        key = verdict if not verdict.startswith('error') else 'error'
        counts[key] = counts.get(key, 0) + 1
        per_expected[(expected, key)] = per_expected.get((expected, key), 0) + 1
        if verbose:
            print(f'{number}: {verdict}\t{lhs} = {rhs} [{assumptions}] ({expected})', flush=True)
    print(f'{total} pairs: ' + ', '.join(f'{v} {k}' for k, v in sorted(counts.items())))
    for (expected, key), v in sorted(per_expected.items()):
        print(f'  expected {expected}: {v} {key}')


if __name__ == '__main__':
    main()
