/**
 * LaTeX in: formulas as people write them, read into the same author-form Symja trees that the
 * plain syntax gives (see {@link stepwise.expr.ExprParser}), so every verdict, counterexample and
 * rendering works unchanged.
 *
 * <p>Why a hand-written precedence-climbing reader and not an ANTLR 4 grammar: the rules that
 * matter are context rules, not grammar rules. Whether y_i is the family entry y(i) depends on the
 * summation indices in force; whether f(x) is a call depends on declarations and on a space before
 * the bracket; a bracketless argument (\sin 2x, \log x + 1) ends at an operator or at the next
 * function; | opens or closes an absolute value depending on what came before; TeX reads x^23 as
 * x^2 3; a formula that reads two ways must be reported with both readings. These are a few lines
 * each in code and awkward as semantic predicates in a generated parser, which would also add a
 * build plugin and generated sources. Errors carry the exact column of the token; nesting is
 * bounded (200 levels, 20,000 characters, as for plain input) and signs are read in a loop, so no
 * input can exhaust the stack.
 *
 * <p>{@link stepwise.latex.LatexReader} reads; {@link stepwise.latex.LatexVocabulary} holds what a
 * derivation or the command line declares; {@link stepwise.latex.LatexInput} is where the equiv
 * command and derivation files come in; {@link stepwise.latex.LatexExtract} finds the answer in
 * free text. The conventions and the ambiguity rules are listed in the README, "LaTeX input".
 */
package stepwise.latex;
