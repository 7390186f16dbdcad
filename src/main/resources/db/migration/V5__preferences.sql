-- What each account chose with /SET (issue 12): timestamps on live lines, and whether logging in
-- joins again the registered channels where it holds a role. An account without a row has the
-- defaults (timestamps off, autojoin on).
CREATE TABLE account_preferences (
  account_key VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES accounts (name_key),
  timestamps  BOOLEAN     NOT NULL,
  autojoin    BOOLEAN     NOT NULL
);
