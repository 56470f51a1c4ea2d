package stepwise.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;

/**
 * Parses Symja's input syntax into a Symja tree exactly as written: terms and factors keep the
 * author's order (Symja's own parser re-orders some products), a-b is a + (-1)*b, a/b is
 * a*b^-1, Sqrt(x) is x^(1/2) and Exp(x) is E^x. Nothing is evaluated. Identifiers are resolved
 * by a {@link Scope}, so unknown names and forbidden functions are refused here.
 *
 * <p>Grammar, loosest first: || ; && ; ! ; comparisons (chains like 0 < x < 1 become And) ;
 * + - ; * / ; unary - ; ^ (right-assoc.) ; postfix ! ; atoms: numbers, names, calls f(..) or
 * f[..], lists {..}, parentheses, and in rules patterns x_ or x_Head.
 */
public final class ExprParser {
  /** Inputs longer than this are refused rather than parsed. */
  public static final int MAX_LENGTH = 20_000;
  /** Deepest nesting of brackets, calls, powers and chains of prefix or postfix ! (trees this deep overflow later stages). */
  public static final int MAX_DEPTH = 200;
  /** Most digits a number may have, written out or implied by an exponent such as 1e400. */
  public static final int MAX_DIGITS = 1_000;
  /** Deepest tree a parse may build; the nesting limit above keeps ordinary input far below it. */
  public static final int MAX_TREE_DEPTH = 1_000;

  private final String src;
  private final Scope scope;
  private int pos;
  private int depth;

  private ExprParser(String src, Scope scope) {
    this.src = src;
    this.scope = scope;
  }

  public static IExpr parse(String src, Scope scope) {
    if (src == null || src.isBlank()) {
      throw new ExprSyntaxError("empty expression", 0);
    }
    if (src.length() > MAX_LENGTH) {
      throw new ExprSyntaxError("expression longer than " + MAX_LENGTH + " characters", 0);
    }
    ExprParser parser = new ExprParser(src, scope);
    IExpr result = parser.expression();
    parser.skipSpace();
    if (parser.pos < src.length()) {
      throw parser.error("unexpected '" + src.charAt(parser.pos) + "'"
          + (Character.isLetterOrDigit(src.charAt(parser.pos)) || src.charAt(parser.pos) == '('
              ? " (missing operator? write a*b, not a b)" : ""));
    }
    if (treeDepth(result) > MAX_TREE_DEPTH) { // ((x!!!...)!!!...) nests deeper than the brackets show
      throw new ExprSyntaxError("expression nested too deeply (a tree more than " + MAX_TREE_DEPTH + " levels deep)", 0);
    }
    return result;
  }

  /** The depth of a tree, measured without recursion (the tree may be the deep thing). */
  private static int treeDepth(IExpr root) {
    int deepest = 0;
    java.util.ArrayDeque<IExpr> nodes = new java.util.ArrayDeque<>(List.of(root));
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>(List.of(1));
    while (!nodes.isEmpty()) {
      IExpr node = nodes.pop();
      int d = depths.pop();
      deepest = Math.max(deepest, d);
      if (node.isAST()) {
        for (IExpr child : Trees.args(node)) {
          nodes.push(child);
          depths.push(d + 1);
        }
      }
    }
    return deepest;
  }

