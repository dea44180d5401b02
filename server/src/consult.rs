//! The consultation core, pure: the lifecycle's transitions, routing (who takes which request), the wait
//! estimate and weekly hours. No I/O; the writer's operations (`hub::consult`) gather the facts, ask this module,
//! and store the outcome. The property tests at the bottom drive it as a state machine.

use crate::protocol::{ConsultationState, ConversationId, ErrorCode, HoursRange, Millis, UserId};

/// Timers and limits of the consultation lifecycle (`docs/consultations.md` documents the defaults).
#[derive(Debug, Clone)]
pub struct Timers {
    /// An active consultation whose requester has not written for this long after a helper did goes on hold.
    pub requester_silence_ms: Millis,
    /// A consultation on hold this long expires.
    pub hold_expiry_ms: Millis,
    /// An assigned consultation nobody accepted or answered for this long goes back to the queue (and to another
    /// helper).
    pub answer_timeout_ms: Millis,
    /// A helper's availability lapses to `away` this long after their last connection closed.
    pub availability_grace_ms: Millis,
    /// A resolved or cancelled consultation may be reopened for this many days.
    pub reopen_days: u32,
}

impl Default for Timers {
    fn default() -> Self {
        Timers {
            requester_silence_ms: 30 * 60_000,
            hold_expiry_ms: 7 * 24 * 3_600_000,
            answer_timeout_ms: 3 * 60_000,
            availability_grace_ms: 2 * 60_000,
            reopen_days: 7,
        }
    }
}

/// Something that happens to a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Routing or a transfer to a helper gives it to someone.
    Assign,
    /// A helper takes it from the queue.
    Claim,
    /// An assigned helper accepts (or answers).
    Accept,
    /// A helper holds it, or the requester's silence does.
    Hold,
    /// It comes back from hold to its helper.
    Wake,
    /// Back to the queue (transfer, unanswered, its helper transferred it to a topic).
    Requeue,
    Resolve,
    Cancel,
    Reopen,
    Expire,
    Rate,
    /// A second helper joins.
    Invite,
}

/// The state after `action`, or why it cannot happen now.
pub fn transition(
    state: ConsultationState,
    action: Action,
) -> Result<ConsultationState, ErrorCode> {
    use ConsultationState::*;
    let next = match (action, state) {
        (Action::Assign | Action::Claim, Waiting) => Active,
        (Action::Accept, Active) => Active,
        (Action::Hold, Active) => OnHold,
        (Action::Wake, OnHold) => Active,
        (Action::Requeue, Active | OnHold) => Waiting,
        (Action::Resolve, Active | OnHold) => Resolved,
        (Action::Cancel, Waiting | Active | OnHold) => Cancelled,
        (Action::Reopen, Resolved | Cancelled) => Waiting,
        (Action::Expire, OnHold) => Expired,
        (Action::Rate, Resolved) => Resolved,
        (Action::Invite, Active | OnHold) => state,
        _ => return Err(ErrorCode::InvalidState),
    };
    Ok(next)
}

/// A helper as routing sees them.
#[derive(Debug, Clone)]
pub struct Helper {
    pub user: UserId,
    pub topics: Vec<i64>,
    pub languages: Vec<String>,
    pub capacity: u32,
    /// Active consultations now.
    pub load: u32,
    /// Available, within their hours: new requests may be routed to them.
    pub routable: bool,
}

impl Helper {
    /// Covers the topic and speaks the language (primary subtags compared, so `pt-BR` matches `pt`).
    pub fn fits(&self, topic: i64, lang: &str) -> bool {
        self.topics.contains(&topic) && self.languages.iter().any(|l| same_language(l, lang))
    }

    pub fn has_room(&self) -> bool {
        self.load < self.capacity
    }
}

/// Whether two BCP 47 tags name the same language (their primary subtags match, case-insensitively).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or(t).to_ascii_lowercase();
    primary(a) == primary(b)
}

/// A waiting request as routing sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub id: ConversationId,
    pub topic: i64,
    /// Preferred first.
    pub languages: Vec<String>,
    pub queued_at: Millis,
    /// Helpers who let it go unanswered: not offered it again.
    pub skipped: Vec<UserId>,
}

