package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background server answers as a plain run would, or says "run it plainly". */
class DaemonTest {
  @TempDir
  Path folder;

  @Test
  void relativePathsAreMadeAbsoluteAndAnythingUnknownFallsBack() {
    assertEquals(List.of("check", "/home/u/a.yaml", "--samples=300", "--json"),
        Daemon.requestArgs("/home/u", List.of("check", "a.yaml", "--samples", "300", "--json")));
    assertEquals(List.of("check", "--rules=/home/u/r.yaml", "/home/u/derivations"),
        Daemon.requestArgs("/home/u", List.of("check", "--rules", "r.yaml")), "check's default folder is the client's");
    assertEquals(List.of("equiv", "-Log(p)", "Log(1/p)", "--assume", "p > 0"),
        Daemon.requestArgs("/home/u", List.of("equiv", "-Log(p)", "Log(1/p)", "--assume", "p > 0")));
    assertNull(Daemon.requestArgs("/home/u", List.of("check", "--watch", "a.yaml")), "an option it does not know");
    assertNull(Daemon.requestArgs("/home/u", List.of("check", "/abs/a.yaml")), "an absolute path is shown as given");
    assertNull(Daemon.requestArgs("/home/u", List.of("check", "@args")));
    assertNull(Daemon.requestArgs("/home/u", List.of("equiv", "--batch", "pairs.tsv")));
    assertNull(Daemon.requestArgs("/home/u", List.of("render", "out")));
    assertNull(Daemon.requestArgs("/", List.of("check", "a.yaml")));
    assertEquals("error: derivations/x.yaml: no such file", Daemon.relativeAgain("error: /home/u/derivations/x.yaml: no such file", "/home/u"));
    assertEquals("/home/user2/x.yaml", Daemon.relativeAgain("/home/user2/x.yaml", "/home/u"), "only whole folder names");
  }

  @Test
  void answersAsAPlainRunAndRefusesStrangers() throws Exception {
    Path jar = folder.resolve("stepwise.jar");
    Files.writeString(jar, "stands for the jar: its size and time are watched");
    Daemon daemon = new Daemon(folder, jar, "env-1", Duration.ofSeconds(60));
    daemon.start();
    Thread server = new Thread(daemon::serve, "daemon");
    server.start();
    try {
      String cwd = Path.of("").toAbsolutePath().toString();
      List<String> args = List.of("check", "derivations/bce-from-kl.yaml");
      Cli plain = Cli.run(args.toArray(String[]::new));
      Reply served = ask(daemon.port(), daemon.token(), "env-1", cwd, args);
      assertEquals(plain.out(), served.out);
      assertEquals(plain.err(), served.err);
      assertEquals(String.valueOf(plain.exit()), served.exit);
      assertTrue(plain.out().contains("derivations/bce-from-kl.yaml") || !plain.out().contains(cwd), plain.out());

      Reply missing = ask(daemon.port(), daemon.token(), "env-1", cwd, List.of("check", "no-such.yaml"));
      Cli plainMissing = Cli.run("check", "no-such.yaml");
      assertEquals(plainMissing.err(), missing.err);
      assertEquals("2", missing.exit);

      assertEquals("F", ask(daemon.port(), daemon.token(), "env-2", cwd, args).raw.strip(), "another environment");
      assertEquals("F", ask(daemon.port(), daemon.token(), "env-1", cwd, List.of("check", "--watch", "a.yaml")).raw.strip());
      String stranger;
      try {
        stranger = ask(daemon.port(), "not-the-token", "env-1", cwd, args).raw;
      } catch (IOException e) {
        stranger = ""; // the server hung up after the token, before the rest was written
      }
      assertEquals("", stranger, "a stranger gets nothing");
    } finally {
      daemon.stop();
      server.join(10_000);
    }
    assertTrue(!server.isAlive(), "stops when told");
    assertTrue(!Files.exists(folder.resolve("address")), "and takes its address away");
  }

