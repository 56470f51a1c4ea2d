package stepwise.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import stepwise.model.Text;

/**
 * The verifier's own sentences (how a step was proved, why it failed) for readers in both
 * languages. The verifier speaks English in Symja's notation; each clause (they are joined by
 * "; ") is matched against a table of patterns, expressions become inline math ($...$), and
 * the Chinese comes from the pattern's template. A clause no pattern knows keeps its English
 * and is reported by untranslated(), which a test requires to be empty for every page.
 */
final class VerifierWords {
  /** One pattern: the English clause, and its English and Chinese rendering ($1... are groups; math(n) marks expressions). */
  private record Entry(Pattern pattern, String en, String zh) {}

  private static final String POINT = "(.+?)";
  private static final String NUM = "(\\S+?)";

  private static final List<Entry> TABLE = List.of(
      // the laws of the branch-aware provers, one clause each (SymbolicProver.zeroByBranchLaws)
      entry(java.util.regex.Pattern.quote("Log(E^v) = v for v real"), "$\\log e^{v} = v$ for real $v$",
          "对实数 $v$，$\\log e^{v} = v$"),
      entry(java.util.regex.Pattern.quote("Log of a product of factors proved positive as the sum of their logs"), "the log of a product of factors proved positive as the sum of their logs",
          "把已证明为正的因子之积的对数写成各因子对数之和"),
      entry(java.util.regex.Pattern.quote("Abs(u) = u for u >= 0"), "$|u| = u$ for $u \\geq 0$",
          "当 $u \\geq 0$ 时 $|u| = u$"),
      entry(java.util.regex.Pattern.quote("Abs(u) = -u for u <= 0"), "$|u| = -u$ for $u \\leq 0$",
          "当 $u \\leq 0$ 时 $|u| = -u$"),
      entry(java.util.regex.Pattern.quote("Abs(u)^k = u^k for u real and k even"), "$|u|^{k} = u^{k}$ for real $u$ and even $k$",
          "对实数 $u$ 和偶数 $k$，$|u|^{k} = u^{k}$"),
      entry(java.util.regex.Pattern.quote("(u^a)^c = u^(a c) for u > 0, a real"), "$(u^{a})^{c} = u^{a c}$ for $u > 0$ and real $a$",
          "当 $u > 0$ 且 $a$ 为实数时 $(u^{a})^{c} = u^{a c}$"),
      entry(java.util.regex.Pattern.quote("(u^a)^c = Abs(u)^(a c) for u real, a even"), "$(u^{a})^{c} = |u|^{a c}$ for real $u$ and even $a$",
          "对实数 $u$ 和偶数 $a$，$(u^{a})^{c} = |u|^{a c}$"),
      entry(java.util.regex.Pattern.quote("(u^a)^c = u^(a c) for u >= 0, a, c real"), "$(u^{a})^{c} = u^{a c}$ for $u \\geq 0$ and real $a, c$",
          "当 $u \\geq 0$ 且 $a, c$ 为实数时 $(u^{a})^{c} = u^{a c}$"),
      entry(java.util.regex.Pattern.quote("u^c split over the factors of u, each proved positive"), "$u^{c}$ split over the factors of $u$, each proved positive",
          "把 $u^{c}$ 按 $u$ 的因子拆开，每个因子都已证明为正"),
      entry(java.util.regex.Pattern.quote("Sin(u)^2 + Cos(u)^2 = 1 and Cosh(u)^2 - Sinh(u)^2 = 1 in a radicand"),
          "$\\sin^2 u + \\cos^2 u = 1$ and $\\cosh^2 u - \\sinh^2 u = 1$ in a radicand",
          "在根号内用 $\\sin^2 u + \\cos^2 u = 1$ 与 $\\cosh^2 u - \\sinh^2 u = 1$"),
      entry(java.util.regex.Pattern.quote("the binomial theorem for an integer n >= 0"),
          "the binomial theorem for an integer $n \\geq 0$", "二项式定理（$n \\geq 0$ 为整数）"),
      entry(java.util.regex.Pattern.quote("u^c = E^(c Log(u)) for u > 0"), "$u^{c} = e^{c \\log u}$ for $u > 0$",
          "当 $u > 0$ 时 $u^{c} = e^{c \\log u}$"),
      entry(java.util.regex.Pattern.quote("(u v)^c = u^c v^c for u, v >= 0, c real"), "$(u v)^{c} = u^{c} v^{c}$ for $u, v \\geq 0$ and real $c$",
          "当 $u, v \\geq 0$ 且 $c$ 为实数时 $(u v)^{c} = u^{c} v^{c}$"),
      entry(java.util.regex.Pattern.quote("(u v)^c = u^c v^c for u > 0"), "$(u v)^{c} = u^{c} v^{c}$ for $u > 0$",
          "当 $u > 0$ 时 $(u v)^{c} = u^{c} v^{c}$"),
      entry(java.util.regex.Pattern.quote("ArcSin(Sin(u)) = u for -Pi/2 <= u <= Pi/2"), "$\\arcsin(\\sin u) = u$ for $-\\frac{\\pi}{2} \\leq u \\leq \\frac{\\pi}{2}$",
          "当 $-\\frac{\\pi}{2} \\leq u \\leq \\frac{\\pi}{2}$ 时 $\\arcsin(\\sin u) = u$"),
      entry(java.util.regex.Pattern.quote("ArcTan(Tan(u)) = u for -Pi/2 < u < Pi/2"), "$\\arctan(\\tan u) = u$ for $-\\frac{\\pi}{2} < u < \\frac{\\pi}{2}$",
          "当 $-\\frac{\\pi}{2} < u < \\frac{\\pi}{2}$ 时 $\\arctan(\\tan u) = u$"),
      entry(java.util.regex.Pattern.quote("ArcCos(Cos(u)) = u for 0 <= u <= Pi"), "$\\arccos(\\cos u) = u$ for $u$ in $[0, \\pi]$",
          "当 $u$ 在 $[0, \\pi]$ 中时 $\\arccos(\\cos u) = u$"),
      entry(java.util.regex.Pattern.quote("ArcCos(u) = Pi/2 - ArcSin(u)"), "$\\arccos u = \\frac{\\pi}{2} - \\arcsin u$",
          "$\\arccos u = \\frac{\\pi}{2} - \\arcsin u$"),
      entry(java.util.regex.Pattern.quote("ArcTan(1/u) = Pi/2 - ArcTan(u) for u > 0"), "$\\arctan \\frac{1}{u} = \\frac{\\pi}{2} - \\arctan u$ for $u > 0$",
          "当 $u > 0$ 时 $\\arctan \\frac{1}{u} = \\frac{\\pi}{2} - \\arctan u$"),
      entry(java.util.regex.Pattern.quote("ArcTan(1/u) = -Pi/2 - ArcTan(u) for u < 0"), "$\\arctan \\frac{1}{u} = -\\frac{\\pi}{2} - \\arctan u$ for $u < 0$",
          "当 $u < 0$ 时 $\\arctan \\frac{1}{u} = -\\frac{\\pi}{2} - \\arctan u$"),
      entry(java.util.regex.Pattern.quote("ArcTanh(u) = (Log(1 + u) - Log(1 - u))/2 for -1 < u < 1"), "$\\operatorname{artanh} u = \\frac{\\log(1 + u) - \\log(1 - u)}{2}$ for $-1 < u < 1$",
          "当 $-1 < u < 1$ 时 $\\operatorname{artanh} u = \\frac{\\log(1 + u) - \\log(1 - u)}{2}$"),
      entry(java.util.regex.Pattern.quote("ArcSinh(u) = Log(u + Sqrt(u^2 + 1)) for u real"), "$\\operatorname{arsinh} u = \\log(u + \\sqrt{u^{2} + 1})$ for real $u$",
          "对实数 $u$，$\\operatorname{arsinh} u = \\log(u + \\sqrt{u^{2} + 1})$"),
      entry(java.util.regex.Pattern.quote("Sum(f(i) KroneckerDelta(i, c), {i, lo, hi}) = f(c) for an integer c in [lo, hi]"), "$\\sum_{i=\\mathrm{lo}}^{\\mathrm{hi}} f(i) \\delta_{i, c} = f(c)$ for an integer $c$ in $[\\mathrm{lo}, \\mathrm{hi}]$",
          "对 $[\\mathrm{lo}, \\mathrm{hi}]$ 中的整数 $c$，$\\sum_{i=\\mathrm{lo}}^{\\mathrm{hi}} f(i) \\delta_{i, c} = f(c)$"),
      entry("side conditions proved, then (\\w+)", "side conditions proved, then {s1}", "附带条件均已证明，再{s1}"),
      entry("side conditions proved, then trigonometric functions as exponentials and Together",
          "side conditions proved, then trigonometric functions as exponentials, and fractions combined",
          "附带条件均已证明，再把三角函数写成指数函数并通分"),
      entry("interval arithmetic", "interval arithmetic", "区间算术"),
      entry("sums over the same range merged", "sums over the same range merged", "合并了求和范围相同的和式"),
      entry("each summand is zero", "each summand is zero", "每个被加项都为零"),
      entry("interval arithmetic on (.+)", "interval arithmetic on {e1}", "对 {e1} 做区间算术"),
      entry("algebra \\((\\w+)\\)", "algebra ({s1})", "代数化简（{s1}）"),
      entry("a strictly monotone function keeps \\(or reverses\\) the order: its conditions are proved",
          "a strictly monotone function keeps (or reverses) the order, and its conditions are proved",
          "严格单调函数保持（或反转）大小顺序，其条件已证明"),
      entry("by construction: \\(1/N\\) times the sum over the samples",
          "by construction: $\\frac{1}{N}$ times the sum over the samples", "按构造：样本之和乘以 $\\frac{1}{N}$"),
      entry("by derivation (\\S+), and it holds at (\\d+) sample points",
          "by the derivation {c1}, and it holds at $2 sample points", "由推导 {c1} 得出，并在 $2 个采样点上成立"),
      entry("by rule (\\S+) \\(its conditions proved\\)", "by the rule {c1} (its conditions proved)",
          "由规则 {c1} 得出（其条件已证明）"),
      entry("case by case over (\\w+) \\((\\d+) cases\\)", "case by case over {e1} ($2 cases)",
          "对 {e1} 逐一验证各情形（共 $2 种）"),
      entry("identical", "identical expressions", "两边表达式完全相同"),
      entry("identical expressions", "identical expressions", "两边表达式完全相同"),
      entry("its derivative in (\\w+) is (<|>|<=|>=) 0 \\(interval arithmetic\\)",
          "its derivative in {e1} is {r2} 0 (interval arithmetic)", "它对 {e1} 的导数 {r2} 0（区间算术）"),
      entry("its derivative in (\\w+) is (<|>|<=|>=) 0 \\(interval arithmetic on (.+)\\)",
          "its derivative in {e1} is {r2} 0 (interval arithmetic on {e3})", "它对 {e1} 的导数 {r2} 0（对 {e3} 做区间算术）"),
      entry("its Hessian in (\\w+) and (\\w+) is positive semidefinite: the diagonal entries are non-negative and the"
          + " determinant non-negative \\(interval arithmetic\\)",
          "its Hessian in {e1} and {e2} is positive semidefinite: the diagonal entries are non-negative and the"
          + " determinant non-negative (interval arithmetic)",
          "它关于 {e1} 和 {e2} 的黑塞矩阵半正定：对角元非负，行列式非负（区间算术）"),
      entry("its Hessian in the (\\d+) variables is positive semidefinite: eliminating one variable at a time"
          + " \\(H = L D L\\^T\\), the first (\\d+) pivots of H are positive and the last non-negative, each proved"
          + " under the domains",
          "its Hessian in the $1 variables is positive semidefinite: eliminating one variable at a time ($H = L D L^T$), the first"
          + " $2 pivots of $H$ are positive and the last non-negative, each proved under the domains",
          "它关于这 $1 个变量的黑塞矩阵半正定：逐个消元（$H = L D L^T$），$H$ 的前 $2 个主元为正、最后一个非负，每一个都在取值范围内得到证明"),
      entry("its Hessian in the (\\d+) variables is negative semidefinite: eliminating one variable at a time"
          + " \\(H = L D L\\^T\\), the first (\\d+) pivots of -H are positive and the last non-negative, each proved"
          + " under the domains",
          "its Hessian in the $1 variables is negative semidefinite: eliminating one variable at a time ($H = L D L^T$), the first"
          + " $2 pivots of $-H$ are positive and the last non-negative, each proved under the domains",
          "它关于这 $1 个变量的黑塞矩阵半负定：逐个消元（$H = L D L^T$），$-H$ 的前 $2 个主元为正、最后一个非负，每一个都在取值范围内得到证明"),
      entry("its Hessian in the (\\d+) variables is positive semidefinite: its (\\d+) principal minors are all"
          + " non-negative, each proved under the domains",
          "its Hessian in the $1 variables is positive semidefinite: its $2 principal minors are all non-negative,"
          + " each proved under the domains", "它关于这 $1 个变量的黑塞矩阵半正定：$2 个主子式全部非负，每一个都在取值范围内得到证明"),
      entry("its Hessian in the (\\d+) variables is negative semidefinite: of its (\\d+) principal minors, those of odd"
          + " order are non-positive and those of even order non-negative, each proved under the domains",
          "its Hessian in the $1 variables is negative semidefinite: of its $2 principal minors, those of odd order are"
          + " non-positive and those of even order non-negative, each proved under the domains",
          "它关于这 $1 个变量的黑塞矩阵半负定：在 $2 个主子式中，奇数阶的非正，偶数阶的非负，每一个都在取值范围内得到证明"),
      entry("the derivative is 0 at the solution: (.+)", "the derivative is 0 at the solution: {t1}",
          "检验解处导数为 0：{t1}"),
      entry("its second derivative in (\\w+) is (<|>|<=|>=) 0 \\(interval arithmetic\\)",
          "its second derivative in {e1} is {r2} 0 (interval arithmetic)", "它对 {e1} 的二阶导数 {r2} 0（区间算术）"),
      entry("log and power laws under the domains, then (\\w+)",
          "log and power laws under the domains, then {s1}", "在取值范围内用对数与幂的运算法则，再{s1}"),
      entry("the difference simplifies to (.+), which does not contain (.+)",
          "the difference simplifies to {e1}, which does not contain {e2}", "两者之差化简为 {e1}，其中不含 {e2}"),
      entry("its derivative in (.+) is zero", "its derivative in {e1} is zero", "它对 {e1} 的导数为零"),
      entry("the result compared with the expected (.+?): (.+)", "the result compared with the author's {e1}: {t2}",
          "结果与作者写的 {e1} 相比：{t2}"),
      entry("the two sides differ at " + POINT + ": left = " + NUM + ", right = " + NUM,
          "the two sides differ at {p1}: left = $2, right = $3", "两边在 {p1} 处不相等：左边 = $2，右边 = $3"),
      entry("the inequality fails at " + POINT + ": left = " + NUM + ", right = " + NUM,
          "the inequality fails at {p1}: left = $2, right = $3", "不等式在 {p1} 处不成立：左边 = $2，右边 = $3"),
      entry("the chord lies below the graph \\(left: the function at the weighted point, right: the chord\\) at "
          + POINT + ": left = " + NUM + ", right = " + NUM,
          "the chord lies below the graph at {p1} (left: the function at the weighted point = $2; right: the chord = $3)",
          "在 {p1} 处弦位于图像下方（左边：函数在加权点的值 = $2；右边：弦 = $3）"),
      entry("condition (.+?)(?: with \\{.*\\})?: rule refused: (.+) fails at (.+)",
          "the rule's condition {e2} fails at {p3}", "规则的条件 {e2} 在 {p3} 处不成立"),
      entry("rule does not apply: (.+)", "the rule does not apply: {t1}", "规则不适用：{t1}"),
      entry("rule refused: cannot show (.+) under the domains(.*)", "the rule is refused: {e1} cannot be shown under the"
          + " domains{t2}", "规则被拒绝：无法在取值范围内证明 {e1}{t2}"),
      entry(" \\(it held at (\\d+) sample points\\)", " (it held at $1 sample points)", "（它在 $1 个采样点上成立）"),
      // the verifier's budget, certifier and decision (one budget per check, issue 11)
      entry("time limit \\((\\S+) s\\) reached in the symbolic check", "time limit ($1 s) reached in the symbolic check",
          "符号检查达到时间限制（$1 秒）"),
      entry("time limit \\((\\S+) s\\) reached", "time limit ($1 s) reached", "达到时间限制（$1 秒）"),
      entry("numerically it held at (\\d+) points", "numerically it held at $1 points", "数值上它在 $1 个点上成立"),
      entry("the rule changed nothing: the expression is the same as before the step",
          "the rule changed nothing: the expression is the same as before the step", "规则没有带来任何变化：表达式与这一步之前相同"),
      entry("sampling used its share of the time limit \\((\\S+) s\\) after (\\d+) of (\\d+) points",
          "sampling used its share of the time limit ($1 s) after $2 of $3 points",
          "采样用完了它在时间限制（$1 秒）中的份额，只完成了 $3 个点中的 $2 个"),
      entry("it held at (\\d+) points in double precision, but the re-check at (\\d+) digits ran out of time after (\\d+) point\\(s\\)",
          "it held at $1 points in double precision, but the re-check at $2 digits ran out of time after $3 point(s)",
          "它在双精度下于 $1 个点上成立，但 $2 位精度的复核只做了 $3 个点就用完了时间"),
      entry("it held at (\\d+) points in double precision, but no value could be read at (\\d+) digits to re-check it",
          "it held at $1 points in double precision, but no value could be read at $2 digits to re-check it",
          "它在双精度下于 $1 个点上成立，但没有任何值能以 $2 位精度读出以供复核"),
      entry("(\\d+) apparent counterexample\\(s\\) could be neither confirmed nor dismissed \\((.+)\\)",
          "$1 apparent counterexample(s) could be neither confirmed nor dismissed ({t2})",
          "$1 个疑似反例既无法确认也无法排除（{t2}）"),
      entry("(.+) is not defined there", "{e1} is not defined there", "{e1} 在该点没有定义"),
      entry("the assumption (.+) cannot be confirmed there", "the assumption {e1} cannot be confirmed there",
          "无法确认该点满足假设 {e1}"),
      entry("its values could not be computed for the report", "its values could not be computed for the report",
          "无法为报告算出它的值"),
      entry("rule (\\S+) applies, but the numeric check that guards its use could not run: (.+)",
          "the rule {c1} applies, but the numeric check that guards its use could not run: {t2}",
          "规则 {c1} 适用，但保障其使用的数值检查无法运行：{t2}"),
      entry("(.+) \\(no numeric spot check: (.+)\\)", "{t1} (no numeric spot check: {t2})", "{t1}（没有数值抽查：{t2}）"),
      entry("no symbolic proof, and (.+)", "no symbolic proof, and {t1}", "没有符号证明，而且{t1}"),
      entry("too few points where both sides are defined \\((\\d+)\\)", "too few points where both sides are defined ($1)",
          "两边都有定义的点太少（$1 个）"),
      entry("(\\d+) point\\(s\\) looked like failures in double precision but could not be re-checked at (\\d+) digits",
          "$1 point(s) looked like failures in double precision but could not be re-checked at $2 digits",
          "$1 个点在双精度下看似不成立，但无法用 $2 位精度复核"),
      entry("(.+) has about (\\S+) digits, more than the (\\d+) that Stepwise computes exactly",
          "{e1} has about $2 digits, more than the $3 that Stepwise computes exactly",
          "{e1} 约有 $2 位数字，超过 Stepwise 精确计算的上限（$3 位）"),
      entry("the expression is too deeply nested to check", "the expression is too deeply nested to check",
          "表达式嵌套太深，无法检查"),
      entry("time limit reached(.*)", "time limit reached$1", "达到时间限制"),
      entry("previous (=|≥|≤|>|<|⇔|≃\\S*) result(?: \\(.+\\))?: (.+)", "previous line $1 this line: {t2}",
          "上一行 $1 这一行：{t2}"),
      entry("numerically, at (\\d+) points", "numerically, at $1 sample points", "数值验证，共 $1 个采样点"),
      entry("no sample point could be evaluated(.*)", "no sample point could be evaluated{t1}", "没有一个采样点能够求值{t1}"),
      entry("undefined at every sample point", "undefined at every sample point", "在每个采样点上都没有定义"),
      // the special-function prover's form "LAWS under the domains; then STEP" (last: specific entries win)
      entry("(.+) under the domains", "{t1} under the domains", "在取值范围内用{t1}"),
      entry("then (\\w+)", "then {s1}", "再{s1}"),
      entry("", "", ""));

