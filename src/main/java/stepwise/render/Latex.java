package stepwise.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;

/**
 * Our own LaTeX printer over the author-form tree: the author's term order, names from the
 * derivation (\hat{y}), sums with their limits, \log, \frac, and parentheses only where
 * precedence needs them; products are juxtaposed (y \log \hat{y}), with \cdot only between
 * numbers.
 */
public final class Latex {
  private static final int REL = 1, PLUS = 2, TIMES = 3, UNARY = 4, POWER = 5, ATOM = 6;
  private static final Map<IExpr, String> FUNCTIONS = Map.ofEntries(Map.entry(S.Sin, "\\sin"), Map.entry(S.Cos, "\\cos"),
      Map.entry(S.Tan, "\\tan"), Map.entry(S.Cot, "\\cot"), Map.entry(S.Sec, "\\sec"), Map.entry(S.Csc, "\\csc"),
      Map.entry(S.Sinh, "\\sinh"), Map.entry(S.Cosh, "\\cosh"), Map.entry(S.Tanh, "\\tanh"), Map.entry(S.Coth, "\\coth"),
      Map.entry(S.ArcSin, "\\arcsin"), Map.entry(S.ArcCos, "\\arccos"), Map.entry(S.ArcTan, "\\arctan"),
      Map.entry(S.Gamma, "\\Gamma"), Map.entry(S.Max, "\\max"), Map.entry(S.Min, "\\min"));
  private static final Map<IExpr, String> RELATIONS = Map.of(S.Equal, "=", S.Unequal, "\\neq", S.Less, "<",
      S.LessEqual, "\\leq", S.Greater, ">", S.GreaterEqual, "\\geq");

  private static final List<String> TALL = List.of("\\frac", "\\sum", "\\prod", "\\underbrace", "\\left", "\\binom",
      "\\sqrt");
  private final LatexNames names;
  private final boolean ln;

  public Latex(LatexNames names, boolean ln) {
    this.names = names;
    this.ln = ln;
  }

  /** With default names (yhat -> \hat{y}); for reports that have no derivation at hand. */
  public static String plain(IExpr e) {
    return new Latex(LatexNames.PLAIN, false).print(e);
  }

  public String print(IExpr e) {
    StringBuilder out = new StringBuilder();
    write(e, 0, out);
    return out.toString();
  }

  private int precedence(IExpr e) {
    if (e instanceof INumber n) {
      if (e instanceof IFraction) {
        return n.isNegative() ? UNARY : ATOM;
      }
      return n.isNegative() ? UNARY : ATOM;
    }
    if (!(e instanceof IAST ast)) {
      return ATOM;
    }
    IExpr head = ast.head();
    if (RELATIONS.containsKey(head) || head.equals(S.And) || head.equals(S.Or)) return REL;
    if (head.equals(S.Plus)) return PLUS;
    if (head.equals(S.Times)) {
      return negativeFactor(ast.arg1()) ? UNARY : hasDenominator(ast) ? ATOM : TIMES;
    }
    if (head.equals(S.Power)) {
      if (ast.arg2().isMinusOne() || ast.arg2().equals(F.C1D2) || isNegativeInteger(ast.arg2())) {
        return ATOM; // \frac or \sqrt
      }
      return POWER;
    }
    if (head.equals(S.Sum) || head.equals(S.Product)) return TIMES; // \sum binds the rest of a product
    if (head.equals(S.Log) || FUNCTIONS.containsKey(head)) {
      return needsParens(ast.arg1()) ? ATOM : TIMES; // \log x y is ambiguous: \log x is a "product"
    }
    return ATOM;
  }

  private static boolean negativeFactor(IExpr e) {
    return e instanceof INumber n && e.isReal() && n.isNegative();
  }

  private static boolean isNegativeInteger(IExpr e) {
    return e instanceof IInteger i && i.isNegative();
  }

  private static boolean hasDenominator(IAST times) {
    return Trees.args(times).stream().anyMatch(f -> Trees.isHead(f, S.Power) && isNegativeInteger(((IAST) f).arg2()));
  }

  private void write(IExpr e, int context, StringBuilder out) {
    if (precedence(e) < context) {
      parenthesized(e, out);
    } else {
      writeBare(e, out);
    }
  }

  /**
   * ( ) as an author writes them; \left( \right) only around tall content (fractions, sums);
   * [ ] when the content itself opens with a bracket, as authors nest them: -[(1 - y) \log x + ...],
   * \log[(1 - \hat{y})^{1 - y}], never ((.
   */
  private void parenthesized(IExpr e, StringBuilder out) {
    StringBuilder inner = new StringBuilder();
    writeBare(e, inner);
    boolean tall = TALL.stream().anyMatch(t -> inner.indexOf(t) >= 0);
    boolean nested = inner.length() > 0 && (inner.charAt(0) == '(' || inner.charAt(0) == '['
        || inner.indexOf("\\left(") == 0 || inner.indexOf("\\left[") == 0);
    String open = nested ? "[" : "(";
    String close = nested ? "]" : ")";
    out.append(tall ? "\\left" + open : open).append(inner).append(tall ? "\\right" + close : close);
  }

