//! Conversation rules as pure functions: who may do what, what a valid message is, how fast one may send.
//! No I/O and no clock: the caller passes the facts and the time.

use crate::protocol::{ConversationKind, ErrorCode, Role, Visibility};
use crate::store::MemberRole;

/// The most people in a group conversation, the asker included.
pub const GROUP_MAX: usize = 8;
/// Longest `client_id`.
pub const CLIENT_ID_MAX: usize = 64;
/// Longest channel name, and topic, in characters.
pub const CHANNEL_NAME_MAX: usize = 64;
pub const CHANNEL_TOPIC_MAX: usize = 500;
/// Most `@mentions` resolved in one message; more are left as plain text.
pub const MENTIONS_MAX: usize = 20;

/// Checks and trims a message body: not blank, at most `max_chars` characters (Unicode scalar values).
pub fn check_body(body: &str, max_chars: u32) -> Result<(), ErrorCode> {
    if body.trim().is_empty() {
        return Err(ErrorCode::EmptyBody);
    }
    // Count lazily: stop as soon as the limit is passed.
    if body.chars().nth(max_chars as usize).is_some() {
        return Err(ErrorCode::BodyTooLong);
    }
    Ok(())
}

/// A BCP 47-shaped language tag: 2 to 35 ASCII letters, digits and dashes, starting with a letter.
pub fn check_lang(lang: &str) -> Result<(), ErrorCode> {
    let ok = (2..=35).contains(&lang.len())
        && lang.starts_with(|c: char| c.is_ascii_alphabetic())
        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(ErrorCode::InvalidField)
    }
}

pub fn check_client_id(client_id: &str) -> Result<(), ErrorCode> {
    if client_id.is_empty()
        || client_id.chars().count() > CLIENT_ID_MAX
        || client_id.chars().any(char::is_control)
    {
        Err(ErrorCode::InvalidClientId)
    } else {
        Ok(())
    }
}

/// A reaction: one emoji or short shortcode, 1 to 32 characters, no spaces or control characters.
pub fn check_emoji(emoji: &str) -> Result<(), ErrorCode> {
    let count = emoji.chars().count();
    if (1..=32).contains(&count) && !emoji.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Ok(())
    } else {
        Err(ErrorCode::InvalidField)
    }
}

/// Characters no name may hold: controls, and the invisible formatting characters that make one name look like
/// another or reorder the text around it (bidirectional marks, overrides and isolates, zero-width characters, the
/// byte order mark, invisible operators, tag characters).
pub fn is_hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{E0000}'..='\u{E007F}')
}

/// Whether a display name or channel name holds a hidden character. Emoji keep what they are made of: a
/// variation selector (U+FE0E, U+FE0F) right after a symbol, and a zero-width joiner between two symbols (👨‍👩‍👧),
/// are part of the emoji, not a disguise.
pub fn has_hidden_chars(name: &str) -> bool {
    let symbol = |c: Option<char>| {
        c.is_some_and(|c| !c.is_ascii() && !c.is_alphanumeric() && !is_hidden_char(c))
    };
    let chars: Vec<char> = name.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            '\u{FE0E}' | '\u{FE0F}' => !symbol(before),
            '\u{200D}' => !(symbol(before) || before == Some('\u{FE0F}')) || !symbol(after),
            _ => is_hidden_char(c),
        }
    })
}

/// A channel name: 1 to 64 characters, no control or hidden characters, not blank. Returns the uniqueness key
/// (NFC, lower case).
pub fn channel_name_key(name: &str) -> Result<String, ErrorCode> {
    use unicode_normalization::UnicodeNormalization;
    let trimmed = name.trim();
    let count = trimmed.chars().count();
    if count == 0
        || count > CHANNEL_NAME_MAX
        || trimmed.chars().any(is_hidden_char)
        || trimmed != name
    {
        return Err(ErrorCode::InvalidField);
    }
    Ok(trimmed.nfc().collect::<String>().to_lowercase())
}

