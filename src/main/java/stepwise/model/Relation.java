package stepwise.model;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a step's result relates to what it started from. A derivation composes its steps'
 * relations by transitivity, like a calc block: = then >= gives >=; = then ≃_Q gives ≃_Q;
 * <= then >= does not compose.
 */
public sealed interface Relation {
  Relation EQUAL = new Order(Op.EQ);
  Relation LESS_EQUAL = new Order(Op.LE);
  Relation GREATER_EQUAL = new Order(Op.GE);

  /** Plain-text symbol, e.g. "=", "≥", "≃_{Q}". */
  String symbol();

  /** A short phrase for reports. */
  String describe();

  /** Order relations: start OP end. */
  enum Op {
    EQ("=", "equal"), LE("≤", "less or equal"), GE("≥", "greater or equal"), LT("<", "less"), GT(">", "greater");

    final String symbol;
    final String words;

    Op(String symbol, String words) {
      this.symbol = symbol;
      this.words = words;
    }

    boolean weak() {
      return this == LE || this == GE;
    }

    int direction() {
      return switch (this) {
        case EQ -> 0;
        case LE, LT -> -1;
        case GE, GT -> 1;
      };
    }
  }

  record Order(Op op) implements Relation {
    @Override
    public String symbol() {
      return op.symbol;
    }

    @Override
    public String describe() {
      return op.words;
    }
  }

  /** start = end + c, where c does not depend on the variables in over. */
  record UpToConstant(Set<String> over) implements Relation {
    public UpToConstant {
      over = Set.copyOf(new TreeSet<>(over));
    }

    @Override
    public String symbol() {
      return "≃_{" + String.join(",", new TreeSet<>(over)) + "}";
    }

    @Override
    public String describe() {
      return "equal up to a term that does not depend on " + String.join(", ", new TreeSet<>(over));
    }
  }

  /**
   * end = f(start) for a strictly monotone f (or, composed with ≃_V, a strictly monotone
   * function of start for fixed values of everything but over): start and end have the same
   * optimizers, with max and min swapped when f decreases. over is empty for "all variables".
   */
  record Monotone(boolean increasing, String transform, Set<String> over) implements Relation {
    public Monotone {
      over = Set.copyOf(over);
    }

    @Override
    public String symbol() {
      return increasing ? "↗" : "↘";
    }

    @Override
    public String describe() {
      return "strictly " + (increasing ? "increasing" : "decreasing") + " function (" + transform + ")"
          + (over.isEmpty() ? "" : " for fixed values of everything but " + String.join(", ", new TreeSet<>(over)))
          + (increasing ? ": same maximizers and minimizers" : ": maximizing one minimizes the other");
    }
  }

  /** The statements start and end (inequalities) are equivalent: each holds exactly when the other does. */
  record Equivalent(String because) implements Relation {
    @Override
    public String symbol() {
      return "⇔";
    }

    @Override
    public String describe() {
      return "equivalent statements" + (because.isEmpty() ? "" : " (" + because + ")");
    }
  }

  /**
   * end is a new quantity computed from start, such as its derivative: no order between them.
   * in: the variables it differentiates in, when it is a derivative (empty otherwise).
   */
  record Derived(String how, Set<String> in) implements Relation {
    public Derived {
      in = Set.copyOf(in);
    }

    public Derived(String how) {
      this(how, Set.of());
    }

    @Override
    public String symbol() {
      return "→";
    }

    @Override
    public String describe() {
      return how;
    }
  }

  /**
   * end is the average, over count samples indexed by index, of start; or of a quantity related
   * to start as of says (a strictly decreasing function of it), followed by what then says.
   */
  record Mean(String count, String index, String of, String then) implements Relation {
    public Mean(String count, String index) {
      this(count, index, "", "");
    }

    @Override
    public String symbol() {
      return "avg";
    }

    @Override
    public String describe() {
      return "average over " + count + " samples (" + index + " = 1.." + count + ")" + (of.isEmpty() ? "" : " of " + of)
          + (then.isEmpty() ? "" : ", then " + then);
    }
  }

