//! A golden JSON sample of every protocol variant: each round-trips, matches the committed sample
//! (`tests/golden/protocol.json`; `UPDATE_GOLDEN=1` rewrites it after a deliberate change), and is named in
//! `docs/protocol.md`, so that the code, the samples and the document cannot drift apart unnoticed.

use std::collections::BTreeMap;
use std::path::Path;

use engawa::protocol::*;
use serde_json::Value;

/// The wire name of every client frame. Exhaustive: a new variant does not compile until it is named here.
fn client_name(msg: &ClientMsg) -> &'static str {
    match msg {
        ClientMsg::Hello { .. } => "hello",
        ClientMsg::SendMessage { .. } => "send_message",
        ClientMsg::EditMessage { .. } => "edit_message",
        ClientMsg::DeleteMessage { .. } => "delete_message",
        ClientMsg::AddReaction { .. } => "add_reaction",
        ClientMsg::RemoveReaction { .. } => "remove_reaction",
        ClientMsg::Typing { .. } => "typing",
        ClientMsg::MarkRead { .. } => "mark_read",
        ClientMsg::History { .. } => "history",
        ClientMsg::Resume { .. } => "resume",
        ClientMsg::CreateChannel { .. } => "create_channel",
        ClientMsg::JoinChannel { .. } => "join_channel",
        ClientMsg::Leave { .. } => "leave",
        ClientMsg::Invite { .. } => "invite",
        ClientMsg::OpenDirect { .. } => "open_direct",
        ClientMsg::Ping { .. } => "ping",
        ClientMsg::CheckAvailability { .. } => "check_availability",
        ClientMsg::OpenConsultation { .. } => "open_consultation",
        ClientMsg::AcceptConsultation { .. } => "accept_consultation",
        ClientMsg::ClaimConsultation { .. } => "claim_consultation",
        ClientMsg::HoldConsultation { .. } => "hold_consultation",
        ClientMsg::TransferConsultation { .. } => "transfer_consultation",
        ClientMsg::InviteHelper { .. } => "invite_helper",
        ClientMsg::ResolveConsultation { .. } => "resolve_consultation",
        ClientMsg::CancelConsultation { .. } => "cancel_consultation",
        ClientMsg::ReopenConsultation { .. } => "reopen_consultation",
        ClientMsg::RateConsultation { .. } => "rate_consultation",
        ClientMsg::SendCanned { .. } => "send_canned",
        ClientMsg::SetAvailability { .. } => "set_availability",
        ClientMsg::Moderate { .. } => "moderate",
        ClientMsg::SetPresence { .. } => "set_presence",
        ClientMsg::GetPresence { .. } => "get_presence",
    }
}

fn server_name(event: &ServerEvent) -> &'static str {
    match event {
        ServerEvent::Ready(_) => "ready",
        ServerEvent::Event(_) => "event",
        ServerEvent::Ack { .. } => "ack",
        ServerEvent::History { .. } => "history",
        ServerEvent::Resync { .. } => "resync",
        ServerEvent::Typing { .. } => "typing",
        ServerEvent::ReadMarker { .. } => "read_marker",
        ServerEvent::Membership { .. } => "membership",
        ServerEvent::Mentioned { .. } => "mentioned",
        ServerEvent::Error(_) => "error",
        ServerEvent::Pong { .. } => "pong",
        ServerEvent::Availability { .. } => "availability",
        ServerEvent::Consultation(_) => "consultation",
        ServerEvent::QueuePosition { .. } => "queue_position",
        ServerEvent::QueueItem(_) => "queue_item",
        ServerEvent::HelperStatus { .. } => "helper_status",
        ServerEvent::Notice { .. } => "notice",
        ServerEvent::Report(_) => "report",
        ServerEvent::Presence { .. } => "presence",
    }
}

fn r(s: &str) -> String {
    s.to_owned()
}

