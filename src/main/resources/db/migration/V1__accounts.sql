-- Registered nicknames. name_key is the nick folded the way the chat compares nicks, so that
-- Alice and alice are one account; name keeps the case it was registered with.
CREATE TABLE accounts (
  name_key      VARCHAR(64)  NOT NULL PRIMARY KEY,
  name          VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  locked        BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at    BIGINT       NOT NULL
);
