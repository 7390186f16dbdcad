-- Messages, for scrollback, /HISTORY and missed mentions. A channel line has channel_key set; a
-- private one has it null and names its recipients. Accounts are kept so that a private
-- conversation is only ever shown to the accounts that had it, never to a later holder of a nick.
-- seq orders lines written in the same millisecond. recipient_accounts is ;Alice;Bob; (matched
-- in lower case). Long lines and long lists are TEXT: a line may be 64 KiB.
CREATE TABLE messages (
  at                 BIGINT        NOT NULL,
  seq                BIGINT        NOT NULL,
  channel_key        VARCHAR(256),
  channel            VARCHAR(256),
  nick               VARCHAR(64)   NOT NULL,
  account_key        VARCHAR(64),
  account            VARCHAR(64),
  recipients         TEXT,
  recipient_accounts TEXT,
  text               TEXT          NOT NULL,
  -- said in a channel that was private then: never shown outside it
  closed             BOOLEAN       NOT NULL DEFAULT FALSE
);

CREATE INDEX messages_by_channel ON messages (channel_key, at);

CREATE INDEX messages_by_time ON messages (at);

CREATE INDEX messages_by_account ON messages (account_key, at);

-- When each account last logged out: the start of its "while you were away".
ALTER TABLE accounts ADD COLUMN last_seen BIGINT;

-- What each account ignores (/IGNORE): nick or account keys, kept across logins.
CREATE TABLE ignores (
  account_key VARCHAR(64) NOT NULL REFERENCES accounts (name_key),
  ignored_key VARCHAR(64) NOT NULL,
  PRIMARY KEY (account_key, ignored_key)
);
