package stepwise.spark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import stepwise.load.CatalogueLoader;
import stepwise.pipeline.EquivLine;
import stepwise.pipeline.Equivalence;
import stepwise.verify.Settings;

/**
 * Checks a table of formula pairs on a Spark cluster with the same checker as
 * {@code stepwise equiv --batch} (so the same verdicts): columns lhs, rhs and assumptions
 * (empty or True for none; any other columns, e.g. an id, are kept), CSV with a header or
 * Parquet in; the same table with two more columns, status (proved, confirmed, refuted,
 * unknown, bad-input) and verdict (the words equiv prints), out in CSV or Parquet.
 *
 * <pre>spark-submit --class stepwise.spark.EquivJob target/stepwise.jar pairs.csv verdicts.parquet [--timeout 5]</pre>
 */
public final class EquivJob {
  private EquivJob() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: EquivJob INPUT.(csv|parquet) OUTPUT.(csv|parquet) [--timeout SECONDS] [--samples N]");
      System.exit(2);
    }
    Settings settings = settings(Arrays.asList(args).subList(2, args.length));
    SparkSession spark = SparkSession.builder().appName("stepwise-equiv").getOrCreate();
    try {
      write(check(read(spark, args[0]), settings), args[1]);
    } finally {
      spark.stop();
    }
  }

  /** --timeout and --samples as equiv takes them; the rest of the settings as equiv's defaults. */
  static Settings settings(List<String> options) {
    Settings s = Settings.DEFAULT;
    for (int i = 0; i + 1 < options.size(); i += 2) {
      String value = options.get(i + 1);
      switch (options.get(i)) {
        case "--timeout" -> s = new Settings(s.samples(), Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)), s.seed());
        case "--samples" -> s = new Settings(Integer.parseInt(value), s.deadline(), s.seed());
        default -> throw new IllegalArgumentException("unknown option " + options.get(i));
      }
    }
    return s;
  }

  /** The table of pairs: Parquet by its extension, else CSV with a header (cells may be quoted). */
  public static Dataset<Row> read(SparkSession spark, String path) {
    if (path.endsWith(".parquet")) {
      return spark.read().parquet(path);
    }
    return spark.read().option("header", "true").option("escape", "\"").csv(path);
  }

  /** Writes Parquet by the extension, else CSV with a header. */
  public static void write(Dataset<Row> verdicts, String path) {
    if (path.endsWith(".parquet")) {
      verdicts.write().mode(SaveMode.Overwrite).parquet(path);
    } else {
      verdicts.write().mode(SaveMode.Overwrite).option("header", "true").option("escape", "\"").csv(path);
    }
  }

  /** The pairs with status and verdict added; each partition checks its rows with one checker. */
  public static Dataset<Row> check(Dataset<Row> pairs, Settings settings) {
    StructType in = pairs.schema();
    for (String column : new String[] {"lhs", "rhs", "assumptions"}) {
      if (!Arrays.asList(in.fieldNames()).contains(column)) {
        throw new IllegalArgumentException("the table has no column " + column + " (it has " + String.join(", ", in.fieldNames()) + ")");
      }
    }
    StructType out = in.add(new StructField("status", DataTypes.StringType, false, org.apache.spark.sql.types.Metadata.empty()))
        .add(new StructField("verdict", DataTypes.StringType, false, org.apache.spark.sql.types.Metadata.empty()));
    int lhs = in.fieldIndex("lhs");
    int rhs = in.fieldIndex("rhs");
    int assumptions = in.fieldIndex("assumptions");
    int samples = settings.samples(); // the function is shipped to executors: plain values only
    Duration deadline = settings.deadline();
    long seed = settings.seed();
    MapPartitionsFunction<Row, Row> checkAll = rows -> {
      EquivLine checker = new EquivLine(new Equivalence(CatalogueLoader.builtIn(), new Settings(samples, deadline, seed)));
      return new Iterator<Row>() { // lazily: a partition's verdicts are not held at once
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row row = rows.next();
          String[] cells = {text(row, lhs), text(row, rhs), row.isNullAt(assumptions) ? "True" : row.get(assumptions).toString()};
          EquivLine.Verdict v = checker.check(cells, null, 0);
          Object[] values = new Object[row.length() + 2];
          for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
          }
          values[row.length()] = v.badInput() ? "bad-input" : v.status().name().toLowerCase(java.util.Locale.ROOT);
          values[row.length() + 1] = v.text();
          return RowFactory.create(values);
        }
      };
    };
    return pairs.mapPartitions(checkAll, Encoders.row(out));
  }

  private static String text(Row row, int column) {
    return row.isNullAt(column) ? "" : row.get(column).toString();
  }
}
