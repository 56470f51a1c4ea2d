package stepwise.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/** Runs a command line as main does (without exiting), then says whether Symja was started. */
public final class SymjaFreeProbe {
  private SymjaFreeProbe() {}

  public static void main(String[] args) throws Exception {
    Main.OUT = new PrintStream(OutputStream.nullOutputStream());
    Main.ERR = Main.OUT;
    int exit = Main.runAsProcess(args);
    Thread.sleep(200); // a background start, had one begun, would show by now
    System.out.println("exit " + exit + " symja " + stepwise.cas.SymjaStart.begun());
  }
}
