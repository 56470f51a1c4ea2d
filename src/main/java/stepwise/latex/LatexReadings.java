package stepwise.latex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;

/**
 * Prints what Stepwise reads from the LaTeX columns of a corpus file (src/test/resources/latex/
 * corpus.tsv): one line per pair, "line<TAB>ok<TAB>left<TAB>right" in the plain syntax, or
 * "line<TAB>error<TAB>message". The SymPy comparison script evaluates these readings.
 * Usage: java -cp target/stepwise.jar stepwise.latex.LatexReadings CORPUS
 */
public final class LatexReadings {
  private LatexReadings() {}

  public static void main(String[] args) throws IOException {
    Cas.start();
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      out.append(k + 1).append('\t');
      try {
        String left = ExprPrinter.print(LatexReader.read(cells[0]));
        String right = ExprPrinter.print(LatexReader.read(cells[1]));
        out.append("ok\t").append(left).append('\t').append(right);
      } catch (LatexSyntaxError e) {
        out.append("error\t").append(e.getMessage().replace('\t', ' ').replace('\n', ' '));
      }
      out.append('\n');
    }
    System.out.print(out);
    System.out.flush();
    System.exit(0); // Symja may leave threads behind
  }
}
