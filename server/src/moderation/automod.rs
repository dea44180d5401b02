//! Automod: rules compiled once, checked against every new message in channels, groups and direct conversations
//! (consultations are private help and are never filtered).
//!
//! Text checks use the `regex` crate, whose matching is linear in the length of the text (no backtracking), with
//! patterns capped in length and compiled size, so that no rule and no message can make a check slow.

use regex::{Regex, RegexBuilder};

use crate::protocol::{
    AutomodAction, AutomodCheck, AutomodRule, AutomodRuleSpec, ConversationId, ErrorCode, Millis,
    Refusal, Role,
};

/// Most words in one keyword rule, and the longest word.
pub const KEYWORDS_MAX: usize = 500;
pub const KEYWORD_CHARS_MAX: usize = 100;
/// Most patterns in one rule, and the longest pattern.
pub const PATTERNS_MAX: usize = 50;
pub const PATTERN_CHARS_MAX: usize = 200;
/// Compiled size limit per rule: bounds memory and compile time, not matching time (which is linear anyway).
const COMPILED_BYTES_MAX: usize = 2 << 20;
/// Longest flood window: the shell reads the author's messages of this window at most.
pub const FLOOD_WINDOW_MAX_SECONDS: u32 = 3600;
pub const FLOOD_MESSAGES_MAX: u32 = 100;

/// A compiled rule.
#[derive(Debug)]
struct Compiled {
    rule: AutomodRule,
    test: Test,
}

#[derive(Debug)]
enum Test {
    Text(Regex),
    MentionSpam(u32),
    YoungLinks(u32),
    Flood { messages: u32, seconds: u32 },
}

/// The rule set of a node. Rebuilt whenever a rule changes.
#[derive(Debug, Default)]
pub struct Automod {
    rules: Vec<Compiled>,
    links: Option<Regex>,
}

/// A message about to be stored, with the facts the checks need.
#[derive(Debug)]
pub struct Candidate<'a> {
    pub conversation: ConversationId,
    pub body: &'a str,
    pub lang: &'a str,
    /// Distinct people mentioned.
    pub mentions: usize,
    pub role: Role,
    /// A moderator of this conversation: exempt from every rule.
    pub conversation_moderator: bool,
    pub account_created_at: Millis,
    pub now: Millis,
}

impl<'a> Candidate<'a> {
    /// A member's message in English in conversation 7, from an account made long ago, mentioning nobody: the
    /// starting point of tools and tests, which change what they look at.
    pub fn plain(body: &'a str) -> Candidate<'a> {
        Candidate {
            conversation: ConversationId(7),
            body,
            lang: "en",
            mentions: 0,
            role: Role::Member,
            conversation_moderator: false,
            account_created_at: 0,
            now: 1_000_000_000,
        }
    }
}

/// A rule with the defaults (everywhere, every language, staff exempt, enabled), for tools and tests.
pub fn simple_rule(id: i64, check: AutomodCheck, action: AutomodAction) -> AutomodRule {
    AutomodRule {
        id,
        spec: AutomodRuleSpec {
            name: format!("rule {id}"),
            conversation: None,
            languages: Vec::new(),
            check,
            action,
            timeout_seconds: None,
            exempt_role: Role::Moderator,
            enabled: true,
        },
        created_by: crate::protocol::UserId(0),
        created_at: 0,
    }
}

/// A rule the message broke.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rule: i64,
    pub action: AutomodAction,
    pub timeout_seconds: u32,
    /// What the sender is told: `automod_blocked` with the check's name and its numbers.
    pub refusal: Refusal,
}

impl Automod {
    /// Compiles every rule; a stored rule that no longer compiles is skipped and logged.
    pub fn new(rules: Vec<AutomodRule>) -> Automod {
        let mut compiled = Vec::with_capacity(rules.len());
        for rule in rules {
            match compile(&rule.spec.check) {
                Ok(test) => compiled.push(Compiled { rule, test }),
                Err(refusal) => {
                    tracing::error!(
                        rule = rule.id,
                        ?refusal,
                        "automod rule does not compile; skipped"
                    )
                }
            }
        }
        let links = RegexBuilder::new(
            r"(?i)(?:\b(?:https?|ftp)://\S|\bwww\.\S|\b[a-z0-9-]{2,63}\.(?:com|net|org|info|biz|io|me|co|ru|cn|top|xyz|site|online|link|click|shop|ly|gg|tk)\b)",
        )
        .build()
        .ok();
        Automod {
            rules: compiled,
            links,
        }
    }

    pub fn rules(&self) -> impl Iterator<Item = &AutomodRule> {
        self.rules.iter().map(|c| &c.rule)
    }

