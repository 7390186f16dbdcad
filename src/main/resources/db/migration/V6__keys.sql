-- The SSH public keys an account added with /KEY ADD (issue 14): a session that proves it holds
-- one of them (a signature the server verified) logs in to the account without its password.
-- fingerprint is the key's SHA-256 fingerprint as OpenSSH prints it (SHA256:<base64>), public_key
-- the OpenSSH line without its comment (key_type and base64). Like account_preferences and ignores,
-- rows belong to an account by its key; accounts are never deleted or renamed by the server.
-- At most 20 keys per account (checked by the chat, not here).
CREATE TABLE account_keys (
  account_key VARCHAR(64)  NOT NULL REFERENCES accounts (name_key),
  fingerprint VARCHAR(64)  NOT NULL,
  key_type    VARCHAR(64)  NOT NULL,
  public_key  TEXT         NOT NULL,
  comment     VARCHAR(256),
  added_at    BIGINT       NOT NULL,
  PRIMARY KEY (account_key, fingerprint)
);
