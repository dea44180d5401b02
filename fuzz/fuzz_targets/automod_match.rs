//! A channel moderator's patterns and a member's message: the rule must compile or be refused, and matching must
//! finish. The input is split at the first NUL: patterns (one per line) before, the message after.
#![no_main]

use engawa::moderation::Automod;
use engawa::moderation::automod::{Candidate, validate};
use engawa::protocol::{
    AutomodAction, AutomodCheck, AutomodRule, AutomodRuleSpec, ConversationId, Role, UserId,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (rules, body) = text.split_once('\0').unwrap_or((text, "a message"));
    let patterns: Vec<String> = rules.lines().map(str::to_owned).collect();
    let words = patterns.clone();
    for check in [AutomodCheck::Patterns { patterns }, AutomodCheck::Keywords { words }] {
        let spec = AutomodRuleSpec {
            name: "fuzz".into(),
            conversation: None,
            languages: Vec::new(),
            check,
            action: AutomodAction::Block,
            timeout_seconds: None,
            exempt_role: Role::Moderator,
            enabled: true,
        };
        if validate(&spec).is_err() {
            continue;
        }
        let automod = Automod::new(vec![AutomodRule {
            id: 1,
            spec,
            created_by: UserId(1),
            created_at: 0,
        }]);
        let candidate = Candidate {
            conversation: ConversationId(1),
            body,
            lang: "en",
            mentions: 0,
            role: Role::Member,
            conversation_moderator: false,
            account_created_at: 0,
            now: 0,
        };
        let _ = automod.check(&candidate, &[]);
    }
});