    /// The flood window to read the author's recent messages for, when a flood rule applies to this message.
    pub fn flood_window(&self, candidate: &Candidate<'_>) -> Option<(u32, u32)> {
        self.applicable(candidate)
            .filter_map(|c| match c.test {
                Test::Flood { messages, seconds } => Some((messages, seconds)),
                _ => None,
            })
            .reduce(|(m1, s1), (m2, s2)| (m1.max(m2), s1.max(s2)))
    }

    /// The most severe rule the message breaks (timeout, then block, then flag; the first in rule order among
    /// equals), given the author's recent message times in this conversation (read when
    /// [`Automod::flood_window`] asked for them).
    pub fn check(&self, candidate: &Candidate<'_>, recent: &[Millis]) -> Option<Hit> {
        let severity = |a: AutomodAction| match a {
            AutomodAction::Timeout => 2,
            AutomodAction::Block => 1,
            AutomodAction::Flag => 0,
        };
        let hits = self.applicable(candidate).filter_map(|c| {
            let broken = match &c.test {
                Test::Text(regex) => regex.is_match(candidate.body),
                Test::MentionSpam(max) => candidate.mentions > *max as usize,
                Test::YoungLinks(hours) => {
                    let young = candidate.now - candidate.account_created_at
                        < i64::from(*hours) * 3_600_000;
                    young
                        && self
                            .links
                            .as_ref()
                            .is_some_and(|l| l.is_match(candidate.body))
                }
                Test::Flood { messages, seconds } => {
                    let since = candidate.now - i64::from(*seconds) * 1000;
                    // This message would be one more.
                    recent.iter().filter(|&&at| at > since).count() + 1 > *messages as usize
                }
            };
            broken.then(|| hit(&c.rule))
        });
        // `max_by_key` keeps the last of equals; the first rule should win, so compare reversed positions.
        hits.enumerate()
            .max_by_key(|(i, h)| (severity(h.action), std::cmp::Reverse(*i)))
            .map(|(_, h)| h)
    }

    fn applicable<'s>(
        &'s self,
        candidate: &'s Candidate<'_>,
    ) -> impl Iterator<Item = &'s Compiled> {
        let exempt_everywhere = candidate.conversation_moderator;
        let primary = candidate.lang.split('-').next().unwrap_or("");
        self.rules.iter().filter(move |c| {
            let spec = &c.rule.spec;
            spec.enabled
                && !exempt_everywhere
                && candidate.role < spec.exempt_role
                && spec
                    .conversation
                    .is_none_or(|id| id == candidate.conversation)
                && (spec.languages.is_empty()
                    || spec
                        .languages
                        .iter()
                        .any(|l| l.eq_ignore_ascii_case(primary)))
        })
    }
}

fn hit(rule: &AutomodRule) -> Hit {
    let check = &rule.spec.check;
    let mut refusal = Refusal::from(ErrorCode::AutomodBlocked).arg("check", check.name());
    match check {
        AutomodCheck::MentionSpam { max } => refusal = refusal.arg("max", i64::from(*max)),
        AutomodCheck::YoungLinks { hours } => refusal = refusal.arg("hours", i64::from(*hours)),
        _ => {}
    }
    Hit {
        rule: rule.id,
        action: rule.spec.action,
        timeout_seconds: rule.spec.timeout_seconds.unwrap_or(0),
        refusal,
    }
}

/// Checks a rule as submitted: its name, numbers and patterns, and that a timeout rule says for how long.
pub fn validate(spec: &AutomodRuleSpec) -> Result<(), Refusal> {
    let name = spec.name.trim().chars().count();
    if name == 0 || name > 100 {
        return Err(Refusal::field("name"));
    }
    // Primary language subtags: two or three ASCII letters.
    let subtag =
        |l: &String| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic());
    if spec.languages.len() > 16 || !spec.languages.iter().all(subtag) {
        return Err(Refusal::field("languages"));
    }
    // Exempting members would exempt everyone: the rule would do nothing.
    if spec.exempt_role == Role::Member {
        return Err(Refusal::field("exempt_role"));
    }
    match (spec.action, spec.timeout_seconds) {
        (AutomodAction::Timeout, Some(s))
            if (1..=crate::protocol::SANCTION_MAX_SECONDS).contains(&s) => {}
        (AutomodAction::Timeout, _) => return Err(Refusal::field("timeout_seconds")),
        _ => {}
    }
    compile(&spec.check).map(|_| ())
}

