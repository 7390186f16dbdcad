package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.command.builtin.HelpCommand;
import dev.chatshell.testing.PluginJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command plugins as the server meets them: real jars, compiled and packed here at test time, in a
 * directory given to {@link PluginLoader}, then merged into the table with {@link
 * CommandTable#withPlugins}. Bad plugins are skipped or refused with a logged reason and never stop
 * the table (and so the server) from being built.
 */
class PluginLoaderTest {
  @TempDir Path dir;

  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);

  /** Source of a plugin command; {@code body} is the run method's body. */
  private static String command(
      String className, String name, Privilege privilege, String extraMembers, String body) {
    int dot = className.lastIndexOf('.');
    return "package "
        + className.substring(0, dot)
        + ";\n"
        + "import dev.chatshell.command.*;\n"
        + "@SlashCommand(name = \""
        + name
        + "\", usage = \"[what]\", summary = \"a test plugin command called "
        + name
        + "\", privilege = Privilege."
        + privilege.name()
        + ")\n"
        + "public final class "
        + className.substring(dot + 1)
        + " implements ChatCommand {\n"
        + "  public static int runs;\n"
        + extraMembers
        + "\n  @Override public void run(CommandContext context, Arguments arguments) {\n"
        + "    runs++;\n"
        + body
        + "\n  }\n}\n";
  }

  private static String command(String className, String name, Privilege privilege) {
    return command(
        className,
        name,
        privilege,
        "",
        "context.reply(\"" + name + " ran: \" + arguments.rest(0));");
  }

  /** How many times a plugin command's own static counter says it ran. */
  private static int runs(ChatCommand command) throws ReflectiveOperationException {
    return command.getClass().getField("runs").getInt(null);
  }

  /** Runs {@code action} and returns what it logged (the server logs to standard error). */
  private static <T> Logged<T> logged(Callable<T> action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    T value;
    try {
      value = action.call();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log); // still shown in the test output
    return new Logged<>(value, log);
  }

  private record Logged<T>(T value, String log) {}

  private static List<String> names(List<ChatCommand> commands) {
    return commands.stream().map(c -> c.getClass().getName()).toList();
  }

  private static CommandTable table(List<ChatCommand> plugins) {
    return CommandTable.withPlugins(BuiltinCommands.all(), plugins);
  }

  @Test
  void theExampleJarIsLoadedUnlessMissingOffOrAlreadyInTheDirectory() throws Exception {
    Path commands = Files.createDirectories(dir.resolve("commands"));
    Path example =
        PluginJars.jar()
            .source(
                "plugin.ex.DiceCommand", command("plugin.ex.DiceCommand", "DICE", Privilege.ANYONE))
            .services("plugin.ex.DiceCommand")
            .writeTo(Files.createDirectories(dir.resolve("target")).resolve("example.jar"));

    assertEquals(
        List.of("plugin.ex.DiceCommand"), names(PluginLoader.loadWithExample(commands, example)));
    assertEquals(List.of(), PluginLoader.loadWithExample(commands, null), "examples off");
    assertEquals(
        List.of(),
        PluginLoader.loadWithExample(commands, dir.resolve("missing.jar")),
        "not built: none");
    Files.copy(example, commands.resolve("example.jar")); // copied by hand, as the docs once said
    assertEquals(
        List.of("plugin.ex.DiceCommand"),
        names(PluginLoader.loadWithExample(commands, example)),
        "loaded once, from the directory");
  }

  @Test
  void aGoodPluginIsLoadedFromItsOwnClassLoaderAndJoinsTheTableWithItsPrivilege() throws Exception {
    PluginJars.jar()
        .source(
            "plugin.good.SecretCommand",
            command("plugin.good.SecretCommand", "SECRET", Privilege.SECONDARY_ADMIN))
        .services("plugin.good.SecretCommand")
        .writeTo(dir.resolve("good.jar"));

    Logged<List<ChatCommand>> loaded = logged(() -> PluginLoader.load(dir));

    assertEquals(List.of("plugin.good.SecretCommand"), names(loaded.value()));
    ChatCommand plugin = loaded.value().getFirst();
    assertInstanceOf(URLClassLoader.class, plugin.getClass().getClassLoader());
    assertNotSame(ChatCommand.class.getClassLoader(), plugin.getClass().getClassLoader());
    assertTrue(loaded.log().contains("good.jar"), loaded.log());

    CommandTable table = table(loaded.value());
    CommandTable.Entry entry = table.find("/secret");
    assertNotNull(entry, "found like a built-in, in any case");
    assertSame(plugin, entry.command());
    assertSame(entry, table.find("SECRET"));
    assertEquals(Privilege.SECONDARY_ADMIN, entry.spec().privilege());
    assertEquals("/SECRET [what]", entry.synopsis());
    assertEquals(BuiltinCommands.all().size() + 1, table.entries().size());
    for (Privilege privilege : Privilege.values()) {
      assertEquals(
          privilege.covers(Privilege.SECONDARY_ADMIN),
          table.visibleTo(privilege).contains(entry),
          "/SECRET visible to " + privilege);
    }
    assertFalse(table.visibleTo(Privilege.MEMBER).contains(entry));
    assertFalse(table.visibleTo(Privilege.ANYONE).contains(entry));
    assertTrue(table.visibleTo(Privilege.SECONDARY_ADMIN).contains(entry));
    assertTrue(table.visibleTo(Privilege.MAIN_ADMIN).contains(entry));
    assertTrue(table.visibleTo(Privilege.SERVER_OPERATOR).contains(entry));
    assertNotNull(table.find("HELP"), "the built-ins are all still there");
  }

  @Test
  void theTableEnforcesAPluginsPrivilegeBeforeItRuns() throws Exception {
    PluginJars.jar()
        .source(
            "plugin.good.SecretCommand",
            command("plugin.good.SecretCommand", "SECRET", Privilege.SECONDARY_ADMIN))
        .source(
            "plugin.good.MemberCommand",
            command("plugin.good.MemberCommand", "CLUB", Privilege.MEMBER))
        .services("plugin.good.SecretCommand", "plugin.good.MemberCommand")
        .writeTo(dir.resolve("good.jar"));
    List<ChatCommand> plugins = PluginLoader.load(dir);
    assertEquals(2, plugins.size());
    CommandTable table = table(plugins);
    ChatCommand secret = table.find("SECRET").command();
    ChatCommand club = table.find("CLUB").command();

    FakeContext loner = new FakeContext(chat, table, "loner");
    loner.run("/secret now");
    assertEquals(
        List.of("/SECRET is for admins of the current channel; you are in no channel."),
        loner.errors());
    loner.run("/club");
    assertEquals("/CLUB needs a current channel: /JOIN one first.", loner.errors().get(1));
    assertEquals(0, runs(secret), "refused before it ran");
    assertEquals(0, runs(club));

    FakeContext owner = new FakeContext(chat, table, "owner");
    FakeContext member = new FakeContext(chat, table, "member");
    owner.run("/join #plugins");
    member.run("/join #plugins");
    member.clear().run("/secret now");
    assertEquals(
        List.of("/SECRET is for admins of the current channel; you are not."), member.errors());
    assertEquals(0, runs(secret), "a plain member is refused too");
    member.clear().run("/CLUB in");
    assertEquals(List.of(), member.errors());
    assertEquals(List.of("CLUB ran: in"), member.replies());
    assertEquals(1, runs(club));

    owner.clear().run("/Secret now");
    assertEquals(List.of(), owner.errors());
    assertEquals(List.of("SECRET ran: now"), owner.replies());
    assertEquals(1, runs(secret), "the main admin covers admins");

    member.clear().actingAs(Privilege.SECONDARY_ADMIN).run("/secret again");
    assertEquals(List.of("SECRET ran: again"), member.replies());
    assertEquals(2, runs(secret));
  }

  @Test
  void aPluginTakingABuiltinNameIsRefusedWithALoggedReasonAndTheBuiltinStays() throws Exception {
    PluginJars.jar()
        .source("plugin.dup.FakeHelp", command("plugin.dup.FakeHelp", "HELP", Privilege.ANYONE))
        .source("plugin.dup.Fine", command("plugin.dup.Fine", "FINE", Privilege.ANYONE))
        .services("plugin.dup.FakeHelp", "plugin.dup.Fine")
        .writeTo(dir.resolve("dup.jar"));
    List<ChatCommand> plugins = PluginLoader.load(dir);
    assertEquals(2, plugins.size(), "the loader finds both; the table decides");

    Logged<CommandTable> built = logged(() -> table(plugins));

    CommandTable table = built.value();
    assertInstanceOf(HelpCommand.class, table.find("HELP").command());
    assertNotNull(table.find("FINE"), "the jar's other command is still added");
    assertEquals(BuiltinCommands.all().size() + 1, table.entries().size());
    assertTrue(built.log().contains("Refused plugin command plugin.dup.FakeHelp"), built.log());
    assertTrue(built.log().contains("/HELP is already"), built.log());

    FakeContext user = new FakeContext(chat, table, "helpme");
    user.run("/help");
    assertEquals(0, runs(plugins.getFirst()), "/HELP still runs the built-in");
    assertTrue(user.replies().stream().anyMatch(l -> l.startsWith("/FINE [what]")));
  }

  @Test
  void ofTwoPluginsWithOneNameTheFirstJarByFileNameWins() throws Exception {
    // Written in the opposite order, with class names sorting the other way, so only the jar file
    // names can decide.
    PluginJars.jar()
        .source("aaa.Second", command("aaa.Second", "TWIN", Privilege.ANYONE))
        .services("aaa.Second")
        .writeTo(dir.resolve("zz-second.jar"));
    PluginJars.jar()
        .source("zzz.First", command("zzz.First", "TWIN", Privilege.MEMBER))
        .services("zzz.First")
        .writeTo(dir.resolve("aa-first.jar"));

    List<ChatCommand> plugins = PluginLoader.load(dir);
    assertEquals(List.of("zzz.First", "aaa.Second"), names(plugins), "jars in name order");

    Logged<CommandTable> built = logged(() -> table(plugins));
    CommandTable.Entry twin = built.value().find("twin");
    assertSame(plugins.get(0), twin.command());
    assertEquals(Privilege.MEMBER, twin.spec().privilege());
    assertTrue(built.log().contains("Refused plugin command aaa.Second"), built.log());
    assertTrue(built.log().contains("/TWIN is already zzz.First"), built.log());
  }

  @Test
  void aCommandWithoutItsDeclarationIsRefused() throws Exception {
    String undeclared =
        """
        package plugin.bare;
        import dev.chatshell.command.*;
        public final class Bare implements ChatCommand {
          @Override public void run(CommandContext context, Arguments arguments) {
            context.reply("bare");
          }
        }
        """;
    PluginJars.jar()
        .source("plugin.bare.Bare", undeclared)
        .source(
            "plugin.bare.Lower", command("plugin.bare.Lower", "lower", Privilege.ANYONE, "", ""))
        .source("plugin.bare.Good", command("plugin.bare.Good", "GOOD", Privilege.ANYONE))
        .services("plugin.bare.Bare", "plugin.bare.Lower", "plugin.bare.Good")
        .writeTo(dir.resolve("bare.jar"));
    List<ChatCommand> plugins = PluginLoader.load(dir);
    assertEquals(3, plugins.size());

    Logged<CommandTable> built = logged(() -> assertDoesNotThrow(() -> table(plugins)));

    CommandTable table = built.value();
    assertEquals(BuiltinCommands.all().size() + 1, table.entries().size(), "only GOOD joins");
    assertNotNull(table.find("GOOD"));
    assertNull(table.find("LOWER"));
    assertTrue(
        table.entries().stream().noneMatch(e -> e.command().getClass().getName().endsWith("Bare")));
    assertTrue(built.log().contains("plugin.bare.Bare has no @SlashCommand"), built.log());
    assertTrue(built.log().contains("plugin.bare.Lower: a command name is"), built.log());
  }

  @Test
  void aMissingClassOrAFailingConstructorIsSkippedAndTheJarsOtherCommandsStay() throws Exception {
    String throwing =
        command(
            "plugin.mixed.Throwing",
            "THROWING",
            Privilege.ANYONE,
            "  public Throwing() { throw new IllegalStateException(\"cannot start\"); }",
            "");
    String badStatic =
        command(
            "plugin.mixed.BadStatic",
            "BADSTATIC",
            Privilege.ANYONE,
            "  static final int BOOM = Integer.parseInt(\"not a number\");",
            "");
    String notACommand = "package plugin.mixed; public final class NotACommand {}";
    PluginJars.jar()
        .source("plugin.mixed.Throwing", throwing)
        .source("plugin.mixed.BadStatic", badStatic)
        .source("plugin.mixed.NotACommand", notACommand)
        .source("plugin.mixed.Before", command("plugin.mixed.Before", "BEFORE", Privilege.ANYONE))
        .source("plugin.mixed.After", command("plugin.mixed.After", "AFTER", Privilege.ANYONE))
        .services(
            "plugin.mixed.DoesNotExist",
            "plugin.mixed.Before",
            "plugin.mixed.Throwing",
            "plugin.mixed.NotACommand",
            "plugin.mixed.BadStatic",
            "plugin.mixed.After",
            "plugin.mixed.AlsoMissing")
        .writeTo(dir.resolve("mixed.jar"));

    Logged<List<ChatCommand>> loaded = logged(() -> PluginLoader.load(dir));

    assertEquals(List.of("plugin.mixed.Before", "plugin.mixed.After"), names(loaded.value()));
    String log = loaded.log();
    assertTrue(log.contains("DoesNotExist"), log);
    assertTrue(log.contains("plugin.mixed.Throwing"), log);
    assertTrue(log.contains("plugin.mixed.NotACommand"), log);
    assertTrue(log.contains("plugin.mixed.BadStatic"), log);
    assertTrue(log.contains("AlsoMissing"), log);
    CommandTable table = table(loaded.value());
    assertNotNull(table.find("BEFORE"));
    assertNotNull(table.find("AFTER"));
    assertNull(table.find("THROWING"));
  }

  @Test
  void filesThatAreNotJarsAreSkippedAndTheGoodJarBesideThemStillLoads() throws Exception {
    byte[] noise = new byte[4096];
    new java.util.Random(42).nextBytes(noise);
    Files.write(dir.resolve("broken.jar"), noise);
    Files.write(dir.resolve("empty.jar"), new byte[0]);
    Files.writeString(dir.resolve("text.jar"), "PK but not really a zip\n");
    Files.createDirectory(dir.resolve("folder.jar"));
    PluginJars.jar()
        .source("plugin.ok.Okay", command("plugin.ok.Okay", "OKAY", Privilege.ANYONE))
        .services("plugin.ok.Okay")
        .writeTo(dir.resolve("ok.jar"));
    Files.writeString(dir.resolve("notes.txt"), "not a jar at all, and not named like one");

    Logged<List<ChatCommand>> loaded =
        logged(() -> assertDoesNotThrow(() -> PluginLoader.load(dir)));

    assertEquals(List.of("plugin.ok.Okay"), names(loaded.value()));
    String log = loaded.log();
    assertTrue(log.contains("Skipping command plugin broken.jar"), log);
    assertTrue(log.contains("Skipping command plugin empty.jar"), log);
    assertTrue(log.contains("Skipping command plugin text.jar"), log);
    assertFalse(log.contains("notes.txt"), "only *.jar files are plugins: " + log);
    CommandTable table = assertDoesNotThrow(() -> table(loaded.value()));
    assertNotNull(table.find("OKAY"));
  }

  @Test
  void aMissingDirectoryOrAFileInsteadOfOneGivesNoCommands() throws Exception {
    Path missing = dir.resolve("no-such-commands-dir");
    assertEquals(List.of(), assertDoesNotThrow(() -> PluginLoader.load(missing)));
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertEquals(List.of(), assertDoesNotThrow(() -> PluginLoader.load(file)));
    assertEquals(List.of(), PluginLoader.load(dir), "an empty directory");
    assertEquals(BuiltinCommands.all().size(), table(PluginLoader.load(missing)).entries().size());
  }

  @Test
  void aJarWithoutAServicesFileGivesNoCommands() throws Exception {
    PluginJars.jar()
        .source("plugin.quiet.Quiet", command("plugin.quiet.Quiet", "QUIET", Privilege.ANYONE))
        .writeTo(dir.resolve("quiet.jar"));
    PluginJars.jar().services().writeTo(dir.resolve("hollow.jar")); // an empty services file

    Logged<List<ChatCommand>> loaded = logged(() -> PluginLoader.load(dir));

    assertEquals(List.of(), loaded.value());
    assertTrue(loaded.log().contains("quiet.jar provides no command"), loaded.log());
    assertTrue(loaded.log().contains("hollow.jar provides no command"), loaded.log());
  }

  @Test
  void aJarNamingTheServersOwnClassesAddsNothing() throws Exception {
    PluginJars.jar()
        .services("dev.chatshell.command.builtin.HelpCommand")
        .writeTo(dir.resolve("copycat.jar"));

    List<ChatCommand> plugins = PluginLoader.load(dir);

    assertEquals(List.of(), plugins, "a built-in is not a plugin of this jar");
  }

  /**
   * A plugin built against another version of the server can name a privilege this server does not
   * have. Its declaration cannot be read, so the table must refuse it like any other bad
   * declaration instead of letting it break /HELP and completion (which list the table by
   * privilege) for everyone.
   */
  @Test
  void aPluginDeclaringAPrivilegeThisServerDoesNotKnowIsRefused() throws Exception {
    String newerPrivilege =
        """
        package dev.chatshell.command;
        public enum Privilege { SERVER_OPERATOR, ROYALTY, MAIN_ADMIN, SECONDARY_ADMIN, MEMBER, ANYONE }
        """;
    String royal =
        """
        package plugin.future;
        import dev.chatshell.command.*;
        @SlashCommand(name = "CROWN", summary = "from a newer server", privilege = Privilege.ROYALTY)
        public final class Crown implements ChatCommand {
          @Override public void run(CommandContext context, Arguments arguments) {}
        }
        """;
    PluginJars.jar()
        .compileOnly("dev.chatshell.command.Privilege", newerPrivilege)
        .source("plugin.future.Crown", royal)
        .source("plugin.future.Plain", command("plugin.future.Plain", "PLAIN", Privilege.ANYONE))
        .services("plugin.future.Crown", "plugin.future.Plain")
        .writeTo(dir.resolve("future.jar"));
    List<ChatCommand> plugins = PluginLoader.load(dir);

    CommandTable table = assertDoesNotThrow(() -> table(plugins));

    assertNotNull(table.find("PLAIN"));
    assertDoesNotThrow(() -> table.visibleTo(Privilege.ANYONE), "/HELP and TAB list this");
    FakeContext user = new FakeContext(chat, table, "curious");
    assertDoesNotThrow(() -> user.run("/help"));
    assertEquals(List.of(), user.errors(), "/HELP must keep working for everyone");
    assertTrue(
        user.replies().stream().anyMatch(l -> l.startsWith("/PLAIN")), user.replies().toString());
    assertDoesNotThrow(() -> user.clear().run("/crown"));
    assertNull(table.find("CROWN"), "an unreadable declaration is refused at start-up");
  }

  @Test
  void noBadPluginStopsTheTableFromBeingBuilt() throws Exception {
    Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5});
    PluginJars.jar()
        .source("bad.Help", command("bad.Help", "HELP", Privilege.ANYONE))
        .source(
            "bad.Undeclared",
            "package bad; public final class Undeclared implements dev.chatshell.command.ChatCommand {"
                + " public void run(dev.chatshell.command.CommandContext c,"
                + " dev.chatshell.command.Arguments a) {} }")
        .source("bad.Twin1", command("bad.Twin1", "TWIN", Privilege.ANYONE))
        .source("bad.Twin2", command("bad.Twin2", "TWIN", Privilege.ANYONE))
        .services("bad.Missing", "bad.Help", "bad.Undeclared", "bad.Twin1", "bad.Twin2")
        .writeTo(dir.resolve("bad.jar"));
    PluginJars.jar()
        .source("bad.Twin3", command("bad.Twin3", "TWIN", Privilege.ANYONE))
        .services("bad.Twin3")
        .writeTo(dir.resolve("bad2.jar"));

    CommandTable table =
        assertDoesNotThrow(
            () -> CommandTable.withPlugins(BuiltinCommands.all(), PluginLoader.load(dir)));

    assertEquals(BuiltinCommands.all().size() + 1, table.entries().size(), "built-ins + one TWIN");
    assertEquals("bad.Twin1", table.find("TWIN").command().getClass().getName());
    for (ChatCommand builtin : BuiltinCommands.all()) {
      CommandTable.Entry entry = CommandTable.entryFor(builtin);
      assertEquals(builtin.getClass(), table.find(entry.name()).command().getClass(), entry.name());
    }
  }

  @Test
  void twoJarsMayShipClassesOfTheSameNameEachInItsOwnLoader() throws IOException {
    PluginJars.jar()
        .source("same.Game", command("same.Game", "ONE", Privilege.ANYONE))
        .services("same.Game")
        .writeTo(dir.resolve("one.jar"));
    PluginJars.jar()
        .source("same.Game", command("same.Game", "TWO", Privilege.ANYONE))
        .services("same.Game")
        .writeTo(dir.resolve("two.jar"));

    List<ChatCommand> plugins = PluginLoader.load(dir);
    CommandTable table = table(plugins);

    assertEquals(2, plugins.size());
    assertNotNull(table.find("ONE"));
    assertNotNull(table.find("TWO"));
    assertNotSame(plugins.get(0).getClass(), plugins.get(1).getClass());
  }

  @Test
  void aPluginThatHangsWhileLoadingIsSkippedAndTheOthersStillLoad() throws Exception {
    PluginJars.jar()
        .source(
            "plugin.slow.Sleepy",
            command(
                "plugin.slow.Sleepy",
                "SLEEPY",
                Privilege.ANYONE,
                "  public Sleepy() { try { Thread.sleep(60_000); } catch (InterruptedException e) {} }\n",
                ""))
        .services("plugin.slow.Sleepy")
        .writeTo(dir.resolve("a-sleepy.jar"));
    PluginJars.jar()
        .source("plugin.fast.Quick", command("plugin.fast.Quick", "QUICK", Privilege.ANYONE))
        .services("plugin.fast.Quick")
        .writeTo(dir.resolve("b-quick.jar"));

    long start = System.nanoTime();
    Logged<List<ChatCommand>> loaded =
        logged(() -> PluginLoader.load(dir, java.time.Duration.ofMillis(500)));

    assertEquals(List.of("plugin.fast.Quick"), names(loaded.value()));
    assertTrue(loaded.log().contains("a-sleepy.jar: still loading"), loaded.log());
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "start-up was not held up");
  }

  @Test
  void aPluginThatThrowsAnErrorFailsItsLineNotTheSession() throws Exception {
    PluginJars.jar()
        .source(
            "plugin.boom.Boom",
            command(
                "plugin.boom.Boom",
                "BOOM",
                Privilege.ANYONE,
                "",
                "throw new AssertionError(\"bug\");"))
        .services("plugin.boom.Boom")
        .writeTo(dir.resolve("boom.jar"));
    CommandTable table = table(PluginLoader.load(dir));
    FakeContext alice = new FakeContext(chat, table, "alice");

    alice.run("/BOOM");
    alice.run("/HELP BOOM");

    assertEquals(
        List.of("/BOOM failed because of a server error; it has been logged."), alice.errors());
    assertEquals("/BOOM [what]", alice.replies().get(0), "the table still works afterwards");
  }
}
