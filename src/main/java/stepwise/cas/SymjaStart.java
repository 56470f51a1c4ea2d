package stepwise.cas;

/**
 * Whether this JVM has started Symja (Cas's initialisation sets it). Reading it starts
 * nothing, so a test can ask it after --version or --help, which must not pay for Symja.
 */
public final class SymjaStart {
  private static volatile boolean begun;

  private SymjaStart() {}

  static void begin() {
    begun = true;
  }

  /** Whether Symja's start-up has begun in this JVM. */
  public static boolean begun() {
    return begun;
  }
}