  private static final Map<String, String[]> SYMJA_STEPS = Map.of("Expand", new String[] {"expand", "展开"},
      "Simplify", new String[] {"simplify", "化简"}, "Together", new String[] {"combine fractions", "通分"},
      "Factor", new String[] {"factor", "因式分解"});

  private static Entry entry(String regex, String en, String zh) {
    return new Entry(Pattern.compile(regex), en, zh);
  }

  private final Function<String, String> toLatex;
  private final List<String> untranslated = new ArrayList<>();

  /** toLatex: an expression in Symja's notation as LaTeX, or null when it cannot be read. */
  VerifierWords(Function<String, String> toLatex) {
    this.toLatex = toLatex;
  }

  /** The sentence in both languages; clauses no pattern knows are kept in English and remembered. */
  Text translate(String english) {
    if (english == null || english.isBlank()) {
      return Text.NONE;
    }
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (String clause : english.strip().split("; ")) {
      Text t = clause(clause);
      if (t == null) {
        untranslated.add(clause);
        en.add(clause);
        zh.add(clause);
      } else {
        en.add(t.en());
        zh.add(t.zh());
      }
    }
    return new Text(String.join("; ", en), String.join("；", zh));
  }

  /** Clauses met so far that no pattern knew. */
  List<String> untranslated() {
    return List.copyOf(untranslated);
  }