/// A consultation on hold whose requester wrote: it goes back to its helper when they have room.
#[derive(Debug, Clone)]
pub struct Woken {
    pub id: ConversationId,
    pub helper: UserId,
}

/// One decision of [`plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignment {
    /// A waiting request goes to `helper`, in `lang`.
    Assign {
        consultation: ConversationId,
        helper: UserId,
        lang: String,
    },
    /// A held consultation returns to its helper.
    Wake {
        consultation: ConversationId,
        helper: UserId,
    },
}

/// Routing: held consultations whose requester wrote go back to their helper first (when they have room); then
/// waiting requests, longest-waiting first, each to a routable helper with room who covers its topic and speaks
/// one of its languages. The earliest language preference someone can serve wins; among those helpers, the least
/// loaded (then the lowest load ratio, then the lowest id). Capacity is never exceeded.
pub fn plan(waiting: &[Request], woken: &[Woken], helpers: &[Helper]) -> Vec<Assignment> {
    let mut helpers: Vec<Helper> = helpers.to_vec();
    let mut out = Vec::new();
    for held in woken {
        if let Some(h) = helpers
            .iter_mut()
            .find(|h| h.user == held.helper && h.has_room())
        {
            h.load += 1;
            out.push(Assignment::Wake {
                consultation: held.id,
                helper: h.user,
            });
        }
    }
    let mut order: Vec<&Request> = waiting.iter().collect();
    order.sort_by_key(|r| (r.queued_at, r.id));
    for request in order {
        if let Some((helper, lang)) = choose(request, &helpers) {
            let h = helpers
                .iter_mut()
                .find(|h| h.user == helper)
                .expect("chosen among these helpers");
            h.load += 1;
            out.push(Assignment::Assign {
                consultation: request.id,
                helper,
                lang,
            });
        }
    }
    out
}

/// The helper and language routing would pick for one request now.
pub fn choose(request: &Request, helpers: &[Helper]) -> Option<(UserId, String)> {
    request.languages.iter().find_map(|lang| {
        helpers
            .iter()
            .filter(|h| h.routable && h.has_room() && !request.skipped.contains(&h.user))
            .filter(|h| h.fits(request.topic, lang))
            .min_by(|a, b| {
                let ratio = |h: &Helper| f64::from(h.load) / f64::from(h.capacity.max(1));
                a.load
                    .cmp(&b.load)
                    .then(ratio(a).total_cmp(&ratio(b)))
                    .then(a.user.cmp(&b.user))
            })
            .map(|h| (h.user, lang.clone()))
    })
}

/// Whether someone can take a request in this topic and these languages now, and in which language: the
/// earliest preference spoken by a routable helper with room; with the number of such helpers.
pub fn availability(topic: i64, languages: &[String], helpers: &[Helper]) -> (Option<String>, u32) {
    let able =
        |h: &&Helper| h.routable && h.has_room() && languages.iter().any(|l| h.fits(topic, l));
    let count = helpers.iter().filter(able).count() as u32;
    let lang = languages
        .iter()
        .find(|l| helpers.iter().filter(able).any(|h| h.fits(topic, l)))
        .cloned();
    (lang, count)
}

/// How long a request at `position` (1 = next) is expected to wait, in seconds; `None` when nobody routable
/// could take it.
///
/// `slots` is the summed capacity of the routable helpers who cover the topic and speak one of the request's
/// languages; `handling_s` is the mean time from assignment to resolution of the topic's recent consultations.
/// Each slot frees once per handling time on average, so `position` requests are served after
/// `ceil(position / slots)` handling times; the first round is expected halfway through one.
pub fn eta_seconds(position: u32, slots: u32, handling_s: u32) -> Option<u32> {
    if slots == 0 {
        return None;
    }
    let rounds = position.div_ceil(slots);
    Some(rounds.saturating_sub(1) * handling_s + handling_s / 2)
}

/// Handling time assumed until a topic has this many resolved consultations.
pub const MIN_HANDLED_FOR_ESTIMATE: usize = 3;
/// Handling time assumed when there is too little history: 15 minutes.
pub const DEFAULT_HANDLING_S: u32 = 15 * 60;

