package stepwise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import stepwise.load.TextFiles;
import stepwise.model.Derivation;
import stepwise.model.InputError;
import stepwise.pipeline.InputErrors;
import stepwise.pipeline.Inputs;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.pipeline.VerdictCache;
import stepwise.render.JsonReport;
import stepwise.render.TextReport;

/**
 * check --watch: checks, then re-checks whenever a derivation file in the watched folders is
 * saved. Verdicts come from a cache keyed by each step's content, so a save re-verifies only
 * the steps (and claims) whose inputs changed. Stops on Ctrl-C or stop().
 */
final class Watch {
  /** Events closer together than this are one save (editors write, rename, touch). */
  static final Duration QUIET = Duration.ofMillis(25);

  /** One check round: how long it took and how many verdicts came from the cache. */
  record Round(Duration took, int fromCache, int computed, int exitCode) {}

  private final List<Path> arguments;
  private final boolean json;
  private final Consumer<Round> onRound;
  private final Pipeline pipeline;
  private final VerdictCache cache = new VerdictCache();
  private final WatchService service;
  private final Set<Path> watched = new LinkedHashSet<>();
  private final CountDownLatch finished = new CountDownLatch(1);

  Watch(List<Path> inputs, CheckOptions options, boolean json, Consumer<Round> onRound) throws IOException {
    this.arguments = inputs.isEmpty() ? List.of(Path.of("derivations")) : List.copyOf(inputs);
    this.json = json;
    this.onRound = onRound;
    this.pipeline = new Pipeline(options.catalogue(), options.settings(), cache);
    this.service = FileSystems.getDefault().newWatchService();
  }

  /** Checks, then watches until stopped; the exit code is that of the last round. */
  int run() {
    Thread hook = new Thread(() -> { // Ctrl-C: stop watching and let the loop say so
      stop();
      try {
        finished.await(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    int code = 0;
    try {
      code = round();
      while (true) {
        WatchKey key = service.take();
        boolean relevant = drain(key);
        for (WatchKey more; (more = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
          relevant |= drain(more);
        }
        if (relevant) {
          code = round();
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      Main.ERR.println("watch: stopped");
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down (Ctrl-C)
      }
    }
    return code;
  }

  /** Ends run() (from another thread or a shutdown hook). */
  void stop() {
    try {
      service.close();
    } catch (IOException e) {
      // closing is all we want
    }
  }

  private int round() {
    long start = System.nanoTime();
    cache.resetCounts();
    PrintStream out = Main.OUT;
    int code;
    List<Path> files = new ArrayList<>();
    try {
      arguments.forEach(argument -> TextFiles.classify(argument, false));
      List<Derivation> derivations = pipeline.load(Inputs.files(arguments));
      derivations.forEach(d -> files.add(d.file()));
      Report report = pipeline.check(derivations);
      if (json) {
        out.println(JsonReport.of(report));
      } else {
        TextReport.print(report, out);
      }
      code = report.passes() ? 0 : 1;
    } catch (InputErrors e) {
      e.errors().forEach(error -> Main.ERR.println("error: " + error.describe()));
      code = 2;
    } catch (InputError e) {
      Main.ERR.println("error: " + e.describe());
      code = 2;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    watchFolders(files);
    Main.ERR.printf("watch: checked in %d ms (%d of %d verdicts from the cache); waiting for changes (Ctrl-C stops)%n",
        took.toMillis(), cache.hits(), cache.hits() + cache.misses());
    onRound.accept(new Round(took, cache.hits(), cache.misses(), code));
    return code;
  }

  /** The folders of the loaded files and every folder under the folders given. */
  private void watchFolders(List<Path> loaded) {
    Set<Path> folders = new LinkedHashSet<>();
    for (Path file : loaded) {
      folders.add(file.toAbsolutePath().normalize().getParent());
    }
    for (Path argument : arguments) {
      Path absolute = argument.toAbsolutePath().normalize();
      if (Files.isDirectory(absolute)) {
        try (Stream<Path> walk = Files.walk(absolute)) {
          walk.filter(Files::isDirectory).forEach(folders::add);
        } catch (IOException e) {
          folders.add(absolute);
        }
      } else if (absolute.getParent() != null) {
        folders.add(absolute.getParent()); // a file not there yet is watched for
      }
    }
    for (Path folder : folders) {
      if (folder != null && Files.isDirectory(folder) && watched.add(folder)) {
        try {
          folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
          watched.remove(folder);
          Main.ERR.println("watch: cannot watch " + folder + ": " + e.getMessage());
        }
      }
    }
  }

  /** Whether the key's events touch a derivation file (or were too many to tell). */
  private static boolean drain(WatchKey key) {
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        relevant = true;
      } else if (event.context() instanceof Path name) {
        String file = name.toString();
        relevant |= file.endsWith(".yaml") || file.endsWith(".yml") || Files.isDirectory(((Path) key.watchable()).resolve(name));
      }
    }
    key.reset();
    return relevant;
  }
}
