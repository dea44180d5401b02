// The HTTP API (/api/v1, docs/protocol.md section 10): accounts, people, channel discovery, topics. The session is
// the HttpOnly cookie the server set at login; scripts never see it.

import { ServerError, type Refusal } from './errors';
import { currentLocale } from './i18n';
import type {
  ConversationSummary,
  LoginRequest,
  Profile,
  ProfileUpdate,
  RegisterRequest,
  SessionCreated,
  Topic,
  UserId,
} from './protocol';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request; resolves with the JSON body (null for 204), rejects with ServerError. */
export async function call(method: Method, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/v1${path}`, init);
  if (response.status === 204) return null;
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // not JSON: a proxy's error page, or a body-less framework error
  }
  if (!response.ok) {
    throw new ServerError(isRefusal(data) ? data : { code: 'http', text: `HTTP ${response.status}` });
  }
  return data;
}

function isRefusal(data: unknown): data is Refusal {
  if (typeof data !== 'object' || data === null) return false;
  const { code, text } = data as Record<string, unknown>;
  return typeof code === 'string' && typeof text === 'string';
}

// The server is the other end of the contract: its bodies have the documented shapes (docs/protocol.md).

export async function getMe(): Promise<Profile> {
  return (await call('GET', '/me')) as Profile;
}

export async function updateMe(update: ProfileUpdate): Promise<Profile> {
  return (await call('PATCH', '/me', update)) as Profile;
}

export async function login(request: LoginRequest): Promise<SessionCreated> {
  return (await call('POST', '/auth/login', request)) as SessionCreated;
}

export async function register(request: RegisterRequest): Promise<SessionCreated> {
  return (await call('POST', '/auth/register', request)) as SessionCreated;
}

export async function logout(): Promise<void> {
  await call('POST', '/auth/logout');
}

/** Channels one can find: public and invite-only ones, and private ones one is in or invited to. */
export async function listChannels(): Promise<ConversationSummary[]> {
  return (await call('GET', '/channels')) as ConversationSummary[];
}

/** Up to 20 people whose username or display name starts with `query`. */
export async function searchPeople(query: string): Promise<Profile[]> {
  return (await call('GET', `/users?q=${encodeURIComponent(query)}`)) as Profile[];
}

export async function getProfile(id: UserId): Promise<Profile> {
  return (await call('GET', `/users/${id}`)) as Profile;
}

/** The active consultation topics, with their names in every language. */
export async function listTopics(): Promise<Topic[]> {
  return (await call('GET', '/topics')) as Topic[];
}