fn compile(check: &AutomodCheck) -> Result<Test, Refusal> {
    let within = |n: u32, max: u32, field: &str| {
        if (1..=max).contains(&n) {
            Ok(())
        } else {
            Err(Refusal::field(field))
        }
    };
    Ok(match check {
        AutomodCheck::Keywords { words } => {
            if words.is_empty() || words.len() > KEYWORDS_MAX {
                return Err(Refusal::field("words"));
            }
            let mut alternatives = Vec::with_capacity(words.len());
            for word in words {
                let word = word.trim();
                let chars = word.chars().count();
                if chars == 0 || chars > KEYWORD_CHARS_MAX || word.chars().any(char::is_control) {
                    return Err(Refusal::field("words"));
                }
                alternatives.push(keyword_pattern(word));
            }
            Test::Text(build(&alternatives.join("|"), "words")?)
        }
        AutomodCheck::Patterns { patterns } => {
            if patterns.is_empty() || patterns.len() > PATTERNS_MAX {
                return Err(Refusal::field("patterns"));
            }
            for pattern in patterns {
                if pattern.is_empty() || pattern.chars().count() > PATTERN_CHARS_MAX {
                    return Err(Refusal::field("patterns"));
                }
                // Each must compile on its own, so that an error names a pattern, not the joined whole.
                build(pattern, "patterns")?;
            }
            let joined: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
            Test::Text(build(&joined.join("|"), "patterns")?)
        }
        AutomodCheck::MentionSpam { max } => {
            within(*max, 100, "max")?;
            Test::MentionSpam(*max)
        }
        AutomodCheck::YoungLinks { hours } => {
            within(*hours, 24 * 365, "hours")?;
            Test::YoungLinks(*hours)
        }
        AutomodCheck::Flood { messages, seconds } => {
            within(*messages, FLOOD_MESSAGES_MAX, "messages")?;
            within(*seconds, FLOOD_WINDOW_MAX_SECONDS, "seconds")?;
            Test::Flood {
                messages: *messages,
                seconds: *seconds,
            }
        }
    })
}

fn build(pattern: &str, field: &str) -> Result<Regex, Refusal> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(COMPILED_BYTES_MAX)
        .dfa_size_limit(COMPILED_BYTES_MAX)
        .build()
        .map_err(|_| Refusal::field(field))
}