/// The mean of recent handling times in seconds, or the default when there are too few.
pub fn handling_seconds(recent_ms: &[Millis]) -> u32 {
    if recent_ms.len() < MIN_HANDLED_FOR_ESTIMATE {
        return DEFAULT_HANDLING_S;
    }
    let total: i64 = recent_ms.iter().map(|m| (*m).max(0)).sum();
    (total / recent_ms.len() as i64 / 1000).clamp(1, i64::from(u32::MAX)) as u32
}

/// Asia/Tokyo is UTC+9 all year (no daylight saving time).
const TOKYO_OFFSET_MS: Millis = 9 * 3_600_000;

/// Minutes since midnight for `HH:MM` (00:00–24:00).
fn minutes(hhmm: &str) -> Option<u32> {
    let (h, m) = hhmm.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// Whether a weekly schedule is well formed: days 1–7, `HH:MM` times, `from` before `to`, at most 50 ranges.
pub fn hours_valid(hours: &[HoursRange]) -> bool {
    hours.len() <= 50
        && hours
            .iter()
            .all(|range| match (minutes(&range.from), minutes(&range.to)) {
                (Some(from), Some(to)) => (1..=7).contains(&range.day) && from < to,
                _ => false,
            })
}

/// Whether `now` falls in the schedule (an empty schedule means always).
pub fn within_hours(hours: &[HoursRange], now: Millis) -> bool {
    if hours.is_empty() {
        return true;
    }
    let local = now + TOKYO_OFFSET_MS;
    let days = local.div_euclid(86_400_000);
    // 1970-01-01 was a Thursday (ISO day 4).
    let day = ((days + 3).rem_euclid(7) + 1) as u8;
    let minute = (local.rem_euclid(86_400_000) / 60_000) as u32;
    hours.iter().any(|r| {
        r.day == day
            && minutes(&r.from).is_some_and(|from| from <= minute)
            && minutes(&r.to).is_some_and(|to| minute < to)
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;
    use crate::protocol::ConsultationState as S;

    fn helper(user: i64, langs: &[&str], capacity: u32) -> Helper {
        Helper {
            user: UserId(user),
            topics: vec![1],
            languages: langs.iter().map(|l| l.to_string()).collect(),
            capacity,
            load: 0,
            routable: true,
        }
    }

    fn request(id: i64, langs: &[&str], queued_at: Millis) -> Request {
        Request {
            id: ConversationId(id),
            topic: 1,
            languages: langs.iter().map(|l| l.to_string()).collect(),
            queued_at,
            skipped: Vec::new(),
        }
    }

    #[test]
    fn the_earliest_preferred_language_wins_then_the_least_loaded() {
        let mut busy_ne = helper(1, &["ne", "en"], 3);
        busy_ne.load = 2;
        let idle_ne = helper(2, &["ne"], 3);
        let idle_en = helper(3, &["en"], 3);
        let helpers = [busy_ne, idle_ne, idle_en];
        let plan = plan(&[request(10, &["ne", "en"], 0)], &[], &helpers);
        assert_eq!(
            plan,
            vec![Assignment::Assign {
                consultation: ConversationId(10),
                helper: UserId(2),
                lang: "ne".into()
            }]
        );
        // With no Nepali speaker free, English is used.
        let helpers = [helper(3, &["en-US"], 1)];
        let plan = super::plan(&[request(10, &["ne", "en"], 0)], &[], &helpers);
        assert!(
            matches!(&plan[..], [Assignment::Assign { lang, .. }] if lang == "en"),
            "{plan:?}"
        );
    }

    #[test]
    fn the_longest_waiting_goes_first_and_capacity_holds() {
        let helpers = [helper(1, &["vi"], 1)];
        let plan = plan(
            &[request(11, &["vi"], 200), request(12, &["vi"], 100)],
            &[],
            &helpers,
        );
        assert_eq!(plan.len(), 1);
        assert!(matches!(
            plan[0],
            Assignment::Assign {
                consultation: ConversationId(12),
                ..
            }
        ));
    }

    #[test]
    fn a_woken_hold_goes_back_to_its_helper_before_the_queue() {
        let helpers = [helper(1, &["ru"], 1)];
        let plan = plan(
            &[request(11, &["ru"], 0)],
            &[Woken {
                id: ConversationId(5),
                helper: UserId(1),
            }],
            &helpers,
        );
        assert_eq!(
            plan,
            vec![Assignment::Wake {
                consultation: ConversationId(5),
                helper: UserId(1)
            }]
        );
    }

    #[test]
    fn estimates_follow_the_documented_formula() {
        assert_eq!(eta_seconds(1, 0, 600), None);
        assert_eq!(eta_seconds(1, 2, 600), Some(300));
        assert_eq!(eta_seconds(2, 2, 600), Some(300));
        assert_eq!(eta_seconds(3, 2, 600), Some(900));
        assert_eq!(handling_seconds(&[60_000, 120_000]), DEFAULT_HANDLING_S);
        assert_eq!(handling_seconds(&[60_000, 120_000, 180_000]), 120);
    }

    #[test]
    fn hours_are_read_in_tokyo_time() {
        // 2026-11-23 is a Monday. 00:30 UTC is 09:30 in Tokyo.
        let monday_0030_utc = 1_795_393_800_000;
        let office = |from: &str, to: &str| HoursRange {
            day: 1,
            from: from.into(),
            to: to.into(),
        };
        assert!(within_hours(&[office("09:00", "17:00")], monday_0030_utc));
        assert!(!within_hours(&[office("10:00", "17:00")], monday_0030_utc));
        assert!(within_hours(&[], monday_0030_utc));
        assert!(hours_valid(&[office("09:00", "24:00")]));
        assert!(!hours_valid(&[office("17:00", "09:00")]));
        assert!(!hours_valid(&[office("9:00", "10:00")]));
    }

    // --- the routing core as a state machine -------------------------------------------------------------------

    #[derive(Debug, Clone)]
    enum Step {
        Open { langs: Vec<usize> },
        SetRoutable { helper: usize, on: bool },
        Accept { pick: usize },
        Hold { pick: usize },
        Write { pick: usize },
        Resolve { pick: usize },
        Cancel { pick: usize },
        Requeue { pick: usize },
        Claim { pick: usize, helper: usize },
        Expire { pick: usize },
    }

    const LANGS: [&str; 4] = ["ne", "vi", "en", "ja"];

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => proptest::collection::vec(0..LANGS.len(), 1..3).prop_map(|langs| Step::Open { langs }),
            2 => (0..4usize, any::<bool>()).prop_map(|(helper, on)| Step::SetRoutable { helper, on }),
            1 => any::<usize>().prop_map(|pick| Step::Accept { pick }),
            1 => any::<usize>().prop_map(|pick| Step::Hold { pick }),
            1 => any::<usize>().prop_map(|pick| Step::Write { pick }),
            1 => any::<usize>().prop_map(|pick| Step::Resolve { pick }),
            1 => any::<usize>().prop_map(|pick| Step::Cancel { pick }),
            1 => any::<usize>().prop_map(|pick| Step::Requeue { pick }),
            1 => (any::<usize>(), 0..4usize).prop_map(|(pick, helper)| Step::Claim { pick, helper }),
            1 => any::<usize>().prop_map(|pick| Step::Expire { pick }),
        ]
    }

    #[derive(Debug, Clone)]
    struct Case {
        state: S,
        langs: Vec<String>,
        queued_at: Millis,
        helper: Option<UserId>,
        lang: Option<String>,
        woken: bool,
    }

    struct Model {
        helpers: Vec<Helper>,
        cases: Vec<Case>,
        clock: Millis,
    }

    impl Model {
        fn new() -> Model {
            let mut helpers = vec![
                helper(0, &["ne", "en"], 2),
                helper(1, &["vi"], 1),
                helper(2, &["en", "ja"], 3),
                helper(3, &["ja"], 1),
            ];
            for h in &mut helpers {
                h.routable = false;
            }
            Model {
                helpers,
                cases: Vec::new(),
                clock: 0,
            }
        }

        fn loads(&self) -> HashMap<UserId, u32> {
            let mut out = HashMap::new();
            for case in self.cases.iter().filter(|c| c.state == S::Active) {
                *out.entry(case.helper.expect("active has a helper"))
                    .or_insert(0) += 1;
            }
            out
        }

        fn pick(&self, pick: usize, states: &[S]) -> Option<usize> {
            let fit: Vec<usize> = (0..self.cases.len())
                .filter(|i| states.contains(&self.cases[*i].state))
                .collect();
            (!fit.is_empty()).then(|| fit[pick % fit.len()])
        }

        fn apply(&mut self, i: usize, action: Action) {
            let case = &mut self.cases[i];
            case.state = transition(case.state, action).expect("picked for a valid state");
        }

        /// What the writer does after every change: refresh loads, plan, apply.
        fn route(&mut self) {
            let loads = self.loads();
            for h in &mut self.helpers {
                h.load = loads.get(&h.user).copied().unwrap_or(0);
            }
            let waiting: Vec<Request> = self
                .cases
                .iter()
                .enumerate()
                .filter(|(_, c)| c.state == S::Waiting)
                .map(|(i, c)| Request {
                    id: ConversationId(i as i64),
                    topic: 1,
                    languages: c.langs.clone(),
                    queued_at: c.queued_at,
                    skipped: Vec::new(),
                })
                .collect();
            let woken: Vec<Woken> = self
                .cases
                .iter()
                .enumerate()
                .filter(|(_, c)| c.state == S::OnHold && c.woken)
                .map(|(i, c)| Woken {
                    id: ConversationId(i as i64),
                    helper: c.helper.expect("held has a helper"),
                })
                .collect();
            let decisions = plan(&waiting, &woken, &self.helpers);
            // First come, first served: every request left waiting that was older than an assigned one could not
            // have been served by that helper.
            for decision in &decisions {
                if let Assignment::Assign {
                    consultation,
                    helper,
                    ..
                } = decision
                {
                    let assigned = &self.cases[consultation.0 as usize];
                    let h = self
                        .helpers
                        .iter()
                        .find(|h| h.user == *helper)
                        .expect("known");
                    for (j, other) in self.cases.iter().enumerate() {
                        let unserved = other.state == S::Waiting
                            && !decisions.iter().any(|d| {
                                matches!(d, Assignment::Assign { consultation, .. } if consultation.0 == j as i64)
                            });
                        if unserved
                            && (other.queued_at, j) < (assigned.queued_at, consultation.0 as usize)
                        {
                            assert!(
                                !other.langs.iter().any(|l| h.fits(1, l)),
                                "request {j} waited longer and helper {helper} could serve it"
                            );
                        }
                    }
                }
            }
            for decision in decisions {
                match decision {
                    Assignment::Assign {
                        consultation,
                        helper,
                        lang,
                    } => {
                        let i = consultation.0 as usize;
                        self.apply(i, Action::Assign);
                        self.cases[i].helper = Some(helper);
                        self.cases[i].lang = Some(lang);
                    }
                    Assignment::Wake { consultation, .. } => {
                        let i = consultation.0 as usize;
                        self.apply(i, Action::Wake);
                        self.cases[i].woken = false;
                    }
                }
            }
        }

        fn run(&mut self, step: Step) {
            self.clock += 1;
            match step {
                Step::Open { langs } => self.cases.push(Case {
                    state: S::Waiting,
                    langs: langs.into_iter().map(|l| LANGS[l].to_string()).collect(),
                    queued_at: self.clock,
                    helper: None,
                    lang: None,
                    woken: false,
                }),
                Step::SetRoutable { helper, on } => self.helpers[helper].routable = on,
                Step::Accept { pick } => {
                    if let Some(i) = self.pick(pick, &[S::Active]) {
                        self.apply(i, Action::Accept);
                    }
                }
                Step::Hold { pick } => {
                    if let Some(i) = self.pick(pick, &[S::Active]) {
                        self.apply(i, Action::Hold);
                    }
                }
                Step::Write { pick } => {
                    if let Some(i) = self.pick(pick, &[S::OnHold]) {
                        self.cases[i].woken = true;
                    }
                }
                Step::Resolve { pick } => {
                    if let Some(i) = self.pick(pick, &[S::Active, S::OnHold]) {
                        self.apply(i, Action::Resolve);
                    }
                }
                Step::Cancel { pick } => {
                    if let Some(i) = self.pick(pick, &[S::Waiting, S::Active, S::OnHold]) {
                        self.apply(i, Action::Cancel);
                    }
                }
                Step::Requeue { pick } => {
                    if let Some(i) = self.pick(pick, &[S::Active, S::OnHold]) {
                        self.apply(i, Action::Requeue);
                        self.cases[i].helper = None;
                        self.cases[i].lang = None;
                        self.cases[i].woken = false;
                    }
                }
                Step::Claim { pick, helper } => {
                    // A claim is checked as the writer checks it: fits, has room.
                    if let Some(i) = self.pick(pick, &[S::Waiting]) {
                        let loads = self.loads();
                        let h = &self.helpers[helper];
                        let load = loads.get(&h.user).copied().unwrap_or(0);
                        let lang = self.cases[i].langs.iter().find(|l| h.fits(1, l)).cloned();
                        if let (Some(lang), true) = (lang, load < h.capacity) {
                            let user = h.user;
                            self.apply(i, Action::Claim);
                            self.cases[i].helper = Some(user);
                            self.cases[i].lang = Some(lang);
                        }
                    }
                }
                Step::Expire { pick } => {
                    if let Some(i) = self.pick(pick, &[S::OnHold]) {
                        self.apply(i, Action::Expire);
                    }
                }
            }
            self.route();
        }

        fn check(&self) {
            let loads = self.loads();
            for h in &self.helpers {
                let load = loads.get(&h.user).copied().unwrap_or(0);
                assert!(
                    load <= h.capacity,
                    "helper {} holds {load} > {}",
                    h.user,
                    h.capacity
                );
            }
            for case in &self.cases {
                match case.state {
                    S::Active | S::OnHold => {
                        let helper = case.helper.expect("an assigned case has a helper");
                        let h = self
                            .helpers
                            .iter()
                            .find(|h| h.user == helper)
                            .expect("known");
                        let lang = case
                            .lang
                            .as_deref()
                            .expect("an assigned case has a language");
                        assert!(h.fits(1, lang), "helper {helper} does not speak {lang}");
                        assert!(
                            case.langs.iter().any(|l| l == lang),
                            "{lang} was not asked for"
                        );
                    }
                    S::Waiting => {
                        // Nobody routable with room could serve it, or routing would have.
                        let request = Request {
                            id: ConversationId(0),
                            topic: 1,
                            languages: case.langs.clone(),
                            queued_at: case.queued_at,
                            skipped: Vec::new(),
                        };
                        let helpers: Vec<Helper> = self
                            .helpers
                            .iter()
                            .map(|h| Helper {
                                load: loads.get(&h.user).copied().unwrap_or(0),
                                ..h.clone()
                            })
                            .collect();
                        assert!(
                            choose(&request, &helpers).is_none(),
                            "{case:?} waits needlessly"
                        );
                    }
                    S::Resolved | S::Cancelled | S::Expired => {}
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn routing_keeps_every_invariant(steps in proptest::collection::vec(step(), 1..80)) {
            let mut model = Model::new();
            for step in steps {
                model.run(step);
                model.check();
            }
        }
    }

    #[test]
    fn every_transition_starts_from_a_listed_state() {
        for state in S::ALL {
            for action in [
                Action::Assign,
                Action::Claim,
                Action::Accept,
                Action::Hold,
                Action::Wake,
                Action::Requeue,
                Action::Resolve,
                Action::Cancel,
                Action::Reopen,
                Action::Expire,
                Action::Rate,
                Action::Invite,
            ] {
                if let Ok(next) = transition(state, action) {
                    assert!(
                        !state.is_closed() || matches!(action, Action::Reopen | Action::Rate),
                        "{state:?} --{action:?}--> {next:?}"
                    );
                }
            }
        }
    }
}
