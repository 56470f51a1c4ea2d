package stepwise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.verify.Settings;

/**
 * The Spark job gives the same verdicts, word for word, as equiv --batch on the same pairs
 * (run on local[*], several partitions, CSV and Parquet). A generous timeout keeps the verdicts
 * free of the machine's load, so the two runs can be compared exactly.
 */
class SparkEquivJobTest {
  private static final String TIMEOUT = "60";
  /** lhs, rhs, assumptions: proved, confirmed, refuted and bad-input pairs from the batch corpus. */
  private static final String[][] PAIRS = {
      {"(a + b)^2", "a^2 + 2*a*b + b^2", "True"},
      {"(a + b)^2", "a^2 + b^2", "True"},
      {"Log(x*y)", "Log(x) + Log(y)", "x > 0 && y > 0"},
      {"Log(x*y)", "Log(x) + Log(y)", "True"},
      {"Sqrt(x^2)", "Abs(x)", "Element(x, Reals)"},
      {"Sqrt(x^2)", "x", "True"},
      {"Sin(2*x)", "2*Sin(x)*Cos(x)", "True"},
      {"Sin(2*x)", "2*Sin(x)", "True"},
      {"Sum(i, {i, 1, n})", "n*(n + 1)/2", "Element(n, Integers) && n > 0"},
      {"Exp(Log(x))", "x", "True"},
      {"Log(x", "x", "True"},
      {"1/(x - 1) - 1/(x + 1)", "2/(x^2 - 1)", ""},
  };
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[*]").appName("stepwise-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void sparkAndEquivBatchGiveTheSameVerdicts(@TempDir Path dir) throws IOException {
    Map<Integer, String> batch = equivBatch(dir);
    assertEquals(PAIRS.length, batch.size(), "one verdict per pair: " + batch);

    Path csv = dir.resolve("pairs.csv");
    List<String> rows = new ArrayList<>(List.of("id,lhs,rhs,assumptions"));
    for (int i = 0; i < PAIRS.length; i++) {
      rows.add((i + 1) + "," + quoted(PAIRS[i][0]) + "," + quoted(PAIRS[i][1]) + "," + quoted(PAIRS[i][2]));
    }
    Files.write(csv, rows, StandardCharsets.UTF_8);
    Settings settings = EquivJob.settings(List.of("--timeout", TIMEOUT));

    Dataset<Row> pairs = EquivJob.read(spark, csv.toString()).repartition(3); // several tasks at once
    Map<Integer, String> fromCsv = verdicts(EquivJob.check(pairs, settings));
    assertEquals(batch, fromCsv);

    // Parquet in and out, through the job's own writer and reader
    String parquetIn = dir.resolve("pairs.parquet").toString();
    String parquetOut = dir.resolve("verdicts.parquet").toString();
    EquivJob.write(pairs, parquetIn);
    EquivJob.write(EquivJob.check(EquivJob.read(spark, parquetIn), settings), parquetOut);
    Dataset<Row> written = EquivJob.read(spark, parquetOut);
    assertEquals(batch, verdicts(written));
    assertTrue(written.filter("status = 'bad-input'").count() == 1, "the unclosed bracket is bad input");
    assertTrue(written.filter("status = 'refuted'").count() >= 3);
  }

  /** Runs stepwise equiv --batch on the same pairs: verdict text by line number. */
  private static Map<Integer, String> equivBatch(Path dir) throws IOException {
    Path tsv = dir.resolve("pairs.tsv");
    List<String> lines = new ArrayList<>();
    for (String[] pair : PAIRS) {
      lines.add(String.join("\t", pair));
    }
    Files.write(tsv, lines, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    stepwise.cli.Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
        "equiv", "--batch", tsv.toString(), "--timeout", TIMEOUT);
    Map<Integer, String> verdicts = new TreeMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0 && line.substring(0, colon).matches("\\d+")) {
        verdicts.put(Integer.parseInt(line.substring(0, colon)), line.substring(colon + 2));
      }
    }
    return verdicts;
  }

  private static Map<Integer, String> verdicts(Dataset<Row> table) {
    Map<Integer, String> out = new TreeMap<>();
    for (Row row : table.select("id", "verdict").collectAsList()) {
      out.put(Integer.parseInt(row.get(0).toString()), row.getString(1));
    }
    return out;
  }

  private static String quoted(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
