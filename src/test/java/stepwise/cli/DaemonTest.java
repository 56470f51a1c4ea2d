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

  private record Reply(String raw, String out, String err, String exit) {}

  private static Reply ask(int port, String token, String environment, String cwd, List<String> args) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream request = socket.getOutputStream();
      for (String field : concat(List.of(token, environment, cwd, String.valueOf(args.size())), args)) {
        request.write(field.getBytes(StandardCharsets.UTF_8));
        request.write(0);
      }
      request.flush();
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
