//! Consultation reads: a consultation as its reader may see it, lists, queues, topics, availability. Privacy
//! (DESIGN §3.9) is decided here for every read path: the requester and the assigned helpers see a consultation,
//! staff see every one and each such read is written to the audit log, everyone else is told it does not exist.

use crate::consult;
use crate::protocol::{
    AvailabilityAnswer, Consultation, ConversationId, ConversationKind, ConversationSummary,
    ErrorCode, HelperLoad, HelperProfile, LocalizedText, QueueView, Refusal, Role, Topic, TopicId,
    UserId,
};
use crate::store::{ConsultFilter, ConsultRow, Listed};

use super::{Hub, internal};

/// Who is reading a consultation.
enum Reader {
    Requester,
    Helper,
    /// Staff outside the consultation: allowed, audited.
    Staff,
}

impl Hub {
    fn now(&self) -> i64 {
        crate::now_ms()
    }

    async fn role_of(&self, user: UserId) -> Result<Role, Refusal> {
        let row = self.store().user(user).await.map_err(internal)?;
        Ok(row
            .filter(|r| r.active)
            .map_or(Role::Member, |r| r.profile.role))
    }

    async fn reader(
        &self,
        actor: UserId,
        c: &ConsultRow,
        helpers: &[UserId],
    ) -> Result<Reader, Refusal> {
        if c.requester == actor {
            Ok(Reader::Requester)
        } else if helpers.contains(&actor) {
            Ok(Reader::Helper)
        } else if self.role_of(actor).await?.is_staff() {
            Ok(Reader::Staff)
        } else {
            Err(ErrorCode::NotFound.into())
        }
    }

    async fn audit(&self, actor: UserId, action: &str, target: i64) -> Result<(), Refusal> {
        self.store()
            .append_audit(&crate::store::NewAudit {
                actor,
                action,
                target_kind: "consultation",
                target_id: target,
                reason: "",
                details: serde_json::Value::Object(Default::default()),
                conversation: None,
                at: self.now(),
            })
            .await
            .map_err(internal)
    }

    /// One consultation as `actor` may see it. A staff reader who is not a party is audited unless `quiet` (their
    /// own action's answer).
    pub async fn consultation(
        &self,
        actor: UserId,
        id: ConversationId,
        quiet: bool,
    ) -> Result<Consultation, Refusal> {
        // One pooled connection for the row, its helpers and its place, given back before anything else is read.
        let Listed {
            row,
            helpers,
            position,
        } = {
            let mut reader = self.store().reader().await.map_err(internal)?;
            reader.consultation(id).await.map_err(internal)?
        }
        .ok_or(ErrorCode::NotFound)?;
        let reader = self.reader(actor, &row, &helpers).await?;
        if matches!(reader, Reader::Staff) && !quiet {
            self.audit(actor, "consultation.read", id.0).await?;
        }
        let staff_view = !matches!(reader, Reader::Requester);
        Ok(row.view(
            helpers,
            staff_view,
            position,
            self.limits().timers.reopen_days,
        ))
    }

    /// Consultations `actor` asked or helps with; for staff with `all`, every consultation (audited as one list
    /// read).
    pub async fn consultations(
        &self,
        actor: UserId,
        mut filter: ConsultFilter,
        all: bool,
    ) -> Result<Vec<Consultation>, Refusal> {
        let staff = all && self.role_of(actor).await?.is_staff();
        filter.party = if all && staff { None } else { Some(actor) };
        if filter.party.is_none() {
            self.audit(actor, "consultation.list", 0).await?;
        }
        let mut reader = self.store().reader().await.map_err(internal)?;
        let listed = reader.consultations(&filter).await.map_err(internal)?;
        Ok(self.consultation_views(actor, listed))
    }

    /// Consultations as `actor` sees them.
    fn consultation_views(&self, actor: UserId, listed: Vec<Listed>) -> Vec<Consultation> {
        listed
            .into_iter()
            .map(
                |Listed {
                     row,
                     helpers,
                     position,
                 }| {
                    let staff_view = row.requester != actor || helpers.contains(&actor);
                    row.view(
                        helpers,
                        staff_view,
                        position,
                        self.limits().timers.reopen_days,
                    )
                },
            )
            .collect()
    }

    /// A conversation's summary for reading its history: members (and public channels) as before; staff may read
    /// consultations and their notes, audited. Returns whether it was such a staff read.
    pub(super) async fn readable(
        &self,
        actor: UserId,
        conversation: ConversationId,
    ) -> Result<(ConversationSummary, bool), Refusal> {
        match self.summary(actor, conversation).await {
            Ok(summary) => Ok((summary, false)),
            Err(refusal) => {
                if !self.role_of(actor).await?.is_staff() {
                    return Err(refusal);
                }
                let summary = self
                    .store()
                    .conversation_seen_by(conversation, actor, true)
                    .await
                    .map_err(internal)?
                    .ok_or(refusal)?;
                let target = match summary.kind {
                    ConversationKind::ConsultationNotes => {
                        self.store()
                            .consultation_of_notes(conversation)
                            .await
                            .map_err(internal)?
                            .unwrap_or(conversation)
                            .0
                    }
                    _ => conversation.0,
                };
                self.audit(actor, "consultation.history", target).await?;
                Ok((summary, true))
            }
        }
    }

    /// Active topics as a reader with these language preferences sees them.
    pub async fn topics(&self, langs: &[&str], all: bool) -> Result<Vec<Topic>, Refusal> {
        let rows = self.store().topics(all).await.map_err(internal)?;
        Ok(rows.iter().map(|t| t.view(langs)).collect())
    }