pub fn check_topic(topic: &str) -> Result<(), ErrorCode> {
    if topic.chars().count() > CHANNEL_TOPIC_MAX
        || topic.chars().any(|c| c.is_control() && c != '\n')
    {
        Err(ErrorCode::InvalidField)
    } else {
        Ok(())
    }
}

/// The usernames (lower case) a body mentions with `@name`, in order of first appearance, at most
/// [`MENTIONS_MAX`]. A mention starts after a non-word character and runs over letters, digits, `.`, `_`, `-`
/// (a trailing `.` or `-` is punctuation, not part of the name).
pub fn mentioned_usernames(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at_word_start = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_'));
        prev = Some(c);
        if c != '@' || !at_word_start {
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() || matches!(d, '.' | '_' | '-') {
                end = j + d.len_utf8();
                prev = Some(d);
                chars.next();
            } else {
                break;
            }
        }
        let name = body[start..end].trim_end_matches(['.', '-']);
        let len = name.chars().count();
        if (3..=32).contains(&len) {
            let key = name.to_lowercase();
            if !out.contains(&key) {
                out.push(key);
            }
        }
        if out.len() == MENTIONS_MAX {
            break;
        }
    }
    out
}

/// Who may create which channels: public ones are the community's shared spaces and need a volunteer or more;
/// invite-only and private ones anyone may open.
pub fn may_create_channel(role: Role, visibility: Visibility) -> Result<(), ErrorCode> {
    match visibility {
        Visibility::Public if role < Role::Volunteer => Err(ErrorCode::Forbidden),
        _ => Ok(()),
    }
}

/// Whether someone who is not a member may join. Staff may join any channel.
pub fn may_join(
    kind: ConversationKind,
    visibility: Visibility,
    invited: bool,
    role: Role,
) -> Result<(), ErrorCode> {
    if kind != ConversationKind::Channel {
        return Err(ErrorCode::NotFound);
    }
    match visibility {
        _ if role.is_staff() || invited => Ok(()),
        Visibility::Public => Ok(()),
        Visibility::InviteOnly => Err(ErrorCode::InviteRequired),
        Visibility::Private => Err(ErrorCode::NotFound),
    }
}

/// Whether a member may invite others: anyone in a public channel or a group; channel moderators and staff in
/// invite-only and private channels. Direct conversations take no one else (open a group instead).
pub fn may_invite(
    kind: ConversationKind,
    visibility: Visibility,
    member: Option<MemberRole>,
    role: Role,
) -> Result<(), ErrorCode> {
    if !matches!(kind, ConversationKind::Channel | ConversationKind::Group) {
        return Err(ErrorCode::Forbidden);
    }
    if role.is_staff() {
        return Ok(());
    }
    match (member, kind, visibility) {
        (None, _, _) => Err(not_member_error(kind, visibility)),
        (Some(_), ConversationKind::Group, _) | (Some(_), _, Visibility::Public) => Ok(()),
        (Some(MemberRole::Moderator), _, _) => Ok(()),
        (Some(MemberRole::Member), _, _) => Err(ErrorCode::Forbidden),
    }
}

/// Changing a channel's topic and moderators: its moderators and staff.
pub fn may_manage_channel(
    kind: ConversationKind,
    member: Option<MemberRole>,
    role: Role,
) -> Result<(), ErrorCode> {
    if kind != ConversationKind::Channel {
        return Err(ErrorCode::Forbidden);
    }
    match member {
        _ if role.is_staff() => Ok(()),
        Some(MemberRole::Moderator) => Ok(()),
        _ => Err(ErrorCode::Forbidden),
    }
}

/// Deleting a message: its author, the channel's moderators, staff.
pub fn may_delete(is_author: bool, member: Option<MemberRole>, role: Role) -> bool {
    is_author || member == Some(MemberRole::Moderator) || role.is_staff()
}

/// Leaving: channels and groups. Direct conversations simply go quiet; consultations are left by cancelling,
/// resolving or transferring them.
pub fn may_leave(kind: ConversationKind) -> Result<(), ErrorCode> {
    match kind {
        ConversationKind::Channel | ConversationKind::Group => Ok(()),
        _ => Err(ErrorCode::Forbidden),
    }
}