  private IExpr expression() {
    if (++depth > MAX_DEPTH) {
      throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)");
    }
    try {
      return or();
    } finally {
      depth--;
    }
  }

  private IExpr or() {
    List<IExpr> parts = new ArrayList<>(List.of(and()));
    while (take("||")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : Trees.node(S.Or, parts);
  }

  private IExpr and() {
    List<IExpr> parts = new ArrayList<>();
    do {
      IExpr part = not();
      if (Trees.isHead(part, S.And)) {
        parts.addAll(Trees.args(part)); // a chain 0 < x < 1 joins the conjunction
      } else {
        parts.add(part);
      }
    } while (take("&&"));
    return parts.size() == 1 ? parts.get(0) : Trees.node(S.And, parts);
  }

  private IExpr not() {
    skipSpace();
    int nots = 0;
    while (peek("!") && !peek("!=")) { // a loop: 20,000 !s must not recurse per sign
      nested(++nots);
      pos++;
      skipSpace();
    }
    depth += nots; // what is inside counts from under the chain
    IExpr out;
    try {
      out = comparison();
    } finally {
      depth -= nots;
    }
    for (int i = 0; i < nots; i++) {
      out = Trees.node(S.Not, out);
    }
    return out;
  }

  /** Refuses a chain of n operators that would nest the tree deeper than MAX_DEPTH. */
  private void nested(int n) {
    if (depth + n > MAX_DEPTH) {
      throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)");
    }
  }

  private IExpr comparison() {
    IExpr left = sum();
    List<IExpr> links = new ArrayList<>();
    while (true) {
      IExpr relation = relationOperator();
      if (relation == null) {
        break;
      }
      IExpr right = sum();
      links.add(Trees.node(relation, left, right));
      left = right;
    }
    if (links.isEmpty()) {
      return left;
    }
    return links.size() == 1 ? links.get(0) : Trees.node(S.And, links);
  }

  private IExpr relationOperator() {
    if (take("==")) {
      return S.Equal;
    }
    if (take("!=")) {
      return S.Unequal;
    }
    if (take("<=")) {
      return S.LessEqual;
    }
    if (take(">=")) {
      return S.GreaterEqual;
    }
    if (take("<")) {
      return S.Less;
    }
    if (take(">")) {
      return S.Greater;
    }
    return null;
  }

  private IExpr sum() {
    List<IExpr> terms = new ArrayList<>(List.of(term()));
    while (true) {
      if (take("+")) {
        terms.add(term());
      } else if (peekMinus()) {
        pos++;
        terms.add(Trees.negate(term()));
      } else {
        break;
      }
    }
    return terms.size() == 1 ? terms.get(0) : Trees.plus(terms);
  }

  private boolean peekMinus() {
    skipSpace();
    return peek("-") && !peek("->");
  }

  private IExpr term() {
    List<IExpr> factors = new ArrayList<>(List.of(unary()));
    while (true) {
      if (take("*")) {
        factors.add(unary());
      } else if (take("/")) {
        IExpr divisor = unary();
        int last = factors.size() - 1;
        if (factors.get(last) instanceof IInteger numerator && divisor instanceof IInteger denominator) {
          if (denominator.isZero()) {
            throw error("division by zero");
          }
          factors.set(last, F.QQ(numerator, denominator));
        } else if (factors.size() == 1 && factors.get(0).isOne()) {
          factors.set(0, Trees.power(divisor, F.CN1)); // 1/x is x^-1
        } else {
          factors.add(Trees.power(divisor, F.CN1));
        }
      } else {
        break;
      }
    }
    return factors.size() == 1 ? factors.get(0) : Trees.times(factors);
  }

  private IExpr unary() {
    skipSpace();
    boolean negate = false;
    while (peek("+") || peek("-") && !peek("->")) { // a loop: "------x" must not recurse per sign
      negate ^= src.charAt(pos) == '-';
      pos++;
      skipSpace();
    }
    if (negate) {
      return Trees.negate(power());
    }
    return power();
  }

  private IExpr power() {
    IExpr base = postfix();
    if (take("^")) {
      if (++depth > MAX_DEPTH) {
        throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)");
      }
      try {
        return Trees.power(base, unary());
      } finally {
        depth--;
      }
    }
    return base;
  }

  private IExpr postfix() {
    IExpr operand = primary();
    int factorials = 0;
    while (true) {
      skipSpace();
      if (peek("!") && !peek("!=")) {
        nested(++factorials);
        pos++;
        operand = Trees.node(S.Factorial, operand);
      } else {
        return operand;
      }
    }
  }

  private IExpr primary() {
    skipSpace();
    if (pos >= src.length()) {
      throw error("unexpected end of expression");
    }
    char c = src.charAt(pos);
    if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
      return number();
    }
    if (Character.isLetter(c)) {
      return nameOrCall();
    }
    if (c == '(') {
      pos++;
      IExpr inner = expression();
      expect(")");
      return inner;
    }
    if (c == '{') {
      int start = pos++;
      List<IExpr> items = arguments("}", start);
      return Trees.node(S.List, items);
    }
    throw error("unexpected '" + c + "'");
  }

  private IExpr number() {
    int start = pos;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    boolean decimal = false;
    if (pos < src.length() && src.charAt(pos) == '.' && !(pos + 1 < src.length() && src.charAt(pos + 1) == '.')) {
      decimal = true;
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos + 1 < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')
        && (Character.isDigit(src.charAt(pos + 1))
            || ((src.charAt(pos + 1) == '-' || src.charAt(pos + 1) == '+')
                && pos + 2 < src.length() && Character.isDigit(src.charAt(pos + 2))))) {
      decimal = true;
      pos += 2;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    if (decimal) {
      BigDecimal value;
      try {
        value = new BigDecimal(text);
      } catch (NumberFormatException e) { // an exponent beyond what BigDecimal holds, such as 1e9999999999
        throw new ExprSyntaxError("number out of range: " + ExprSyntaxError.excerpt(text, 0), start);
      }
      BigDecimal v = value.stripTrailingZeros();
      double approximate = value.doubleValue();
      boolean beyondDouble = Double.isInfinite(approximate) || approximate == 0 && v.signum() != 0;
      if (v.precision() > 15 && text.length() <= MAX_DIGITS || beyondDouble) {
        // more digits or range than a double keeps: exact, so 1.00000000000000000001 is not 1 and 1e400 is 10^400
        long digits = Math.max((long) v.precision() - v.scale(), v.scale());
        if (digits > MAX_DIGITS) {
          throw new ExprSyntaxError("number with more than " + MAX_DIGITS + " digits: " + ExprSyntaxError.excerpt(text, 0), start);
        }
        return v.scale() <= 0 ? F.ZZ(v.toBigIntegerExact()) : F.fraction(v.unscaledValue(), BigInteger.TEN.pow(v.scale()));
      }
      return F.num(approximate);
    }
    if (text.length() > MAX_DIGITS) {
      throw new ExprSyntaxError("number with more than " + MAX_DIGITS + " digits", start);
    }
    return F.ZZ(new BigInteger(text));
  }

  private IExpr nameOrCall() {
    int start = pos;
    while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
      pos++;
    }
    String name = src.substring(start, pos);
    if (pos < src.length() && src.charAt(pos) == '_') {
      IExpr pattern = pattern(name, start);
      if (pos < src.length() && src.charAt(pos) == '(') {
        int open = pos++;
        return Trees.node(pattern, arguments(")", open)); // p_(i_): a pattern for the head too
      }
      return pattern;
    }
    if (pos < src.length() && (src.charAt(pos) == '(' || src.charAt(pos) == '[')) {
      String close = src.charAt(pos) == '(' ? ")" : "]";
      int open = pos++;
      List<IExpr> args = arguments(close, open);
      return call(name, args, start);
    }
    return scope.symbol(name, start);
  }

  private IExpr pattern(String name, int start) {
    pos++; // the underscore
    int headStart = pos;
    while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
      pos++;
    }
    IExpr headTest = null;
    if (pos > headStart) {
      String head = src.substring(headStart, pos);
      headTest = switch (head) {
        case "Integer" -> S.Integer;
        case "Symbol" -> S.Symbol;
        default -> throw new ExprSyntaxError("unknown pattern head " + head + " (Integer or Symbol)", headStart);
      };
    }
    return scope.patternVariable(name, headTest, start);
  }

  private IExpr call(String name, List<IExpr> args, int start) {
    if (name.equals("Exp") || name.equals("exp")) {
      requireArity(name, args, 1, start);
      return Trees.power(S.E, args.get(0));
    }
    if (name.equals("Sqrt") || name.equals("sqrt")) {
      requireArity(name, args, 1, start);
      return Trees.power(args.get(0), F.C1D2);
    }
    IExpr head = scope.head(name, args.size(), start);
    return Trees.node(head, args);
  }

  private static void requireArity(String name, List<IExpr> args, int n, int start) {
    if (args.size() != n) {
      throw new ExprSyntaxError(name + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + args.size(), start);
    }
  }

  private List<IExpr> arguments(String close, int openedAt) {
    List<IExpr> items = new ArrayList<>();
    skipSpace();
    if (take(close)) {
      return items;
    }
    while (true) {
      items.add(expression());
      if (take(",")) {
        continue;
      }
      if (take(close)) {
        return items;
      }
      skipSpace();
      if (pos >= src.length()) {
        throw new ExprSyntaxError("'" + src.charAt(openedAt) + "' is never closed", openedAt);
      }
      throw error("expected ',' or '" + close + "'");
    }
  }

  private void expect(String token) {
    if (!take(token)) {
      skipSpace();
      throw error(pos >= src.length() ? "missing '" + token + "'" : "expected '" + token + "'");
    }
  }

  private boolean take(String token) {
    skipSpace();
    if (peek(token)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private boolean peek(String token) {
    return src.startsWith(token, pos);
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private ExprSyntaxError error(String message) {
    return new ExprSyntaxError(message, Math.min(pos, src.length()));
  }
}
