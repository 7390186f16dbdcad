package dev.chatshell.testing;

import dev.chatshell.command.ChatCommand;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real command plugin jars at test time: compiles Java source strings against the server's
 * classes with the system compiler and writes them, with a {@code META-INF/services} file, into a
 * jar, just as a plugin author would.
 */
public final class PluginJars {
  /** The service file a plugin jar lists its commands in. */
  public static final String SERVICES = "META-INF/services/" + ChatCommand.class.getName();

  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Set<String> left = new java.util.HashSet<>();
  private String services;

  private PluginJars() {}

  /** A new jar, empty so far. */
  public static PluginJars jar() {
    return new PluginJars();
  }

  /** Adds a class from its source; {@code className} is fully qualified. */
  public PluginJars source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /**
   * Compiles {@code className} with the others but leaves its class files out of the jar (for a
   * class a plugin was built against that the server does not have).
   */
  public PluginJars compileOnly(String className, String code) {
    sources.put(className, code);
    left.add(className);
    return this;
  }

  /** The services file, one class name a line; without a call the jar has none. */
  public PluginJars services(String... classNames) {
    this.services = String.join("\n", classNames) + "\n";
    return this;
  }

  /** Compiles the sources and writes the jar to {@code jar}; returns it. */
  public Path writeTo(Path jar) throws IOException {
    Path classes = Files.createTempDirectory("chatshell-plugin-classes");
    try {
      write(jar, classes);
    } finally {
      try (Stream<Path> walk = Files.walk(classes)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return jar;
  }

  private void write(Path jar, Path classes) throws IOException {
    if (!sources.isEmpty()) {
      compile(classes);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path classFile : files) {
        String name = classes.relativize(classFile).toString().replace(File.separatorChar, '/');
        String className = name.replaceAll("\\.class$", "").replaceAll("\\$.*$", "");
        if (left.contains(className.replace('/', '.'))) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
      if (services != null) {
        out.putNextEntry(new JarEntry("META-INF/"));
        out.closeEntry();
        out.putNextEntry(new JarEntry("META-INF/services/"));
        out.closeEntry();
        out.putNextEntry(new JarEntry(SERVICES));
        out.write(services.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  private void compile(Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new AssertionError("Tests need a JDK with javac (javax.tools) to build plugin jars");
    }
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new Source(name, code)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of("-d", classes.toString(), "-classpath", classpath(), "-proc:none", "-Xlint:none");
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
      if (!ok) {
        throw new AssertionError(
            "The test plugin does not compile: " + diagnostics.getDiagnostics());
      }
    }
  }

  /** The test class path, plus where the server's classes are in case the fork hides it. */
  private static String classpath() {
    String path = System.getProperty("java.class.path", "");
    try {
      URI server = ChatCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Path.of(server) + File.pathSeparator + path;
    } catch (URISyntaxException | RuntimeException e) {
      return path;
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(
          URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
