// Consultations as this client holds them (docs/consultations.md): the ones the person asked or helps with, the
// queue positions of their waiting requests, the queues a helper serves, their helper profile, topics and canned
// replies. Plain data and the HTTP calls that fill it; the views under views/consult*.ts render it.

import { call } from './api';
import { autonym, currentLocale } from './i18n';
import { topicName } from './people';
import type {
  Availability,
  CannedReply,
  Consultation,
  ConversationId,
  ConversationKind,
  ConversationSummary,
  HelperProfile,
  HelperUpdate,
  QueueItem,
  QueueView,
  Role,
  Topic,
  TopicId,
  UserId,
} from './protocol';
import { state } from './state';
import type { Frame } from './wire';

export type QueuePosition = Frame<'queue_position'>;

export interface ConsultStore {
  /** Whose data this is: a ready frame for another person starts afresh. */
  owner: UserId | null;
  /** Consultation (= its conversation's id) → the consultation as this person sees it. */
  byId: Map<ConversationId, Consultation>;
  /** The latest `queue_position` of each waiting consultation this person asked. */
  positions: Map<ConversationId, QueuePosition>;
  /** Waiting consultations in the queues this person serves, by consultation. */
  queue: Map<ConversationId, QueueItem>;
  /** Per topic, the helpers who could take a request now (from GET /queues). */
  queueHelpers: Map<TopicId, number>;
  queueLoaded: boolean;
  helper: HelperProfile | null;
  topics: Topic[] | null;
  canned: CannedReply[] | null;
}

export const consult: ConsultStore = {
  owner: null,
  byId: new Map(),
  positions: new Map(),
  queue: new Map(),
  queueHelpers: new Map(),
  queueLoaded: false,
  helper: null,
  topics: null,
  canned: null,
};

export function resetConsult(owner: UserId | null): void {
  consult.owner = owner;
  consult.byId.clear();
  consult.positions.clear();
  consult.queue.clear();
  consult.queueHelpers.clear();
  consult.queueLoaded = false;
  consult.helper = null;
  consult.canned = null;
}

// --- who is who ------------------------------------------------------------------------------------------------

const HELPER_ROLES: readonly Role[] = ['volunteer', 'advisor', 'moderator', 'admin'];
const STAFF_ROLES: readonly Role[] = ['moderator', 'admin'];
const OPEN_STATES: readonly Consultation['state'][] = ['waiting', 'active', 'on_hold'];

/** Whether the person's role lets them help (a helper profile makes them one; set_availability creates it). */
export function canHelp(): boolean {
  return !!state.me && HELPER_ROLES.includes(state.me.role);
}

export function isStaff(): boolean {
  return !!state.me && STAFF_ROLES.includes(state.me.role);
}

export function isConsultKind(kind: ConversationKind): boolean {
  return kind === 'consultation' || kind === 'consultation_notes';
}

export function isOpen(c: Consultation): boolean {
  return OPEN_STATES.includes(c.state);
}

export function isClosed(c: Consultation): boolean {
  return !isOpen(c);
}

/** Whether the signed-in person is one of the consultation's helpers. */
export function helpsWith(c: Consultation): boolean {
  return !!state.me && c.helpers.includes(state.me.id);
}

export function askedBy(c: Consultation): boolean {
  return !!state.me && c.requester === state.me.id;
}

/** The consultation whose notes conversation this is, if known. */
export function consultationOfNotes(notes: ConversationId): Consultation | undefined {
  for (const c of consult.byId.values()) if (c.notes === notes) return c;
  return undefined;
}

/** The consultation conversations the person is in, open ones first, then by their newest event. */
export function myConsultations(): { conv: ConversationSummary; c: Consultation | undefined }[] {
  const out: { conv: ConversationSummary; c: Consultation | undefined }[] = [];
  for (const conv of state.convs.values()) {
    if (conv.kind === 'consultation') out.push({ conv, c: consult.byId.get(conv.id) });
  }
  const rank = (c: Consultation | undefined) => (c && isOpen(c) ? 0 : 1);
  return out.sort((a, b) => rank(a.c) - rank(b.c) || (b.c?.updated_at ?? 0) - (a.c?.updated_at ?? 0));
}

