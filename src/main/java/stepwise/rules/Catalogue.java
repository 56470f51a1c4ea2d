package stepwise.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The rules and definitions Stepwise knows, loaded from data files. Read-only once built; its
 * trees are never evaluated, so one catalogue serves every thread.
 */
public final class Catalogue {
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final Map<String, Definition> definitions = new LinkedHashMap<>();
  private final Map<String, ISymbol> heads = new LinkedHashMap<>();
  private final List<PatternRule> normalizers = new ArrayList<>();
  private final java.util.Set<String> vetted = new java.util.HashSet<>();

  /** Adds a rule; vetted when it ships with Stepwise (tested one by one) or its kind checks what it claims. */
  public void add(Rule rule, boolean vetted) {
    if (rules.putIfAbsent(rule.name(), rule) != null) {
      throw new IllegalArgumentException("two rules are named " + rule.name());
    }
    if (vetted) {
      this.vetted.add(rule.name());
    }
  }

  /**
   * Whether a step by this rule may rest on the rule once its conditions hold. A rule from a
   * user's file is not trusted: every step by it is checked as if no rule had made it.
   */
  public boolean vetted(String ruleName) {
    return vetted.contains(ruleName);
  }

  public void addNormalizer(PatternRule rule) {
    normalizers.add(rule);
  }

  public void add(Definition definition) {
    if (definitions.putIfAbsent(definition.name(), definition) != null) {
      throw new IllegalArgumentException("two definitions are named " + definition.name());
    }
  }

  /** The head symbol for a definition's name (H, KL, ...), shared by all definitions using it. */
  public ISymbol head(String name) {
    return heads.computeIfAbsent(name, n -> new org.matheclipse.core.expression.Symbol(n,
        org.matheclipse.core.expression.Context.DUMMY));
  }

  public Map<String, ISymbol> heads() {
    return heads;
  }

  public Optional<Rule> rule(String name) {
    return Optional.ofNullable(rules.get(name));
  }

  public Collection<Rule> rules() {
    return rules.values();
  }

  /** The first rule of a kind, in catalogue order (the search's and the prechecks' way to a kind's step). */
  public Optional<Rule> firstOfKind(String kind) {
    return rules.values().stream().filter(r -> r.kind().equals(kind)).findFirst();
  }

  public Collection<Definition> definitions() {
    return definitions.values();
  }

  public Optional<Definition> definition(String name) {
    return Optional.ofNullable(definitions.get(name));
  }

  /** The definition whose head and arity match a call, if any. */
  public Optional<Definition> definitionFor(IExpr head, int arity) {
    return definitions.values().stream().filter(d -> d.head().equals(head) && d.arity() == arity).findFirst();
  }

  /** Sound rewrites (with their conditions) the verifier may use to normalize logs and powers. */
  public List<PatternRule> normalizers() {
    return normalizers;
  }

  /** Names close to a misspelt one, for "did you mean". */
  public List<String> similarNames(String name) {
    List<String> out = new ArrayList<>();
    for (String candidate : rules.keySet()) {
      if (distance(candidate, name) <= Math.max(2, name.length() / 4) || candidate.contains(name)) {
        out.add(candidate);
      }
    }
    return out;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }
}
