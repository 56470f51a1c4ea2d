package stepwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The Java API: verdicts, bad input, and the same answers from many threads at once as from one. */
class StepwiseApiTest {
  /** Long enough that no check here reaches it, so a verdict cannot depend on how busy the machine is. */
  private static final Options CALM = Options.DEFAULT.withTimeout(Duration.ofSeconds(60));

  private static final String[][] PAIRS = {
      {"Log(x*y)", "Log(x) + Log(y)", "x > 0 && y > 0"},
      {"Log(x*y)", "Log(x) + Log(y)", null},
      {"-Log(p^y*(1 - p)^(1 - y))", "-(y*Log(p) + (1 - y)*Log(1 - p))", "0 < p < 1 && (y == 0 || y == 1)"},
      {"Sin(x)^2 + Cos(x)^2", "1", "True"},
      {"Sqrt(x^2)", "x", "x > 0"},
      {"Sqrt(x^2)", "x", ""},
      {"(x + 1)^2", "x^2 + 2*x + 1", null},
      {"(x + 1)^2", "x^2 + 1", null},
      {"Sum(i, {i, 1, n})", "n*(n + 1)/2", "Element(n, Integers) && n > 0"},
      {"Sum(i, {i, 1, n})", "n^2/2", "Element(n, Integers) && n > 0"},
      {"Exp(a + b)", "Exp(a)*Exp(b)", null},
      {"Abs(x*y)", "Abs(x)*Abs(y)", null},
  };

  @Test
  void answersEquivalenceQuestions() {
    Verdict proved = Stepwise.equiv("Log(x*y)", "Log(x) + Log(y)", "x > 0 && y > 0", CALM);
    assertEquals(Status.PROVED, proved.status());
    assertTrue(proved.holds());
    assertNotNull(proved.method());
    assertNull(proved.counterexample());

    Verdict refuted = Stepwise.equiv("(x + 1)^2", "x^2 + 1", null, CALM);
    assertEquals(Status.REFUTED, refuted.status());
    assertFalse(refuted.holds());
    Counterexample c = refuted.counterexample();
    assertNotNull(c);
    double x = Double.parseDouble(c.point().get("x"));
    assertTrue((x + 1) * (x + 1) != x * x + 1, "the point really separates the sides: " + c);
    assertNotNull(refuted.reason());

    Verdict latex = Stepwise.equiv("\\frac{1}{2}\\log(x^2)", "\\log x", "x > 0", CALM.withLatex(true));
    assertEquals(Status.PROVED, latex.status());
  }

  @Test
  void checksDerivationsFromFilesAndFromText() throws Exception {
    CheckReport road = Stepwise.check(Path.of("derivations/bce-from-likelihood.yaml"), CALM);
    assertTrue(road.passes());
    CheckReport.DerivationReport d = road.derivations().get(0);
    assertEquals("bce-from-likelihood", d.id());
    assertEquals(3, d.steps().size());
    assertTrue(d.steps().stream().allMatch(s -> s.verdict().status() == Status.PROVED));
    assertEquals("-(y*Log(yhat) + (1 - y)*Log(1 - yhat))", d.end());

    String slip = Files.readString(Path.of("derivations/slips/lost-minus-sign.yaml"));
    CheckReport report = Stepwise.checkYaml(slip, "lost-minus-sign", CALM);
    assertTrue(report.passes(), "a recorded mistake passes when refuted");
    CheckReport.StepReport unfold = report.derivations().get(0).steps().get(1);
    assertEquals(Status.REFUTED, unfold.verdict().status());
    assertNotNull(unfold.verdict().counterexample());
  }

  @Test
  void badInputIsAnExceptionNamingThePlace() {
    BadInputException formula = assertThrows(BadInputException.class, () -> Stepwise.equiv("Log(x", "x", null, CALM));
    assertTrue(formula.getMessage().startsWith("left side, column 4:"), formula.getMessage());
    BadInputException unread = assertThrows(BadInputException.class, () -> Stepwise.validateEquiv("Log(x", "x", null, CALM));
    assertEquals(formula.getMessage(), unread.getMessage());
    Stepwise.validateEquiv("Log(x*y)", "Log(x) + Log(y)", "x > 0", CALM); // reads, checks nothing, throws nothing

    BadInputException yaml = assertThrows(BadInputException.class,
        () -> Stepwise.checkYaml("start: x\nsteps:\n  - rule: log-of-produc\n", "req", CALM));
    BadInputException.Problem p = yaml.problems().get(0);
    assertEquals("req.yaml", p.file());
    assertTrue(p.line() > 0, yaml.getMessage());

    BadInputException elsewhere = assertThrows(BadInputException.class,
        () -> Stepwise.checkYaml("symbols: {x: real}\nstart: {from: other}\nsteps:\n  - rule: negate\n", "req", CALM));
    assertTrue(elsewhere.getMessage().contains("refers to derivation 'other'"), elsewhere.getMessage());
    assertEquals(2, elsewhere.problems().get(0).line());

    BadInputException missing = assertThrows(BadInputException.class,
        () -> Stepwise.check(Path.of("derivations/no-such-file.yaml"), CALM));
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

    assertThrows(IllegalArgumentException.class, () -> CALM.withSamples(5));
    assertThrows(IllegalArgumentException.class, () -> CALM.withTimeout(Duration.ZERO));
  }

  /**
   * 8 threads each ask every question (proved and refuted pairs, a Sum whose index Symja assigns
   * while it iterates, a derivation file, a recorded slip given as text) in an order of their own,
   * all at once; every answer must be the one a single thread gets, counterexamples included.
   */
  @Test
  void manyThreadsGetTheAnswersOneThreadGets() throws Exception {
    String slip = Files.readString(Path.of("derivations/slips/lost-minus-sign.yaml"));
    List<Supplier<Object>> questions = new ArrayList<>();
    for (String[] p : PAIRS) {
      questions.add(() -> Stepwise.equiv(p[0], p[1], p[2], CALM));
    }
    questions.add(() -> Stepwise.check(Path.of("derivations/bce-from-likelihood.yaml"), CALM));
    questions.add(() -> Stepwise.checkYaml(slip, "lost-minus-sign", CALM));
    questions.add(() -> {
      try {
        return Stepwise.equiv("x +* y", "x", null, CALM);
      } catch (BadInputException e) {
        return e.getMessage();
      }
    });

    List<Object> expected = new ArrayList<>();
    for (Supplier<Object> q : questions) {
      expected.add(q.get());
    }
    assertTrue(expected.stream().anyMatch(v -> v instanceof Verdict verdict && verdict.status() == Status.REFUTED));

    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Object>>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < questions.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(t));
      runs.add(pool.submit(() -> {
        start.await();
        Object[] answers = new Object[questions.size()];
        for (int i : order) {
          answers[i] = questions.get(i).get();
        }
        return List.of(answers);
      }));
    }
    start.countDown();
    try {
      for (Future<List<Object>> run : runs) {
        List<Object> answers = run.get(120, TimeUnit.SECONDS);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), answers.get(i), "question " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
