package stepwise.expr;

import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IComplex;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.IPatternObject;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Prints a tree in Symja's input syntax, in the author's order, so that {@link ExprParser}
 * reads back the same tree: a - b, a/b, Sqrt(x), Exp(x), Sum(f, {i, 1, n}).
 */
public final class ExprPrinter {
  private static final int OR = 1, AND = 2, NOT = 3, REL = 4, PLUS = 5, TIMES = 6, UNARY = 7,
      POWER = 8, POSTFIX = 9, ATOM = 10;
  private static final Map<IExpr, String> RELATIONS = Map.of(S.Equal, " == ", S.Unequal, " != ",
      S.Less, " < ", S.LessEqual, " <= ", S.Greater, " > ", S.GreaterEqual, " >= ");

  private ExprPrinter() {}

  public static String print(IExpr expr) {
    StringBuilder out = new StringBuilder();
    new ExprPrinter().write(expr, 0, out);
    return out.toString();
  }

  private void write(IExpr expr, int context, StringBuilder out) {
    int own = precedence(expr);
    boolean parens = own < context;
    if (parens) {
      out.append('(');
    }
    writeBare(expr, out);
    if (parens) {
      out.append(')');
    }
  }

  static int precedence(IExpr expr) {
    if (expr instanceof INumber number) {
      if (expr instanceof IFraction) {
        return number.isNegative() ? UNARY : TIMES;
      }
      if (expr instanceof IComplex || expr instanceof IComplexNum) {
        return PLUS;
      }
      return number.isNegative() ? UNARY : ATOM;
    }
    if (!(expr instanceof IAST ast)) {
      return ATOM;
    }
    IExpr head = ast.head();
    if (head.equals(S.Or)) return OR;
    if (head.equals(S.And)) return AND;
    if (head.equals(S.Not)) return NOT;
    if (RELATIONS.containsKey(head) && ast.argSize() == 2) return REL;
    if (head.equals(S.Plus)) return PLUS;
    if (head.equals(S.Times)) {
      return ast.argSize() > 0 && isNegativeFactor(ast.arg1()) ? UNARY : TIMES;
    }
    if (head.equals(S.Power) && ast.argSize() == 2) {
      if (ast.arg2().equals(org.matheclipse.core.expression.F.C1D2) || ast.arg1().equals(S.E)) {
        return ATOM; // Sqrt(x), Exp(x)
      }
      return ast.arg2().isMinusOne() ? TIMES : POWER;
    }
    if (head.equals(S.Factorial) && ast.argSize() == 1) return POSTFIX;
    return ATOM;
  }

  private static boolean isNegativeFactor(IExpr expr) {
    return expr instanceof INumber n && !(expr instanceof IComplex) && !(expr instanceof IComplexNum) && n.isNegative();
  }

  private void writeBare(IExpr expr, StringBuilder out) {
    if (expr instanceof IPatternObject p) {
      out.append(p.getSymbol() == null ? "" : p.getSymbol().getSymbolName()).append('_');
      if (p.getHeadTest() != null) {
        write(p.getHeadTest(), ATOM, out);
      }
      return;
    }
    if (expr instanceof INumber number) {
      writeNumber(number, out);
      return;
    }
    if (expr instanceof ISymbol symbol) {
      out.append(name(symbol));
      return;
    }
    if (!(expr instanceof IAST ast)) {
      out.append(expr.toString());
      return;
    }
    IExpr head = ast.head();
    List<IExpr> args = Trees.args(ast);
    if (head.equals(S.And) && args.size() > 1) {
      writeConjunction(args, out);
    } else if (head.equals(S.Or) && args.size() > 1) {
      join(args, " || ", OR + 1, out);
    } else if (head.equals(S.Not) && args.size() == 1) {
      out.append('!');
      write(args.get(0), NOT, out);
    } else if (RELATIONS.containsKey(head) && args.size() == 2) {
      write(args.get(0), REL + 1, out);
      out.append(RELATIONS.get(head));
      write(args.get(1), REL + 1, out);
    } else if (head.equals(S.Plus) && !args.isEmpty()) {
      writeSum(args, out);
    } else if (head.equals(S.Times) && !args.isEmpty()) {
      writeProduct(args, out);
    } else if (head.equals(S.Power) && args.size() == 2) {
      writePower(args.get(0), args.get(1), out);
    } else if (head.equals(S.Factorial) && args.size() == 1) {
      write(args.get(0), POSTFIX + 1, out);
      out.append('!');
    } else if (head.equals(S.List)) {
      out.append('{');
      join(args, ", ", 0, out);
      out.append('}');
    } else {
      write(head, ATOM, out);
      out.append('(');
      join(args, ", ", 0, out);
      out.append(')');
    }
  }

