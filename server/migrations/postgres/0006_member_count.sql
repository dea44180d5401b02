-- A conversation keeps its number of members, moved by the statements that add and remove them, so that reading it
-- costs one row instead of a count over the members' index: `ready` shows it for every conversation, and presence
-- asks it for every conversation of the people it syncs. Counted, a channel of 10,000 cost every `ready` of its
-- members about 0.4 ms (docs/benchmarks.md, the connect storm).
ALTER TABLE conversations ADD COLUMN member_count BIGINT NOT NULL DEFAULT 0;
UPDATE conversations SET member_count = (SELECT COUNT(*) FROM members m WHERE m.conversation_id = conversations.id);

CREATE FUNCTION member_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE conversations SET member_count = member_count + 1 WHERE id = NEW.conversation_id;
    ELSE
        UPDATE conversations SET member_count = member_count - 1 WHERE id = OLD.conversation_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER member_counted AFTER INSERT OR DELETE ON members FOR EACH ROW EXECUTE FUNCTION member_counted();
