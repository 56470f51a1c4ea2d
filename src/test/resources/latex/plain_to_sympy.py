"""Stepwise's plain syntax (Symja relaxed input, as ExprPrinter prints it) to SymPy, for the LaTeX
corpus tools: the sympy-printer rows are made from it, and the comparison script evaluates every
reading with it. Calls to names that are not built-ins (y(i), yhat(i)) become indexed families."""
import re
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations, convert_xor,
                                        factorial_notation)

KNOWN = {
    'Log': lambda *a: sp.log(a[0], evaluate=False) if len(a) == 1 else sp.log(a[1], a[0]),
    'Sqrt': sp.sqrt, 'Exp': sp.exp, 'Sin': sp.sin, 'Cos': sp.cos, 'Tan': sp.tan, 'Cot': sp.cot,
    'Sec': sp.sec, 'Csc': sp.csc, 'Sinh': sp.sinh, 'Cosh': sp.cosh, 'Tanh': sp.tanh,
    'ArcSin': sp.asin, 'ArcCos': sp.acos, 'ArcTan': sp.atan, 'ArcSinh': sp.asinh, 'ArcTanh': sp.atanh,
    'Abs': sp.Abs, 'Sign': sp.sign, 'Gamma': sp.gamma, 'Factorial': sp.factorial,
    'Binomial': sp.binomial, 'Floor': sp.floor, 'Ceiling': sp.ceiling, 'Max': sp.Max, 'Min': sp.Min,
    'Erf': sp.erf, 'Zeta': sp.zeta,
    'Sum': lambda f, spec: sp.Sum(f, spec), 'Product': lambda f, spec: sp.Product(f, spec),
    'D': lambda f, x: sp.Derivative(f, x),
    'Integrate': lambda f, spec: sp.Integral(f, spec),
    'E': sp.E, 'Pi': sp.pi, 'I': sp.I, 'Infinity': sp.oo,
}
GLOBALS = {}
exec('from sympy import *', GLOBALS)
TRANSFORMS = standard_transformations + (convert_xor, factorial_notation)


def to_sympy(plain, family=None, evaluate=False):
    """The SymPy expression of a plain-syntax formula; family(name) makes the head of name(i)."""
    text = plain.replace('{', '(').replace('}', ')')
    names = {}
    for m in re.finditer(r'[A-Za-z][A-Za-z0-9_]*', text):
        name = m.group(0)
        if name in KNOWN or name in names:
            continue
        called = text[m.end():m.end() + 1] == '('
        names[name] = (family or sp.Function)(name) if called else sp.Symbol(name)
    local = dict(KNOWN)
    local.update(names)
    return parse_expr(text, local_dict=local, global_dict=dict(GLOBALS), transformations=TRANSFORMS,
                      evaluate=evaluate)
