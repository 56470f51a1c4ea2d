package stepwise.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import stepwise.Fixtures;
import stepwise.model.Source;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;

/**
 * One pass of the equivalence checker over a corpus file (lhs, rhs, assumptions, expected
 * 'equal' or 'unequal', family; TAB-separated, # comments), shared by the corpus tests: the
 * verdicts counted, and every wrong one (a true pair refuted, a false one proved or confirmed).
 */
record CorpusTally(int pairs, Map<Status, Integer> all, int truePairs, Map<Status, Integer> onTrue,
    Map<String, Integer> provedByFamily, int falsePairs, int falseRefuted, List<String> wrong) {

  static CorpusTally of(Path corpus, Duration perPair) throws IOException {
    Settings settings = new Settings(Settings.DEFAULT.samples(), perPair, Settings.DEFAULT.seed());
    Equivalence equivalence = new Equivalence(Fixtures.catalogue(), settings);
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    Map<Status, Integer> all = new EnumMap<>(Status.class);
    Map<Status, Integer> onTrue = new EnumMap<>(Status.class);
    Map<String, Integer> provedByFamily = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    int pairs = 0;
    int truePairs = 0;
    int falsePairs = 0;
    int falseRefuted = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      pairs++;
      String[] cells = line.split("\t");
      Finding f = equivalence.check(equivalence.parse(cells[0], cells[1], cells[2], new Source(corpus, i + 1, 0)));
      all.merge(f.status(), 1, Integer::sum);
      boolean equal = cells[3].equals("equal");
      if (equal) {
        truePairs++;
        onTrue.merge(f.status(), 1, Integer::sum);
        if (f.status() == Status.PROVED && cells.length > 4) {
          provedByFamily.merge(cells[4], 1, Integer::sum);
        }
      } else {
        falsePairs++;
        falseRefuted += f.status() == Status.REFUTED ? 1 : 0;
      }
      if (equal && f.status() == Status.REFUTED || !equal && f.status().holds()) {
        wrong.add((i + 1) + ": " + cells[0] + " vs " + cells[1] + " [" + cells[2] + "] expected " + cells[3]
            + ", got " + f.status() + " " + f.method() + f.reason());
      }
    }
    return new CorpusTally(pairs, all, truePairs, onTrue, provedByFamily, falsePairs, falseRefuted, wrong);
  }

  /** True pairs proved. */
  int provedTrue() {
    return onTrue.getOrDefault(Status.PROVED, 0);
  }
}