  private void writeBare(IExpr e, StringBuilder out) {
    if (e instanceof INumber n) {
      number(n, out);
      return;
    }
    if (e instanceof ISymbol s) {
      symbol(s, out);
      return;
    }
    if (!(e instanceof IAST ast)) {
      out.append(e);
      return;
    }
    IExpr head = ast.head();
    List<IExpr> args = Trees.args(ast);
    if (RELATIONS.containsKey(head) && args.size() == 2) {
      write(args.get(0), REL + 1, out);
      out.append(' ').append(RELATIONS.get(head)).append(' ');
      write(args.get(1), REL + 1, out);
    } else if (head.equals(S.And) || head.equals(S.Or)) {
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          out.append(head.equals(S.And) ? ",\\ " : " \\lor ");
        }
        write(args.get(i), REL + 1, out);
      }
    } else if (head.equals(S.Plus)) {
      sum(args, out);
    } else if (head.equals(S.Times)) {
      product(args, out);
    } else if (head.equals(S.Power)) {
      power(ast.arg1(), ast.arg2(), out);
    } else if (head.equals(S.Sum) || head.equals(S.Product)) {
      bigOperator(ast, out);
    } else if (head.equals(S.Log)) {
      log(ast, out);
    } else if ((head.equals(S.Max) || head.equals(S.Min)) && args.size() >= 2) {
      out.append(FUNCTIONS.get(head)).append('(');
      list(args, out);
      out.append(')');
    } else if (FUNCTIONS.containsKey(head) && args.size() == 1) {
      out.append(FUNCTIONS.get(head));
      argument(args.get(0), out);
    } else if (head.equals(S.Abs) && args.size() == 1) {
      out.append("\\left|");
      write(args.get(0), 0, out);
      out.append("\\right|");
    } else if (head.equals(S.Factorial) && args.size() == 1) {
      write(args.get(0), ATOM, out);
      out.append('!');
    } else if (head.equals(S.Binomial) && args.size() == 2) {
      out.append("\\binom{");
      write(args.get(0), 0, out);
      out.append("}{");
      write(args.get(1), 0, out);
      out.append('}');
    } else if (head.equals(S.Piecewise) && args.get(0) instanceof IAST cases && cases.head().equals(S.List)) {
      out.append("\\begin{cases}");
      List<IExpr> rows = Trees.args(cases);
      for (int i = 0; i < rows.size(); i++) {
        IAST row = (IAST) rows.get(i);
        out.append(i == 0 ? " " : " \\\\\n");
        write(row.arg1(), 0, out);
        out.append(" & \\quad ");
        write(row.arg2(), 0, out);
      }
      if (args.size() == 2) {
        out.append(" \\\\\n");
        write(args.get(1), 0, out);
        out.append(" & \\quad \\text{otherwise}");
      }
      out.append(" \\end{cases}");
    } else if (head.equals(S.List)) {
      out.append("\\left\\{");
      list(args, out);
      out.append("\\right\\}");
    } else if (head.equals(S.Derivative) && args.size() == 2) {
      write(args.get(0), ATOM, out); // a catalogue rule's Derivative(f, u): f'(u)
      out.append("'(");
      write(args.get(1), 0, out);
      out.append(')');
    } else if (head.equals(S.KroneckerDelta) && args.size() == 2) {
      out.append("\\delta_{");
      write(args.get(0), 0, out);
      out.append(", ");
      write(args.get(1), 0, out);
      out.append('}');
    } else if (head.equals(S.Boole) && args.size() == 1) {
      out.append("\\mathbf{1}\\left[");
      write(args.get(0), 0, out);
      out.append("\\right]");
    } else if (head.equals(S.D) && args.size() == 2) {
      out.append("\\frac{d}{d ");
      write(args.get(1), ATOM, out);
      out.append("}");
      write(args.get(0), ATOM, out);
    } else {
      call(ast, out);
    }
  }

  private void number(INumber n, StringBuilder out) {
    if (n instanceof IFraction f) {
      if (f.isNegative()) {
        out.append('-');
      }
      out.append("\\frac{").append(f.toBigNumerator().abs()).append("}{").append(f.toBigDenominator()).append('}');
    } else if (n instanceof INum num) {
      double d = num.doubleValue();
      String s = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
      if (s.contains("E")) {
        String[] parts = s.split("E");
        s = parts[0] + " \\times 10^{" + parts[1] + "}";
      }
      out.append(s);
    } else if (n.isReal()) {
      out.append(n);
    } else {
      out.append(n.toString().replace("I", "i").replace("*", " "));
    }
  }

  private void symbol(ISymbol s, StringBuilder out) {
    if (s.equals(S.Pi)) {
      out.append("\\pi");
    } else if (s.equals(S.E)) {
      out.append("e");
    } else if (s.equals(S.I)) {
      out.append("i");
    } else if (s.equals(S.Infinity)) {
      out.append("\\infty");
    } else if (UserSymbols.isUser(s)) {
      out.append(names.symbol(s));
    } else {
      out.append("\\mathrm{").append(s).append('}');
    }
  }

  private void sum(List<IExpr> terms, StringBuilder out) {
    write(terms.get(0), PLUS, out);
    for (IExpr term : terms.subList(1, terms.size())) {
      IExpr positive = stepwise.expr.ExprPrinter.negatedIfNegativeTerm(term);
      if (positive != null) {
        out.append(" - ");
        write(positive, TIMES, out);
      } else {
        out.append(" + ");
        write(term, PLUS + 1, out);
      }
    }
  }

  private void product(List<IExpr> authorFactors, StringBuilder out) {
    List<IExpr> factors = numbersFirst(authorFactors);
    List<IExpr> numerator = new ArrayList<>();
    List<IExpr> denominator = new ArrayList<>();
    boolean negative = false;
    for (IExpr f : factors) {
      if (f.isMinusOne() && numerator.isEmpty() && !negative) {
        negative = true;
      } else if (Trees.isHead(f, S.Power) && isNegativeInteger(((IAST) f).arg2())) {
        IAST p = (IAST) f;
        IExpr exponent = ((IInteger) p.arg2()).negate();
        denominator.add(exponent.isOne() ? p.arg1() : Trees.power(p.arg1(), exponent));
      } else {
        numerator.add(f);
      }
    }
    if (negative) {
      out.append('-');
    }
    if (!denominator.isEmpty()) {
      boolean bigNumerator = numerator.stream().anyMatch(f -> Trees.isHead(f, S.Sum) || Trees.isHead(f, S.Product));
      out.append("\\frac{");
      if (numerator.isEmpty() || bigNumerator) {
        out.append('1');
      } else {
        fracPart(numerator, out);
      }
      out.append("}{");
      fracPart(denominator, out);
      out.append('}');
      if (bigNumerator) {
        out.append(' '); // \frac{1}{N} \sum_{k=1}^{N} ..., as authors write an average
        juxtapose(numerator, out);
      }
      return;
    }
    juxtapose(numerator, out);
  }

  /** The numerator or denominator of \frac, which is its own group: \frac{a + b}{c + d}. */
  private void fracPart(List<IExpr> factors, StringBuilder out) {
    if (factors.size() == 1) {
      write(factors.get(0), 0, out);
    } else {
      juxtapose(factors, out);
    }
  }

  /** Numeric factors lead, as authors write them: 2 x, not x \cdot 2 (otherwise the author's order). */
  private static List<IExpr> numbersFirst(List<IExpr> factors) {
    List<IExpr> out = new ArrayList<>();
    factors.stream().filter(f -> f instanceof INumber).forEach(out::add);
    factors.stream().filter(f -> !(f instanceof INumber)).forEach(out::add);
    return out;
  }

  /** Factors side by side; \cdot only where two numbers would run together. */
  private void juxtapose(List<IExpr> factors, StringBuilder out) {
    for (int i = 0; i < factors.size(); i++) {
      IExpr f = factors.get(i);
      if (i > 0) {
        boolean numberNext = f instanceof INumber || startsWithDigit(f);
        out.append(numberNext ? " \\cdot " : " ");
      }
      int context = i == 0 ? UNARY : TIMES + 1;
      if (f instanceof INumber && i > 0) {
        context = ATOM;
      }
      // a sum or a \log x inside a product needs brackets unless it is the last factor
      if (i < factors.size() - 1 && precedence(f) == TIMES && !Trees.isHead(f, S.Times)) {
        context = ATOM;
      }
      write(f, Math.min(context, i == factors.size() - 1 && precedence(f) == TIMES ? TIMES : context), out);
    }
  }

  private static boolean startsWithDigit(IExpr f) {
    return Trees.isHead(f, S.Power) && ((IAST) f).arg1() instanceof INumber;
  }

  private void power(IExpr base, IExpr exponent, StringBuilder out) {
    if (exponent.equals(F.C1D2)) {
      out.append("\\sqrt{");
      write(base, 0, out);
      out.append('}');
      return;
    }
    if (exponent.isMinusOne()) {
      out.append("\\frac{1}{");
      write(base, 0, out);
      out.append('}');
      return;
    }
    if (isNegativeInteger(exponent)) {
      out.append("\\frac{1}{");
      power(base, ((IInteger) exponent).negate(), out);
      out.append('}');
      return;
    }
    if (base.equals(S.E)) {
      out.append("e^{");
      write(exponent, 0, out);
      out.append('}');
      return;
    }
    if (base instanceof INumber n && !(n instanceof IInteger i && !i.isNegative())) {
      parenthesized(base, out); // \left(\frac{1}{3}\right)^{n}, (-2)^{n}
      out.append("^{");
      write(exponent, 0, out);
      out.append('}');
      return;
    }
    boolean call = base instanceof IAST a && !a.head().equals(S.Plus) && !a.head().equals(S.Times)
        && !a.head().equals(S.Power) && !a.head().equals(S.Sum) && !(a.head().equals(S.Log));
    write(base, call ? ATOM : POWER + 1, out);
    out.append("^{");
    write(exponent, 0, out);
    out.append('}');
  }

  private void bigOperator(IAST ast, StringBuilder out) {
    boolean sum = ast.head().equals(S.Sum);
    IAST spec = ast.arg2() instanceof IAST s && s.head().equals(S.List) ? s : null;
    out.append(sum ? "\\sum" : "\\prod");
    if (spec != null && spec.argSize() == 3) {
      out.append("_{");
      write(spec.arg1(), 0, out);
      out.append('=');
      write(spec.arg2(), 0, out);
      out.append("}^{");
      write(spec.arg3(), 0, out);
      out.append('}');
    } else if (spec != null && spec.argSize() == 2) {
      out.append("_{");
      write(spec.arg1(), 0, out);
      out.append(" \\in ");
      write(spec.arg2(), 0, out);
      out.append('}');
    }
    out.append(' ');
    IExpr body = ast.arg1();
    if (Trees.isHead(body, S.Times) && negativeFactor(((IAST) body).arg1())) {
      parenthesized(body, out); // \sum (-P \log Q), not \sum -P \log Q
    } else {
      write(body, TIMES, out);
    }
  }

  private void log(IAST ast, StringBuilder out) {
    if (ast.argSize() == 2) {
      out.append("\\log_{");
      write(ast.arg1(), 0, out);
      out.append('}');
      argument(ast.arg2(), out);
      return;
    }
    out.append(ln ? "\\ln" : "\\log");
    argument(ast.arg1(), out);
  }

  /**
   * \log \hat{y}, \log P(x_i), \log \hat{y}^{y}, \log \frac{P}{Q} without brackets; \log(1 - \hat{y})
   * and \log((1 - \hat{y})^{1 - y}) with them.
   */
  private void argument(IExpr arg, StringBuilder out) {
    if (needsParens(arg)) {
      parenthesized(arg, out);
    } else {
      out.append(' ');
      writeBare(arg, out);
    }
  }

  private static boolean needsParens(IExpr arg) {
    if (arg instanceof ISymbol || (arg instanceof IInteger i && !i.isNegative())) {
      return false;
    }
    if (arg instanceof IAST a && a.head() instanceof ISymbol h && UserSymbols.isUser(h)) {
      return false; // P(x_i), H(P)
    }
    if (Trees.isHead(arg, S.Power) && !((IAST) arg).arg2().isMinusOne() && !isNegativeInteger(((IAST) arg).arg2())) {
      return needsParens(((IAST) arg).arg1()); // \log \hat{y}^{y}, but \log((1 - \hat{y})^{1 - y})
    }
    if (Trees.isHead(arg, S.Times) && hasDenominator((IAST) arg) && !negativeFactor(((IAST) arg).arg1())) {
      return false; // \log \frac{P(x_i)}{Q(x_i)}
    }
    return true;
  }

  private void call(IAST ast, StringBuilder out) {
    IExpr head = ast.head();
    String template = head instanceof ISymbol s ? names.template(s, ast.argSize()) : null;
    if (template != null) {
      String text = template;
      for (int i = ast.argSize(); i >= 1; i--) {
        StringBuilder arg = new StringBuilder();
        write(ast.get(i), 0, arg);
        text = text.replace("#" + i, arg.toString());
      }
      out.append(text);
      return;
    }
    if (head instanceof ISymbol s && names.isFamily(s) && ast.argSize() == 1) {
      symbol(s, out); // a member of a family: x_{i}, \hat{y}_{k}
      out.append("_{");
      write(ast.arg1(), 0, out);
      out.append('}');
      return;
    }
    if (head instanceof ISymbol s) {
      symbol(s, out);
    } else {
      write(head, ATOM, out);
    }
    out.append('(');
    list(Trees.args(ast), out);
    out.append(')');
  }

  private void list(List<IExpr> items, StringBuilder out) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(items.get(i), 0, out);
    }
  }
}