  /**
   * A client that goes away (Ctrl-C on the launcher closes the connection) cancels its command:
   * the server interrupts the check at once instead of running it to its 30 s limit, and answers
   * the next request as a plain run would.
   */
  @Test
  void aClientThatHangsUpCancelsItsCommandAndTheServerGoesOn() throws Exception {
    Daemon daemon = startDaemon();
    Thread server = new Thread(daemon::serve, "daemon");
    server.start();
    try {
      String cwd = Path.of("").toAbsolutePath().toString();
      long started = System.nanoTime();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
        String[] slow = stepwise.Fixtures.SLOW_TRUE_IDENTITY; // takes its whole time limit
        send(socket, daemon.token(), "env-1", cwd, -1,
            List.of("equiv", slow[0], slow[1], "--assume", slow[2], "--timeout", "30"));
        Thread.sleep(1500);
      } // hung up, as the launcher on Ctrl-C
      List<String> next = List.of("equiv", "(x + 1)^2", "x^2 + 2*x + 1");
      Reply answer = ask(daemon.port(), daemon.token(), "env-1", cwd, next);
      double seconds = (System.nanoTime() - started) / 1e9;
      Cli plain = Cli.run(next.toArray(String[]::new));
      assertEquals(plain.out(), answer.out);
      assertEquals(String.valueOf(plain.exit()), answer.exit);
      assertEquals(1, daemon.cancelled(), "cancelled while running (else pick a question that takes its whole time limit)");
      assertTrue(seconds < 20, "the cancelled check was not left to run to its 30 s limit: " + seconds + " s");
    } finally {
      daemon.stop();
      server.join(30_000);
    }
  }

  /**
   * equiv --batch through the server: a file named relative to the client's folder, and the
   * client's standard input (a pipe) as /dev/stdin, give a plain run's output and exit code.
   */
  @Test
  void batchesFromAFileOrTheClientsStandardInputAnswerAsAPlainRun() throws Exception {
    String pairs = "(x + 1)^2\tx^2 + 2*x + 1\tTrue\nLog(x*y)\tLog(x) + Log(y)\tx > 0 && y > 0\n"
        + "Sqrt(x^2)\tx\tTrue\n1/(\tx\tTrue\nSin(x)^2 + Cos(x)^2\t1\tTrue\n";
    Path relative = Path.of("target", "daemon-test-pairs.tsv");
    Files.createDirectories(relative.getParent());
    Files.writeString(relative, pairs);
    Cli plain = Cli.run("equiv", "--batch", relative.toString(), "--jobs", "2");
    assertEquals(2, plain.exit(), plain.out() + plain.err()); // one line is bad input

    Daemon daemon = startDaemon();
    Thread server = new Thread(daemon::serve, "daemon");
    server.start();
    // stands for the launcher: a process in this folder whose standard input is a pipe holding the pairs
    Process client = new ProcessBuilder("sleep", "120").directory(Path.of("").toAbsolutePath().toFile()).start();
    try {
      String cwd = Path.of("").toAbsolutePath().toString();
      try (OutputStream stdin = client.getOutputStream()) {
        stdin.write(pairs.getBytes(StandardCharsets.UTF_8));
      }
      Reply fromFile = ask(daemon.port(), daemon.token(), "env-1", cwd, client.pid(),
          List.of("equiv", "--batch", relative.toString(), "--jobs", "2"));
      assertEquals(plain.out(), fromFile.out);
      assertEquals(plain.err(), fromFile.err);
      assertEquals(String.valueOf(plain.exit()), fromFile.exit);

      Reply fromStdin = ask(daemon.port(), daemon.token(), "env-1", cwd, client.pid(),
          List.of("equiv", "--batch=/dev/stdin", "--jobs", "2"));
      assertEquals(plain.out(), fromStdin.out);
      assertEquals(String.valueOf(plain.exit()), fromStdin.exit);

      assertEquals("F", ask(daemon.port(), daemon.token(), "env-1", cwd, -1,
          List.of("equiv", "--batch", relative.toString())).raw.strip(), "no client process to read through");
      assertEquals("F", ask(daemon.port(), daemon.token(), "env-1", "/tmp", client.pid(),
          List.of("equiv", "--batch", relative.toString())).raw.strip(), "a folder that is not the client's");
      assertEquals("F", ask(daemon.port(), daemon.token(), "env-1", cwd, client.pid(),
          List.of("equiv", "--batch", "../pairs.tsv")).raw.strip(), "outside the client's folder");
    } finally {
      client.destroy();
      daemon.stop();
      server.join(30_000);
    }
  }

  /**
   * A client on a terminal gets the progress bar a plain run would draw there, sent as it is
   * redrawn (standard error without a line end); its standard output is unchanged.
   */
  @Test
  void aClientOnATerminalGetsTheProgressBar() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script makes a terminal");
    String pairs = "(x + 1)^2\tx^2 + 2*x + 1\tTrue\nSin(x)^2 + Cos(x)^2\t1\tTrue\n";
    Path relative = Path.of("target", "daemon-test-bar.tsv");
    Files.createDirectories(relative.getParent());
    Files.writeString(relative, pairs);
    Cli plain = Cli.run("equiv", "--batch", relative.toString());

    Daemon daemon = startDaemon();
    Thread server = new Thread(daemon::serve, "daemon");
    server.start();
    // stands for a launcher run on a terminal: script gives its child a pseudo-terminal as stdin, stdout and stderr
    Process script = new ProcessBuilder("script", "-qec", "sleep 120", "/dev/null")
        .directory(Path.of("").toAbsolutePath().toFile()).start();
    try {
      ProcessHandle client = null;
      for (int i = 0; i < 100 && client == null; i++) {
        client = script.toHandle().children().findFirst().orElse(null);
        Thread.sleep(50);
      }
      assertTrue(client != null, "script started no child");
      assertTrue(Daemon.clientTerminal(client.pid()) != null, "the child's fds are a terminal");
      assertNull(Daemon.clientTerminal(ProcessHandle.current().pid()), "a test's output is not a terminal");
      String cwd = Path.of("").toAbsolutePath().toString();
      Reply served = ask(daemon.port(), daemon.token(), "env-1", cwd, client.pid(), List.of("equiv", "--batch", relative.toString()));
      assertEquals(plain.out(), served.out, "the verdict lines are those of a plain run");
      assertEquals(String.valueOf(plain.exit()), served.exit);
      assertTrue(served.raw.contains("\nf\requiv "), "the bar, redrawn with a carriage return: " + served.raw);
      assertTrue(served.raw.contains("2/2"), "the bar reaches its end: " + served.raw);
    } finally {
      script.descendants().forEach(ProcessHandle::destroy);
      script.destroy();
      daemon.stop();
      server.join(30_000);
    }
  }

  private Daemon startDaemon() throws IOException {
    Path jar = folder.resolve("stepwise.jar");
    Files.writeString(jar, "stands for the jar: its size and time are watched");
    Daemon daemon = new Daemon(folder, jar, "env-1", Duration.ofSeconds(60));
    daemon.start();
    return daemon;
  }

  private record Reply(String raw, String out, String err, String exit) {}

  private static Reply ask(int port, String token, String environment, String cwd, List<String> args) throws IOException {
    return ask(port, token, environment, cwd, -1, args);
  }

  /** Sends a request as the launcher does (pid: the client process whose standard input and folder the server may read). */
  private static void send(Socket socket, String token, String environment, String cwd, long pid, List<String> args)
      throws IOException {
    OutputStream request = socket.getOutputStream();
    for (String field : concat(List.of(token, environment, cwd, String.valueOf(pid), String.valueOf(args.size())), args)) {
      request.write(field.getBytes(StandardCharsets.UTF_8));
      request.write(0);
    }
    request.flush();
  }

  private static Reply ask(int port, String token, String environment, String cwd, long pid, List<String> args)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      send(socket, token, environment, cwd, pid, args);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String raw = all.toString(StandardCharsets.UTF_8);
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      String exit = null;
      for (String line : raw.split("\n", -1)) {
        if (line.isEmpty()) {
          continue;
        }
        String text = line.substring(1);
        switch (line.charAt(0)) {
          case 'o' -> out.append(text).append('\n');
          case 'p' -> out.append(text);
          case 'e' -> err.append(text).append('\n');
          case 'f' -> err.append(text);
          case 'x' -> exit = text;
          default -> { }
        }
      }
      return new Reply(raw, out.toString(), err.toString(), exit);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
