package dev.chatshell.cli;

import dev.chatshell.Version;
import dev.chatshell.colour.Colours;
import dev.chatshell.config.ConfigException;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.store.DataDirectoryLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chatshell serve}: runs the server until SIGTERM or an operator's /SHUTDOWN. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = {
      "Start the chat server. Settings come from the defaults, then the configuration file,"
          + " then these options."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port to listen on (default 2323; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--ssh-port",
      paramLabel = "N",
      description = "TCP port for SSH clients (default 2222; 0 turns the SSH door off).")
  Integer sshPort;

  @Option(
      names = "--irc-port",
      paramLabel = "N",
      description = "TCP port for IRC clients (default 6667; 0 turns plain IRC off).")
  Integer ircPort;

  @Option(
      names = "--http-port",
      paramLabel = "N",
      description = "TCP port for the browser page (default 8080; 0 turns the browser door off).")
  Integer httpPort;

  @Option(
      names = "--irc-tls-port",
      paramLabel = "N",
      description = "TCP port for IRC over TLS (default 6697; 0 turns it off).")
  Integer ircTlsPort;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default 0.0.0.0).")
  String bind;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ServerConfig settings;
    try {
      settings = ServerConfig.load(config.file(), Installation.home(), overrides());
    } catch (ConfigException e) {
      err.println(Colours.err().error("chatshell: " + e.getMessage()));
      return 2;
    }
    ChatshellServer server;
    try {
      server = new ChatshellServer(settings);
    } catch (ConfigException e) {
      err.println(Colours.err().error("chatshell: " + e.getMessage()));
      return 2;
    } catch (DataDirectoryLock.InUseException e) {
      err.println(Colours.err().error("chatshell: " + e.getMessage()));
      return 4;
    } catch (IOException e) {
      err.println(Colours.err().error("chatshell: cannot start: " + e.getMessage()));
      return 1;
    }
    try {
      server.start();
    } catch (IOException e) {
      server.close(); // gives the data directory back, for whoever runs in this process next
      if (e instanceof BindException) {
        err.println(Colours.err().error("chatshell: cannot listen on " + e.getMessage()));
        return 3;
      }
      err.println(Colours.err().error("chatshell: cannot start: " + e.getMessage()));
      return 1;
    }
    server.startConsoleIfInteractive();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> server.shutdown("the operator stopped it"), "shutdown"));
    server.awaitStopped(); // a signal (the hook above) or an operator's /SHUTDOWN
    return 0;
  }

  private Map<Setting, String> overrides() {
    Map<Setting, String> overrides = new EnumMap<>(Setting.class);
    if (port != null) {
      overrides.put(Setting.PORT, String.valueOf(port));
    }
    if (sshPort != null) {
      overrides.put(Setting.SSH_PORT, String.valueOf(sshPort));
    }
    if (ircPort != null) {
      overrides.put(Setting.IRC_PORT, String.valueOf(ircPort));
    }
    if (httpPort != null) {
      overrides.put(Setting.HTTP_PORT, String.valueOf(httpPort));
    }
    if (ircTlsPort != null) {
      overrides.put(Setting.IRC_TLS_PORT, String.valueOf(ircTlsPort));
    }
    if (bind != null) {
      overrides.put(Setting.BIND, bind);
    }
    return overrides;
  }
}
