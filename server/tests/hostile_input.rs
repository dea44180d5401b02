//! Hostile input against the two parsers an attacker reaches first: the protocol decoder (every WebSocket text
//! frame) and the automod matcher (every message in a channel, and every rule a channel moderator writes).
//! Nothing may panic, and bad input is refused, not half-accepted. The `fuzz/` targets run the same two entry
//! points under libFuzzer for longer.

use engawa::moderation::Automod;
use engawa::moderation::automod::{Candidate, simple_rule, validate};
use engawa::protocol::{AutomodAction, AutomodCheck, ClientMsg};
use proptest::prelude::*;

/// JSON-looking noise: fragments of real frames glued together, so that the decoder goes deep, not just fails at
/// the first byte.
fn frame() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"type\"",
        "\"send_message\"",
        "\"moderate\"",
        "\"action\"",
        "\"kind\"",
        "\"ban\"",
        "\"ref\"",
        "\"user\"",
        "-1",
        "1e309",
        "18446744073709551616",
        "null",
        "true",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"conversation\"",
        "\"body\"",
        "\"é\u{202E}\"",
        " ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn the_decoder_never_panics_on_noise(text in frame(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = serde_json::from_str::<ClientMsg>(&text);
        let _ = serde_json::from_slice::<ClientMsg>(&bytes);
    }

    #[test]
    fn rules_from_anyone_compile_or_are_refused_and_never_panic(
        patterns in prop::collection::vec(".{0,220}", 1..4),
        body in "\\PC{0,2000}",
    ) {
        let rule = simple_rule(1, AutomodCheck::Patterns { patterns }, AutomodAction::Block);
        if validate(&rule.spec).is_ok() {
            let _ = Automod::new(vec![rule]).check(&Candidate::plain(&body), &[]);
        }
    }
}

#[test]
fn a_pattern_built_to_backtrack_finishes_on_a_long_message() {
    // (a+)+$ takes exponential time in a backtracking engine on "aaaa…b"; here it is one linear pass.
    let rule = simple_rule(
        1,
        AutomodCheck::Patterns {
            patterns: vec!["(a+)+$".into()],
        },
        AutomodAction::Block,
    );
    validate(&rule.spec).expect("the pattern is valid");
    let automod = Automod::new(vec![rule]);
    let body = format!("{}b", "a".repeat(4000));
    let candidate = Candidate::plain(&body);
    assert_eq!(automod.check(&candidate, &[]), None);
}
