//! The closed set of error codes a client can receive.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every error a client can receive, over WebSocket (`error` frames) and HTTP (JSON error bodies).
/// Snake case on the wire; each has a Fluent message `error-<code with dashes>` in every locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The frame is not valid JSON.
    InvalidJson,
    /// The frame is JSON but not a known message: unknown `type`, unknown or missing field, wrong value type.
    InvalidMessage,
    /// Binary frames are not part of the protocol.
    BinaryNotSupported,
    /// The first frame must be `hello`, and only the first.
    HelloExpected,
    /// The client speaks a protocol version this server does not.
    UnsupportedProtocol,
    /// No valid session: log in again.
    Unauthenticated,
    /// Wrong username or password.
    InvalidCredentials,
    /// The account is disabled or banned.
    AccountDisabled,
    /// The role does not allow this.
    Forbidden,
    /// The conversation, message or person does not exist, or you may not see it.
    NotFound,
    /// You are not a member of this conversation.
    NotMember,
    /// Joining needs an invitation.
    InviteRequired,
    /// Only the author may do this.
    NotAuthor,
    /// The message was deleted.
    MessageDeleted,
    /// The message body is empty.
    EmptyBody,
    /// The message body is longer than the limit (characters).
    BodyTooLong,
    /// A field is missing, too long, or malformed; `args.field` names it.
    InvalidField,
    /// The username is taken.
    UsernameTaken,
    /// A channel with that name exists.
    ChannelNameTaken,
    /// The username has characters that are not allowed.
    InvalidUsername,
    /// The password is too short.
    WeakPassword,
    /// The password is longer than the limit.
    PasswordTooLong,
    /// Sending too fast; `args.seconds` says when to try again.
    RateLimited,
    /// The `client_id` is empty or too long.
    InvalidClientId,
    /// Too many people for a group conversation.
    TooManyMembers,
    /// The history page asks for both `before` and `after`.
    InvalidRange,
    /// Nobody who covers the topic and speaks one of the languages is available now, and the request asked not to
    /// wait (`wait: false`). Nothing was stored.
    NobodyAvailable,
    /// The consultation's state does not allow this action now (`state` says which it is in).
    InvalidState,
    /// Only helpers (volunteers, advisors, staff) who cover the topic and speak one of the requester's languages
    /// may do this.
    NotHelper,
    /// Another helper took this consultation first.
    AlreadyClaimed,
    /// The helper has as many active consultations as their capacity.
    OverCapacity,
    /// The consultation can no longer be reopened (`days` is the window).
    ReopenClosed,
    /// This topic's queue is served automatically only; helpers cannot claim from it.
    ClaimsDisabled,
    /// A moderator timed you out; `args.seconds` and `args.minutes` say how long is left.
    TimedOut,
    /// You are banned (`args.scope`: `channel` or `global`).
    Banned,
    /// Slow mode: `args.seconds` until you may send in this channel again.
    SlowMode,
    /// The channel is locked: only its moderators and staff may write.
    ChannelLocked,
    /// Automod refused the message; `args.check` says which check (`keywords`, `patterns`, `mention_spam` with
    /// `max`, `young_links` with `hours`, `flood`).
    AutomodBlocked,
    /// One of you blocked the other.
    Blocked,
    /// The server is shutting down or overloaded; retry, possibly on another node.
    Unavailable,
    /// Something failed inside the server; retry later. Details are in the server log.
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 41] = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidMessage,
        ErrorCode::BinaryNotSupported,
        ErrorCode::HelloExpected,
        ErrorCode::UnsupportedProtocol,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidCredentials,
        ErrorCode::AccountDisabled,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::NotMember,
        ErrorCode::InviteRequired,
        ErrorCode::NotAuthor,
        ErrorCode::MessageDeleted,
        ErrorCode::EmptyBody,
        ErrorCode::BodyTooLong,
        ErrorCode::InvalidField,
        ErrorCode::UsernameTaken,
        ErrorCode::ChannelNameTaken,
        ErrorCode::InvalidUsername,
        ErrorCode::WeakPassword,
        ErrorCode::PasswordTooLong,
        ErrorCode::RateLimited,
        ErrorCode::InvalidClientId,
        ErrorCode::TooManyMembers,
        ErrorCode::InvalidRange,
        ErrorCode::NobodyAvailable,
        ErrorCode::InvalidState,
        ErrorCode::NotHelper,
        ErrorCode::AlreadyClaimed,
        ErrorCode::OverCapacity,
        ErrorCode::ReopenClosed,
        ErrorCode::ClaimsDisabled,
        ErrorCode::TimedOut,
        ErrorCode::Banned,
        ErrorCode::SlowMode,
        ErrorCode::ChannelLocked,
        ErrorCode::AutomodBlocked,
        ErrorCode::Blocked,
        ErrorCode::Unavailable,
        ErrorCode::Internal,
    ];

    /// The code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidMessage => "invalid_message",
            ErrorCode::BinaryNotSupported => "binary_not_supported",
            ErrorCode::HelloExpected => "hello_expected",
            ErrorCode::UnsupportedProtocol => "unsupported_protocol",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::AccountDisabled => "account_disabled",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::NotMember => "not_member",
            ErrorCode::InviteRequired => "invite_required",
            ErrorCode::NotAuthor => "not_author",
            ErrorCode::MessageDeleted => "message_deleted",
            ErrorCode::EmptyBody => "empty_body",
            ErrorCode::BodyTooLong => "body_too_long",
            ErrorCode::InvalidField => "invalid_field",
            ErrorCode::UsernameTaken => "username_taken",
            ErrorCode::ChannelNameTaken => "channel_name_taken",
            ErrorCode::InvalidUsername => "invalid_username",
            ErrorCode::WeakPassword => "weak_password",
            ErrorCode::PasswordTooLong => "password_too_long",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::InvalidClientId => "invalid_client_id",
            ErrorCode::TooManyMembers => "too_many_members",
            ErrorCode::InvalidRange => "invalid_range",
            ErrorCode::NobodyAvailable => "nobody_available",
            ErrorCode::InvalidState => "invalid_state",
            ErrorCode::NotHelper => "not_helper",
            ErrorCode::AlreadyClaimed => "already_claimed",
            ErrorCode::OverCapacity => "over_capacity",
            ErrorCode::ReopenClosed => "reopen_closed",
            ErrorCode::ClaimsDisabled => "claims_disabled",
            ErrorCode::TimedOut => "timed_out",
            ErrorCode::Banned => "banned",
            ErrorCode::SlowMode => "slow_mode",
            ErrorCode::ChannelLocked => "channel_locked",
            ErrorCode::AutomodBlocked => "automod_blocked",
            ErrorCode::Blocked => "blocked",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The Fluent id of this code's message: `error-` and the code with dashes.
    pub fn fluent_id(self) -> String {
        format!("error-{}", self.as_str().replace('_', "-"))
    }

    /// The HTTP status an API error with this code answers with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::InvalidJson
            | ErrorCode::InvalidMessage
            | ErrorCode::BinaryNotSupported
            | ErrorCode::HelloExpected
            | ErrorCode::UnsupportedProtocol
            | ErrorCode::EmptyBody
            | ErrorCode::BodyTooLong
            | ErrorCode::InvalidField
            | ErrorCode::InvalidUsername
            | ErrorCode::WeakPassword
            | ErrorCode::PasswordTooLong
            | ErrorCode::InvalidClientId
            | ErrorCode::TooManyMembers
            | ErrorCode::InvalidRange => 400,
            ErrorCode::Unauthenticated | ErrorCode::InvalidCredentials => 401,
            ErrorCode::AccountDisabled
            | ErrorCode::Forbidden
            | ErrorCode::NotMember
            | ErrorCode::InviteRequired
            | ErrorCode::NotAuthor
            | ErrorCode::NotHelper
            | ErrorCode::ClaimsDisabled
            | ErrorCode::TimedOut
            | ErrorCode::Banned
            | ErrorCode::ChannelLocked
            | ErrorCode::AutomodBlocked
            | ErrorCode::Blocked => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::UsernameTaken
            | ErrorCode::ChannelNameTaken
            | ErrorCode::MessageDeleted
            | ErrorCode::NobodyAvailable
            | ErrorCode::InvalidState
            | ErrorCode::AlreadyClaimed
            | ErrorCode::OverCapacity
            | ErrorCode::ReopenClosed => 409,
            ErrorCode::RateLimited | ErrorCode::SlowMode => 429,
            ErrorCode::Unavailable => 503,
            ErrorCode::Internal => 500,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_match_serde() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).expect("an enum of unit variants serializes");
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}

/// A refused request before rendering: the code and the Fluent arguments its message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub code: ErrorCode,
    pub args: crate::protocol::Args,
}

impl Refusal {
    /// Adds one Fluent argument.
    pub fn arg(mut self, name: &str, value: impl Into<crate::protocol::ArgValue>) -> Refusal {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    /// `invalid_field` naming the field.
    pub fn field(name: &str) -> Refusal {
        Refusal::from(ErrorCode::InvalidField).arg("field", name)
    }
}

impl From<ErrorCode> for Refusal {
    fn from(code: ErrorCode) -> Self {
        Refusal {
            code,
            args: Default::default(),
        }
    }
}