  /**
   * The relation between a and c, given a R1 b and b R2 c: the table in the README (Relations).
   * = is neutral; orders compose in one direction; ≃ and monotone transforms keep the optimizers
   * in the variables both keep; a derivative (→) or an average (avg) absorbs what comes before
   * it into its description and what comes after it, since the end is a new quantity; an order
   * before →, avg or a transform, and an equivalence of statements with a quantity, are errors.
   */
  static Relation compose(Relation first, Relation then) {
    if (isEqual(first)) {
      return then;
    }
    if (isEqual(then)) {
      return first;
    }
    if (first instanceof Order a && then instanceof Order b) {
      if (a.op.direction() != b.op.direction()) {
        throw new IncompatibleRelations(first, then);
      }
      boolean weak = a.op.weak() && b.op.weak();
      Op op = a.op.direction() < 0 ? (weak ? Op.LE : Op.LT) : (weak ? Op.GE : Op.GT);
      return new Order(op);
    }
    if (first instanceof Equivalent a && then instanceof Equivalent b) {
      return new Equivalent(a.because.isEmpty() ? b.because : b.because.isEmpty() ? a.because : a.because + "; " + b.because);
    }
    if (first instanceof Equivalent || then instanceof Equivalent && !(first instanceof Derived)) {
      throw new IncompatibleRelations(first, then); // statements and quantities do not mix
    }
    if (first instanceof UpToConstant a && then instanceof UpToConstant b) {
      Set<String> both = new LinkedHashSet<>(a.over);
      both.retainAll(b.over);
      if (both.isEmpty()) {
        throw new IncompatibleRelations(first, then);
      }
      return new UpToConstant(both);
    }
    if (first instanceof Derived a) {
      if (then instanceof Derived b) {
        Set<String> in = new LinkedHashSet<>(a.in);
        in.addAll(b.in);
        return new Derived(b.how + " of the " + a.how, in);
      }
      if (then instanceof Mean) {
        throw new IncompatibleRelations(first, then); // an average of a derivative: average first, then differentiate
      }
      return new Derived(a.how + ", then " + then.describe(), a.in);
    }
    if (then instanceof Derived b) {
      if (first instanceof Order) {
        throw new IncompatibleRelations(first, then); // the derivative of a bound says nothing about the start's
      }
      if (first instanceof UpToConstant u && !b.in.isEmpty() && u.over.containsAll(b.in)) {
        return b; // the dropped term does not depend on the variable: the derivatives are equal
      }
      if (first instanceof Mean m) {
        return new Derived(b.how + " of the " + m.describe(), b.in);
      }
      return new Derived(b.how + " of " + phrase(first), b.in);
    }
    if (first instanceof Mean a) {
      if (then instanceof Mean) {
        throw new IncompatibleRelations(first, then);
      }
      return new Mean(a.count, a.index, a.of, (a.then.isEmpty() ? "" : a.then + ", then ") + then.describe());
    }
    if (then instanceof Mean b) {
      if (first instanceof Order) {
        throw new IncompatibleRelations(first, then); // a bound on one sample is not a relation to the mean
      }
      return new Mean(b.count, b.index, b.of.isEmpty() ? phrase(first) : b.of + " of " + phrase(first), b.then);
    }
    Monotone a = asMonotone(first);
    Monotone b = asMonotone(then);
    if (a != null && b != null) {
      Set<String> over = intersectOver(a.over, b.over);
      if (over == null) {
        throw new IncompatibleRelations(first, then);
      }
      String transform = a.transform.isEmpty() ? b.transform
          : b.transform.isEmpty() ? a.transform : b.transform + " ∘ " + a.transform;
      return new Monotone(a.increasing == b.increasing, transform, over);
    }
    throw new IncompatibleRelations(first, then);
  }

  /** What a relation makes of the start, as a noun phrase: "a strictly decreasing function (-Log(x)) of it". */
  private static String phrase(Relation r) {
    if (r instanceof Monotone m) {
      return "a strictly " + (m.increasing ? "increasing" : "decreasing") + " function";
    }
    if (r instanceof UpToConstant u) {
      return "a quantity equal, up to a term that does not depend on " + String.join(", ", new TreeSet<>(u.over)) + ", to";
    }
    return r.describe();
  }

  private static boolean isEqual(Relation r) {
    return r instanceof Order o && o.op == Op.EQ;
  }

  /** ≃_V is an increasing transform for fixed values of all but V. */
  private static Monotone asMonotone(Relation r) {
    if (r instanceof Monotone m) {
      return m;
    }
    if (r instanceof UpToConstant u) {
      return new Monotone(true, "", u.over);
    }
    return null;
  }

  /** Empty means "all variables"; null means nothing is left. */
  private static Set<String> intersectOver(Set<String> a, Set<String> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    Set<String> both = new LinkedHashSet<>(a);
    both.retainAll(b);
    return both.isEmpty() ? null : both;
  }

  /** Two relations that do not compose, such as <= then >=. */
  final class IncompatibleRelations extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IncompatibleRelations(Relation first, Relation then) {
      super("'" + first.symbol() + "' followed by '" + then.symbol() + "' gives no relation between start and end");
    }
  }
}
