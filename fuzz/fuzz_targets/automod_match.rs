//! A channel moderator's patterns and a member's message: the rule must compile or be refused, and matching must
//! finish. The input is split at the first NUL: patterns (one per line) before, the message after.
#![no_main]

use engawa::moderation::Automod;
use engawa::moderation::automod::{Candidate, simple_rule, validate};
use engawa::protocol::{AutomodAction, AutomodCheck};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (rules, body) = text.split_once('\0').unwrap_or((text, "a message"));
    let patterns: Vec<String> = rules.lines().map(str::to_owned).collect();
    let words = patterns.clone();
    for check in [AutomodCheck::Patterns { patterns }, AutomodCheck::Keywords { words }] {
        let rule = simple_rule(1, check, AutomodAction::Block);
        if validate(&rule.spec).is_ok() {
            let _ = Automod::new(vec![rule]).check(&Candidate::plain(body), &[]);
        }
    }
});