  private Text clause(String clause) {
    for (Entry e : TABLE) {
      Matcher m = e.pattern().matcher(clause);
      if (m.matches()) {
        String en = fill(e.en(), m, false);
        String zh = fill(e.zh(), m, true);
        if (en == null || zh == null) {
          return null;
        }
        return new Text(en, zh);
      }
    }
    return null;
  }

  /**
   * A template with its groups put in: $n as it is, {en} an expression as math, {cn} a name as
   * code, {rn} a relation sign, {sn} a Symja step's name, {pn} a point, {tn} a nested clause.
   */
  private String fill(String template, Matcher m, boolean chinese) {
    StringBuilder out = new StringBuilder();
    Matcher slot = Pattern.compile("\\$(\\d)|\\{([ecrspt])(\\d)}").matcher(template);
    while (slot.find()) {
      String value;
      if (slot.group(1) != null) {
        value = m.group(Integer.parseInt(slot.group(1)));
      } else {
        String g = m.group(Integer.parseInt(slot.group(3)));
        value = switch (slot.group(2)) {
          case "e" -> math(g);
          case "c" -> "`" + g.replace("`", "") + "`";
          case "r" -> "$" + switch (g) {
            case "<=" -> "\\leq";
            case ">=" -> "\\geq";
            default -> g;
          } + "$";
          case "s" -> SYMJA_STEPS.containsKey(g) ? SYMJA_STEPS.get(g)[chinese ? 1 : 0] : null;
          case "p" -> point(g);
          default -> {
            if (g.isEmpty()) {
              yield "";
            }
            Text nested = clause(g.startsWith(" ") || g.startsWith(",") ? g : g);
            yield nested == null ? null : chinese ? nested.zh() : nested.en();
          }
        };
      }
      if (value == null) {
        return null;
      }
      slot.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    slot.appendTail(out);
    return out.toString();
  }

  /**
   * A domain as the verifier describes it ("integers in [1, inf)", "(0, 1)", "probability
   * distribution over i = 1..n", "{0, 1}") in both languages, intervals and sets as math.
   */
  static Text domain(String describe) {
    String d = describe.replaceAll("(?<![A-Za-z\\\\])inf\\b", "\\\\infty");
    Matcher m;
    if ((m = Pattern.compile("integers in (.+)").matcher(d)).matches()) {
      return new Text("integers in $" + m.group(1) + "$", "$" + m.group(1) + "$ 中的整数");
    }
    if ((m = Pattern.compile("probability distribution over (\\w+) = (.+)\\.\\.(.+)").matcher(d)).matches()) {
      String range = "$" + m.group(1) + " = " + m.group(2) + ", \\ldots, " + m.group(3) + "$";
      return new Text("a probability distribution over " + range, range + " 上的概率分布");
    }
    if ((m = Pattern.compile("family in (.+) over (\\w+) = (.+)\\.\\.(.+)").matcher(d)).matches()) {
      Text element = domain(m.group(1));
      String range = "$" + m.group(2) + " = " + m.group(3) + ", \\ldots, " + m.group(4) + "$";
      return new Text("one value for each " + range + ", each in " + element.en(),
          range + " 各取一个值，每个值属于 " + element.zh());
    }
    if (d.matches("[\\[(].*[\\])]") || d.matches("\\{.*}")) {
      String math = "$" + d.replace("{", "\\{").replace("}", "\\}") + "$";
      return new Text(math, math);
    }
    return switch (d) {
      case "complex numbers" -> new Text("complex numbers", "复数");
      case "function" -> new Text("a function", "函数");
      default -> new Text("`" + describe + "`", "`" + describe + "`");
    };
  }

  /** An expression as inline math, or as code when it cannot be read. */
  private String math(String expression) {
    String latex = toLatex.apply(expression.strip());
    return latex == null ? "`" + expression.replace("`", "") + "`" : "$" + latex + "$";
  }

  /** "n = 2, P = (0.5, 0.5)": each name as math, values as they are. */
  private String point(String point) {
    List<String> parts = new ArrayList<>();
    for (String assignment : point.split(", (?=[A-Za-z][A-Za-z0-9_]* = )")) {
      int eq = assignment.indexOf(" = ");
      if (eq < 0) {
        parts.add(assignment);
        continue;
      }
      parts.add(math(assignment.substring(0, eq)) + " = " + assignment.substring(eq + 3));
    }
    return String.join(", ", parts);
  }
}
