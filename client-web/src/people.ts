// Display names for user ids (events carry ids; people are shown by name), and consultation topics' names, both
// loaded on demand over HTTP and cached. When names arrive, whatever shows them is re-rendered once per frame.

import { getProfile, listTopics } from './api';
import { ServerError } from './errors';
import { currentLocale, t } from './i18n';
import type { Profile, Topic, TopicId, UserId } from './protocol';

/** A failed look-up (other than "no such person") is not retried for this long. */
const PROFILE_RETRY_MS = 15_000;

/** user id → Profile, or null for a person who is gone (404). */
const profiles = new Map<UserId, Profile | null>();
const loads = new Map<UserId, Promise<Profile | null>>();
/** user id → when a look-up last failed for another reason (offline…). */
const failures = new Map<UserId, number>();

let topics: Map<TopicId, Topic> | null = null;
let topicsLoading = false;
let topicsFailedAt = 0;

let onNamesChanged: () => void = () => {};
let refreshQueued = false;

/** What to re-render when names or topics arrive. */
export function whenNamesChange(render: () => void): void {
  onNamesChanged = render;
}

function namesChanged(): void {
  if (refreshQueued) return;
  refreshQueued = true;
  requestAnimationFrame(() => {
    refreshQueued = false;
    onNamesChanged();
  });
}

export function rememberProfile(profile: Profile): void {
  profiles.set(profile.id, profile);
}

export function forgetPeople(): void {
  profiles.clear();
  failures.clear();
}

export function loadProfile(id: UserId): Promise<Profile | null> {
  const known = profiles.get(id);
  if (known !== undefined) return Promise.resolve(known);
  let load = loads.get(id);
  if (!load) {
    load = fetchProfile(id);
    loads.set(id, load);
  }
  return load;
}

async function fetchProfile(id: UserId): Promise<Profile | null> {
  try {
    const profile = await getProfile(id);
    failures.delete(id);
    profiles.set(id, profile);
    return profile;
  } catch (error) {
    if (error instanceof ServerError && error.code === 'not_found') profiles.set(id, null);
    else failures.set(id, Date.now());
    return null;
  } finally {
    loads.delete(id);
    namesChanged();
  }
}

/** A person's Profile if it is loaded already (no look-up). */
export function knownProfile(id: UserId): Profile | undefined {
  return profiles.get(id) ?? undefined;
}

/** The display name of a person; "…" while it loads. */
export function nameOf(id: UserId): string {
  const profile = profiles.get(id);
  if (profile) return profile.display_name;
  if (profile === null) return t('chat-unknown-person');
  if (Date.now() - (failures.get(id) ?? 0) > PROFILE_RETRY_MS) void loadProfile(id);
  return '…';
}

/** A topic's name in the current language (from GET /api/v1/topics); "…" while the topics load. */
export function topicName(id: TopicId): string {
  if (!topics) {
    loadTopics();
    return '…';
  }
  const topic = topics.get(id);
  if (!topic) return '…';
  return topic.names[currentLocale()] ?? topic.name;
}

function loadTopics(): void {
  if (topicsLoading || Date.now() - topicsFailedAt < PROFILE_RETRY_MS) return;
  topicsLoading = true;
  listTopics()
    .then((list) => {
      topics = new Map(list.map((topic) => [topic.id, topic]));
      namesChanged();
    })
    .catch((error: unknown) => {
      console.warn('cannot load the topics', error);
      topicsFailedAt = Date.now();
    })
    .finally(() => {
      topicsLoading = false;
    });
}
