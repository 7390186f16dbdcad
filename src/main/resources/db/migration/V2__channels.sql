-- Registered channels. name_key is the channel name folded the way the chat compares names
-- (folding may lengthen a name of 33 characters, hence the room).
-- founder_key is the account of the main admin, who gets ~ back whenever they join.
CREATE TABLE channels (
  name_key    VARCHAR(256)  NOT NULL PRIMARY KEY,
  name        VARCHAR(256)  NOT NULL,
  founder_key VARCHAR(64)   NOT NULL REFERENCES accounts (name_key),
  topic       VARCHAR(1024),
  topic_by    VARCHAR(64),
  topic_at    BIGINT,
  created_at  BIGINT        NOT NULL,
  -- where the channel's own history starts: lines said earlier under its name are another's
  history_from BIGINT,
  -- private: /JOIN files a request (channel_requests) that an admin accepts or denies
  private     BOOLEAN       NOT NULL DEFAULT FALSE
);

-- The secondary admins (@) of registered channels, by account. A rename of the channel carries
-- them along; deleting the channel deletes them.
CREATE TABLE channel_admins (
  channel_key VARCHAR(256) NOT NULL REFERENCES channels (name_key)
                          ON UPDATE CASCADE ON DELETE CASCADE,
  account_key VARCHAR(64) NOT NULL REFERENCES accounts (name_key),
  PRIMARY KEY (channel_key, account_key)
);
