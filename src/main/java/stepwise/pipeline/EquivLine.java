package stepwise.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import stepwise.model.InputError;
import stepwise.model.Source;
import stepwise.verify.Finding;
import stepwise.verify.Status;

/**
 * One line of an equivalence batch, lhs TAB rhs TAB assumptions [TAB anything], to its verdict
 * line: the one checker behind {@code equiv --batch}, the Spark job and any other caller, so
 * they all answer in the same words. Safe to call from several threads at once (each thread
 * parses into its own Symja symbols and checks on its own worker).
 */
public final class EquivLine {
  /** Reads the three cells into a question; notes (e.g. what --extract took) go to the consumer. */
  @FunctionalInterface
  public interface Reader {
    Equivalence.Question read(String left, String right, String assumptions, Source where, Consumer<String> notes);
  }

  /**
   * The verdict on one line. status is null for bad input. text is the printed line without its
   * number ("proved: ...", "bad input: ..."); notes come before it in the output.
   */
  public record Verdict(int line, Status status, String text, List<String> notes) {
    public boolean badInput() {
      return status == null;
    }

    /** The lines a batch prints for this pair: each note, then the verdict, each prefixed "N: ". */
    public String output() {
      StringBuilder out = new StringBuilder();
      for (String note : notes) {
        out.append(line).append(": ").append(note).append('\n');
      }
      return out.append(line).append(": ").append(text).toString();
    }
  }

  private final Equivalence equivalence;
  private final Reader reader;

  /** Lines in the plain syntax. */
  public EquivLine(Equivalence equivalence) {
    this(equivalence, (l, r, a, where, notes) -> equivalence.parse(l, r, a, where));
  }

  /** Lines read by another reader (the command line passes its LaTeX reader here). */
  public EquivLine(Equivalence equivalence, Reader reader) {
    this.equivalence = equivalence;
    this.reader = reader;
  }

  /** Whether a batch line is a pair to check (not blank, not a # comment). */
  public static boolean isPair(String line) {
    return !line.isBlank() && !line.startsWith("#");
  }

  /** The verdict on one pair line; file (may be null) and number say where it is in messages. */
  public Verdict check(String line, Path file, int number) {
    String[] cells = line.split("\t", -1);
    return check(cells, file, number);
  }

  /** The verdict on a pair given as cells: lhs, rhs, assumptions (more cells are ignored). */
  public Verdict check(String[] cells, Path file, int number) {
    Source where = new Source(file, number, 0);
    List<String> notes = new ArrayList<>(0);
    try {
      if (cells.length < 3) {
        throw new InputError(where, "expected lhs<TAB>rhs<TAB>assumptions");
      }
      Finding f = equivalence.check(reader.read(cells[0], cells[1], cells[2], where, notes::add));
      return new Verdict(number, f.status(), describe(f), List.copyOf(notes));
    } catch (InputError e) {
      return new Verdict(number, null, "bad input: " + e.getMessage(), List.copyOf(notes));
    }
  }

  /** The words of a finding, as equiv prints them. */
  public static String describe(Finding f) {
    String numbers = f.samples() > 0 ? String.format("%d sample%s, max error %.1e", f.samples(), f.samples() == 1 ? "" : "s", f.maxError()) : "";
    return switch (f.status()) {
      case PROVED -> "proved: " + f.method() + (numbers.isEmpty() ? "" : " (" + numbers + ")");
      // a series checked by partial sums says how, with its tail bound
      case CONFIRMED -> "confirmed numerically (no symbolic proof): "
          + (f.method().startsWith("numerically, by") ? f.method().substring("numerically, ".length()) : numbers);
      case REFUTED -> "refuted: " + f.reason() + " (re-checked at 50 digits)";
      case UNKNOWN -> "unknown: " + f.reason();
    };
  }
}