/// A keyword as a pattern: matched as a whole word where the script separates words with spaces; anywhere in
/// the text for scripts written without spaces (Japanese, Chinese, Thai), where a word boundary means nothing.
fn keyword_pattern(word: &str) -> String {
    let escaped = regex::escape(word);
    let unspaced = word.chars().any(|c| {
        matches!(c as u32,
            0x3040..=0x30FF   // Hiragana, Katakana
            | 0x3400..=0x4DBF // CJK extension A
            | 0x4E00..=0x9FFF // CJK unified ideographs
            | 0xF900..=0xFAFF // CJK compatibility ideographs
            | 0xFF66..=0xFF9F // half-width Katakana
            | 0x0E00..=0x0E7F // Thai
        )
    });
    if unspaced {
        return escaped;
    }
    // `\b` is Unicode-aware (Cyrillic, Devanagari and Bengali words have boundaries too), but only means something
    // next to a word character: `@everyone` and `c++` get a boundary on their word side only.
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if is_word(word.chars().next()) {
        r"\b"
    } else {
        ""
    };
    let end = if is_word(word.chars().next_back()) {
        r"\b"
    } else {
        ""
    };
    format!("{start}{escaped}{end}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: i64, check: AutomodCheck, action: AutomodAction) -> AutomodRule {
        simple_rule(id, check, action)
    }

    fn candidate(body: &str) -> Candidate<'_> {
        Candidate::plain(body)
    }

    fn keywords(words: &[&str]) -> AutomodCheck {
        AutomodCheck::Keywords {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    #[test]
    fn keywords_match_whole_words_case_insensitively_in_every_script() {
        let automod = Automod::new(vec![rule(
            1,
            keywords(&["scam", "дурак", "बेवकूफ", "死ね"]),
            AutomodAction::Block,
        )]);
        for bad in ["a SCAM here", "ты Дурак!", "तिमी बेवकूफ हौ", "お前死ねよ"]
        {
            assert!(automod.check(&candidate(bad), &[]).is_some(), "{bad}");
        }
        for fine in ["scampi are tasty", "дураки", "hello"] {
            assert_eq!(automod.check(&candidate(fine), &[]), None, "{fine}");
        }
        let punctuated = Automod::new(vec![rule(
            2,
            keywords(&["@everyone", "c++"]),
            AutomodAction::Block,
        )]);
        assert!(
            punctuated
                .check(&candidate("hey @everyone!"), &[])
                .is_some()
        );
        assert!(
            punctuated
                .check(&candidate("I write c++ daily"), &[])
                .is_some()
        );
        assert_eq!(punctuated.check(&candidate("@everyones"), &[]), None);
    }

    #[test]
    fn the_most_severe_broken_rule_wins() {
        let automod = Automod::new(vec![
            rule(1, keywords(&["spam"]), AutomodAction::Flag),
            rule(2, keywords(&["spam"]), AutomodAction::Block),
            rule(3, keywords(&["spam"]), AutomodAction::Block),
        ]);
        assert_eq!(
            automod.check(&candidate("spam"), &[]).map(|h| h.rule),
            Some(2)
        );
    }

    #[test]
    fn hits_tell_the_sender_which_check_with_its_numbers() {
        let automod = Automod::new(vec![rule(
            3,
            AutomodCheck::MentionSpam { max: 2 },
            AutomodAction::Flag,
        )]);
        let mut c = candidate("@a @b @c");
        c.mentions = 3;
        let hit = automod.check(&c, &[]).expect("three mentions break max 2");
        assert_eq!(hit.rule, 3);
        assert_eq!(hit.action, AutomodAction::Flag);
        assert_eq!(
            hit.refusal,
            Refusal::from(ErrorCode::AutomodBlocked)
                .arg("check", "mention_spam")
                .arg("max", 2)
        );
        c.mentions = 2;
        assert_eq!(automod.check(&c, &[]), None);
    }

    #[test]
    fn links_are_refused_only_from_young_accounts() {
        let automod = Automod::new(vec![rule(
            1,
            AutomodCheck::YoungLinks { hours: 24 },
            AutomodAction::Block,
        )]);
        let mut c = candidate("see https://example.org/x");
        c.account_created_at = c.now - 3_600_000;
        assert!(automod.check(&c, &[]).is_some());
        c.body = "visit cheap-visa.xyz now";
        assert!(automod.check(&c, &[]).is_some());
        c.body = "no link, just a sentence. Really.";
        assert_eq!(automod.check(&c, &[]), None);
        c.body = "see https://example.org/x";
        c.account_created_at = c.now - 25 * 3_600_000;
        assert_eq!(automod.check(&c, &[]), None);
    }

    #[test]
    fn flood_counts_recent_messages_in_the_window() {
        let automod = Automod::new(vec![rule(
            1,
            AutomodCheck::Flood {
                messages: 3,
                seconds: 10,
            },
            AutomodAction::Timeout,
        )]);
        let c = candidate("again");
        assert_eq!(automod.flood_window(&c), Some((3, 10)));
        let now = c.now;
        assert_eq!(automod.check(&c, &[now - 1000, now - 2000]), None);
        assert!(
            automod
                .check(&c, &[now - 1000, now - 2000, now - 3000])
                .is_some()
        );
        assert_eq!(
            automod.check(&c, &[now - 1000, now - 2000, now - 30_000]),
            None
        );
    }

    #[test]
    fn exemptions_scopes_and_languages_apply() {
        let mut scoped = rule(1, keywords(&["spam"]), AutomodAction::Block);
        scoped.spec.conversation = Some(ConversationId(8));
        let mut japanese = rule(2, keywords(&["spam"]), AutomodAction::Block);
        japanese.spec.languages = vec!["ja".into()];
        let automod = Automod::new(vec![scoped, japanese]);
        let mut c = candidate("spam");
        assert_eq!(
            automod.check(&c, &[]),
            None,
            "other channel, other language"
        );
        c.lang = "ja-JP";
        assert_eq!(automod.check(&c, &[]).map(|h| h.rule), Some(2));
        c.role = Role::Moderator;
        assert_eq!(automod.check(&c, &[]), None, "staff are exempt by default");
        c.role = Role::Member;
        c.conversation_moderator = true;
        assert_eq!(
            automod.check(&c, &[]),
            None,
            "channel moderators are exempt"
        );
    }

    #[test]
    fn validation_refuses_oversized_and_broken_rules() {
        let spec = |check| simple_rule(1, check, AutomodAction::Block).spec;
        let field = |refusal: Refusal| refusal.args.get("field").cloned();
        let bad = [
            (
                AutomodCheck::Patterns {
                    patterns: vec!["(unclosed".into()],
                },
                "patterns",
            ),
            (
                AutomodCheck::Patterns {
                    patterns: vec!["a".repeat(201)],
                },
                "patterns",
            ),
            (
                AutomodCheck::Patterns {
                    // Compiles to far more than the size limit.
                    patterns: vec![r"\w{1000}\w{1000}\w{1000}".into()],
                },
                "patterns",
            ),
            (keywords(&[]), "words"),
            (AutomodCheck::MentionSpam { max: 0 }, "max"),
        ];
        for (check, name) in bad {
            let err = validate(&spec(check.clone())).expect_err("invalid rule");
            assert_eq!(field(err), Some(name.into()), "{check:?}");
        }
        let mut timeout = spec(keywords(&["x"]));
        timeout.action = AutomodAction::Timeout;
        assert!(
            validate(&timeout).is_err(),
            "a timeout rule needs its duration"
        );
        timeout.timeout_seconds = Some(60);
        assert_eq!(validate(&timeout), Ok(()));
    }
}
