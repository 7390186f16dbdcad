package dev.chatshell.bench;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.config.ConfigException;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.config.Setting;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.ChannelStore;
import dev.chatshell.store.Database;
import dev.chatshell.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Puts the churn's accounts and registered channels into the database of the server the bench is
 * about to start, as {@code chatshell accounts} would: registering hundreds of accounts through the
 * server would take hours at its hourly limits, and is not what is measured.
 *
 * <p>Every account gets the same hash, made once with the fewest iterations the server accepts: the
 * hash is checked at each login (outside the domain's lock, on the server's hashing threads), and
 * at the default work factor a handful of logins a second would take the two cores the chat is
 * measured on.
 */
final class ChurnAccounts {
  /** The least work factor the server accepts in a stored hash. */
  static final int HASH_ITERATIONS = 100_000;

  private ChurnAccounts() {}

  /**
   * Creates the accounts and channels of {@code churn} in the database that {@code settings} (the
   * server's, by key) name. What an earlier run with the same label left there is kept and reused.
   */
  static void seed(ChurnPlan churn, Map<String, String> settings, Path home) throws IOException {
    Map<Setting, String> overrides = new EnumMap<>(Setting.class);
    settings.forEach(
        (key, value) -> {
          Setting setting = Setting.byKey(key);
          if (setting != null) {
            overrides.put(setting, value);
          }
        });
    ServerConfig config;
    try {
      config = ServerConfig.load(null, home, overrides);
    } catch (ConfigException e) {
      throw new IOException("churn accounts: " + e.getMessage(), e);
    }
    String hash = PasswordHash.hash(ChurnPlan.PASSWORD.toCharArray(), HASH_ITERATIONS);
    Instant now = Instant.now();
    try (Database database = Database.open(config.databaseUrl(), config.databaseFile())) {
      AccountStore accounts = new AccountStore(database);
      for (int i = 0; i < churn.moderators(); i++) {
        accounts.create(ChurnPlan.moderator(i), hash, now);
      }
      for (int i = 0; i < churn.targets(); i++) {
        accounts.create(ChurnPlan.target(i), hash, now);
      }
      for (int i = 0; i < churn.loginAccounts(); i++) {
        accounts.create(ChurnPlan.loginAccount(i), hash, now);
      }
      ChannelStore channels = new ChannelStore(database);
      Set<String> registered = new HashSet<>();
      for (ChannelRegistry.Registered channel : channels.load()) {
        registered.add(channel.name());
      }
      for (int i = 0; i < churn.moderators(); i++) {
        String name = ChurnPlan.channel(i);
        if (registered.contains(name)) {
          // Left by an earlier run with this label: its target starts as a plain member again.
          channels.removeAdmin(name, ChurnPlan.target(i / ChurnPlan.CHANNELS_PER_TARGET));
        } else {
          channels.register(
              new ChannelRegistry.Registered(name, ChurnPlan.moderator(i), Set.of(), null), now);
        }
      }
    } catch (StoreException | RuntimeException e) {
      throw new IOException("churn accounts: " + e.getMessage(), e);
    }
  }
}