    /// Whether someone can take a request now. The notice comes with its id and arguments; the caller renders its
    /// text in the reader's language.
    pub async fn availability(
        &self,
        topic: TopicId,
        languages: &[String],
        reader_langs: &[&str],
    ) -> Result<AvailabilityAnswer, Refusal> {
        if languages.is_empty()
            || languages.len() > 8
            || languages
                .iter()
                .any(|l| super::rules::check_lang(l).is_err())
        {
            return Err(Refusal::field("languages"));
        }
        let store = self.store();
        let row = store
            .topic(topic)
            .await
            .map_err(internal)?
            .filter(|t| t.active)
            .ok_or(ErrorCode::NotFound)?;
        let now = self.now();
        let helpers: Vec<consult::Helper> = store
            .helpers()
            .await
            .map_err(internal)?
            .iter()
            .map(|h| h.routing(now))
            .collect();
        let (language, count) = consult::availability(topic.0, languages, &helpers);
        let waiting = store.waiting_count(topic).await.map_err(internal)?;
        let name = row.name_in(reader_langs);
        let notice = match &language {
            Some(lang) => LocalizedText {
                id: "notice-available-now".into(),
                args: crate::i18n::args([
                    ("topic", name.into()),
                    ("language", lang.clone().into()),
                ]),
                text: String::new(),
            },
            None => LocalizedText {
                id: "notice-nobody-available".into(),
                args: crate::i18n::args([
                    ("topic", name.into()),
                    ("waiting", i64::from(waiting).into()),
                ]),
                text: String::new(),
            },
        };
        Ok(AvailabilityAnswer {
            topic,
            available: language.is_some(),
            language,
            helpers: count,
            hours: row.hours.clone(),
            waiting,
            notice,
        })
    }

    /// The queues `actor` serves (helpers: their topics; staff: all, with load and satisfaction).
    pub async fn queues(&self, actor: UserId) -> Result<Vec<QueueView>, Refusal> {
        let store = self.store();
        let role = self.role_of(actor).await?;
        let staff = role.is_staff();
        let helpers = store.helpers().await.map_err(internal)?;
        let mine = helpers.iter().find(|h| h.user == actor);
        if !staff && mine.is_none() {
            return Err(ErrorCode::NotHelper.into());
        }
        let now = self.now();
        let online: std::collections::HashSet<UserId> = if staff {
            let users: Vec<UserId> = helpers.iter().map(|h| h.user).collect();
            let statuses = self.overall(&users).await?;
            users
                .into_iter()
                .zip(statuses)
                .filter(|(_, s)| *s != crate::protocol::PresenceStatus::Offline)
                .map(|(u, _)| u)
                .collect()
        } else {
            Default::default()
        };
        let mut out = Vec::new();
        for topic in store.topics(false).await.map_err(internal)? {
            if !staff && !mine.is_some_and(|h| h.topics.contains(&topic.id)) {
                continue;
            }
            let waiting = store.waiting(topic.id).await.map_err(internal)?;
            let covering: Vec<_> = helpers
                .iter()
                .filter(|h| h.topics.contains(&topic.id))
                .collect();
            let available = covering
                .iter()
                .filter(|h| {
                    let r = h.routing(now);
                    r.routable && r.has_room()
                })
                .count() as u32;
            let (satisfaction, ratings) = if staff {
                let (avg, n) = store.satisfaction(topic.id).await.map_err(internal)?;
                (avg, Some(n))
            } else {
                (None, None)
            };
            out.push(QueueView {
                topic: topic.id,
                longest_wait_seconds: waiting
                    .first()
                    .map_or(0, |c| ((now - c.queued_at).max(0) / 1000) as u64),
                waiting: waiting.iter().map(ConsultRow::queue_item).collect(),
                helpers_available: available,
                helpers: if staff {
                    covering
                        .iter()
                        .map(|h| HelperLoad {
                            user: h.user,
                            availability: h.availability,
                            load: h.load,
                            capacity: h.capacity,
                            online: online.contains(&h.user),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                satisfaction,
                ratings,
            });
        }
        if staff {
            self.audit(actor, "consultation.queues", 0).await?;
        }
        Ok(out)
    }

    pub async fn helper_profile(&self, user: UserId) -> Result<Option<HelperProfile>, Refusal> {
        let row = self.store().helper(user).await.map_err(internal)?;
        Ok(row.map(|h| h.profile()))
    }

    /// What `ready` carries about consultations: the open ones the person asked or helps with, and their helper
    /// profile; read after the person's conversations. Each read is skipped where it cannot find anything, as most
    /// people's `ready` then saves a round trip or two (and the checkout of a connection):
    /// - the parties of a consultation are the members of its conversation (the requester from its opening, each
    ///   helper while assigned: `consult.rs`, `add_helper` and `remove_helpers`), so someone who is a member of no
    ///   consultation has none to list;
    /// - someone whose role may not help has no profile to show.
    pub async fn ready_consultations(
        &self,
        user: UserId,
        role: Role,
        conversations: &[ConversationSummary],
    ) -> Result<(Vec<Consultation>, Option<HelperProfile>), Refusal> {
        let party = conversations
            .iter()
            .any(|c| c.kind == ConversationKind::Consultation);
        if !party && !role.may_help() {
            return Ok((Vec::new(), None));
        }
        let mut reader = self.store().reader().await.map_err(internal)?;
        let listed = if party {
            let filter = ConsultFilter {
                open_only: true,
                limit: 200,
                party: Some(user),
                ..ConsultFilter::default()
            };
            reader.consultations(&filter).await.map_err(internal)?
        } else {
            Vec::new()
        };
        let helper = if role.may_help() {
            reader.helper(user).await.map_err(internal)?
        } else {
            None
        };
        Ok((
            self.consultation_views(user, listed),
            helper.map(|h| h.profile()),
        ))
    }
}