fn message() -> Message {
    Message {
        id: MessageId(501),
        conversation: ConversationId(12),
        seq: 41,
        author: UserId(3),
        body: r("Does anyone know a Nepali-speaking doctor in Toyama? @binod"),
        lang: r("en"),
        reply_to: Some(MessageId(498)),
        mentions: vec![UserId(7)],
        reactions: vec![Reaction {
            emoji: r("🙏"),
            users: vec![UserId(7)],
        }],
        created_at: 1_763_700_000_000,
        edited_at: None,
        deleted: false,
    }
}

fn summary() -> ConversationSummary {
    ConversationSummary {
        id: ConversationId(12),
        kind: ConversationKind::Channel,
        name: r("toyama-newcomers"),
        topic: r("Ask anything about life in Toyama"),
        visibility: Visibility::Public,
        languages: vec![r("ja"), r("en"), r("ne")],
        last_seq: 41,
        read_seq: 38,
        unread: 3,
        mentions: 1,
        members: vec![],
        joined: true,
        member_count: 57,
        slow_mode_seconds: 30,
        locked: false,
        public_modlog: true,
    }
}

fn consultation() -> Consultation {
    Consultation {
        id: ConversationId(80),
        notes: Some(ConversationId(81)),
        topic: TopicId(1),
        requester: UserId(9),
        languages: vec![r("ne"), r("en")],
        lang: Some(r("ne")),
        state: ConsultationState::Active,
        helpers: vec![UserId(3)],
        accepted: true,
        preview: r("My residence card expires next month and my company changed its name."),
        opened_at: 1_763_700_000_000,
        queued_at: 1_763_700_000_000,
        updated_at: 1_763_700_120_000,
        position: None,
        summary: None,
        rating: None,
        rating_comment: None,
        reopen_until: None,
    }
}

fn c(id: i64) -> ConversationId {
    ConversationId(id)
}

fn consult_client_samples() -> Vec<ClientMsg> {
    vec![
        ClientMsg::CheckAvailability {
            reference: r("c1"),
            topic: TopicId(1),
            languages: vec![r("ne"), r("en")],
        },
        ClientMsg::OpenConsultation {
            reference: r("c2"),
            topic: TopicId(1),
            languages: vec![r("ne"), r("en")],
            client_id: r("9d2f4c1a-0b7e-4e55-8a64-1f0c2b3d4e5f"),
            body: r("My residence card expires next month and my company changed its name."),
            wait: true,
        },
        ClientMsg::AcceptConsultation {
            reference: r("c3"),
            consultation: c(80),
        },
        ClientMsg::ClaimConsultation {
            reference: r("c4"),
            consultation: c(80),
        },
        ClientMsg::HoldConsultation {
            reference: r("c5"),
            consultation: c(80),
        },
        ClientMsg::TransferConsultation {
            reference: r("c6"),
            consultation: c(80),
            to: TransferTarget::Helper(UserId(5)),
            note: r("Needs an immigration lawyer; documents are in the chat."),
        },
        ClientMsg::InviteHelper {
            reference: r("c7"),
            consultation: c(80),
            helper: UserId(5),
        },
        ClientMsg::ResolveConsultation {
            reference: r("c8"),
            consultation: c(80),
            summary: r("Change of name reported at the immigration office; no new visa needed."),
        },
        ClientMsg::CancelConsultation {
            reference: r("c9"),
            consultation: c(80),
        },
        ClientMsg::ReopenConsultation {
            reference: r("c10"),
            consultation: c(80),
        },
        ClientMsg::RateConsultation {
            reference: r("c11"),
            consultation: c(80),
            rating: 5,
            comment: r("धन्यवाद!"),
        },
        ClientMsg::SendCanned {
            reference: r("c12"),
            consultation: c(80),
            canned: 4,
            client_id: r("0e8c2a1b-5d3f-4a7c-9b6e-2f1d0c3b4a59"),
        },
        ClientMsg::SetAvailability {
            reference: r("c13"),
            availability: Availability::Available,
        },
        ClientMsg::Moderate {
            reference: r("c14"),
            action: ModAction::Timeout {
                user: UserId(7),
                conversation: Some(c(12)),
                seconds: 600,
            },
            reason: r("Repeated insults after a warning"),
        },
        ClientMsg::SetPresence {
            reference: r("c15"),
            status: SetPresenceStatus::Away,
        },
        ClientMsg::GetPresence {
            reference: r("c16"),
            users: vec![UserId(7), UserId(9)],
        },
    ]
}

