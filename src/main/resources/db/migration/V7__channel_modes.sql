-- A registered channel's member limit (/LIMIT, IRC's +l; 0: none) and whether every member may
-- set its topic (/TOPICLOCK off, IRC's -t), kept across restarts like its private flag.
ALTER TABLE channels ADD COLUMN member_limit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE channels ADD COLUMN topic_open BOOLEAN NOT NULL DEFAULT FALSE;