export function upsertConsultation(c: Consultation): Consultation {
  const held = consult.byId.get(c.id);
  // Frames to the requester carry no `notes`; a helper's later frames do. Keep what is known.
  const merged = held && held.notes && !c.notes ? { ...c, notes: held.notes } : c;
  consult.byId.set(c.id, merged);
  if (merged.state !== 'waiting') consult.positions.delete(c.id);
  return merged;
}

// --- languages ------------------------------------------------------------------------------------------------

/** A language's name in the UI language ("नेपाली" → "Nepali" for an English UI). */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([currentLocale()], { type: 'language' }).of(tag);
    return name && name !== tag ? name.charAt(0).toLocaleUpperCase(currentLocale()) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}

/** A language as a person picks it: its own name, and the UI language's name for it when that differs. */
export function languageLabel(tag: string): string {
  const own = autonym(tag);
  const here = languageName(tag);
  return here === tag || here.toLocaleLowerCase() === own.toLocaleLowerCase() ? own : `${own} (${here})`;
}

/** Two language tags fit when their primary subtags are equal, ignoring case (pt-BR fits pt). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]?.toLowerCase() === b.split('-')[0]?.toLowerCase();
}

// --- HTTP ------------------------------------------------------------------------------------------------------

// The server is the other end of the contract: its bodies have the documented shapes (docs/protocol.md §10).

export async function loadTopics(): Promise<Topic[]> {
  if (consult.topics) return consult.topics;
  consult.topics = (await call('GET', '/topics')) as Topic[];
  return consult.topics;
}

export function topicById(id: TopicId): Topic | undefined {
  return consult.topics?.find((topic) => topic.id === id);
}

/** A topic's name in the UI language, from the topics read here (people.ts reads them too, for system events). */
export function topicLabel(id: TopicId): string {
  const topic = topicById(id);
  return topic ? (topic.names[currentLocale()] ?? topic.name) : topicName(id);
}

/** Every consultation the person asked or helps with, closed ones included (ready carries only open ones). */
export async function loadMyConsultations(): Promise<void> {
  const list = (await call('GET', '/consultations?limit=200')) as Consultation[];
  for (const c of list) if (!consult.byId.has(c.id) || isClosed(c)) upsertConsultation(c);
}

export async function loadConsultation(id: ConversationId): Promise<Consultation> {
  return upsertConsultation((await call('GET', `/consultations/${id}`)) as Consultation);
}

/** The queues a helper serves (staff: all of them). */
export async function loadQueues(): Promise<void> {
  const views = (await call('GET', '/queues')) as QueueView[];
  consult.queue.clear();
  consult.queueHelpers.clear();
  for (const view of views) {
    consult.queueHelpers.set(view.topic, view.helpers_available);
    for (const item of view.waiting) consult.queue.set(item.consultation, item);
  }
  consult.queueLoaded = true;
}

export async function loadHelperProfile(): Promise<HelperProfile | null> {
  try {
    consult.helper = (await call('GET', '/helpers/me')) as HelperProfile;
  } catch {
    consult.helper = null; // 404: no profile yet
  }
  return consult.helper;
}

export async function saveHelperProfile(update: HelperUpdate): Promise<HelperProfile> {
  consult.helper = (await call('PUT', '/helpers/me', update)) as HelperProfile;
  return consult.helper;
}

export async function loadCanned(): Promise<CannedReply[]> {
  consult.canned = (await call('GET', '/canned')) as CannedReply[];
  return consult.canned;
}

/** The canned reply's text the server would send: the consultation's language, the requester's, else English. */
export function cannedText(reply: CannedReply, c: Consultation): string {
  const variants = Object.entries(reply.variants);
  for (const want of [c.lang, ...c.languages]) {
    if (!want) continue;
    const found = variants.find(([tag]) => sameLanguage(tag, want));
    if (found) return found[1];
  }
  return reply.variants.en ?? variants[0]?.[1] ?? '';
}

/** The availability words the protocol uses, in the order the switch shows them. */
export const AVAILABILITIES: readonly Availability[] = ['available', 'busy', 'away'];

/** The children that are there, for replaceChildren (which, unlike h(), takes no null). */
export function present(...nodes: (Node | null | undefined | false)[]): Node[] {
  return nodes.filter((node): node is Node => !!node);
}