fn client_samples() -> Vec<ClientMsg> {
    let mut all = base_client_samples();
    all.extend(consult_client_samples());
    all
}

fn base_client_samples() -> Vec<ClientMsg> {
    vec![
        ClientMsg::Hello {
            protocol: 1,
            token: Some(r("3f9a…session token…")),
            resume: vec![ResumePoint {
                conversation: ConversationId(12),
                seq: 38,
            }],
        },
        ClientMsg::SendMessage {
            reference: r("r1"),
            conversation: ConversationId(12),
            client_id: r("5b0c6f2e-8d1a-4f7e-9c1b-2a3d4e5f6a7b"),
            body: r("Hello from Kathmandu!"),
            lang: r("en"),
            reply_to: Some(MessageId(498)),
        },
        ClientMsg::EditMessage {
            reference: r("r2"),
            message: MessageId(501),
            body: r("Hello from Kathmandu and Toyama!"),
            lang: None,
        },
        ClientMsg::DeleteMessage {
            reference: r("r3"),
            message: MessageId(501),
        },
        ClientMsg::AddReaction {
            reference: r("r4"),
            message: MessageId(501),
            emoji: r("👍"),
        },
        ClientMsg::RemoveReaction {
            reference: r("r5"),
            message: MessageId(501),
            emoji: r("👍"),
        },
        ClientMsg::Typing {
            conversation: ConversationId(12),
        },
        ClientMsg::MarkRead {
            reference: r("r6"),
            conversation: ConversationId(12),
            seq: 41,
        },
        ClientMsg::History {
            reference: r("r7"),
            conversation: ConversationId(12),
            before: Some(30),
            after: None,
            limit: Some(50),
        },
        ClientMsg::Resume {
            reference: r("r8"),
            conversations: vec![ResumePoint {
                conversation: ConversationId(12),
                seq: 38,
            }],
        },
        ClientMsg::CreateChannel {
            reference: r("r9"),
            name: r("vietnamese-cooking"),
            topic: r("Recipes and where to buy ingredients"),
            visibility: Visibility::InviteOnly,
            languages: vec![r("vi"), r("ja")],
        },
        ClientMsg::JoinChannel {
            reference: r("r10"),
            conversation: ConversationId(12),
        },
        ClientMsg::Leave {
            reference: r("r11"),
            conversation: ConversationId(12),
        },
        ClientMsg::Invite {
            reference: r("r12"),
            conversation: ConversationId(14),
            user: UserId(7),
        },
        ClientMsg::OpenDirect {
            reference: r("r13"),
            users: vec![UserId(7)],
        },
        ClientMsg::Ping {
            reference: r("r14"),
        },
    ]
}

fn event(seq: Seq, body: EventBody) -> ServerEvent {
    ServerEvent::Event(Box::new(ConversationEvent {
        conversation: ConversationId(12),
        seq,
        at: 1_763_700_000_000,
        actor: UserId(3),
        body,
    }))
}

