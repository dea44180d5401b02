-- Storing a message logs it: the conversation's last seq moves to the message's, its event joins the log, and each
-- person it mentions gets a row, all inside the INSERT that stores it. The writer's time goes into round trips to
-- the database, and this makes a new message one statement (see `Backend::insert_message`).
CREATE TRIGGER message_logged AFTER INSERT ON messages
BEGIN
    UPDATE conversations SET last_seq = NEW.seq WHERE id = NEW.conversation_id;
    INSERT INTO events (conversation_id, seq, at, actor, kind, message_id, payload)
        VALUES (NEW.conversation_id, NEW.seq, NEW.created_at, NEW.author, 'message', NEW.id, '{}');
    INSERT INTO mentions (message_id, user_id, conversation_id, seq)
        SELECT NEW.id, value, NEW.conversation_id, NEW.seq FROM json_each(NEW.mentions);
END;
