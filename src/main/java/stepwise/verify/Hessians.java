package stepwise.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Domains;
import stepwise.rules.Catalogue;

/**
 * Convexity of a function of several real variables from its Hessian H. H is positive
 * semidefinite exactly when every principal minor (the determinant of the rows and columns of
 * any subset of the variables) is >= 0; the leading ones alone (Sylvester) would only do for
 * definiteness, and a semidefinite Hessian, such as log-sum-exp's, has zero leading minors.
 * Concave: -H positive semidefinite, so a minor of order k has the sign of (-1)^k or is 0.
 * Each minor's sign is proved under the domains, or there is no proof (the chords still
 * decide by sampling).
 */
final class Hessians {
  /** 2^4 - 1 = 15 minors of up to 4 x 4: beyond, the proof is left to sampling. */
  static final int MAX_VARIABLES = 4;

  private Hessians() {}

  /** The proof that f is convex (or concave) in the variables, or null. */
  static String semidefinite(Catalogue catalogue, IExpr f, List<ISymbol> variables, boolean convex, Domains domains,
      Budget budget) {
    int n = variables.size();
    if (n < 2 || n > MAX_VARIABLES) {
      return null;
    }
    IExpr[][] h = new IExpr[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        h[i][j] = tidied(Trees.node(S.D, Trees.node(S.D, f, variables.get(i)), variables.get(j)), budget);
        h[j][i] = h[i][j];
      }
    }
    // two variables: three minors are as cheap as elimination, and read more plainly
    String byPivots = n < 3 ? null : pivots(catalogue, h, variables, convex, domains, budget);
    if (byPivots != null) {
      return "its Hessian in the " + n + " variables is " + (convex ? "positive" : "negative")
          + " semidefinite: eliminating one variable at a time (H = L D L^T), the first " + (n - 1)
          + " pivots of " + (convex ? "H" : "-H") + " are positive and the last non-negative, each proved under the domains";
    }
    List<String> methods = new ArrayList<>();
    int minors = 0;
    for (int mask = 1; mask < (1 << n); mask++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          rows.add(i);
        }
      }
      IExpr minor = tidied(determinant(h, rows), budget);
      // -H semidefinite: det of a k x k block of -H is (-1)^k det of H's block
      IExpr sign = convex || rows.size() % 2 == 0 ? S.GreaterEqual : S.LessEqual;
      if (budget.expired()) {
        return null;
      }
      Optional<String> proof = new SymbolicProver(catalogue, domains, budget.remaining()).proveSign(minor, sign);
      if (proof.isEmpty()) {
        return null;
      }
      methods.add(proof.get().replaceFirst(" on .*", "")); // the method, not the expressions it met
      minors++;
    }
    String names = variables.stream().map(ISymbol::getSymbolName).collect(Collectors.joining(", "));
    if (n == 2) {
      String[] xy = names.split(", ");
      return "its Hessian in " + xy[0] + " and " + xy[1] + " is " + (convex ? "positive" : "negative")
          + " semidefinite: the diagonal entries are " + (convex ? "non-negative" : "non-positive")
          + " and the determinant non-negative (" + String.join("; ", new LinkedHashSet<>(methods)) + ")";
    }
    return "its Hessian in the " + n + " variables is " + (convex ? "positive semidefinite: its " + minors
        + " principal minors are all non-negative" : "negative semidefinite: of its " + minors
        + " principal minors, those of odd order are non-positive and those of even order non-negative")
        + ", each proved under the domains";
  }

  /**
   * Symmetric Gaussian elimination of A = H (or -H for concavity): if the first n - 1 pivots
   * are proved positive, A = L D L^T with L invertible, so A is positive semidefinite exactly
   * when the last pivot (a Schur complement) is >= 0. One sign proof per pivot instead of
   * 2^n - 1 minors, and the entries stay small where H is diagonal plus rank one (softmax,
   * log-sum-exp: the last pivot is 0). Null when a pivot is not proved (the minors are tried).
   */
  private static String pivots(Catalogue catalogue, IExpr[][] h, List<ISymbol> variables, boolean convex,
      Domains domains, Budget budget) {
    int n = h.length;
    // E^(2 x + y) as X^2 Y (X, Y fresh): Together cancels common factors of polynomials, not of exponentials
    java.util.Map<ISymbol, ISymbol> exponentialOf = new java.util.LinkedHashMap<>();
    variables.forEach(v -> exponentialOf.put(v, org.matheclipse.core.expression.F.Dummy("stepwisee" + v.getSymbolName())));
    java.util.Map<IExpr, IExpr> back = new java.util.HashMap<>();
    exponentialOf.forEach((v, x) -> back.put(x, org.matheclipse.core.expression.F.Power(S.E, v)));
    IExpr[][] a = new IExpr[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        IExpr entry = convex ? h[i][j] : Trees.negate(h[i][j]);
        IExpr polynomial = asPowers(entry, exponentialOf);
        a[i][j] = polynomial == null ? entry : polynomial;
      }
    }
    for (int k = 0; k < n; k++) {
      a[k][k] = tidied(a[k][k], budget);
      IExpr pivot = Trees.substitute(a[k][k], back);
      if (budget.expired()) {
        return null;
      }
      IExpr sign = k < n - 1 ? S.Greater : S.GreaterEqual;
      if (new SymbolicProver(catalogue, domains, budget.remaining()).proveSign(pivot, sign).isEmpty()) {
        return null;
      }
      for (int i = k + 1; i < n; i++) {
        for (int j = i; j < n; j++) {
          IExpr entry = tidied(Trees.plus(a[i][j], Trees.negate(Trees.times(a[i][k], a[k][j],
              Trees.power(a[k][k], org.matheclipse.core.expression.F.CN1)))), budget);
          a[i][j] = entry;
          a[j][i] = entry;
        }
      }
    }
    return "pivots";
  }

  /**
   * e with each E^(c1 v1 + c2 v2 + ...) (integer c, v the Hessian's variables) written as
   * X1^c1 X2^c2 ..., X standing for E^v; null if some exponential has another form.
   */
  private static IExpr asPowers(IExpr e, java.util.Map<ISymbol, ISymbol> exponentialOf) {
    if (e.isPower() && e.base().equals(S.E)) {
      IExpr exponent = stepwise.cas.Cas.evaluate(Trees.node(S.Expand, e.exponent()));
      List<IExpr> factors = new ArrayList<>();
      for (IExpr term : Trees.isHead(exponent, S.Plus) ? Trees.args(exponent) : List.of(exponent)) {
        IExpr c = org.matheclipse.core.expression.F.C1;
        IExpr v = term;
        if (Trees.isHead(term, S.Times) && ((org.matheclipse.core.interfaces.IAST) term).argSize() == 2) {
          c = ((org.matheclipse.core.interfaces.IAST) term).arg1();
          v = ((org.matheclipse.core.interfaces.IAST) term).arg2();
        }
        if (!c.isInteger() || !exponentialOf.containsKey(v)) {
          return null;
        }
        factors.add(Trees.power(exponentialOf.get(v), c));
      }
      return Trees.times(factors);
    }
    if (!(e instanceof org.matheclipse.core.interfaces.IAST ast)) {
      return e;
    }
    org.matheclipse.core.interfaces.IASTAppendable rebuilt = org.matheclipse.core.expression.F.ast(ast.head(), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      IExpr r = asPowers(arg, exponentialOf);
      if (r == null) {
        return null;
      }
      rebuilt.append(r);
    }
    return rebuilt;
  }

  /**
   * Symja's Together of e (the entries of a Hessian are rational in their exponentials, and a
   * minor written over one denominator is far smaller), or e itself when that fails or leaves
   * a derivative unevaluated. Either equals e wherever e is defined.
   */
  private static IExpr tidied(IExpr e, Budget budget) {
    try {
      IExpr t = stepwise.cas.Cas.withDeadline(budget.remaining(),
          () -> stepwise.cas.Cas.evaluate(Trees.node(S.Together, e)));
      return t == null || Trees.contains(t, x -> x.equals(S.D) || x.equals(S.Derivative)) ? e : t;
    } catch (stepwise.cas.Cas.DeadlineExceeded | ArithmeticException ex) {
      return e;
    }
  }

  /** The determinant of h restricted to rows (and the same columns), by cofactor expansion along the first row. */
  static IExpr determinant(IExpr[][] h, List<Integer> rows) {
    if (rows.size() == 1) {
      return h[rows.get(0)][rows.get(0)];
    }
    return expand(h, rows, rows);
  }

  private static IExpr expand(IExpr[][] h, List<Integer> rows, List<Integer> columns) {
    if (rows.size() == 1) {
      return h[rows.get(0)][columns.get(0)];
    }
    List<IExpr> terms = new ArrayList<>();
    int r = rows.get(0);
    List<Integer> rest = rows.subList(1, rows.size());
    for (int k = 0; k < columns.size(); k++) {
      List<Integer> others = new ArrayList<>(columns);
      others.remove(k);
      IExpr term = Trees.times(h[r][columns.get(k)], expand(h, rest, others));
      terms.add(k % 2 == 0 ? term : Trees.negate(term));
    }
    return Trees.plus(terms);
  }
}