fn server_samples() -> Vec<ServerEvent> {
    let mut args = Args::new();
    args.insert(r("seconds"), ArgValue::Number(2));
    vec![
        ServerEvent::Ready(Box::new(Ready {
            protocol: 1,
            user: Profile {
                id: UserId(3),
                username: r("anna"),
                display_name: r("Anna Kovalenko"),
                role: Role::Volunteer,
                locale: r("uk"),
                languages_spoken: vec![r("uk"), r("ru"), r("en")],
                languages_learning: vec![r("ja")],
            },
            locale: r("uk"),
            conversations: vec![summary()],
            consultations: vec![consultation()],
            helper: Some(HelperProfile {
                user: UserId(3),
                topics: vec![TopicId(1), TopicId(2)],
                languages: vec![r("uk"), r("ru"), r("en")],
                capacity: 3,
                availability: Availability::Available,
                hours: vec![HoursRange {
                    day: 1,
                    from: r("18:00"),
                    to: r("21:00"),
                }],
                load: 1,
            }),
            blocked: vec![UserId(11)],
            limits: Limits {
                max_frame_bytes: 65536,
                max_body_chars: 4000,
                send_per_second: 5,
                send_burst: 10,
                resume_cap: 1000,
                history_page_max: 200,
            },
        })),
        event(
            41,
            EventBody::Message {
                message: message().into(),
            },
        ),
        ServerEvent::Ack {
            reference: r("r1"),
            result: AckResult::Sent {
                message: MessageId(501),
                conversation: ConversationId(12),
                seq: 41,
                client_id: r("5b0c6f2e-8d1a-4f7e-9c1b-2a3d4e5f6a7b"),
                duplicate: false,
            },
        },
        ServerEvent::History {
            reference: r("r7"),
            page: HistoryPage {
                conversation: ConversationId(12),
                messages: vec![message()],
                as_of: 41,
                has_more: true,
            },
        },
        ServerEvent::Resync {
            conversation: ConversationId(12),
            seq: 2041,
            notice: LocalizedText {
                id: r("notice-resync"),
                args: Args::new(),
                text: r("Some messages were missed while you were away; loading the latest ones."),
            },
        },
        ServerEvent::Typing {
            conversation: ConversationId(12),
            user: UserId(7),
        },
        ServerEvent::ReadMarker {
            reference: Some(r("r6")),
            conversation: ConversationId(12),
            seq: 41,
            unread: 0,
            mentions: 0,
        },
        ServerEvent::Membership {
            conversation: ConversationId(12),
            change: MembershipChange::Joined,
            summary: Some(summary()),
        },
        ServerEvent::Mentioned {
            conversation: ConversationId(12),
            message: MessageId(501),
            seq: 41,
            by: UserId(3),
            notice: LocalizedText {
                id: r("notice-mentioned"),
                args: [
                    (r("user"), ArgValue::Text(r("Anna Kovalenko"))),
                    (r("conversation"), ArgValue::Text(r("#toyama-newcomers"))),
                ]
                .into_iter()
                .collect(),
                text: r("Anna Kovalenko mentioned you in #toyama-newcomers."),
            },
        },
        ServerEvent::Error(ErrorBody {
            reference: Some(r("r1")),
            code: ErrorCode::RateLimited,
            id: r("error-rate-limited"),
            args,
            text: r("You are sending too fast. Try again in 2 seconds."),
        }),
        ServerEvent::Pong {
            reference: r("r14"),
        },
        ServerEvent::Availability {
            reference: r("c1"),
            answer: AvailabilityAnswer {
                topic: TopicId(1),
                available: true,
                language: Some(r("ne")),
                helpers: 2,
                hours: vec![],
                waiting: 0,
                notice: LocalizedText {
                    id: r("notice-available-now"),
                    args: [
                        (r("topic"), ArgValue::Text(r("Visa and residence"))),
                        (r("language"), ArgValue::Text(r("ne"))),
                    ]
                    .into_iter()
                    .collect(),
                    text: r(
                        "Someone who can help with Visa and residence in Nepali is available now.",
                    ),
                },
            },
        },
        ServerEvent::Consultation(Box::new(consultation())),
        ServerEvent::QueuePosition {
            consultation: c(80),
            position: 2,
            eta_seconds: Some(450),
            helpers_available: 0,
            notice: LocalizedText {
                id: r("notice-queue-position"),
                args: [
                    (r("position"), ArgValue::Number(2)),
                    (r("topic"), ArgValue::Text(r("Visa and residence"))),
                    (r("minutes"), ArgValue::Number(8)),
                ]
                .into_iter()
                .collect(),
                text: r(
                    "You are number 2 in the queue for Visa and residence. Estimated wait: about 8 minutes.",
                ),
            },
        },
        ServerEvent::QueueItem(Box::new(QueueItem {
            consultation: c(80),
            topic: TopicId(1),
            languages: vec![r("ne"), r("en")],
            state: ConsultationState::Waiting,
            queued_at: 1_763_700_000_000,
            preview: r("My residence card expires next month and my company changed its name."),
        })),
        ServerEvent::HelperStatus {
            availability: Availability::Away,
            load: 0,
            capacity: 3,
        },
        ServerEvent::Notice {
            notice: LocalizedText {
                id: r("notice-timed-out"),
                args: [
                    (r("conversation"), ArgValue::Text(r("#toyama-newcomers"))),
                    (r("minutes"), ArgValue::Number(10)),
                    (r("scope"), ArgValue::Text(r("channel"))),
                ]
                .into_iter()
                .collect(),
                text: r("A moderator timed you out in #toyama-newcomers for 10 minutes."),
            },
        },
        ServerEvent::Report(Box::new(Report {
            id: 17,
            reporter: UserId(9),
            category: ReportCategory::Harassment,
            note: r("He keeps insulting people who ask about visas."),
            state: ReportState::Claimed,
            target_user: UserId(7),
            message: Some(MessageId(501)),
            conversation: Some(ConversationId(12)),
            snapshot: Some(ReportSnapshot {
                author: UserId(7),
                body: r("Nobody wants you here."),
                lang: r("en"),
                created_at: 1_763_700_000_000,
            }),
            rule: None,
            created_at: 1_763_700_010_000,
            claimed_by: Some(UserId(2)),
            resolved_by: None,
            resolved_at: None,
            resolution: String::new(),
            notes: vec![ReportNote {
                author: UserId(2),
                body: r("Second report about him this week."),
                at: 1_763_700_020_000,
            }],
        })),
        ServerEvent::Presence {
            reference: Some(r("c16")),
            users: vec![
                PresenceInfo {
                    user: UserId(7),
                    status: PresenceStatus::Online,
                    last_seen: None,
                },
                PresenceInfo {
                    user: UserId(9),
                    status: PresenceStatus::Offline,
                    last_seen: Some(1_763_699_000_000),
                },
            ],
        },
    ]
}

