package stepwise.latex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Builtins;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;
import stepwise.expr.Scope;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.latex.LatexTokenizer.Kind;
import stepwise.latex.LatexTokenizer.Token;

/**
 * Reads math-mode LaTeX into the same author-form Symja tree that {@link ExprParser} builds from
 * the plain syntax: a - b is a + (-1)*b, \frac{a}{b} is a*b^-1, \sqrt{x} is x^(1/2), e^{x} and
 * \exp x are E^x, \sum_{i=1}^{n} is Sum(.., {i, 1, n}); nothing is evaluated. Names are resolved
 * by the same {@link Scope} as plain input, so a derivation's declarations and the allow-list of
 * built-ins apply unchanged.
 *
 * <p>A recursive-descent (precedence-climbing) reader, loosest first: logic (\lor, \land, a
 * top-level comma) ; relations (chains 0 < x < 1 become And) ; + - ; products (\cdot, \times, /,
 * juxtaposition) ; unary signs ; powers and postfix ! ; atoms. The conventions it follows are
 * listed in the README ("LaTeX input"); where a formula reads two ways and no rule decides, it
 * reports both readings instead of guessing. Nesting is bounded like plain input's.
 */
public final class LatexReader {
  static final int MAX_DEPTH = 200;

  private static final Map<String, ISymbol> FUNCTIONS = Map.ofEntries(Map.entry("log", S.Log), Map.entry("ln", S.Log),
      Map.entry("sin", S.Sin), Map.entry("cos", S.Cos), Map.entry("tan", S.Tan), Map.entry("cot", S.Cot),
      Map.entry("sec", S.Sec), Map.entry("csc", S.Csc), Map.entry("sinh", S.Sinh), Map.entry("cosh", S.Cosh),
      Map.entry("tanh", S.Tanh), Map.entry("coth", S.Coth), Map.entry("arcsin", S.ArcSin),
      Map.entry("arccos", S.ArcCos), Map.entry("arctan", S.ArcTan), Map.entry("max", S.Max), Map.entry("min", S.Min),
      Map.entry("exp", S.Exp), Map.entry("Gamma", S.Gamma), Map.entry("zeta", S.Zeta));
  /** Names inside \operatorname{..} or \mathrm{..} that are functions (SymPy and Symja print some of these). */
  private static final Map<String, ISymbol> OPERATOR_NAMES = Map.ofEntries(Map.entry("asin", S.ArcSin),
      Map.entry("acos", S.ArcCos), Map.entry("atan", S.ArcTan), Map.entry("asinh", S.ArcSinh),
      Map.entry("acosh", S.ArcCosh), Map.entry("atanh", S.ArcTanh), Map.entry("arcsinh", S.ArcSinh),
      Map.entry("arccosh", S.ArcCosh), Map.entry("arctanh", S.ArcTanh), Map.entry("arsinh", S.ArcSinh),
      Map.entry("arcosh", S.ArcCosh), Map.entry("artanh", S.ArcTanh), Map.entry("erf", S.Erf),
      Map.entry("sgn", S.Sign), Map.entry("sign", S.Sign), Map.entry("Gamma", S.Gamma), Map.entry("zeta", S.Zeta),
      Map.entry("floor", S.Floor), Map.entry("ceil", S.Ceiling), Map.entry("abs", S.Abs),
      Map.entry("Re", S.Re), Map.entry("Im", S.Im));
  private static final Map<ISymbol, ISymbol> INVERSE = Map.of(S.Sin, S.ArcSin, S.Cos, S.ArcCos, S.Tan, S.ArcTan,
      S.Sinh, S.ArcSinh, S.Cosh, S.ArcCosh, S.Tanh, S.ArcTanh);
  static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
      "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
      "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");
  /** Variant letters are the same letter to a reader: \varepsilon is epsilon. */
  private static final Map<String, String> VARIANTS = Map.of("varepsilon", "epsilon", "vartheta", "theta",
      "varphi", "phi", "varrho", "rho", "varsigma", "sigma", "varpi", "pi");
  /** Accents and the suffix of the name they make: \hat{y} is yhat, as Stepwise prints yhat. */
  private static final Map<String, String> ACCENTS = Map.of("hat", "hat", "widehat", "hat", "bar", "bar",
      "overline", "bar", "tilde", "tilde", "widetilde", "tilde");
  private static final Set<String> NAME_FONTS = Set.of("mathrm", "operatorname", "text", "textrm", "mathit",
      "textit", "mathsf");
  private static final Set<String> RELATIONS = Set.of("=", "<", ">", "le", "leq", "leqslant", "ge", "geq", "geqslant",
      "ne", "neq", "in", "notin");
  private static final Set<String> SUM_LIKE = Set.of("sum", "prod", "int");

  private final String src;
  private final List<Token> tokens;
  private final Scope scope;
  private final LatexVocabulary vocabulary;
  private final Deque<String> boundIndices = new ArrayDeque<>();
  private int i;
  private int depth;
  private int absDepth;
  private int integralDepth;

  private LatexReader(String src, Scope scope, LatexVocabulary vocabulary) {
    this.src = src;
    this.tokens = new ArrayList<>(LatexTokenizer.tokenize(src));
    this.scope = scope;
    this.vocabulary = vocabulary;
  }

  /** Reads a free-standing formula (the equiv command): any name is a user symbol. */
  public static IExpr read(String latex) {
    return read(latex, new OpenScope(), LatexVocabulary.OPEN);
  }

  /**
   * Reads math-mode LaTeX (without the $ delimiters). Throws {@link LatexSyntaxError} with the
   * offset of the problem for unreadable or ambiguous input.
   */
  public static IExpr read(String latex, Scope scope, LatexVocabulary vocabulary) {
    if (latex == null || latex.isBlank()) {
      throw new LatexSyntaxError("empty formula", 0);
    }
    if (latex.length() > ExprParser.MAX_LENGTH) {
      throw new LatexSyntaxError("formula longer than " + ExprParser.MAX_LENGTH + " characters", 0);
    }
    LatexReader reader = new LatexReader(latex, scope, vocabulary);
    IExpr result = reader.top();
    if (reader.peek().kind() != Kind.END) {
      throw reader.unexpected();
    }
    return result;
  }

  // ---- logic and relations ----

  private IExpr top() {
    List<IExpr> parts = new ArrayList<>(List.of(expression()));
    while (takeChar(",")) { // assumptions: "x > 0, y > 0"
      parts.add(expression());
    }
    return parts.size() == 1 ? parts.get(0) : and(parts);
  }

  private IExpr expression() {
    enter();
    try {
      List<IExpr> parts = new ArrayList<>(List.of(conjunction()));
      while (takeCommand("lor") || takeCommand("vee")) {
        parts.add(conjunction());
      }
      return parts.size() == 1 ? parts.get(0) : Trees.node(S.Or, parts);
    } finally {
      depth--;
    }
  }

  private IExpr conjunction() {
    List<IExpr> parts = new ArrayList<>(List.of(relation()));
    while (takeCommand("land") || takeCommand("wedge")) {
      parts.add(relation());
    }
    return parts.size() == 1 ? parts.get(0) : and(parts);
  }

  private static IExpr and(List<IExpr> parts) {
    List<IExpr> flat = new ArrayList<>();
    for (IExpr p : parts) {
      if (Trees.isHead(p, S.And)) {
        flat.addAll(Trees.args(p)); // a chain 0 < x < 1 joins the conjunction
      } else {
        flat.add(p);
      }
    }
    return Trees.node(S.And, flat);
  }

  private IExpr relation() {
    IExpr left = sum();
    List<IExpr> links = new ArrayList<>();
    while (isRelation(peek())) {
      Token op = next();
      if (op.isCommand("in") || op.isCommand("notin")) {
        IExpr membership = membership(left, op);
        links.add(op.isCommand("notin") ? Trees.node(S.Not, membership) : membership);
        break;
      }
      IExpr right = sum();
      links.add(Trees.node(relationHead(op), left, right));
      left = right;
    }
    if (links.isEmpty()) {
      return left;
    }
    return links.size() == 1 ? links.get(0) : Trees.node(S.And, links);
  }

  private static boolean isRelation(Token t) {
    return (t.kind() == Kind.CHAR || t.kind() == Kind.COMMAND) && RELATIONS.contains(t.text());
  }

  private static IExpr relationHead(Token op) {
    return switch (op.text()) {
      case "=" -> S.Equal;
      case "<" -> S.Less;
      case ">" -> S.Greater;
      case "le", "leq", "leqslant" -> S.LessEqual;
      case "ge", "geq", "geqslant" -> S.GreaterEqual;
      default -> S.Unequal;
    };
  }

  /** x \in \mathbb{R} and friends, y \in \{0, 1\} (y == 0 || y == 1). */
  private IExpr membership(IExpr element, Token op) {
    Token t = peek();
    if (t.isCommand("mathbb")) {
      next();
      expectChar("{");
      Token letter = next();
      expectChar("}");
      IExpr set = switch (letter.text()) {
        case "R" -> S.Reals;
        case "Z" -> S.Integers;
        case "C" -> S.Complexes;
        case "Q" -> S.Rationals;
        default -> throw new LatexSyntaxError("\\mathbb{" + letter.text() + "} is not a set Stepwise knows"
            + " (\\mathbb{R}, \\mathbb{Z}, \\mathbb{Q}, \\mathbb{C})", letter.offset());
      };
      return Trees.node(S.Element, element, set);
    }
    if (t.isCommand("{")) {
      next();
      List<IExpr> choices = new ArrayList<>();
      do {
        choices.add(Trees.node(S.Equal, element, sum()));
      } while (takeChar(","));
      expect(Kind.COMMAND, "}", "\\}");
      return choices.size() == 1 ? choices.get(0) : Trees.node(S.Or, choices);
    }
    throw new LatexSyntaxError("after " + op.shown() + " Stepwise reads \\mathbb{R}, \\mathbb{Z}, \\mathbb{Q},"
        + " \\mathbb{C} or a finite set \\{0, 1\\}", t.offset());
  }

  // ---- sums and products ----

  private IExpr sum() {
    List<IExpr> terms = new ArrayList<>(List.of(term()));
    while (true) {
      if (takeChar("+")) {
        terms.add(term());
      } else if (takeChar("-")) {
        terms.add(Trees.negate(term()));
      } else {
        break;
      }
    }
    return terms.size() == 1 ? terms.get(0) : Trees.plus(terms);
  }

  /** A product: explicit \cdot, \times, *, / and \div, or factors side by side. */
  private IExpr term() {
    List<IExpr> factors = new ArrayList<>(List.of(unary()));
    while (true) {
      Token t = peek();
      if (t.isCommand("cdot") || t.isCommand("times") || t.isChar("*") || t.isCommand("ast")) {
        next();
        factors.add(unary());
      } else if (t.isChar("/") || t.isCommand("div")) {
        next();
        divideLast(factors, unary(), t.offset());
      } else if (startsFactor(t, false)) {
        if (t.kind() == Kind.NUMBER && factors.get(factors.size() - 1) instanceof IInteger) {
          throw new LatexSyntaxError("two numbers side by side: write \\cdot between them", t.offset());
        }
        factors.add(factor());
      } else {
        break;
      }
    }
    return factors.size() == 1 ? factors.get(0) : Trees.times(factors);
  }

  /** Divides the last factor by a divisor the way the plain parser does: 1/2 is a rational, 1/x is x^-1. */
  private static void divideLast(List<IExpr> factors, IExpr divisor, int offset) {
    int last = factors.size() - 1;
    if (factors.get(last) instanceof IInteger numerator && divisor instanceof IInteger denominator) {
      if (denominator.isZero()) {
        throw new LatexSyntaxError("division by zero", offset);
      }
      factors.set(last, F.QQ(numerator, denominator));
    } else if (factors.size() == 1 && factors.get(0).isOne()) {
      factors.set(0, Trees.power(divisor, F.CN1));
    } else {
      factors.add(Trees.power(divisor, F.CN1));
    }
  }

  private static IExpr divide(IExpr numerator, IExpr denominator, int offset) {
    List<IExpr> factors = new ArrayList<>(List.of(numerator));
    divideLast(factors, denominator, offset);
    return factors.size() == 1 ? factors.get(0) : Trees.times(factors);
  }

  private IExpr unary() {
    boolean negate = false;
    while (peek().isChar("+") || peek().isChar("-")) { // a loop: "------x" must not recurse per sign
      negate ^= next().isChar("-");
    }
    IExpr operand = factor();
    return negate ? Trees.negate(operand) : operand;
  }

  /**
   * Whether the token can begin a factor written next to the previous one (2x, x y, 2\sqrt{x}).
   * Inside a bracketless function argument another function or a big operator ends the argument:
   * \sin x \cos x is sin(x) cos(x).
   */
  private boolean startsFactor(Token t, boolean inFunctionArgument) {
    switch (t.kind()) {
      case NUMBER:
        return true;
      case LETTER:
        return !(integralDepth > 0 && isDifferential(i));
      case CHAR:
        return t.isChar("(") || t.isChar("[") || t.isChar("{") || t.isChar("|") && absDepth == 0;
      case COMMAND:
        String name = t.text();
        if (RELATIONS.contains(name) || Set.of("cdot", "times", "div", "ast", "lor", "vee", "land", "wedge", "}", "|",
            "rfloor", "rceil", "right", "end", "to", "pm", "mp", "choose", "\\").contains(name)) {
          return false;
        }
        if (integralDepth > 0 && isDifferential(i)) {
          return false;
        }
        if (inFunctionArgument && (FUNCTIONS.containsKey(name) && !(name.equals("Gamma") || name.equals("zeta"))
            || SUM_LIKE.contains(name) || name.equals("frac") && looksLikeDerivative(i)
            || name.equals("operatorname") && OPERATOR_NAMES.containsKey(peekName(i)))) {
          return false;
        }
        return true;
      default:
        return false;
    }
  }

  // ---- powers, postfix, atoms ----

  /** The token index just after the last name's own superscript (x^{2} read with its name). */
  private int nameSuperscriptEnd = -1;

  private IExpr factor() {
    IExpr base = primary();
    boolean powered = nameSuperscriptEnd == i; // x^{2}^{3} is a double superscript too
    while (true) {
      Token t = peek();
      if (t.isChar("^")) {
        if (powered) {
          throw new LatexSyntaxError("double superscript: write {x^{a}}^{b} or x^{a b}", t.offset());
        }
        next();
        base = Trees.power(base, script());
        powered = true;
      } else if (t.isChar("!")) {
        next();
        base = Trees.node(S.Factorial, base);
      } else if (t.isChar("'")) {
        throw new LatexSyntaxError("primes (f') are not read: write \\frac{d}{dx} f(x)", t.offset());
      } else {
        return base;
      }
    }
  }

  /** The argument of ^ or _: a {group} or one token (x^2, x^\infty; x^23 is x^2 3 as in TeX). */
  private IExpr script() {
    Token t = peek();
    if (t.isChar("{")) {
      return group();
    }
    if (t.kind() == Kind.NUMBER) {
      return number(firstDigit());
    }
    if (t.kind() == Kind.LETTER) {
      next();
      return symbol(t.text(), t.text(), t.offset());
    }
    if (t.kind() == Kind.COMMAND && (GREEK.contains(t.text()) || VARIANTS.containsKey(t.text())
        || ACCENTS.containsKey(t.text()) || NAME_FONTS.contains(t.text()) && !OPERATOR_NAMES.containsKey(peekName(i)))) {
      NameRead read = baseName();
      return symbol(read.name(), read.letter(), t.offset());
    }
    if (t.kind() == Kind.COMMAND) {
      return primary();
    }
    throw new LatexSyntaxError(t.isChar("-") ? "a negative exponent needs braces: ^{-1}" : "expected an exponent or"
        + " subscript, found " + t.shown(), t.offset());
  }

  /** Takes one digit of a number token (TeX reads x^23 as x^2 3 and \frac12 as 1/2). */
  private Token firstDigit() {
    Token t = next();
    if (t.text().length() == 1) {
      return t;
    }
    tokens.add(i, new Token(Kind.NUMBER, t.text().substring(1), t.offset() + 1, t.end(), false));
    return new Token(Kind.NUMBER, t.text().substring(0, 1), t.offset(), t.offset() + 1, t.spaceBefore());
  }

  private IExpr group() {
    Token open = expectChar("{");
    IExpr inner = expression();
    if (takeCommand("choose")) { // {n \choose k}, as Symja prints a binomial
      inner = Trees.node(S.Binomial, inner, expression());
    }
    if (!peek().isChar("}")) {
      throw closing(open, "}");
    }
    next();
    return inner;
  }

  private IExpr primary() {
    enter();
    try {
      Token t = peek();
      if (t.kind() == Kind.LETTER) {
        String declared = declaredRun();
        if (declared != null) {
          return finishName(new NameRead(declared, declared, true, null, false), t);
        }
      }
      Object templated = template();
      if (templated instanceof IExpr call) {
        return call;
      }
      if (templated instanceof NameRead read) {
        return finishName(read, t);
      }
      switch (t.kind()) {
        case NUMBER:
          next();
          return number(t);
        case LETTER:
          return name();
        case CHAR:
          return bracketed(t);
        case COMMAND:
          return command(t);
        default:
          throw new LatexSyntaxError("unexpected end of formula", t.offset());
      }
    } finally {
      depth--;
    }
  }

  private IExpr bracketed(Token t) {
    if (t.isChar("(") || t.isChar("[")) {
      next();
      IExpr inner = expression();
      String close = t.isChar("(") ? ")" : "]";
      if (!peek().isChar(close)) {
        throw closing(t, close);
      }
      next();
      return inner;
    }
    if (t.isChar("{")) {
      return group();
    }
    if (t.isChar("|")) {
      next();
      absDepth++;
      IExpr inner = expression();
      absDepth--;
      if (!peek().isChar("|")) {
        throw closing(t, "|");
      }
      next();
      return Trees.node(S.Abs, inner);
    }
    throw unexpected();
  }

  /** Whether the group opened at token index open has a comma at its own level (\\delta_{i, c}). */
  private boolean commaInGroup(int open) {
    int level = 0;
    for (int k = open; k < tokens.size() && tokens.get(k).kind() != Kind.END; k++) {
      Token t = tokens.get(k);
      if (t.isChar("{") || t.isChar("(") || t.isChar("[")) {
        level++;
      } else if (t.isChar("}") || t.isChar(")") || t.isChar("]")) {
        if (--level == 0) {
          return false;
        }
      } else if (level == 1 && t.isChar(",")) {
        return true;
      }
    }
    return false;
  }

  /** \\delta_{a, b}: the Kronecker delta, as Stepwise prints KroneckerDelta(a, b). */
  private IExpr kroneckerDelta() {
    next(); // \delta
    next(); // _
    Token open = expectChar("{");
    IExpr a = expression();
    expectChar(",");
    IExpr b = expression();
    if (!takeChar("}")) {
      throw closing(open, "}");
    }
    return Trees.node(S.KroneckerDelta, List.of(a, b));
  }

  /** \\mathbf{1}[A]: the indicator of the condition A, as Stepwise prints Boole(A). */
  private IExpr indicator() {
    next(); // \mathbf
    next(); // {
    next(); // 1
    next(); // }
    Token open = expectChar("[");
    IExpr condition = expression();
    if (!takeChar("]")) {
      throw closing(open, "]");
    }
    return Trees.node(S.Boole, List.of(condition));
  }

  private IExpr number(Token t) {
    return ExprParser.parse(t.text(), scope); // the plain reader's exact rules for integers and decimals
  }

  private IExpr command(Token t) {
    String name = t.text();
    if (name.equals("delta") && tokens.get(i + 1).isChar("_") && tokens.get(i + 2).isChar("{") && commaInGroup(i + 2)) {
      return kroneckerDelta();
    }
    if (name.equals("mathbf") && tokens.get(i + 1).isChar("{") && tokens.get(i + 2).text().equals("1")
        && tokens.get(i + 3).isChar("}") && tokens.get(i + 4).isChar("[")) {
      return indicator();
    }
    switch (name) {
      case "frac", "dfrac", "tfrac", "cfrac":
        return fraction();
      case "sqrt":
        return root();
      case "binom", "dbinom", "tbinom": {
        next();
        IExpr n = script();
        IExpr k = script();
        return Trees.node(S.Binomial, n, k);
      }
      case "sum", "prod":
        return bigOperator();
      case "int":
        return integral();
      case "lfloor", "lceil": {
        next();
        IExpr inner = expression();
        String close = name.equals("lfloor") ? "rfloor" : "rceil";
        if (!takeCommand(close)) {
          throw closing(t, "\\" + close);
        }
        return Trees.node(name.equals("lfloor") ? S.Floor : S.Ceiling, inner);
      }
      case "{": {
        next();
        IExpr inner = expression();
        expect(Kind.COMMAND, "}", "\\}");
        return inner;
      }
      case "infty":
        next();
        return S.Infinity;
      case "begin":
        return cases();
      case "boxed":
        next();
        return group();
      case "partial":
        throw new LatexSyntaxError("\\partial is read in \\frac{\\partial}{\\partial w} f and"
            + " \\frac{\\partial f}{\\partial w} only", t.offset());
      case "mathbb":
        throw new LatexSyntaxError("\\mathbb is read as a set after \\in only", t.offset());
      case "lg":
        throw new LatexSyntaxError("\\lg is base 2 in some books and base 10 in others: write \\log_2 or \\log_{10}",
            t.offset());
      default:
        break;
    }
    if (FUNCTIONS.containsKey(name) && !(isSpecialFunctionName(name) && vocabulary.isSymbol(name))) {
      if (!isSpecialFunctionName(name) || takesArgument(i + 1, name)) {
        next();
        return application(FUNCTIONS.get(name), t);
      }
    }
    if (NAME_FONTS.contains(name)) {
      String word = peekName(i);
      if (word != null && OPERATOR_NAMES.containsKey(word) || word != null && FUNCTIONS.containsKey(word)
          && !isSpecialFunctionName(word)) {
        skipNameGroup();
        return application(OPERATOR_NAMES.containsKey(word) ? OPERATOR_NAMES.get(word) : FUNCTIONS.get(word), t);
      }
    }
    if (GREEK.contains(name) || VARIANTS.containsKey(name) || ACCENTS.containsKey(name) || NAME_FONTS.contains(name)) {
      return name();
    }
    if (name.length() == 1 && !Character.isLetter(name.charAt(0))) {
      throw new LatexSyntaxError("unexpected " + t.shown(), t.offset());
    }
    throw new LatexSyntaxError("unknown command " + t.shown(), t.offset());
  }

  private static boolean isSpecialFunctionName(String name) {
    return name.equals("Gamma") || name.equals("zeta");
  }

  /**
   * \Gamma and \zeta are also letters: they are the functions when an argument follows (\Gamma(x),
   * \Gamma x as Stepwise prints it; \zeta only with brackets), and symbols otherwise.
   */
  private boolean takesArgument(int at, String name) {
    Token t = tokens.get(at);
    if (t.isChar("(") || t.isChar("{") && tokens.get(at + 1).isChar("(")) {
      return true;
    }
    return name.equals("Gamma") && (t.kind() == Kind.LETTER || t.kind() == Kind.NUMBER || t.kind() == Kind.COMMAND
        && (GREEK.contains(t.text()) || VARIANTS.containsKey(t.text()) || ACCENTS.containsKey(t.text())
            || NAME_FONTS.contains(t.text()) || Set.of("frac", "dfrac", "tfrac", "sqrt", "pi").contains(t.text())));
  }

  /**
   * \begin{cases} v_1 & c_1 \\ v_2 & c_2 \\ v & \text{otherwise} \end{cases}: Piecewise, as Stepwise
   * prints it (an "if" before a condition is allowed).
   */
  private IExpr cases() {
    Token begin = next();
    if (!"cases".equals(environment())) {
      throw new LatexSyntaxError("only the cases environment is read here", begin.offset());
    }
    List<IExpr> rows = new ArrayList<>();
    IExpr otherwise = null;
    while (true) {
      IExpr value = expression();
      expectChar("&");
      if (isWord("otherwise")) {
        skipNameGroup();
        otherwise = value;
      } else {
        if (isWord("if") || isWord("for") || isWord("when")) {
          skipNameGroup();
        }
        rows.add(Trees.node(S.List, value, expression()));
      }
      if (takeCommand("\\")) {
        if (!peek().isCommand("end")) {
          if (otherwise != null) {
            throw new LatexSyntaxError("the otherwise row should be the last", peek().offset());
          }
          continue;
        }
      }
      Token end = peek();
      if (!takeCommand("end") || !"cases".equals(environment())) {
        throw new LatexSyntaxError("expected \\\\ or \\end{cases}", end.offset());
      }
      break;
    }
    IExpr table = Trees.node(S.List, rows);
    return otherwise == null ? Trees.node(S.Piecewise, table) : Trees.node(S.Piecewise, table, otherwise);
  }

  private String environment() {
    expectChar("{");
    StringBuilder name = new StringBuilder();
    while (peek().kind() == Kind.LETTER) {
      name.append(next().text());
    }
    expectChar("}");
    return name.toString();
  }

  private boolean isWord(String word) {
    return peek().kind() == Kind.COMMAND && NAME_FONTS.contains(peek().text()) && word.equals(peekName(i));
  }

  // ---- names ----

  /**
   * A name with its subscript and superscript: a letter, a Greek letter, an accented letter, a
   * \mathrm{..} name, or a declared multi-letter name; then a call if a bracket follows and the
   * name is a function (see {@link #isCall}).
   */
  private IExpr name() {
    Token start = peek();
    NameRead read = baseName();
    return finishName(read, start);
  }

  private record NameRead(String name, String letter, boolean upright, IExpr subscript, boolean family) {}

  private IExpr finishName(NameRead read, Token start) {
    IExpr sup = null;
    NameRead current = read;
    for (int round = 0; round < 2; round++) {
      if (peek().isChar("_") && current.subscript() == null && !current.family()) {
        next();
        current = subscripted(current);
      } else if (peek().isChar("^") && sup == null) {
        next();
        sup = script();
      }
    }
    IExpr base;
    if (current.family()) {
      base = Trees.node(head(current.name(), 1, start.offset()), current.subscript());
    } else if (isCallAhead(current, start)) {
      base = call(current.name(), start);
    } else {
      base = symbol(current.name(), current.letter(), start.offset());
    }
    if (sup != null) {
      nameSuperscriptEnd = i;
      return Trees.power(base, sup);
    }
    return base;
  }

  /** The base name at the current token, without scripts. */
  private NameRead baseName() {
    Token t = peek();
    if (t.kind() == Kind.LETTER) {
      String declared = declaredRun();
      if (declared != null) {
        return new NameRead(declared, declared, true, null, false);
      }
      next();
      return new NameRead(t.text(), t.text(), false, null, false);
    }
    String name = t.text();
    if (GREEK.contains(name) || VARIANTS.containsKey(name)) {
      next();
      String letter = VARIANTS.getOrDefault(name, name);
      return new NameRead(letter, letter, false, null, false);
    }
    if (ACCENTS.containsKey(name)) {
      next();
      boolean braced = takeChar("{");
      NameRead inner = baseName();
      if (inner.upright()) {
        throw new LatexSyntaxError("an accent takes one letter: \\" + name + "{y}", t.offset());
      }
      NameRead accented = new NameRead(inner.name() + ACCENTS.get(name), inner.letter(), false, null, false);
      if (braced) {
        if (peek().isChar("_")) { // \hat{y_i} is read as \hat{y}_i
          next();
          accented = subscripted(accented);
        }
        if (!peek().isChar("}")) {
          throw closing(t, "}");
        }
        next();
      }
      return accented;
    }
    if (NAME_FONTS.contains(name)) {
      next();
      String word = nameGroup(t);
      if (word.equals("e")) {
        return new NameRead("\u0000E", "e", true, null, false);
      }
      if (word.equals("i")) {
        return new NameRead("\u0000I", "i", true, null, false);
      }
      return new NameRead(word, word, word.length() > 1, null, false);
    }
    if (t.kind() == Kind.COMMAND && (name.equals("pi") || name.equals("infty"))) {
      next();
      return new NameRead(name, name, false, null, false);
    }
    throw new LatexSyntaxError(t.kind() == Kind.COMMAND ? "unknown command " + t.shown() : "expected a name, found "
        + t.shown(), t.offset());
  }

  /** The letters of \mathrm{..}, one name (\mathrm{KL}, \operatorname{softmax}, \text{max}). */
  private String nameGroup(Token command) {
    Token open = expectChar("{");
    StringBuilder word = new StringBuilder();
    while (peek().kind() == Kind.LETTER || peek().kind() == Kind.NUMBER && word.length() > 0) {
      word.append(next().text());
    }
    if (!peek().isChar("}") || word.length() == 0) {
      throw new LatexSyntaxError(command.shown() + "{..} should hold a name (letters, then digits)",
          peek().isChar("}") ? open.offset() : peek().offset());
    }
    next();
    return word.toString();
  }

  /** The name inside \operatorname{..} at token index at, or null. */
  private String peekName(int at) {
    if (!tokens.get(at + 1).isChar("{")) {
      return null;
    }
    StringBuilder word = new StringBuilder();
    int k = at + 2;
    while (tokens.get(k).kind() == Kind.LETTER) {
      word.append(tokens.get(k++).text());
    }
    return tokens.get(k).isChar("}") ? word.toString() : null;
  }

  private void skipNameGroup() {
    Token command = next();
    nameGroup(command);
  }

  /** A declared name of several characters typed as adjacent letters (and digits): lr, yhat, p1. */
  private String declaredRun() {
    Set<String> names = vocabulary.multiLetterNames();
    if (names.isEmpty()) {
      return null;
    }
    StringBuilder run = new StringBuilder();
    String best = null;
    int bestEnd = i;
    int k = i;
    int end = tokens.get(i).offset();
    while ((tokens.get(k).kind() == Kind.LETTER || tokens.get(k).kind() == Kind.NUMBER && run.length() > 0)
        && tokens.get(k).offset() == end) {
      run.append(tokens.get(k).text());
      end = tokens.get(k).end();
      k++;
      if (run.length() > 1 && names.contains(run.toString())) {
        best = run.toString();
        bestEnd = k;
      }
    }
    if (best != null) {
      i = bestEnd;
    }
    return best;
  }

  /**
   * x_1 is the symbol x1 (as Stepwise prints x1); x_i is the family entry x(i) when x is a
   * declared family or i is a summation index in force, else the symbol x_i; x_{max} is x_max.
   */
  private NameRead subscripted(NameRead base) {
    Token at = peek();
    if (at.kind() == Kind.NUMBER && !vocabulary.isFamily(base.name())) {
      Token digit = firstDigit();
      return new NameRead(base.name() + digit.text(), base.letter(), base.upright(), null, false);
    }
    if (at.isChar("{") && tokens.get(i + 1).kind() == Kind.NUMBER && tokens.get(i + 2).isChar("}")
        && !vocabulary.isFamily(base.name()) && tokens.get(i + 1).text().matches("[0-9]+")) {
      next();
      String digits = next().text();
      next();
      return new NameRead(base.name() + digits, base.letter(), base.upright(), null, false);
    }
    int save = i;
    IExpr index = script();
    if (vocabulary.isFamily(base.name()) || mentionsBoundIndex(index)) {
      return new NameRead(base.name(), base.letter(), base.upright(), index, true);
    }
    i = save;
    String word = subscriptWord();
    if (word != null) {
      return new NameRead(base.name() + "_" + word, base.letter(), true, null, false);
    }
    throw new LatexSyntaxError(base.name() + "_{..}: a subscript that is a formula needs a summation index or a"
        + " declared family (" + base.name() + "_i inside \\sum_{i=1}^{n})", at.offset());
  }

  /** Letters and digits of a subscript that names rather than indexes: x_i, x_{max}, x_{\text{max}}. */
  private String subscriptWord() {
    Token t = peek();
    if (t.kind() == Kind.LETTER) {
      next();
      return t.text();
    }
    if (t.kind() == Kind.COMMAND && (GREEK.contains(t.text()) || VARIANTS.containsKey(t.text()))) {
      next();
      return VARIANTS.getOrDefault(t.text(), t.text());
    }
    if (!t.isChar("{")) {
      return null;
    }
    int save = i;
    next();
    StringBuilder word = new StringBuilder();
    while (!peek().isChar("}")) {
      Token w = peek();
      if (w.kind() == Kind.LETTER || w.kind() == Kind.NUMBER) {
        word.append(next().text());
      } else if (w.kind() == Kind.COMMAND && NAME_FONTS.contains(w.text())) {
        next();
        word.append(nameGroup(w));
      } else if (w.kind() == Kind.COMMAND && (GREEK.contains(w.text()) || VARIANTS.containsKey(w.text()))) {
        next();
        word.append(VARIANTS.getOrDefault(w.text(), w.text()));
      } else {
        i = save;
        return null;
      }
    }
    next();
    return word.length() == 0 ? null : word.toString();
  }

  private boolean mentionsBoundIndex(IExpr e) {
    return !boundIndices.isEmpty() && Trees.contains(e, x -> x instanceof ISymbol s && UserSymbols.isUser(s)
        && boundIndices.contains(s.getSymbolName()));
  }

  /**
   * Whether name( .. ) is a call rather than a product. Declared functions are called and declared
   * symbols multiplied; a space before the bracket makes a product (x \left(1 - x\right), as
   * SymPy and Stepwise print products); upright multi-letter names (\mathrm{KL}(P, Q)) and f, g, h
   * are functions; other lower-case Latin letters (accented or not) are factors, as in x(1 - x)
   * and \hat{y}(1 - \hat{y}). Anything else (\sigma(x + 1), N(N + 1)) reads two ways and is reported.
   */
  private boolean isCallAhead(NameRead read, Token start) {
    Token t = peek();
    boolean sympyCall = t.isChar("{") && tokens.get(i + 1).isChar("(") && !t.spaceBefore(); // f{\left(x \right)}
    if (!t.isChar("(") && !sympyCall) {
      return false;
    }
    String name = read.name();
    if (vocabulary.isFunction(name)) {
      return true;
    }
    if (vocabulary.isSymbol(name) || t.spaceBefore() || name.startsWith("\u0000")) {
      return false;
    }
    if (sympyCall || read.upright() && name.length() > 1) {
      return true;
    }
    String letter = read.letter();
    if (letter.length() == 1 && "fgh".contains(letter)) {
      return true;
    }
    if (letter.length() == 1 && Character.isLowerCase(letter.charAt(0))) {
      return false;
    }
    String shown = src.substring(start.offset(), t.offset()).strip();
    throw new LatexSyntaxError(shown + "(..) reads two ways: the function " + shown + " applied to the bracket, or "
        + shown + " times the bracket. For the product write " + shown + " \\cdot (..) or leave a space, "
        + shown + "\\,(..); for the function declare " + name + " a function (equiv --functions " + name
        + "; in a derivation, domain: function)", start.offset());
  }

  private IExpr call(String name, Token start) {
    boolean braced = takeChar("{");
    Token open = expectChar("(");
    List<IExpr> args = new ArrayList<>();
    do {
      args.add(expression());
    } while (takeChar(","));
    if (!takeChar(")")) {
      throw closing(open, ")");
    }
    if (braced && !takeChar("}")) {
      throw closing(open, "}");
    }
    return Trees.node(head(name, args.size(), start.offset()), args);
  }

  private IExpr head(String name, int arity, int offset) {
    if (vocabulary.closed()) {
      return scope.head(name, arity, offset);
    }
    return UserSymbols.named(name); // a user function, never one of Symja's (gamma(x) is not Gamma)
  }

  private IExpr symbol(String name, String letter, int offset) {
    if (name.equals("\u0000E")) {
      return S.E;
    }
    if (name.equals("\u0000I")) {
      return S.I;
    }
    if (vocabulary.declares(name)) {
      return scope.symbol(name, offset);
    }
    if (name.equals("e")) {
      return S.E; // Euler's number unless declared a symbol
    }
    if (name.equals("pi")) {
      return S.Pi;
    }
    if (name.equals("infty")) {
      return S.Infinity;
    }
    if (Builtins.constant(name).isPresent()) { // the letter E, I or \Pi is not Euler's number, i or pi
      if (vocabulary.closed()) {
        throw new LatexSyntaxError("unknown symbol " + name + " (declare it under symbols:)", offset);
      }
      return UserSymbols.named(name);
    }
    return scope.symbol(name, offset);
  }

  /** A template the vocabulary knows (P(x_{#1}), D_{KL}(#1 \| #2), \hat{y}), read back as its call or symbol. */
  private Object template() {
    Token first = peek();
    for (LatexVocabulary.Template t : vocabulary.templates()) {
      if (t.tokens().isEmpty() || !sameToken(t.tokens().get(0), first)) {
        continue;
      }
      int save = i;
      try {
        Object matched = match(t);
        if (matched != null) {
          return matched;
        }
      } catch (LatexSyntaxError e) {
        // not this template
      }
      i = save;
    }
    return null;
  }

  /** The call a template with arguments stands for, or the name (a NameRead) of one without. */
  private Object match(LatexVocabulary.Template t) {
    IExpr[] args = new IExpr[t.arity()];
    List<Token> pattern = t.tokens();
    for (int k = 0; k < pattern.size(); k++) {
      Token p = pattern.get(k);
      if (isPlaceholder(p)) {
        args[Integer.parseInt(p.text().substring(1)) - 1] = expression();
      } else if (p.isChar("{") && k + 2 < pattern.size() && isPlaceholder(pattern.get(k + 1))
          && pattern.get(k + 2).isChar("}") && !peek().isChar("{")) {
        args[Integer.parseInt(pattern.get(k + 1).text().substring(1)) - 1] = script(); // x_i for x_{#1}
        k += 2;
      } else if (sameToken(p, peek())) {
        next();
      } else {
        return null;
      }
    }
    if (t.arity() == 0) {
      return new NameRead(t.head(), t.head().substring(0, 1), false, null, false);
    }
    for (IExpr a : args) {
      if (a == null) {
        return null;
      }
    }
    return Trees.node(head(t.head(), t.arity(), 0), List.of(args));
  }

  private static boolean isPlaceholder(Token p) {
    return p.kind() == Kind.CHAR && p.text().startsWith("#");
  }

  private static boolean sameToken(Token a, Token b) {
    return a.kind() == b.kind() && a.text().equals(b.text());
  }

  // ---- functions ----

  /**
   * A built-in applied: \log x, \log(x), \log{\left(x \right)}, \log_2 x, \sin^2 x (sin(x)^2),
   * \sin^{-1} x (arcsin), \max(a, b). Without brackets the argument is the product that follows, up
   * to an operator or another function: \sin 2x is sin(2x), \log x + 1 is log(x) + 1.
   */
  private IExpr application(ISymbol function, Token command) {
    IExpr power = null;
    IExpr base = null;
    for (int round = 0; round < 2; round++) {
      if (peek().isChar("^") && power == null) {
        next();
        power = script();
      } else if (peek().isChar("_") && base == null) {
        if (!function.equals(S.Log)) {
          throw new LatexSyntaxError("only \\log takes a subscript (its base)", peek().offset());
        }
        if (command.isCommand("ln")) {
          throw new LatexSyntaxError("\\ln is the natural logarithm: write \\log_b for base b", peek().offset());
        }
        next();
        base = script();
      }
    }
    List<IExpr> args = arguments(function, command);
    IExpr applied;
    if (function.equals(S.Exp)) {
      applied = Trees.power(S.E, single(args, command));
    } else if (power != null && power.isMinusOne() && INVERSE.containsKey(function)) {
      applied = Trees.node(INVERSE.get(function), single(args, command));
      power = null;
    } else if (power != null && power.isMinusOne()) {
      throw new LatexSyntaxError(command.shown() + "^{-1} could be the inverse function or 1/" + command.shown()
          + ": write \\frac{1}{" + command.shown() + " x} or the inverse's name", command.offset());
    } else if (base != null) {
      applied = Trees.node(S.Log, base, single(args, command));
    } else if (function.equals(S.Log) && args.size() == 2 && command.isCommand("log")) {
      applied = Trees.node(S.Log, args.get(0), args.get(1)); // \log(b, x), Symja's printed base-b log
    } else if (function.equals(S.Max) || function.equals(S.Min)) {
      applied = Trees.node(function, args);
    } else {
      applied = Trees.node(function, single(args, command));
    }
    return power == null ? applied : Trees.power(applied, power);
  }

  private IExpr single(List<IExpr> args, Token command) {
    if (args.size() != 1) {
      throw new LatexSyntaxError(command.shown() + " takes one argument, got " + args.size(), command.offset());
    }
    return args.get(0);
  }

  private List<IExpr> arguments(ISymbol function, Token command) {
    Token t = peek();
    if (t.isChar("(") || t.isCommand("{") && (function.equals(S.Max) || function.equals(S.Min))) {
      next();
      List<IExpr> args = new ArrayList<>();
      do {
        args.add(expression());
      } while (takeChar(","));
      if (!(t.isChar("(") ? takeChar(")") : takeCommand("}"))) {
        throw closing(t, t.isChar("(") ? ")" : "\\}");
      }
      return args;
    }
    if (t.isChar("{")) { // SymPy: \log{\left(x \right)}
      next();
      List<IExpr> args = new ArrayList<>();
      do {
        args.add(expression());
      } while (takeChar(","));
      if (!takeChar("}")) {
        throw closing(t, "}");
      }
      return args;
    }
    if (!startsFactor(t, true)) {
      throw new LatexSyntaxError(command.shown() + " needs an argument", t.offset());
    }
    List<IExpr> factors = new ArrayList<>(List.of(factor()));
    while (startsFactor(peek(), true)) {
      factors.add(factor());
    }
    return List.of(factors.size() == 1 ? factors.get(0) : Trees.times(factors));
  }

  // ---- fractions, roots, big operators ----

  private IExpr fraction() {
    Token command = next();
    int save = i;
    try {
      IExpr derivative = derivative();
      if (derivative != null) {
        return derivative;
      }
    } catch (LatexSyntaxError e) {
      // not a derivative after all: read it as a fraction below
    }
    i = save;
    IExpr numerator = script();
    IExpr denominator = script();
    return divide(numerator, denominator, command.offset());
  }

  /** \frac{d}{dx} f, \frac{d f}{d x}, \frac{\partial^2}{\partial w^2} f: the derivative D(f, x). */
  private IExpr derivative() {
    if (!takeChar("{") || !takeDifferential()) {
      return null;
    }
    int order = order();
    IExpr body = null;
    if (!peek().isChar("}")) {
      body = expression();
    }
    if (!takeChar("}") || !takeChar("{") || !takeDifferential()) {
      return null;
    }
    Token variableAt = peek();
    NameRead variable = baseName();
    int denominatorOrder = order();
    if (!takeChar("}")) {
      return null;
    }
    if (denominatorOrder != order) {
      throw new LatexSyntaxError("the orders of d in the numerator and the denominator differ", variableAt.offset());
    }
    IExpr operand = body != null ? body : term();
    IExpr x = symbol(variable.name(), variable.letter(), variableAt.offset());
    IExpr result = operand;
    for (int k = 0; k < order; k++) {
      result = Trees.node(S.D, result, x);
    }
    return result;
  }

  private int order() {
    if (!takeChar("^")) {
      return 1;
    }
    Token n = peek();
    IExpr value = script();
    if (!(value instanceof IInteger k) || k.toIntDefault() < 1 || k.toIntDefault() > 9) {
      throw new LatexSyntaxError("the order of a derivative should be a small whole number", n.offset());
    }
    return k.toIntDefault();
  }

  /** Takes d, \mathrm{d}, \operatorname{d} or \partial. */
  private boolean takeDifferential() {
    Token t = peek();
    if (t.is(Kind.LETTER, "d") || t.isCommand("partial")) {
      next();
      return true;
    }
    if ((t.isCommand("mathrm") || t.isCommand("operatorname")) && "d".equals(peekName(i))) {
      skipNameGroup();
      return true;
    }
    return false;
  }

  /** Whether the token at k starts the differential d x of an integral (d, \mathrm{d}, followed by a name). */
  private boolean isDifferential(int k) {
    Token t = tokens.get(k);
    int after;
    if (t.is(Kind.LETTER, "d")) {
      after = k + 1;
    } else if (t.isCommand("mathrm") && "d".equals(peekName(k))) {
      after = k + 4;
    } else {
      return false;
    }
    Token v = tokens.get(after);
    return v.kind() == Kind.LETTER || v.kind() == Kind.COMMAND && (GREEK.contains(v.text())
        || VARIANTS.containsKey(v.text()));
  }

  private boolean looksLikeDerivative(int k) {
    int save = i;
    i = k + 1;
    try {
      if (!takeChar("{") || !takeDifferential()) {
        return false;
      }
      int level = 1;
      while (level > 0 && peek().kind() != Kind.END) {
        Token t = next();
        level += t.isChar("{") ? 1 : t.isChar("}") ? -1 : 0;
      }
      return takeChar("{") && takeDifferential();
    } finally {
      i = save;
    }
  }

  private IExpr root() {
    Token command = next();
    IExpr index = null;
    if (takeChar("[")) {
      index = expression();
      if (!takeChar("]")) {
        throw closing(command, "]");
      }
    }
    IExpr radicand = script();
    if (index == null) {
      return Trees.power(radicand, F.C1D2);
    }
    return Trees.power(radicand, divide(F.C1, index, command.offset()));
  }

  /** \sum_{i=1}^{n} body and \prod: the body is the product that follows (\sum_i a_i + b is (\sum a_i) + b). */
  private IExpr bigOperator() {
    Token command = next();
    String index = null;
    Token indexAt = null;
    IExpr lo = null;
    IExpr hi = null;
    for (int round = 0; round < 2; round++) { // _{i=1} and ^{n}, in either order
      if (peek().isChar("_") && index == null) {
        next();
        Token open = peek();
        boolean braced = takeChar("{");
        indexAt = peek();
        index = baseName().name();
        if (!takeChar("=")) {
          throw new LatexSyntaxError(command.shown() + " needs its range: " + command.shown() + "_{" + index
              + "=1}^{n}", peek().offset());
        }
        lo = braced ? expression() : script();
        if (braced && !takeChar("}")) {
          throw closing(open, "}");
        }
      } else if (peek().isChar("^") && hi == null) {
        next();
        hi = script();
      }
    }
    if (index == null || hi == null) {
      throw new LatexSyntaxError(command.shown() + " needs both limits, as in " + command.shown() + "_{i=1}^{n}",
          command.offset());
    }
    IExpr indexSymbol = symbol(index, index, indexAt.offset());
    boundIndices.push(index);
    IExpr body;
    try {
      body = term();
    } finally {
      boundIndices.pop();
    }
    return Trees.node(command.isCommand("sum") ? S.Sum : S.Product, body,
        Trees.node(S.List, indexSymbol, lo, hi));
  }

  /** \int_a^b f \, dx: the definite integral Integrate(f, {x, a, b}); the integrand runs to the d. */
  private IExpr integral() {
    Token command = next();
    IExpr lo = null;
    IExpr hi = null;
    for (int round = 0; round < 2; round++) {
      if (peek().isChar("_") && lo == null) {
        next();
        lo = script();
      } else if (peek().isChar("^") && hi == null) {
        next();
        hi = script();
      }
    }
    if (lo == null || hi == null) {
      throw new LatexSyntaxError("an integral needs both limits (\\int_a^b f\\,dx): an indefinite integral is only"
          + " defined up to a constant", command.offset());
    }
    integralDepth++;
    IExpr body;
    try {
      body = sum();
    } finally {
      integralDepth--;
    }
    if (!takeDifferential()) {
      throw new LatexSyntaxError("the integral needs its d x at the end", peek().offset());
    }
    Token variableAt = peek();
    NameRead variable = baseName();
    IExpr x = symbol(variable.name(), variable.letter(), variableAt.offset());
    return Trees.node(S.Integrate, body, Trees.node(S.List, x, lo, hi));
  }

  // ---- tokens ----

  private Token peek() {
    return tokens.get(i);
  }

  private Token next() {
    Token t = tokens.get(i);
    if (t.kind() != Kind.END) {
      i++;
    }
    return t;
  }

  private boolean takeChar(String c) {
    if (peek().isChar(c)) {
      i++;
      return true;
    }
    return false;
  }

  private boolean takeCommand(String name) {
    if (peek().isCommand(name)) {
      i++;
      return true;
    }
    return false;
  }

  private Token expectChar(String c) {
    return expect(Kind.CHAR, c, c);
  }

  private Token expect(Kind kind, String text, String shown) {
    Token t = peek();
    if (t.kind() != kind || !t.text().equals(text)) {
      throw new LatexSyntaxError("expected " + shown + ", found " + t.shown(), t.offset());
    }
    return next();
  }

  private LatexSyntaxError closing(Token open, String close) {
    Token t = peek();
    if (t.kind() == Kind.END) {
      return new LatexSyntaxError("'" + open.shown() + "' is never closed (expected " + close + ")", open.offset());
    }
    return new LatexSyntaxError("expected " + close + " to close '" + open.shown() + "' (column " + (open.offset() + 1)
        + "), found " + t.shown(), t.offset());
  }

  private LatexSyntaxError unexpected() {
    Token t = peek();
    if (t.kind() == Kind.END) {
      return new LatexSyntaxError("unexpected end of formula", t.offset());
    }
    if (t.kind() == Kind.COMMAND) {
      return new LatexSyntaxError("unexpected command " + t.shown(), t.offset());
    }
    return new LatexSyntaxError("unexpected '" + t.shown() + "'", t.offset());
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new LatexSyntaxError("formula nested too deeply", peek().offset());
    }
  }
}