/// The error for someone who is not a member: conversations they cannot see do not exist for them.
pub fn not_member_error(kind: ConversationKind, visibility: Visibility) -> ErrorCode {
    match (kind, visibility) {
        (ConversationKind::Channel, Visibility::Public | Visibility::InviteOnly) => {
            ErrorCode::NotMember
        }
        _ => ErrorCode::NotFound,
    }
}

/// Reading history without being a member: only public channels can be previewed.
pub fn may_preview(kind: ConversationKind, visibility: Visibility) -> bool {
    kind == ConversationKind::Channel && visibility == Visibility::Public
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_limits_count_characters_not_bytes() {
        assert_eq!(check_body(&"ネ".repeat(4000), 4000), Ok(()));
        assert_eq!(
            check_body(&"ネ".repeat(4001), 4000),
            Err(ErrorCode::BodyTooLong)
        );
        assert_eq!(check_body("  \n ", 4000), Err(ErrorCode::EmptyBody));
    }

    #[test]
    fn mentions_are_found_once_and_in_order() {
        assert_eq!(
            mentioned_usernames("hi @Anna and @boris. @anna again"),
            vec!["anna", "boris"]
        );
        assert_eq!(
            mentioned_usernames("mail me: x@example.com"),
            Vec::<String>::new()
        );
        assert_eq!(mentioned_usernames("@राम नमस्ते"), vec!["राम"]);
        assert_eq!(
            mentioned_usernames("@ab is too short"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn joining_follows_visibility_and_invitations() {
        use ConversationKind::*;
        use Visibility::*;
        assert_eq!(may_join(Channel, Public, false, Role::Member), Ok(()));
        assert_eq!(
            may_join(Channel, InviteOnly, false, Role::Member),
            Err(ErrorCode::InviteRequired)
        );
        assert_eq!(may_join(Channel, InviteOnly, true, Role::Member), Ok(()));
        assert_eq!(
            may_join(Channel, Private, false, Role::Volunteer),
            Err(ErrorCode::NotFound)
        );
        assert_eq!(may_join(Channel, Private, false, Role::Moderator), Ok(()));
        assert_eq!(
            may_join(Direct, Public, true, Role::Admin),
            Err(ErrorCode::NotFound)
        );
    }

    #[test]
    fn inviting_needs_standing_outside_public_channels() {
        use ConversationKind::*;
        use Visibility::*;
        let member = Some(MemberRole::Member);
        let moderator = Some(MemberRole::Moderator);
        assert_eq!(may_invite(Channel, Public, member, Role::Member), Ok(()));
        assert_eq!(
            may_invite(Channel, Private, member, Role::Member),
            Err(ErrorCode::Forbidden)
        );
        assert_eq!(
            may_invite(Channel, Private, moderator, Role::Member),
            Ok(())
        );
        assert_eq!(
            may_invite(Channel, Private, None, Role::Member),
            Err(ErrorCode::NotFound)
        );
        assert_eq!(may_invite(Group, Private, member, Role::Member), Ok(()));
        assert_eq!(
            may_invite(Direct, Private, member, Role::Admin),
            Err(ErrorCode::Forbidden)
        );
    }

    #[test]
    fn names_keep_their_emoji_but_not_hidden_characters() {
        for fine in ["Anna ❤️", "👨\u{200D}👩\u{200D}👧 family", "Ана", "राम"] {
            assert!(!has_hidden_chars(fine), "{fine:?}");
        }
        for bad in [
            "An\u{200D}na",
            "Anna\u{FE0F}",
            "A\u{202E}nna",
            "\u{200B}Anna",
            "Anna\u{E0041}",
        ] {
            assert!(has_hidden_chars(bad), "{bad:?}");
        }
    }

    #[test]
    fn public_channels_need_a_volunteer() {
        assert_eq!(
            may_create_channel(Role::Member, Visibility::Public),
            Err(ErrorCode::Forbidden)
        );
        assert_eq!(
            may_create_channel(Role::Member, Visibility::Private),
            Ok(())
        );
        assert_eq!(
            may_create_channel(Role::Volunteer, Visibility::Public),
            Ok(())
        );
    }
}