/// The `kind` of every conversation event, with a sample. Exhaustive by the match in `EventBody::kind`.
fn event_samples() -> Vec<ServerEvent> {
    let user = UserId(7);
    let bodies = vec![
        EventBody::Message {
            message: message().into(),
        },
        EventBody::MessageEdited {
            message: MessageId(501),
            body: r("Does anyone know a Nepali-speaking doctor near Toyama station?"),
            lang: r("en"),
            edited_at: 1_763_700_060_000,
        },
        EventBody::MessageDeleted {
            message: MessageId(501),
        },
        EventBody::ReactionAdded {
            message: MessageId(501),
            user,
            emoji: r("🙏"),
        },
        EventBody::ReactionRemoved {
            message: MessageId(501),
            user,
            emoji: r("🙏"),
        },
        EventBody::MemberJoined { user },
        EventBody::MemberLeft { user },
        EventBody::MemberInvited { user },
        EventBody::ChannelCreated {
            name: r("toyama-newcomers"),
        },
        EventBody::ChannelUpdated {
            topic: r("Ask anything about life in Toyama"),
            languages: vec![r("ja"), r("en"), r("ne")],
        },
        EventBody::ModeratorAdded { user },
        EventBody::ModeratorRemoved { user },
        EventBody::MemberTimedOut {
            user,
            until: 1_763_700_600_000,
            global: false,
        },
        EventBody::TimeoutLifted { user },
        EventBody::MemberKicked { user },
        EventBody::MemberBanned {
            user,
            until: None,
            global: false,
        },
        EventBody::MemberUnbanned { user },
        EventBody::SlowModeChanged { seconds: 30 },
        EventBody::ChannelLocked { locked: true },
        EventBody::MessagePinned {
            message: MessageId(501),
        },
        EventBody::MessageUnpinned {
            message: MessageId(501),
        },
        EventBody::Consultation {
            change: ConsultChange::Assigned,
            state: ConsultationState::Active,
            helper: Some(UserId(3)),
            topic: None,
            rating: None,
            automatic: true,
        },
    ];
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| event(42 + i as u64, body))
        .collect()
}

