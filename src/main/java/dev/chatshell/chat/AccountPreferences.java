package dev.chatshell.chat;

/**
 * Where accounts' {@link Preferences} are kept (the database, in the server). Both methods may be
 * slow (a disk write), so the domain never calls them while holding its lock; a storage failure
 * comes out as a {@link ChatException} that says nothing was changed.
 */
public interface AccountPreferences {
  /** Nothing is kept: every account has the defaults, and changes last until logout. */
  AccountPreferences NONE =
      new AccountPreferences() {
        @Override
        public Preferences load(String account) {
          return Preferences.DEFAULTS;
        }

        @Override
        public void save(String account, Preferences preferences) {}
      };

  /** What {@code account} chose, or {@link Preferences#DEFAULTS} when it never chose. */
  Preferences load(String account);

  /** Keeps {@code preferences} for {@code account}. Returns once it is stored. */
  void save(String account, Preferences preferences);
}
