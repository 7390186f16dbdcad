-- Bans from a channel (scope_key the channel's key) or from the whole server (scope_key '*'),
-- of a nick, an account or an address block (kind NICK, ACCOUNT, MASK). until_at is null for a
-- permanent ban; expired bans are ignored, and removed when they are next listed.
CREATE TABLE bans (
  scope_key  VARCHAR(256)  NOT NULL,
  channel    VARCHAR(256),
  kind       VARCHAR(16)   NOT NULL,
  target_key VARCHAR(256)  NOT NULL,
  target     VARCHAR(256)  NOT NULL,
  set_by     VARCHAR(64)   NOT NULL,
  reason     TEXT,
  set_at     BIGINT        NOT NULL,
  until_at   BIGINT,
  PRIMARY KEY (scope_key, kind, target_key)
);

-- Join requests to registered private channels, and invitations (kind REQUEST, INVITATION).
CREATE TABLE channel_requests (
  channel_key VARCHAR(256) NOT NULL REFERENCES channels (name_key)
                           ON UPDATE CASCADE ON DELETE CASCADE,
  kind        VARCHAR(16)  NOT NULL,
  nick_key    VARCHAR(64)  NOT NULL,
  nick        VARCHAR(64)  NOT NULL,
  account     VARCHAR(64),
  made_by     VARCHAR(64)  NOT NULL,
  made_at     BIGINT       NOT NULL,
  PRIMARY KEY (channel_key, kind, nick_key)
);
