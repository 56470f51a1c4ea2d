package stepwise.pipeline;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Claim;
import stepwise.model.Domains;
import stepwise.model.Source;
import stepwise.rewrite.RewrittenStep;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.StepVerdict;

/**
 * Verdicts remembered by the content of what was checked (as the Physics Derivation Graph keys
 * its cache by a hash of each step): a step's key is a hash of everything its verification
 * reads (the expression before it, the rewrite its rule made with every obligation, the rule's
 * name, the expected result, the domains in force, the settings); a claim's key covers its
 * statement, both sides, its domains and what the derivation named by "by:" showed. A change
 * anywhere in those gives another key, so a remembered verdict is one a fresh check would give
 * (checks are deterministic: fixed seeds). Maps and sets are written in their own order, so
 * the same content in another order is a miss, never a wrong hit. Something that cannot be written down exactly is not
 * cached. Used by one pipeline with one catalogue (the catalogue is not in the key).
 */
public final class VerdictCache {
  private static final int CAPACITY = 20_000;

  private final Map<String, Object> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
      return size() > CAPACITY;
    }
  };
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();

  /** The step's verdict: remembered, or computed by check and remembered. */
  public StepVerdict step(Settings settings, RewrittenStep step, Supplier<StepVerdict> check) {
    String key = key("step", settings, step.reached(), step.failure(), step.rewrite(), step.spec().rule(),
        step.spec().expect(), step.domains());
    return remembered(key, check, StepVerdict.class);
  }

  /** The claim's finding: remembered, or computed by check and remembered. */
  public Finding claim(Settings settings, Claim claim, IExpr left, IExpr right, DerivationResult proof,
      Supplier<Finding> check) {
    Object shown = proof == null ? null : proof.rewritten() == null
        ? new Object[] {proof.derivation().id(), proof.status(), proof.passes()}
        : new Object[] {proof.derivation().id(), proof.status(), proof.passes(), proof.derivation().expectFailure(),
            proof.rewritten().start(), proof.rewritten().end(), proof.rewritten().relation(), proof.rewritten().given()};
    String key = key("claim", settings, claim, left, right, shown);
    return remembered(key, check, Finding.class);
  }

  /** Verdicts taken from the cache since the last reset. */
  public int hits() {
    return hits.get();
  }

  /** Verdicts computed since the last reset. */
  public int misses() {
    return misses.get();
  }

  public void resetCounts() {
    hits.set(0);
    misses.set(0);
  }

  private <T> T remembered(String key, Supplier<T> check, Class<T> type) {
    if (key != null) {
      Object known;
      synchronized (entries) {
        known = entries.get(key);
      }
      if (known != null) {
        hits.incrementAndGet();
        return type.cast(known);
      }
    }
    misses.incrementAndGet();
    T computed = check.get();
    if (key != null) {
      synchronized (entries) {
        entries.put(key, computed);
      }
    }
    return computed;
  }

  /** SHA-256 of the parts written out exactly, or null if some part cannot be. */
  static String key(Object... parts) {
    StringBuilder text = new StringBuilder();
    if (!write(parts, text)) {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  private static boolean write(Object o, StringBuilder out) {
    if (o == null) {
      out.append("null");
    } else if (o instanceof IExpr e) {
      // the printed form and the structural hash: two expressions that print alike (a rounded
      // number, say) still differ in their hash
      out.append("expr(").append(e.fullFormString()).append('#').append(e.hashCode()).append(')');
    } else if (o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Character
        || o instanceof Enum<?> || o instanceof java.time.Duration || o instanceof java.math.BigDecimal) {
      out.append(o.getClass().getSimpleName()).append('(').append(o).append(')');
    } else if (o instanceof Source) {
      out.append("source"); // where a thing is written does not change its verdict
    } else if (o instanceof Domains d) {
      out.append("domains(");
      return write(d.declared(), out) && write(d.equalities(), out) && write(d.conditions(), out) && close(out);
    } else if (o instanceof Record r) {
      out.append(r.getClass().getName()).append('(');
      for (RecordComponent component : r.getClass().getRecordComponents()) {
        try {
          component.getAccessor().setAccessible(true);
          if (!write(component.getAccessor().invoke(r), out)) {
            return false;
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          return false;
        }
        out.append(',');
      }
      return close(out);
    } else if (o instanceof Map<?, ?> m) {
      out.append("map(");
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        if (!write(entry.getKey(), out) || !write(entry.getValue(), out)) {
          return false;
        }
        out.append(';');
      }
      return close(out);
    } else if (o instanceof Collection<?> c) {
      out.append("items(");
      for (Object item : c) {
        if (!write(item, out)) {
          return false;
        }
        out.append(';');
      }
      return close(out);
    } else if (o instanceof Object[] array) {
      return write(java.util.Arrays.asList(array), out);
    } else {
      return false; // no exact written form: never cached
    }
    return true;
  }

  private static boolean close(StringBuilder out) {
    out.append(')');
    return true;
  }
}