  /** a < b && b < c prints as the chain a < b < c, which the parser reads back the same. */
  private void writeConjunction(List<IExpr> args, StringBuilder out) {
    for (int i = 0; i < args.size(); i++) {
      IExpr arg = args.get(i);
      boolean continuesChain = i > 0 && isRelation(arg) && isRelation(args.get(i - 1))
          && ((IAST) args.get(i - 1)).arg2().equals(((IAST) arg).arg1());
      if (continuesChain) {
        out.append(RELATIONS.get(arg.head()));
        write(((IAST) arg).arg2(), REL + 1, out);
        continue;
      }
      if (i > 0) {
        out.append(" && ");
      }
      write(arg, AND + 1, out);
    }
  }

  private static boolean isRelation(IExpr expr) {
    return expr instanceof IAST ast && ast.argSize() == 2 && RELATIONS.containsKey(ast.head());
  }

  /** A user symbol's own name; a built-in's proper-case name (Symja stores "log" for Log). */
  static String name(ISymbol symbol) {
    return UserSymbols.isUser(symbol) ? symbol.getSymbolName() : symbol.toString();
  }

  private void join(List<IExpr> items, String separator, int context, StringBuilder out) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      write(items.get(i), context, out);
    }
  }

  private void writeSum(List<IExpr> terms, StringBuilder out) {
    write(terms.get(0), PLUS, out);
    for (IExpr term : terms.subList(1, terms.size())) {
      IExpr positive = negatedIfNegative(term);
      if (positive != null) {
        out.append(" - ");
        write(positive, TIMES, out);
      } else {
        out.append(" + ");
        write(term, PLUS + 1, out);
      }
    }
  }

  /** -t for a term printed with a minus sign (a negative number or -1*x, -2*x), else null. */
  public static IExpr negatedIfNegativeTerm(IExpr term) {
    return negatedIfNegative(term);
  }

  static IExpr negatedIfNegative(IExpr term) {
    if (isNegativeFactor(term)) {
      return ((INumber) term).negate();
    }
    if (Trees.isHead(term, S.Times) && ((IAST) term).argSize() > 0 && isNegativeFactor(((IAST) term).arg1())) {
      return Trees.negate(term);
    }
    return null;
  }

  private void writeProduct(List<IExpr> factors, StringBuilder out) {
    int start = 0;
    if (factors.get(0).isMinusOne() && factors.size() > 1) {
      out.append('-');
      start = 1;
    }
    for (int i = start; i < factors.size(); i++) {
      IExpr factor = factors.get(i);
      if (Trees.isHead(factor, S.Power) && ((IAST) factor).arg2().isMinusOne()) {
        out.append(i == start ? "1/" : "/");
        write(((IAST) factor).arg1(), POWER, out);
      } else {
        if (i > start) {
          out.append('*');
        }
        write(factor, i == start ? UNARY : UNARY + 1, out);
      }
    }
  }

  private void writePower(IExpr base, IExpr exponent, StringBuilder out) {
    if (exponent.equals(org.matheclipse.core.expression.F.C1D2)) {
      out.append("Sqrt(");
      write(base, 0, out);
      out.append(')');
      return;
    }
    if (base.equals(S.E)) {
      out.append("Exp(");
      write(exponent, 0, out);
      out.append(')');
      return;
    }
    if (exponent.isMinusOne()) {
      out.append("1/");
      write(base, POWER, out);
      return;
    }
    write(base, POWER + 1, out);
    out.append('^');
    boolean simple = exponent instanceof ISymbol || exponent instanceof IPatternObject
        || (exponent instanceof IInteger i && !i.isNegative());
    if (simple) {
      write(exponent, ATOM, out);
    } else {
      out.append('(');
      write(exponent, 0, out);
      out.append(')');
    }
  }

  private static void writeNumber(INumber number, StringBuilder out) {
    if (number instanceof INum num) {
      double d = num.doubleValue();
      out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) + ".0" : String.valueOf(d));
    } else if (number instanceof IComplex || number instanceof IComplexNum) {
      out.append(number.toString());
    } else {
      out.append(number.toString());
    }
  }
}
