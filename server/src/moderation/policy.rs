//! The permission matrix: which standing may use which moderation power, and on whom.
//!
//! A person has one global role and, in each channel, may be one of its moderators. Staff (moderators and admins)
//! hold every moderation power everywhere; a channel moderator holds the channel-scoped ones in their channel only.
//! `docs/moderation.md` shows the same matrix; `matrix_is_as_documented` below keeps the two equal.

use crate::protocol::{ErrorCode, Role};
use crate::store::MemberRole;

/// A moderation capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Power {
    /// Delete anyone's message (tombstone).
    DeleteMessage,
    /// Time a person out, and lift it.
    Timeout,
    /// Remove a person from a channel.
    Kick,
    /// Ban a person from a channel, or from the community, and lift it.
    Ban,
    SlowMode,
    Lock,
    Pin,
    /// See and handle reports (in a channel: those about that channel).
    Reports,
    /// Read the audit log (staff), or a channel's moderation log when it is not public.
    AuditLog,
    /// Create and change automod rules (a channel's own rules, or global ones).
    Automod,
    /// Change people's global roles.
    Roles,
}

impl Power {
    pub const ALL: [Power; 11] = [
        Power::DeleteMessage,
        Power::Timeout,
        Power::Kick,
        Power::Ban,
        Power::SlowMode,
        Power::Lock,
        Power::Pin,
        Power::Reports,
        Power::AuditLog,
        Power::Automod,
        Power::Roles,
    ];
}

/// Where a power is used, and the actor's standing there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// In one channel; `None` when the actor is not a member of it.
    Channel(Option<MemberRole>),
    /// Everywhere (global sanctions, the whole reports queue, the audit log, global automod rules, roles).
    Global,
}

/// Whether `role` standing as `standing` may use `power`.
pub fn may(role: Role, standing: Standing, power: Power) -> bool {
    match power {
        // Configuration of the whole community is the admins'.
        Power::Roles => role == Role::Admin,
        Power::Automod if standing == Standing::Global => role == Role::Admin,
        // These act on one channel and have no meaning outside one.
        Power::Kick | Power::SlowMode | Power::Lock | Power::Pin
            if standing == Standing::Global =>
        {
            false
        }
        _ if role.is_staff() => true,
        _ => standing == Standing::Channel(Some(MemberRole::Moderator)),
    }
}

/// [`may`], as the error a refused request gets.
pub fn check(role: Role, standing: Standing, power: Power) -> Result<(), ErrorCode> {
    if may(role, standing, power) {
        Ok(())
    } else {
        Err(ErrorCode::Forbidden)
    }
}

/// Whether an actor may sanction (time out, kick, ban) a target: never themselves; staff only people of a lower
/// global role (an admin may sanction a moderator, a moderator not another moderator); a channel moderator who is
/// not staff only members who are neither staff nor moderators of that channel.
pub fn may_target(
    actor: (Role, Option<MemberRole>),
    target: (Role, Option<MemberRole>),
    same_person: bool,
) -> bool {
    if same_person {
        return false;
    }
    let (actor_role, _) = actor;
    let (target_role, target_member) = target;
    if actor_role.is_staff() {
        return target_role < actor_role;
    }
    !target_role.is_staff() && target_member != Some(MemberRole::Moderator)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matrix of docs/moderation.md, row by row: for each standing, the powers it holds, in `Power::ALL`
    /// order, as `x` (may) or `.` (may not).
    const MATRIX: &[(&str, Role, Standing, &str)] = &[
        (
            "member in a channel",
            Role::Member,
            Standing::Channel(Some(MemberRole::Member)),
            "...........",
        ),
        (
            "channel moderator",
            Role::Member,
            Standing::Channel(Some(MemberRole::Moderator)),
            "xxxxxxxxxx.",
        ),
        (
            "volunteer in a channel",
            Role::Volunteer,
            Standing::Channel(Some(MemberRole::Member)),
            "...........",
        ),
        (
            "advisor in a channel",
            Role::Advisor,
            Standing::Channel(Some(MemberRole::Member)),
            "...........",
        ),
        (
            "moderator, not a member",
            Role::Moderator,
            Standing::Channel(None),
            "xxxxxxxxxx.",
        ),
        (
            "admin in a channel",
            Role::Admin,
            Standing::Channel(Some(MemberRole::Member)),
            "xxxxxxxxxxx",
        ),
        (
            "member, everywhere",
            Role::Member,
            Standing::Global,
            "...........",
        ),
        (
            "volunteer, everywhere",
            Role::Volunteer,
            Standing::Global,
            "...........",
        ),
        (
            "moderator, everywhere",
            Role::Moderator,
            Standing::Global,
            "xx.x...xx..",
        ),
        (
            "admin, everywhere",
            Role::Admin,
            Standing::Global,
            "xx.x...xxxx",
        ),
    ];

    #[test]
    fn matrix_is_as_documented() {
        for (name, role, standing, expected) in MATRIX {
            let got: String = Power::ALL
                .iter()
                .map(|p| if may(*role, *standing, *p) { 'x' } else { '.' })
                .collect();
            assert_eq!(&got, expected, "{name}: powers in Power::ALL order");
        }
    }

    #[test]
    fn nobody_sanctions_themselves_or_someone_at_their_level() {
        let member = (Role::Member, Some(MemberRole::Member));
        let channel_mod = (Role::Member, Some(MemberRole::Moderator));
        let moderator = (Role::Moderator, None);
        let admin = (Role::Admin, None);
        assert!(may_target(channel_mod, member, false));
        assert!(!may_target(channel_mod, channel_mod, false));
        assert!(!may_target(channel_mod, moderator, false));
        assert!(may_target(moderator, channel_mod, false));
        assert!(!may_target(moderator, moderator, false));
        assert!(may_target(admin, moderator, false));
        assert!(!may_target(admin, admin, false));
        assert!(!may_target(admin, member, true));
        assert!(may_target(moderator, (Role::Advisor, None), false));
    }
}
