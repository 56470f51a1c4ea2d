"""Makes the SymPy-printer rows of corpus.tsv: each pair of the public identity corpus
(../equiv/public-identities.tsv, truths checked with mpmath) printed by sympy.latex with the
imaginary unit as \\mathrm{i}. Run from this folder: python3 make_sympy_rows.py > sympy-rows.tsv"""
import sympy as sp
from plain_to_sympy import to_sympy

for line in open('../equiv/public-identities.tsv', encoding='utf-8'):
    if not line.strip() or line.startswith('#'):
        continue
    lhs, rhs, assume, expected = line.rstrip('\n').split('\t')[:4]
    left = sp.latex(to_sympy(lhs), imaginary_unit='ri')
    right = sp.latex(to_sympy(rhs), imaginary_unit='ri')
    print('\t'.join([left, right, lhs, rhs, assume, expected, 'sympy']))
