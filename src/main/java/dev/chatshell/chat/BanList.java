package dev.chatshell.chat;

import java.util.List;

/**
 * Where bans are kept across restarts. Like {@link ChannelRegistry}, written before users are told
 * (a ban under the domain's lock, as its effects cannot be taken back; lifting one after it, with
 * other changes), so a ban users are told about is stored; failures are {@link ChatException}s and
 * change nothing.
 */
public interface BanList {
  /** Nothing is kept: bans last until the server stops. */
  BanList NONE =
      new BanList() {
        @Override
        public List<Ban> load() {
          return List.of();
        }

        @Override
        public void add(Ban ban) {}

        @Override
        public void remove(Ban ban) {}

        @Override
        public void removeChannel(String channel) {}

        @Override
        public void renameChannel(String channel, String newName) {}
      };

  List<Ban> load();

  /** Adds a ban, replacing one on the same target in the same place. */
  void add(Ban ban);

  void remove(Ban ban);

  /** Forgets every ban of a channel that is gone. */
  void removeChannel(String channel);

  void renameChannel(String channel, String newName);
}