fn golden() -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for sample in client_samples() {
        let name = format!("client.{}", client_name(&sample));
        assert!(
            out.insert(
                name.clone(),
                serde_json::to_value(&sample).expect("serializes")
            )
            .is_none(),
            "{name} twice"
        );
    }
    for sample in server_samples() {
        let name = format!("server.{}", server_name(&sample));
        assert!(
            out.insert(
                name.clone(),
                serde_json::to_value(&sample).expect("serializes")
            )
            .is_none(),
            "{name} twice"
        );
    }
    for sample in event_samples() {
        let ServerEvent::Event(e) = &sample else {
            unreachable!("event samples are events")
        };
        let name = format!("event.{}", e.body.kind());
        assert!(
            out.insert(
                name.clone(),
                serde_json::to_value(&sample).expect("serializes")
            )
            .is_none(),
            "{name} twice"
        );
    }
    out
}

#[test]
fn every_sample_round_trips() {
    for sample in client_samples() {
        let json = serde_json::to_string(&sample).expect("serializes");
        let back: ClientMsg = serde_json::from_str(&json).expect("parses back");
        assert_eq!(back, sample, "{json}");
    }
    for sample in server_samples().into_iter().chain(event_samples()) {
        let json = serde_json::to_string(&sample).expect("serializes");
        let back: ServerEvent = serde_json::from_str(&json).expect("parses back");
        assert_eq!(back, sample, "{json}");
    }
}

#[test]
fn samples_match_the_golden_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/protocol.json");
    let current = serde_json::to_string_pretty(&golden()).expect("serializes") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &current).expect("write golden file");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == current,
        "the protocol changed: review the difference, update docs/protocol.md, then run with UPDATE_GOLDEN=1"
    );
}

#[test]
fn the_protocol_document_names_every_frame_event_and_error() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/protocol.md"))
            .expect("docs/protocol.md exists");
    let mut missing = Vec::new();
    for name in golden().keys() {
        let bare = name.split_once('.').map_or(name.as_str(), |(_, n)| n);
        if !doc.contains(&format!("`{bare}`")) {
            missing.push(name.clone());
        }
    }
    for code in ErrorCode::ALL {
        if !doc.contains(&format!("`{}`", code.as_str())) {
            missing.push(format!("error.{}", code.as_str()));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/protocol.md does not name: {missing:?}"
    );
}

#[test]
fn unknown_fields_and_types_are_rejected() {
    for bad in [
        r#"{"type":"ping","ref":"x","extra":1}"#,
        r#"{"type":"pong","ref":"x"}"#,
        r#"{"type":"send_message","ref":"r","conversation":1,"client_id":"c","body":"b","lang":"en","html":"<b>"}"#,
        r#"{"type":"hello","protocol":1,"resume":[{"conversation":1,"seq":2,"x":3}]}"#,
    ] {
        assert!(serde_json::from_str::<ClientMsg>(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_consultation_ack_round_trips() {
    // `ack` results are untagged: a consultation must not be read back as another result.
    let ack = ServerEvent::Ack {
        reference: r("c2"),
        result: AckResult::Consultation {
            consultation: Box::new(Consultation {
                state: ConsultationState::Waiting,
                helpers: vec![],
                notes: None,
                lang: None,
                accepted: false,
                position: Some(1),
                ..consultation()
            }),
        },
    };
    let json = serde_json::to_string(&ack).expect("serializes");
    let back: ServerEvent = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, ack);
}
