// Engawa's minimal web client: plain ES module, no build step, no dependencies.
//
// It speaks protocol 1 over /ws (see docs/protocol.md and server/src/protocol/mod.rs) and uses /api/v1 for
// accounts, channel discovery and profiles. User content is only ever written with textContent.

const PROTOCOL = 1;
const TYPING_EVERY_MS = 3000;
const TYPING_SHOW_MS = 6000;
const PING_EVERY_MS = 30000;
const PING_TIMEOUT_MS = 10000;
const BACKOFF_MAX_MS = 30000;
const PAGE = 50;
const QUICK_REACTIONS = ['👍', '❤️', '😂', '🙏', '🎉', '👀'];

// ---------------------------------------------------------------------------------------------------------------
// Fluent, the small part of it these files use: messages, { $var }, "literals", message references, numbers and
// select expressions (plural categories through Intl.PluralRules, exact numeric keys, *default). Attributes and
// terms' parameters are skipped. A message that does not parse is left out, so its fallback shows instead.
// ---------------------------------------------------------------------------------------------------------------

function parseFtl(source) {
  const messages = new Map();
  let id = null;
  let first = '';
  let rest = [];
  let inAttribute = false;
  const flush = () => {
    if (id === null) return;
    while (rest.length && !rest[rest.length - 1].trim()) rest.pop();
    const indents = rest.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length);
    const indent = indents.length ? Math.min(...indents) : 0;
    const lines = rest.map((l) => l.slice(indent));
    const value = first.trim() ? [first.trim(), ...lines].join('\n') : lines.join('\n');
    try {
      if (value.trim()) messages.set(id, parsePattern(value));
    } catch (error) {
      console.warn(`l10n: cannot parse ${id}:`, error.message);
    }
    id = null;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const entry = /^(-?[A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*)$/.exec(line);
    if (entry) {
      flush();
      [, id, first] = entry;
      rest = [];
      inAttribute = false;
    } else if (id !== null && /^[ \t]/.test(line) && line.trim()) {
      if (/^[ \t]+\./.test(line)) inAttribute = true;
      else if (!inAttribute) rest.push(line);
    } else if (id !== null && !line.trim()) {
      rest.push('');
    } else {
      flush();
    }
  }
  flush();
  return messages;
}

function parsePattern(source) {
  const p = { s: source, i: 0 };
  const elements = parseElements(p, false);
  if (p.i < p.s.length) throw new Error(`unexpected "${p.s[p.i]}"`);
  return elements;
}

function parseElements(p, inVariant) {
  const elements = [];
  let text = '';
  while (p.i < p.s.length) {
    const c = p.s[p.i];
    if (c === '{') {
      if (text) elements.push(text);
      text = '';
      p.i += 1;
      elements.push(parsePlaceable(p));
      continue;
    }
    if (c === '}') {
      if (inVariant) break;
      throw new Error('unbalanced }');
    }
    if (inVariant && c === '\n' && /^\s*(\*?\[|\})/.test(p.s.slice(p.i + 1))) break;
    text += c;
    p.i += 1;
  }
  if (text) elements.push(text);
  return elements;
}

function skipSpace(p) {
  while (p.i < p.s.length && /\s/.test(p.s[p.i])) p.i += 1;
}

function parseInline(p) {
  skipSpace(p);
  const s = p.s;
  if (s[p.i] === '"') {
    let value = '';
    p.i += 1;
    while (p.i < s.length && s[p.i] !== '"') {
      if (s[p.i] === '\\') {
        const escaped = s[p.i + 1];
        if (escaped === 'u' || escaped === 'U') {
          const len = escaped === 'u' ? 4 : 6;
          value += String.fromCodePoint(parseInt(s.substr(p.i + 2, len), 16));
          p.i += 2 + len;
        } else {
          value += escaped;
          p.i += 2;
        }
      } else {
        value += s[p.i];
        p.i += 1;
      }
    }
    p.i += 1;
    return { t: 'str', v: value };
  }
  if (s[p.i] === '{') {
    p.i += 1;
    return parsePlaceable(p);
  }
  const token = /^(\$?-?[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)?|-?\d+(\.\d+)?)/.exec(s.slice(p.i));
  if (!token) throw new Error('bad placeable');
  p.i += token[0].length;
  const name = token[0];
  if (name[0] === '$') return { t: 'var', name: name.slice(1) };
  if (/^-?\d/.test(name)) return { t: 'num', v: Number(name) };
  if (s[p.i] === '(') {
    // NUMBER($n, …) and friends: use the first argument. A term's parameters are skipped.
    p.i += 1;
    const argument = name[0] === '-' ? null : parseInline(p);
    let depth = 1;
    while (p.i < s.length && depth) {
      if (s[p.i] === '(') depth += 1;
      else if (s[p.i] === ')') depth -= 1;
      else if (s[p.i] === '"') while (++p.i < s.length && s[p.i] !== '"');
      p.i += 1;
    }
    if (argument) return argument;
  }
  return { t: 'ref', id: name.split('.')[0] };
}

function parsePlaceable(p) {
  const expression = parseInline(p);
  skipSpace(p);
  if (p.s.startsWith('->', p.i)) {
    p.i += 2;
    const variants = [];
    for (;;) {
      skipSpace(p);
      if (p.i >= p.s.length) throw new Error('unclosed select expression');
      if (p.s[p.i] === '}') {
        p.i += 1;
        break;
      }
      const isDefault = p.s[p.i] === '*';
      if (isDefault) p.i += 1;
      if (p.s[p.i] !== '[') throw new Error('bad variant');
      const end = p.s.indexOf(']', p.i);
      if (end < 0) throw new Error('bad variant key');
      const key = p.s.slice(p.i + 1, end).trim();
      p.i = end + 1;
      variants.push({ key, isDefault, value: trimPattern(parseElements(p, true)) });
    }
    if (!variants.some((v) => v.isDefault)) throw new Error('select without a default variant');
    return { t: 'select', expression, variants };
  }
  if (p.s[p.i] !== '}') throw new Error('unclosed placeable');
  p.i += 1;
  return expression;
}

function trimPattern(elements) {
  const out = [...elements];
  if (typeof out[0] === 'string') out[0] = out[0].replace(/^\s+/, '');
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] = out[last].replace(/\s+$/, '');
  return out.filter((e) => e !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// Localization
// ---------------------------------------------------------------------------------------------------------------

const l10n = {
  locale: 'en',
  shipped: ['en'],
  /**
   * [{ locale, messages }], best first: the chosen locale, then en. The texts come only from the server's
   * /l10n/<locale>/*.ftl (locales/ in the repository); if they cannot load, t() shows the message ids.
   */
  bundles: [],
  cache: new Map(),
};

async function loadBundle(tag) {
  if (!l10n.cache.has(tag)) {
    const load = Promise.all(
      ['ui.ftl', 'events.ftl', 'consult.ftl', 'moderation.ftl'].map((file) =>
        fetch(`/l10n/${encodeURIComponent(tag)}/${file}`)
          .then((r) => (r.ok ? r.text() : ''))
          .catch(() => ''),
      ),
    ).then((sources) => ({ locale: tag, messages: parseFtl(sources.join('\n')) }));
    l10n.cache.set(tag, load);
  }
  return l10n.cache.get(tag);
}

async function useLocale(tag) {
  const chain = tag === 'en' ? ['en'] : [tag, 'en'];
  const bundles = await Promise.all(chain.map(loadBundle));
  l10n.locale = tag;
  l10n.bundles = bundles;
  formatters.clear();
}

const formatters = new Map();
function formatter(kind, make) {
  const key = `${kind}|${l10n.locale}`;
  if (!formatters.has(key)) {
    try {
      formatters.set(key, make(l10n.locale));
    } catch {
      formatters.set(key, make('en'));
    }
  }
  return formatters.get(key);
}

/** The text of a Fluent id in the current language, with arguments. A missing id shows as itself. */
function t(id, args = {}) {
  for (const bundle of l10n.bundles) {
    const pattern = bundle.messages.get(id);
    if (pattern) return formatPattern(pattern, args, bundle, 0);
  }
  return id;
}

function formatPattern(elements, args, bundle, depth) {
  let out = '';
  for (const element of elements) {
    if (typeof element === 'string') out += element;
    else out += display(evaluate(element, args, bundle, depth));
  }
  return out;
}

function evaluate(expression, args, bundle, depth) {
  switch (expression.t) {
    case 'str':
      return { text: expression.v };
    case 'num':
      return expression.v;
    case 'var':
      return Object.hasOwn(args, expression.name) ? args[expression.name] : `{$${expression.name}}`;
    case 'ref': {
      const pattern = depth < 8 && bundle.messages.get(expression.id);
      return pattern ? { text: formatPattern(pattern, args, bundle, depth + 1) } : `{${expression.id}}`;
    }
    case 'select': {
      let selector = evaluate(expression.expression, args, bundle, depth);
      if (selector && typeof selector === 'object') selector = selector.text;
      const variant = chooseVariant(expression.variants, selector, bundle.locale);
      return { text: formatPattern(variant.value, args, bundle, depth + 1) };
    }
    default:
      return '';
  }
}

function chooseVariant(variants, selector, locale) {
  const number = typeof selector === 'number' ? selector : null;
  if (number !== null) {
    const exact = variants.find((v) => /^-?\d+(\.\d+)?$/.test(v.key) && Number(v.key) === number);
    if (exact) return exact;
    let category = 'other';
    try {
      category = new Intl.PluralRules(locale).select(number);
    } catch {
      /* keep "other" */
    }
    const plural = variants.find((v) => v.key === category);
    if (plural) return plural;
  } else if (typeof selector === 'string') {
    const match = variants.find((v) => v.key === selector);
    if (match) return match;
  }
  return variants.find((v) => v.isDefault);
}

function display(value) {
  if (typeof value === 'number') return formatter('number', (l) => new Intl.NumberFormat(l)).format(value);
  if (value && typeof value === 'object') return value.text;
  // Strings are people's names, channel names, topics: isolate them, as Fluent does, so that a right-to-left
  // name does not reorder the sentence around it.
  return `\u2068${value}\u2069`;
}

/** Picks the best shipped locale for a list of BCP 47 preferences. */
function negotiate(preferences) {
  const shipped = l10n.shipped;
  for (const wanted of preferences) {
    if (!wanted) continue;
    const lower = wanted.toLowerCase();
    const exact = shipped.find((s) => s.toLowerCase() === lower);
    if (exact) return exact;
    const primary = lower.split('-')[0];
    const close = shipped.find((s) => s.toLowerCase().split('-')[0] === primary);
    if (close) return close;
  }
  return shipped.includes('en') ? 'en' : shipped[0];
}

function autonym(tag) {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}

/** Translates every element that carries a Fluent id. */
function translateDocument() {
  for (const node of document.querySelectorAll('[data-l10n-id]')) node.textContent = t(node.dataset.l10nId);
  for (const node of document.querySelectorAll('[data-l10n-placeholder]')) {
    node.placeholder = t(node.dataset.l10nPlaceholder);
  }
  document.documentElement.lang = l10n.locale;
  document.title = t('app-title');
}

function listOf(items) {
  try {
    return formatter('list', (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items);
  } catch {
    return items.join(', ');
  }
}

function formatTime(ms) {
  const date = new Date(ms);
  const today = new Date().toDateString() === date.toDateString();
  const kind = today ? 'time' : 'datetime';
  return formatter(kind, (l) =>
    new Intl.DateTimeFormat(
      l,
      today ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
    ),
  ).format(date);
}

// ---------------------------------------------------------------------------------------------------------------
// Small DOM and network helpers
// ---------------------------------------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

/** Creates an element. `props` sets properties (className, textContent, dataset entries under `data`, …). */
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'data') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) node.setAttribute(name, v);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

class ServerError extends Error {
  constructor(body) {
    super(body?.text || body?.code || 'error');
    this.code = body?.code;
    this.body = body;
  }
}

class OfflineError extends Error {
  constructor() {
    super('offline');
    this.code = 'offline';
  }
}

async function api(method, path, body) {
  const headers = { accept: 'application/json', 'accept-language': l10n.locale };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    /* not JSON */
  }
  if (!response.ok) throw new ServerError(data ?? { code: 'http', text: `HTTP ${response.status}` });
  return data;
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // Plain-HTTP deployments are not a secure context, where randomUUID is missing.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function splitList(text) {
  return text
    .split(/[\s,、，;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function toast(text) {
  if (!text) return;
  const close = h('button', { type: 'button', className: 'quiet', textContent: '×' });
  close.setAttribute('aria-label', t('chat-close'));
  const item = h('div', { className: 'toast' }, h('span', { textContent: text }), close);
  const remove = () => item.remove();
  close.addEventListener('click', remove);
  $('toasts').append(item);
  setTimeout(remove, 8000);
}

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

const state = {
  me: null,
  limits: null,
  /** conversation id → ConversationSummary */
  convs: new Map(),
  /** conversation id → loaded messages (see newView) */
  views: new Map(),
  open: null,
  /** 'empty' | 'browse' | 'conversation' */
  pane: 'empty',
  /** client_id → outgoing message not yet seen in its conversation */
  outbox: new Map(),
  /** conversation id → Map(user id → timer) */
  typing: new Map(),
  typingSent: new Map(),
  markSent: new Map(),
  replyTo: null,
  editing: null,
  editDraft: null,
  picker: null,
  // connection
  ws: null,
  ready: false,
  helloError: null,
  conn: 'connecting',
  attempt: 0,
  retryTimer: null,
  pingTimer: null,
  requests: new Map(),
  nextRef: 1,
};

function newView(id) {
  return { id, entries: [], byMsg: new Map(), asOf: 0, hasMore: false, loaded: false, loading: false, buffer: [] };
}

// --- people ---------------------------------------------------------------------------------------------------

/** user id → Profile, or null for a person who is gone (404). */
const profiles = new Map();
const profileLoads = new Map();
/** user id → when a look-up last failed for another reason (offline…): not retried for a while. */
const profileFailures = new Map();
const PROFILE_RETRY_MS = 15000;

function loadProfile(id) {
  if (profiles.has(id)) return Promise.resolve(profiles.get(id));
  if (!profileLoads.has(id)) {
    const load = api('GET', `/api/v1/users/${id}`)
      .catch((error) => (error.code === 'not_found' ? null : undefined))
      .then((profile) => {
        profileLoads.delete(id);
        if (profile === undefined) {
          profileFailures.set(id, Date.now());
          return null;
        }
        profileFailures.delete(id);
        profiles.set(id, profile);
        namesChanged();
        return profile;
      });
    profileLoads.set(id, load);
  }
  return profileLoads.get(id);
}

function nameOf(id) {
  const profile = profiles.get(id);
  if (profile) return profile.display_name;
  if (profile === null) return t('chat-unknown-person');
  if (Date.now() - (profileFailures.get(id) ?? 0) > PROFILE_RETRY_MS) loadProfile(id);
  return '…';
}

let namesQueued = false;
function namesChanged() {
  if (namesQueued) return;
  namesQueued = true;
  requestAnimationFrame(() => {
    namesQueued = false;
    renderSidebar();
    renderConversationHead();
    renderTyping();
    if (state.pane === 'conversation') rerenderEntries((entry) => entry.kind === 'system' || entry.kind === 'message');
  });
}

function convName(conv) {
  if (!conv) return '';
  if (conv.kind === 'channel') return `# ${conv.name}`;
  const others = (conv.members ?? []).filter((id) => id !== state.me?.id);
  return listOf((others.length ? others : [state.me.id]).map(nameOf));
}

// ---------------------------------------------------------------------------------------------------------------
// Connection
// ---------------------------------------------------------------------------------------------------------------

function connect() {
  clearTimeout(state.retryTimer);
  state.retryTimer = null;
  if (state.ws || !state.me) return;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const ws = new WebSocket(`${scheme}://${location.host}/ws`);
  state.ws = ws;
  ws.addEventListener('open', () => {
    // Resume every conversation whose messages we hold; the server replays what we missed (or says resync).
    const resume = [...state.views.values()]
      .filter((v) => v.loaded && state.convs.has(v.id))
      .map((v) => ({ conversation: v.id, seq: v.asOf }));
    const hello = { type: 'hello', protocol: PROTOCOL };
    if (resume.length) hello.resume = resume;
    ws.send(JSON.stringify(hello));
  });
  ws.addEventListener('message', (event) => {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    try {
      onFrame(frame);
    } catch (error) {
      console.error('frame handling failed', frame, error);
    }
  });
  ws.addEventListener('close', (event) => {
    if (state.ws === ws) socketGone(event.code);
  });
}

/** Forgets the socket (it closed, or we gave up on it) and plans what comes next. */
function socketGone(code) {
  const ws = state.ws;
  state.ws = null;
  state.ready = false;
  clearInterval(state.pingTimer);
  if (ws && ws.readyState <= WebSocket.OPEN) {
    try {
      ws.close(1000);
    } catch {
      /* already closing */
    }
  }
  for (const { reject } of state.requests.values()) reject(new OfflineError());
  state.requests.clear();
  if (!state.me) return;
  const helloError = state.helloError;
  state.helloError = null;
  if ((code === 4001 && helloError !== 'internal') || code === 4003) {
    // Unauthenticated or the session was revoked: the error frame before the close told why.
    if (code === 4003) toast(t('close-session-revoked'));
    signedOut();
    return;
  }
  if (code === 4002) {
    setConn('offline');
    return; // This client is too old for the server: retrying will not help. The error frame said so.
  }
  if (code === 1009) toast(t('close-too-big'));
  if (code === 1013) toast(t('close-slow-consumer'));
  if (code === 1012) toast(t('close-service-restart'));
  if (code === 4008) toast(t('close-auth-timeout'));
  setConn('offline');
  // 1 s, 2 s, 4 s … 30 s, each ±50 %.
  const base = Math.min(BACKOFF_MAX_MS, 1000 * 2 ** state.attempt);
  const delay = Math.max(code === 1013 ? 3000 : 0, base * (0.5 + Math.random()));
  state.attempt = Math.min(state.attempt + 1, 10);
  state.retryTimer = setTimeout(connect, delay);
}

/** Closes the socket and connects again at once (after a language change, so server texts follow it). */
function reconnectNow() {
  const ws = state.ws;
  if (!ws) return connect();
  state.ws = null;
  ws.close(1000);
  state.ready = false;
  clearInterval(state.pingTimer);
  for (const { reject } of state.requests.values()) reject(new OfflineError());
  state.requests.clear();
  setConn('connecting');
  connect();
}

function sendFrame(frame) {
  if (state.ws?.readyState !== WebSocket.OPEN) return false;
  state.ws.send(JSON.stringify(frame));
  return true;
}

/** Sends a request with a fresh `ref`; resolves with the answer, rejects with ServerError or OfflineError. */
function request(frame) {
  return new Promise((resolve, reject) => {
    if (!state.ready) {
      reject(new OfflineError());
      return;
    }
    const ref = `r${state.nextRef++}`;
    state.requests.set(ref, { resolve, reject });
    if (!sendFrame({ ...frame, ref })) {
      state.requests.delete(ref);
      reject(new OfflineError());
    }
  });
}

function startHeartbeat() {
  clearInterval(state.pingTimer);
  state.pingTimer = setInterval(() => {
    const ws = state.ws;
    if (!state.ready || !ws) return;
    const timer = setTimeout(() => {
      if (state.ws === ws) socketGone(1006);
    }, PING_TIMEOUT_MS);
    request({ type: 'ping' }).then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
  }, PING_EVERY_MS);
}

function setConn(conn) {
  state.conn = conn;
  const status = $('status');
  status.hidden = !state.me;
  status.dataset.state = conn;
  status.textContent = t(conn === 'online' ? 'status-online' : 'status-connecting');
  $('offline').hidden = !(state.me && conn === 'offline');
}

// ---------------------------------------------------------------------------------------------------------------
// Frames from the server
// ---------------------------------------------------------------------------------------------------------------

function onFrame(frame) {
  const pending = frame.ref !== undefined ? state.requests.get(frame.ref) : undefined;
  if (pending) state.requests.delete(frame.ref);
  switch (frame.type) {
    case 'ready':
      onReady(frame);
      break;
    case 'event':
      onEvent(frame);
      break;
    case 'read_marker':
      onReadMarker(frame);
      pending?.resolve(frame);
      break;
    case 'typing':
      onTyping(frame);
      break;
    case 'membership':
      onMembership(frame);
      break;
    case 'resync':
      onResync(frame);
      break;
    case 'mentioned':
      onMentioned(frame);
      break;
    case 'error':
      if (!state.ready) state.helloError = frame.code;
      if (pending) pending.reject(new ServerError(frame));
      else if (frame.code === 'not_member' && frame.args?.conversation !== undefined) {
        // A resume point for a conversation left while we were away: forget it quietly.
        const id = frame.args.conversation;
        state.views.delete(id);
        if (!state.convs.has(id)) break;
        toast(frame.text);
      } else toast(frame.text);
      break;
    case 'ack':
    case 'history':
    case 'pong':
      pending?.resolve(frame);
      break;
    default:
      break;
  }
}

function onReady(frame) {
  state.me = frame.user;
  profiles.set(frame.user.id, frame.user);
  state.limits = frame.limits;
  const fresh = new Map(frame.conversations.map((c) => [c.id, c]));
  for (const id of state.views.keys()) {
    const view = state.views.get(id);
    if (!fresh.has(id) || !view.loaded) state.views.delete(id);
  }
  state.convs = fresh;
  state.markSent.clear();
  state.ready = true;
  state.attempt = 0;
  setConn('online');
  startHeartbeat();
  renderMe();
  renderSidebar();
  route();
  // Messages written while offline go out now; a retry of one the server already stored is answered as such.
  for (const item of state.outbox.values()) if (item.status !== 'failed' && item.status !== 'acked') flush(item);
}

function onEvent(ev) {
  const conv = state.convs.get(ev.conversation);
  if (conv && ev.seq > conv.last_seq) {
    conv.last_seq = ev.seq;
    if (ev.kind === 'message' && ev.message.author !== state.me.id && !isReading(conv.id)) {
      conv.unread += 1;
      if (ev.message.mentions?.includes(state.me.id)) conv.mentions += 1;
    }
    if (ev.kind === 'member_joined') {
      conv.member_count += 1;
      if (conv.kind === 'group' && !conv.members.includes(ev.user)) conv.members.push(ev.user);
    }
    if (ev.kind === 'member_left') {
      conv.member_count = Math.max(0, conv.member_count - 1);
      if (conv.kind === 'group') conv.members = conv.members.filter((u) => u !== ev.user);
    }
    if (ev.kind === 'channel_updated') {
      conv.topic = ev.topic;
      conv.languages = ev.languages;
    }
    renderSidebar();
    if (conv.id === state.open) renderConversationHead();
  }
  if (ev.kind === 'message') stopTyping(ev.conversation, ev.message.author);
  const view = state.views.get(ev.conversation);
  if (!view) return;
  if (view.loading) {
    view.buffer.push(ev);
    return;
  }
  if (!view.loaded || ev.seq <= view.asOf) return;
  if (ev.seq > view.asOf + 1) {
    // A gap (the server should prevent it): do not apply past it, load the conversation afresh.
    console.warn('event gap', view.asOf, ev.seq);
    state.views.delete(view.id);
    if (view.id === state.open) openConversation(view.id);
    return;
  }
  const stick = view.id === state.open && nearBottom();
  applyToView(view, ev);
  view.asOf = ev.seq;
  settleOutbox(view);
  if (view.id === state.open) {
    if (stick || (ev.kind === 'message' && ev.message.author === state.me.id)) scrollToBottom();
    markRead();
  }
}

function applyToView(view, ev) {
  const visible = view.id === state.open && state.pane === 'conversation';
  const message = (id) => view.byMsg.get(id);
  let changed = null;
  switch (ev.kind) {
    case 'message': {
      // A page read while writes committed may already hold this message: update it, keeping its reactions.
      const held = message(ev.message.id);
      if (held) {
        Object.assign(held.msg, { ...ev.message, reactions: held.msg.reactions });
        changed = held;
      } else {
        const entry = { kind: 'message', seq: ev.message.seq, msg: { ...ev.message, reactions: [] } };
        view.byMsg.set(ev.message.id, entry);
        insertEntry(view, entry);
        changed = entry;
      }
      break;
    }
    case 'message_edited': {
      const entry = message(ev.message);
      if (entry) {
        Object.assign(entry.msg, { body: ev.body, lang: ev.lang, edited_at: ev.edited_at });
        changed = entry;
      }
      break;
    }
    case 'message_deleted': {
      const entry = message(ev.message);
      if (entry) {
        Object.assign(entry.msg, { body: '', deleted: true, reactions: [], mentions: [], edited_at: undefined });
        changed = entry;
      }
      break;
    }
    case 'reaction_added':
    case 'reaction_removed': {
      const entry = message(ev.message);
      if (entry) {
        const reactions = entry.msg.reactions ?? [];
        let reaction = reactions.find((r) => r.emoji === ev.emoji);
        if (ev.kind === 'reaction_added') {
          if (!reaction) reactions.push((reaction = { emoji: ev.emoji, users: [] }));
          if (!reaction.users.includes(ev.user)) reaction.users.push(ev.user);
        } else if (reaction) {
          reaction.users = reaction.users.filter((u) => u !== ev.user);
        }
        entry.msg.reactions = reactions.filter((r) => r.users.length);
        changed = entry;
      }
      break;
    }
    default: {
      // member_joined, member_left, member_invited, channel_created, channel_updated, moderator_added/removed,
      // and kinds this client does not know yet: a line of text in the reader's language.
      const entry = { kind: 'system', seq: ev.seq, ev };
      insertEntry(view, entry);
      changed = entry;
    }
  }
  if (visible && changed) {
    upsertEntryElement(changed);
    $('conv-empty').hidden = view.entries.length > 0;
  }
}

function insertEntry(view, entry) {
  const entries = view.entries;
  let i = entries.length;
  while (i > 0 && entries[i - 1].seq > entry.seq) i -= 1;
  entries.splice(i, 0, entry);
}

function onReadMarker(frame) {
  const conv = state.convs.get(frame.conversation);
  if (!conv) return;
  conv.read_seq = Math.max(conv.read_seq, frame.seq);
  conv.unread = frame.unread;
  conv.mentions = frame.mentions;
  renderSidebar();
}

function onTyping({ conversation, user }) {
  if (user === state.me?.id) return;
  if (!state.typing.has(conversation)) state.typing.set(conversation, new Map());
  const people = state.typing.get(conversation);
  clearTimeout(people.get(user));
  people.set(
    user,
    setTimeout(() => stopTyping(conversation, user), TYPING_SHOW_MS),
  );
  if (conversation === state.open) renderTyping();
}

function stopTyping(conversation, user) {
  const people = state.typing.get(conversation);
  if (!people?.has(user)) return;
  clearTimeout(people.get(user));
  people.delete(user);
  if (conversation === state.open) renderTyping();
}

function onMembership({ conversation, change, summary }) {
  if (change === 'left') {
    state.convs.delete(conversation);
    state.views.delete(conversation);
    if (state.open === conversation) location.hash = '';
  } else if (summary) {
    upsertConv(summary);
  }
  renderSidebar();
}

function upsertConv(summary) {
  const existing = state.convs.get(summary.id);
  if (existing) Object.assign(existing, summary, { last_seq: Math.max(existing.last_seq, summary.last_seq) });
  else state.convs.set(summary.id, summary);
  return state.convs.get(summary.id);
}

function onResync({ conversation, seq }) {
  const conv = state.convs.get(conversation);
  if (conv) conv.last_seq = Math.max(conv.last_seq, seq);
  if (!state.views.has(conversation)) return;
  state.views.delete(conversation);
  if (state.open === conversation) {
    toast(t('notice-resync'));
    openConversation(conversation);
  }
}

async function onMentioned({ conversation, by }) {
  if (isReading(conversation)) return;
  await loadProfile(by);
  toast(t('notice-mentioned', { user: nameOf(by), conversation: convName(state.convs.get(conversation)) }));
}

// ---------------------------------------------------------------------------------------------------------------
// History and reading
// ---------------------------------------------------------------------------------------------------------------

function pageSize() {
  return Math.min(PAGE, state.limits?.history_page_max ?? PAGE);
}

async function loadLatest(view) {
  if (view.loading) return;
  view.loading = true;
  view.buffer = [];
  try {
    const page = await request({ type: 'history', conversation: view.id, limit: pageSize() });
    view.entries = [];
    view.byMsg.clear();
    for (const msg of page.messages) {
      const entry = { kind: 'message', seq: msg.seq, msg };
      view.byMsg.set(msg.id, entry);
      view.entries.push(entry);
    }
    view.asOf = page.as_of;
    view.hasMore = page.has_more;
    view.loaded = true;
    view.loading = false;
    // Events that came while the page was on its way: those the page already reflects are skipped.
    for (const ev of view.buffer.sort((a, b) => a.seq - b.seq)) {
      if (ev.seq > view.asOf) {
        applyToView(view, ev);
        view.asOf = ev.seq;
      }
    }
    settleOutbox(view);
  } catch (error) {
    if (!(error instanceof OfflineError)) toast(error.message);
  } finally {
    view.loading = false;
    view.buffer = [];
  }
  if (view.id === state.open && state.views.get(view.id) === view) {
    renderMessages();
    scrollToBottom();
    markRead();
  }
}

async function loadOlder() {
  const view = state.views.get(state.open);
  if (!view?.loaded) return;
  const oldest = view.entries.find((e) => e.kind === 'message');
  if (!oldest) return;
  const button = $('older-button');
  button.disabled = true;
  try {
    const page = await request({ type: 'history', conversation: view.id, before: oldest.seq, limit: pageSize() });
    if (state.views.get(view.id) !== view) return;
    for (const msg of page.messages) {
      if (view.byMsg.has(msg.id)) continue;
      const entry = { kind: 'message', seq: msg.seq, msg };
      view.byMsg.set(msg.id, entry);
      insertEntry(view, entry);
    }
    view.hasMore = page.has_more;
    if (view.id === state.open) {
      const scroller = $('scroller');
      const fromBottom = scroller.scrollHeight - scroller.scrollTop;
      renderMessages();
      scroller.scrollTop = scroller.scrollHeight - fromBottom;
    }
  } catch (error) {
    if (!(error instanceof OfflineError)) toast(error.message);
  } finally {
    button.disabled = false;
  }
}

function isReading(id) {
  return (
    id === state.open &&
    state.pane === 'conversation' &&
    document.visibilityState === 'visible' &&
    !!state.views.get(id)?.loaded
  );
}

/** Moves the read marker to the newest event of the open conversation. */
function markRead() {
  const id = state.open;
  const conv = state.convs.get(id);
  if (!conv || !conv.joined || !state.ready || !isReading(id)) return;
  // The newest event this view holds: the summary's last_seq may count events still on their way.
  const seq = state.views.get(id).asOf;
  if ((seq <= conv.read_seq && conv.unread === 0) || (state.markSent.get(id) ?? 0) >= seq) return;
  state.markSent.set(id, seq);
  conv.unread = 0;
  conv.mentions = 0;
  renderSidebar();
  request({ type: 'mark_read', conversation: id, seq }).catch((error) => {
    state.markSent.delete(id);
    if (!(error instanceof OfflineError)) toast(error.message);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------------------------

function sendMessage(conversation, body, replyTo) {
  const item = {
    client_id: uuid(),
    conversation,
    body,
    lang: l10n.locale,
    reply_to: replyTo ?? undefined,
    status: 'queued',
    error: null,
  };
  state.outbox.set(item.client_id, item);
  if (conversation === state.open) {
    upsertPendingElement(item);
    scrollToBottom();
  }
  flush(item);
}

function flush(item) {
  if (!state.ready) {
    item.status = 'queued';
    return;
  }
  item.status = 'sending';
  item.error = null;
  const frame = {
    type: 'send_message',
    conversation: item.conversation,
    client_id: item.client_id,
    body: item.body,
    lang: item.lang,
  };
  if (item.reply_to) frame.reply_to = item.reply_to;
  request(frame).then(
    (ack) => {
      item.status = 'acked';
      item.message = ack.message;
      item.seq = ack.seq;
      const view = state.views.get(item.conversation);
      if (view) settleOutbox(view);
      else state.outbox.delete(item.client_id);
    },
    (error) => {
      if (error instanceof OfflineError) {
        item.status = 'queued';
        return;
      }
      // Not final: wait and send again with the same client_id (the server answers a repeat as a duplicate).
      const retryable = { rate_limited: (error.body?.args?.seconds ?? 1) * 1000, unavailable: 3000, internal: 5000 };
      if (error.code in retryable && (item.retries = (item.retries ?? 0) + 1) <= 5) {
        item.status = 'queued';
        setTimeout(() => state.outbox.get(item.client_id) === item && item.status === 'queued' && flush(item), retryable[error.code]);
        return;
      }
      item.status = 'failed';
      item.error = error.message;
      if (item.conversation === state.open) upsertPendingElement(item);
    },
  );
}

/** Drops outgoing messages the view now shows (or has passed). */
function settleOutbox(view) {
  for (const item of state.outbox.values()) {
    if (item.conversation !== view.id || item.status !== 'acked') continue;
    if (view.byMsg.has(item.message) || view.asOf >= item.seq) {
      state.outbox.delete(item.client_id);
      if (view.id === state.open) document.querySelector(`[data-key="p${CSS.escape(item.client_id)}"]`)?.remove();
    }
  }
}

function sendTyping() {
  const id = state.open;
  if (!id || !state.ready) return;
  const now = Date.now();
  if (now - (state.typingSent.get(id) ?? 0) < TYPING_EVERY_MS) return;
  state.typingSent.set(id, now);
  sendFrame({ type: 'typing', conversation: id });
}

function act(frame) {
  return request(frame).catch((error) => {
    toast(error instanceof OfflineError ? t('status-offline') : error.message);
    throw error;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: sidebar
// ---------------------------------------------------------------------------------------------------------------

function renderMe() {
  const me = state.me;
  if (!me) return;
  $('me').replaceChildren(
    h('bdi', { className: 'me-name', textContent: me.display_name }),
    ' ',
    h('span', { className: 'me-role', textContent: t(`role-${me.role}`) }),
  );
}

function renderSidebar() {
  if (!state.me) return;
  const focused = document.activeElement?.dataset?.conv;
  const channels = [];
  const directs = [];
  for (const conv of state.convs.values()) (conv.kind === 'channel' ? channels : directs).push(conv);
  const byName = (a, b) => convName(a).localeCompare(convName(b), l10n.locale);
  $('channel-list').replaceChildren(...channels.sort(byName).map(renderConvItem));
  $('direct-list').replaceChildren(...directs.sort(byName).map(renderConvItem));
  if (focused) document.querySelector(`.conv-list [data-conv="${CSS.escape(focused)}"]`)?.focus();
}

function renderConvItem(conv) {
  const button = h(
    'button',
    { type: 'button', className: 'conv', data: { conv: String(conv.id) } },
    h('bdi', { className: 'conv-name', textContent: convName(conv) }),
  );
  if (conv.id === state.open && state.pane === 'conversation') button.setAttribute('aria-current', 'page');
  if (!conv.joined) {
    button.append(h('span', { className: 'tag', textContent: t('chat-invitation') }));
  }
  if (conv.mentions > 0) {
    button.append(
      h('span', { className: 'badge mention', textContent: `@${conv.mentions}`, attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'visually-hidden', textContent: t('notice-mentions', { count: conv.mentions }) }),
    );
  }
  if (conv.unread > 0) {
    button.classList.add('unread');
    button.append(
      h('span', { className: 'badge', textContent: conv.unread > 99 ? '99+' : String(conv.unread), attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'visually-hidden', textContent: t('notice-unread', { count: conv.unread }) }),
    );
  }
  return h('li', {}, button);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: panes and routing
// ---------------------------------------------------------------------------------------------------------------

function route() {
  if (!state.me) return;
  const match = /^#\/c\/(\d+)$/.exec(location.hash);
  // A conversation not known yet (before the ready frame) shows nothing; the ready frame routes again.
  if (match && state.convs.has(Number(match[1]))) openConversation(Number(match[1]));
  else if (location.hash === '#/browse') showBrowse();
  else showPane('empty');
}

function showPane(pane) {
  state.pane = pane;
  if (pane !== 'conversation') state.open = null;
  $('empty-view').hidden = pane !== 'empty';
  $('browse-view').hidden = pane !== 'browse';
  $('conv-view').hidden = pane !== 'conversation';
  $('chat').dataset.pane = pane === 'empty' ? 'list' : 'main';
  renderSidebar();
}

function openConversation(id) {
  const changed = state.open !== id || state.pane !== 'conversation';
  state.open = id;
  showPane('conversation');
  if (changed) {
    state.replyTo = null;
    state.editing = null;
    state.picker = null;
    $('composer-input').value = '';
  }
  const conv = state.convs.get(id);
  renderConversationHead();
  renderReplyBar();
  renderTyping();
  let view = state.views.get(id);
  if (!view && conv.joined) {
    view = newView(id);
    state.views.set(id, view);
  }
  if (changed || !view?.loaded) {
    renderMessages();
    scrollToBottom();
  }
  if (view && !view.loaded && state.ready) loadLatest(view);
  markRead();
  if (changed) {
    const finePointer = matchMedia('(pointer: fine)').matches;
    if (finePointer && conv.joined) $('composer-input').focus();
    else $('conv-title').focus();
  }
}

function renderConversationHead() {
  const conv = state.convs.get(state.open);
  if (!conv || state.pane !== 'conversation') return;
  $('conv-title').textContent = convName(conv);
  $('conv-topic').textContent = conv.topic;
  $('conv-topic').hidden = !conv.topic;
  $('conv-members').textContent = t('chat-members', { count: conv.member_count });
  $('leave-button').hidden = !(conv.joined && conv.kind !== 'direct');
  $('join-bar').hidden = conv.joined;
  $('composer').hidden = !conv.joined;
}

function renderTyping() {
  const people = state.typing.get(state.open);
  const ids = people ? [...people.keys()] : [];
  $('typing').textContent = ids.length ? t('notice-typing', { count: ids.length, names: listOf(ids.map(nameOf)) }) : '';
}

function renderReplyBar() {
  const entry = state.replyTo && state.views.get(state.open)?.byMsg.get(state.replyTo);
  $('reply-bar').hidden = !entry;
  if (entry) $('reply-text').textContent = t('chat-replying-to', { user: nameOf(entry.msg.author) });
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: messages
// ---------------------------------------------------------------------------------------------------------------

function nearBottom() {
  const s = $('scroller');
  return s.scrollHeight - s.scrollTop - s.clientHeight < 60;
}

function scrollToBottom() {
  const s = $('scroller');
  s.scrollTop = s.scrollHeight;
}

function entryKey(entry) {
  return entry.kind === 'message' ? `m${entry.msg.id}` : `s${entry.seq}`;
}

function renderMessages() {
  const view = state.views.get(state.open);
  const list = $('messages');
  if (!view || !view.loaded) {
    list.replaceChildren();
    $('older-button').hidden = true;
    $('conv-empty').hidden = true;
    return;
  }
  list.replaceChildren(...view.entries.map(renderEntry));
  for (const item of state.outbox.values()) if (item.conversation === view.id) list.append(renderPending(item));
  $('older-button').hidden = !view.hasMore;
  $('conv-empty').hidden = view.entries.length > 0;
}

function rerenderEntries(filter) {
  const view = state.views.get(state.open);
  if (!view?.loaded) return;
  for (const entry of view.entries) if (filter(entry)) upsertEntryElement(entry);
}

/** Replaces an entry's element (keeping keyboard focus on the same control), or inserts it in seq order. */
function upsertEntryElement(entry) {
  const list = $('messages');
  const key = entryKey(entry);
  const fresh = renderEntry(entry);
  const old = list.querySelector(`[data-key="${key}"]`);
  if (old) {
    const active = document.activeElement;
    const inside = old.contains(active);
    const focusedAction = inside ? active.dataset.action : null;
    const focusedEmoji = active?.dataset?.emoji;
    old.replaceWith(fresh);
    if (inside && active.classList.contains('edit-input')) {
      const area = fresh.querySelector('.edit-input');
      area?.focus();
      area?.setSelectionRange(active.selectionStart, active.selectionEnd);
    } else if (focusedAction) {
      const selector = focusedEmoji
        ? `[data-action="${focusedAction}"][data-emoji="${CSS.escape(focusedEmoji)}"]`
        : `[data-action="${focusedAction}"]`;
      (fresh.querySelector(selector) ?? fresh.querySelector('[data-action]'))?.focus();
    }
    return;
  }
  let before = null;
  for (let node = list.lastElementChild; node; node = node.previousElementSibling) {
    if (Number(node.dataset.seq) > entry.seq) before = node;
    else break;
  }
  list.insertBefore(fresh, before);
}

function upsertPendingElement(item) {
  const list = $('messages');
  const old = list.querySelector(`[data-key="p${CSS.escape(item.client_id)}"]`);
  const fresh = renderPending(item);
  if (old) old.replaceWith(fresh);
  else list.append(fresh);
  $('conv-empty').hidden = true;
}

function renderEntry(entry) {
  return entry.kind === 'message' ? renderMessage(entry.msg) : renderSystem(entry.ev);
}

function systemText(ev) {
  const args = { actor: nameOf(ev.actor) };
  if (ev.user !== undefined) args.user = nameOf(ev.user);
  if (ev.name !== undefined) args.name = ev.name;
  if (ev.topic !== undefined) args.topic = ev.topic;
  if (ev.languages !== undefined) args.languages = ev.languages.join(', ');
  return t(`event-${ev.kind.replaceAll('_', '-')}`, args);
}

function renderSystem(ev) {
  return h(
    'li',
    { className: 'system', data: { key: `s${ev.seq}`, seq: String(ev.seq) } },
    h('span', { textContent: systemText(ev) }),
    ' ',
    timeElement(ev.at),
  );
}

function timeElement(ms) {
  const node = h('time', { textContent: formatTime(ms) });
  node.dateTime = new Date(ms).toISOString();
  node.title = new Date(ms).toLocaleString(l10n.locale);
  return node;
}

function renderMessage(msg) {
  const me = state.me.id;
  const own = msg.author === me;
  const li = h('li', { className: 'message', data: { key: `m${msg.id}`, seq: String(msg.seq), id: String(msg.id) } });
  if (own) li.classList.add('own');
  if (msg.deleted) li.classList.add('deleted');
  if (!msg.deleted && msg.mentions?.includes(me)) li.classList.add('mentions-me');

  const meta = h(
    'p',
    { className: 'meta' },
    h('bdi', { className: 'author', textContent: nameOf(msg.author), data: { userId: String(msg.author) } }),
    ' ',
    timeElement(msg.created_at),
  );
  if (msg.edited_at && !msg.deleted) meta.append(' ', h('span', { className: 'edited', textContent: t('event-message-edited') }));
  li.append(meta);

  if (msg.reply_to && !msg.deleted) {
    const target = state.views.get(msg.conversation)?.byMsg.get(msg.reply_to)?.msg;
    const text =
      target && !target.deleted
        ? t('chat-reply-to', { user: nameOf(target.author), text: snippet(target.body) })
        : t('chat-reply-unknown');
    li.append(h('p', { className: 'reply-ref', textContent: `↪ ${text}` }));
  }

  if (msg.deleted) {
    li.append(h('p', { className: 'message-body', textContent: t('event-message-deleted') }));
    return li;
  }
  if (state.editing === msg.id) {
    li.append(renderEditor(msg));
    return li;
  }
  // The message's own language and direction, whatever the UI's.
  li.append(h('p', { className: 'message-body', dir: 'auto', lang: msg.lang, textContent: msg.body }));

  const reactions = (msg.reactions ?? []).filter((r) => r.users.length);
  if (reactions.length) {
    li.append(
      h(
        'div',
        { className: 'reactions' },
        reactions.map((r) => {
          const button = h('button', {
            type: 'button',
            className: 'reaction',
            textContent: `${r.emoji} ${r.users.length}`,
            title: t('chat-reacted', { emoji: r.emoji, names: listOf(r.users.map(nameOf)) }),
            data: { action: 'toggle-reaction', emoji: r.emoji },
          });
          button.setAttribute('aria-pressed', String(r.users.includes(me)));
          return button;
        }),
      ),
    );
  }

  const conv = state.convs.get(msg.conversation);
  if (conv?.joined) {
    const actions = h('div', { className: 'actions' });
    const action = (name, id) => h('button', { type: 'button', className: 'quiet small', textContent: t(id), data: { action: name } });
    actions.append(action('reply', 'chat-reply'));
    const react = action('react', 'chat-react');
    react.setAttribute('aria-expanded', String(state.picker === msg.id));
    actions.append(react);
    if (own) actions.append(action('edit', 'chat-edit'), action('delete', 'chat-delete'));
    li.append(actions);
    if (state.picker === msg.id) {
      li.append(
        h(
          'div',
          { className: 'picker' },
          QUICK_REACTIONS.map((emoji) =>
            h('button', { type: 'button', className: 'reaction', textContent: emoji, data: { action: 'pick', emoji } }),
          ),
        ),
      );
    }
  }
  return li;
}

function snippet(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

function renderEditor(msg) {
  // The draft survives re-renders (a reaction or a name arriving while one edits).
  const area = h('textarea', { className: 'edit-input', value: state.editDraft ?? msg.body, rows: 3, dir: 'auto' });
  area.setAttribute('aria-label', t('chat-edit'));
  enterToSubmit(area, () => saveEdit(msg, area.value));
  area.addEventListener('input', () => {
    state.editDraft = area.value;
  });
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') cancelEdit();
  });
  return h(
    'div',
    { className: 'editor' },
    area,
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', className: 'primary small', textContent: t('chat-save'), data: { action: 'save-edit' } }),
      h('button', { type: 'button', className: 'quiet small', textContent: t('chat-cancel'), data: { action: 'cancel-edit' } }),
    ),
  );
}

function renderPending(item) {
  const li = h('li', { className: 'message own pending', data: { key: `p${item.client_id}`, seq: 'Infinity' } });
  const status =
    item.status === 'failed' ? t('chat-not-sent', { error: item.error ?? '' }) : t('chat-sending');
  li.append(
    h(
      'p',
      { className: 'meta' },
      h('bdi', { className: 'author', textContent: state.me.display_name }),
      ' ',
      h('span', { className: item.status === 'failed' ? 'failed' : 'sending', textContent: status }),
    ),
    h('p', { className: 'message-body', dir: 'auto', lang: item.lang, textContent: item.body }),
  );
  if (item.status === 'failed') {
    li.append(
      h(
        'div',
        { className: 'actions' },
        h('button', { type: 'button', className: 'small', textContent: t('chat-retry'), data: { action: 'retry' } }),
        h('button', { type: 'button', className: 'quiet small', textContent: t('chat-discard'), data: { action: 'discard' } }),
      ),
    );
  }
  return li;
}

// --- message actions -------------------------------------------------------------------------------------------

function onMessageAction(event) {
  const button = event.target.closest('[data-action]');
  const li = event.target.closest('li[data-key]');
  if (!button || !li) return;
  const action = button.dataset.action;
  const key = li.dataset.key;
  if (key.startsWith('p')) {
    const item = state.outbox.get(key.slice(1));
    if (!item) return;
    if (action === 'retry') {
      item.status = 'queued';
      item.retries = 0;
      upsertPendingElement(item);
      flush(item);
    } else if (action === 'discard') {
      state.outbox.delete(item.client_id);
      li.remove();
    }
    return;
  }
  const view = state.views.get(state.open);
  const entry = view?.byMsg.get(Number(li.dataset.id));
  if (!entry) return;
  const msg = entry.msg;
  switch (action) {
    case 'reply':
      state.replyTo = msg.id;
      renderReplyBar();
      $('composer-input').focus();
      break;
    case 'react':
      state.picker = state.picker === msg.id ? null : msg.id;
      upsertEntryElement(entry);
      if (state.picker === msg.id) document.querySelector(`[data-key="m${msg.id}"] .picker button`)?.focus();
      break;
    case 'pick':
    case 'toggle-reaction': {
      const emoji = button.dataset.emoji;
      const mine = (msg.reactions ?? []).some((r) => r.emoji === emoji && r.users.includes(state.me.id));
      if (action === 'pick') state.picker = null;
      act({ type: mine ? 'remove_reaction' : 'add_reaction', message: msg.id, emoji }).catch(() => {});
      if (action === 'pick') upsertEntryElement(entry);
      break;
    }
    case 'edit':
      state.editing = msg.id;
      state.editDraft = msg.body;
      upsertEntryElement(entry);
      document.querySelector(`[data-key="m${msg.id}"] .edit-input`)?.focus();
      break;
    case 'save-edit':
      saveEdit(msg, li.querySelector('.edit-input').value);
      break;
    case 'cancel-edit':
      cancelEdit();
      break;
    case 'delete':
      if (confirm(t('chat-delete-confirm'))) act({ type: 'delete_message', message: msg.id }).catch(() => {});
      break;
    default:
      break;
  }
}

function saveEdit(msg, body) {
  if (!body.trim() || body === msg.body) return cancelEdit();
  act({ type: 'edit_message', message: msg.id, body, lang: l10n.locale }).then(cancelEdit, () => {});
}

function cancelEdit() {
  const id = state.editing;
  state.editing = null;
  state.editDraft = null;
  const entry = state.views.get(state.open)?.byMsg.get(id);
  if (entry) {
    upsertEntryElement(entry);
    document.querySelector(`[data-key="m${id}"] [data-action="edit"]`)?.focus();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Composer
// ---------------------------------------------------------------------------------------------------------------

/** Enter submits, Shift+Enter is a new line, and Enter that confirms an IME composition does nothing else. */
function enterToSubmit(textarea, submit) {
  let composing = false;
  textarea.addEventListener('compositionstart', () => {
    composing = true;
  });
  textarea.addEventListener('compositionend', () => {
    composing = false;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.isComposing || event.keyCode === 229 || composing) return;
    event.preventDefault();
    submit();
  });
}

function submitComposer() {
  const input = $('composer-input');
  const body = input.value;
  const id = state.open;
  if (!id || !body.trim()) return;
  const max = state.limits?.max_body_chars;
  if (max && [...body].length > max) {
    toast(t('error-body-too-long', { max }));
    return;
  }
  sendMessage(id, body, state.replyTo);
  input.value = '';
  state.replyTo = null;
  renderReplyBar();
}

// ---------------------------------------------------------------------------------------------------------------
// Browse, create, find people
// ---------------------------------------------------------------------------------------------------------------

async function showBrowse() {
  showPane('browse');
  const isMember = state.me.role === 'member';
  const visibility = $('create-visibility');
  visibility.querySelector('option[value="public"]').disabled = isMember;
  if (isMember && visibility.value === 'public') visibility.value = 'invite_only';
  const list = $('browse-list');
  try {
    const channels = await api('GET', '/api/v1/channels');
    if (state.pane !== 'browse') return;
    list.replaceChildren(
      ...(channels.length
        ? channels.map(renderBrowseItem)
        : [h('li', { className: 'hint', textContent: t('chat-no-channels') })]),
    );
  } catch (error) {
    toast(error.message);
  }
}

function renderBrowseItem(conv) {
  const joined = state.convs.get(conv.id)?.joined || conv.joined;
  const button = h('button', {
    type: 'button',
    className: joined ? '' : 'primary',
    textContent: t(joined ? 'chat-open' : 'chat-join'),
  });
  const error = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  button.addEventListener('click', async () => {
    if (joined) {
      location.hash = `#/c/${conv.id}`;
      return;
    }
    button.disabled = true;
    try {
      const ack = await request({ type: 'join_channel', conversation: conv.id });
      upsertConv(ack.conversation);
      location.hash = `#/c/${conv.id}`;
    } catch (e) {
      error.textContent = e instanceof OfflineError ? t('status-offline') : e.message;
      button.disabled = false;
    }
  });
  const visibility = t(`visibility-${conv.visibility.replaceAll('_', '-')}`);
  return h(
    'li',
    { className: 'browse-item' },
    h(
      'div',
      { className: 'browse-text' },
      h('p', {}, h('bdi', { className: 'conv-name', textContent: `# ${conv.name}` }), ' ', h('span', { className: 'tag', textContent: visibility })),
      conv.topic ? h('p', { className: 'topic', dir: 'auto', textContent: conv.topic }) : null,
      h('p', { className: 'members', textContent: t('chat-members', { count: conv.member_count }) }),
      error,
    ),
    button,
  );
}

async function createChannel(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = form.querySelector('.form-error');
  error.textContent = '';
  const data = new FormData(form);
  const frame = {
    type: 'create_channel',
    name: String(data.get('name')).trim(),
    topic: String(data.get('topic')).trim(),
    visibility: String(data.get('visibility')),
    languages: splitList(String(data.get('languages'))),
  };
  const submit = form.querySelector('[type="submit"]');
  submit.disabled = true;
  try {
    const ack = await request(frame);
    upsertConv(ack.conversation);
    form.reset();
    location.hash = `#/c/${ack.conversation.id}`;
  } catch (e) {
    error.textContent = e instanceof OfflineError ? t('status-offline') : e.message;
  } finally {
    submit.disabled = false;
  }
}

async function findPeople(event) {
  event.preventDefault();
  const q = $('people-query').value.trim();
  const list = $('people-list');
  try {
    const people = (await api('GET', `/api/v1/users?q=${encodeURIComponent(q)}`)).filter((p) => p.id !== state.me.id);
    for (const p of people) profiles.set(p.id, p);
    list.replaceChildren(
      ...(people.length ? people.map(renderPerson) : [h('li', { className: 'hint', textContent: t('chat-no-people') })]),
    );
  } catch (e) {
    toast(e.message);
  }
}

function renderPerson(person) {
  const button = h('button', { type: 'button', textContent: t('chat-direct-message') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const ack = await act({ type: 'open_direct', users: [person.id] });
      upsertConv(ack.conversation);
      location.hash = `#/c/${ack.conversation.id}`;
    } catch {
      button.disabled = false;
    }
  });
  return h(
    'li',
    { className: 'browse-item' },
    h(
      'div',
      { className: 'browse-text' },
      h('p', {}, h('bdi', { className: 'conv-name', textContent: person.display_name }), ' ', h('span', { className: 'tag', textContent: `@${person.username}` })),
      h('p', { className: 'members', textContent: t(`role-${person.role}`) }),
    ),
    button,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------------------------

function showAuth() {
  $('auth').hidden = false;
  $('chat').hidden = true;
  $('logout').hidden = true;
  setConn('connecting');
  $('reg-locale').value = l10n.locale;
}

function selectTab(register) {
  $('tab-login').setAttribute('aria-selected', String(!register));
  $('tab-register').setAttribute('aria-selected', String(register));
  $('tab-login').tabIndex = register ? -1 : 0;
  $('tab-register').tabIndex = register ? 0 : -1;
  $('login-form').hidden = register;
  $('register-form').hidden = !register;
}

async function submitAuth(event, register) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = form.querySelector('.form-error');
  error.textContent = '';
  const data = new FormData(form);
  const body = register
    ? {
        username: String(data.get('username')).trim(),
        display_name: String(data.get('display_name')).trim(),
        password: String(data.get('password')),
        locale: String(data.get('locale')),
        languages_spoken: splitList(String(data.get('languages_spoken'))),
      }
    : { username: String(data.get('username')).trim(), password: String(data.get('password')) };
  const submit = form.querySelector('[type="submit"]');
  submit.disabled = true;
  try {
    const { user } = await api('POST', register ? '/api/v1/auth/register' : '/api/v1/auth/login', body);
    form.reset();
    await signedIn(user);
  } catch (e) {
    error.textContent = e.message;
  } finally {
    submit.disabled = false;
  }
}

async function signedIn(user) {
  state.me = user;
  profiles.set(user.id, user);
  if (user.locale && user.locale !== l10n.locale && l10n.shipped.includes(user.locale)) {
    await useLocale(user.locale);
    $('locale-select').value = user.locale;
    translateDocument();
  }
  $('auth').hidden = true;
  $('chat').hidden = false;
  $('logout').hidden = false;
  setConn('connecting');
  renderMe();
  route();
  connect();
}

/** Back to the login form, forgetting everything of the session. */
function signedOut() {
  state.me = null;
  const ws = state.ws;
  state.ws = null;
  ws?.close(1000);
  clearTimeout(state.retryTimer);
  clearInterval(state.pingTimer);
  for (const people of state.typing.values()) for (const timer of people.values()) clearTimeout(timer);
  Object.assign(state, {
    ready: false,
    open: null,
    pane: 'empty',
    replyTo: null,
    editing: null,
    picker: null,
    attempt: 0,
  });
  for (const map of [state.convs, state.views, state.outbox, state.typing, state.typingSent, state.markSent, profiles, profileFailures]) {
    map.clear();
  }
  $('channel-list').replaceChildren();
  $('direct-list').replaceChildren();
  $('messages').replaceChildren();
  if (location.hash) history.replaceState(null, '', location.pathname);
  showAuth();
}

async function logout() {
  try {
    await api('POST', '/api/v1/auth/logout');
  } catch {
    /* the session is gone either way */
  }
  signedOut();
}

// ---------------------------------------------------------------------------------------------------------------
// Language switching
// ---------------------------------------------------------------------------------------------------------------

function fillLocaleSelects() {
  for (const select of [$('locale-select'), $('reg-locale')]) {
    select.replaceChildren(
      ...l10n.shipped.map((tag) => h('option', { value: tag, lang: tag, textContent: autonym(tag) })),
    );
    select.value = l10n.locale;
  }
}

async function switchLocale(tag) {
  if (!l10n.shipped.includes(tag) || tag === l10n.locale) return;
  await useLocale(tag);
  $('locale-select').value = tag;
  $('reg-locale').value = tag;
  rerenderAll();
  if (!state.me) return;
  try {
    state.me = await api('PATCH', '/api/v1/me', { locale: tag });
    profiles.set(state.me.id, state.me);
    // The server picks a connection's language at hello: reconnect so that its error texts follow.
    if (state.ready) reconnectNow();
  } catch (e) {
    toast(e.message);
  }
}

function rerenderAll() {
  translateDocument();
  setConn(state.conn);
  if (!state.me) return;
  renderMe();
  renderSidebar();
  if (state.pane === 'conversation') {
    const scroller = $('scroller');
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    renderConversationHead();
    renderReplyBar();
    renderTyping();
    renderMessages();
    scroller.scrollTop = scroller.scrollHeight - fromBottom;
  } else if (state.pane === 'browse') {
    showBrowse();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------------------------

function wire() {
  selectTab(false);
  $('tab-login').addEventListener('click', () => selectTab(false));
  $('tab-register').addEventListener('click', () => selectTab(true));
  for (const tab of [$('tab-login'), $('tab-register')]) {
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const register = tab.id === 'tab-login';
      selectTab(register);
      $(register ? 'tab-register' : 'tab-login').focus();
    });
  }
  $('login-form').addEventListener('submit', (e) => submitAuth(e, false));
  $('register-form').addEventListener('submit', (e) => submitAuth(e, true));
  $('locale-select').addEventListener('change', (e) => switchLocale(e.target.value));
  $('reg-locale').addEventListener('change', (e) => switchLocale(e.target.value));
  $('logout').addEventListener('click', logout);

  $('browse-button').addEventListener('click', () => {
    if (location.hash === '#/browse') showBrowse();
    else location.hash = '#/browse';
  });
  for (const back of document.querySelectorAll('[data-action="back"]')) {
    back.addEventListener('click', () => {
      location.hash = '';
    });
  }
  for (const list of [$('channel-list'), $('direct-list')]) {
    list.addEventListener('click', (e) => {
      const button = e.target.closest('[data-conv]');
      if (button) location.hash = `#/c/${button.dataset.conv}`;
    });
  }
  $('create-form').addEventListener('submit', createChannel);
  $('people-form').addEventListener('submit', findPeople);

  $('older-button').addEventListener('click', loadOlder);
  $('messages').addEventListener('click', onMessageAction);
  $('messages').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.picker !== null) {
      const entry = state.views.get(state.open)?.byMsg.get(state.picker);
      state.picker = null;
      if (entry) {
        upsertEntryElement(entry);
        document.querySelector(`[data-key="m${entry.msg.id}"] [data-action="react"]`)?.focus();
      }
    }
  });
  $('join-button').addEventListener('click', async () => {
    const id = state.open;
    try {
      const ack = await act({ type: 'join_channel', conversation: id });
      upsertConv(ack.conversation);
      state.views.delete(id);
      openConversation(id);
    } catch {
      /* shown */
    }
  });
  $('leave-button').addEventListener('click', async () => {
    const id = state.open;
    try {
      await act({ type: 'leave', conversation: id });
      state.convs.delete(id);
      state.views.delete(id);
      location.hash = '';
      renderSidebar();
    } catch {
      /* shown */
    }
  });

  const input = $('composer-input');
  enterToSubmit(input, submitComposer);
  input.addEventListener('input', () => {
    if (input.value.trim()) sendTyping();
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    submitComposer();
    input.focus();
  });
  $('reply-cancel').addEventListener('click', () => {
    state.replyTo = null;
    renderReplyBar();
    input.focus();
  });

  window.addEventListener('hashchange', route);
  document.addEventListener('visibilitychange', markRead);
  window.addEventListener('focus', markRead);
  window.addEventListener('online', () => {
    if (state.me && !state.ws) {
      state.attempt = 0;
      connect();
    }
  });
}

async function boot() {
  wire();
  try {
    const index = await fetch('/l10n').then((r) => r.json());
    const tags = index.locales.map((l) => l.locale);
    if (tags.length) l10n.shipped = tags;
  } catch {
    /* en only */
  }
  let me = null;
  try {
    me = await api('GET', '/api/v1/me');
  } catch {
    /* not logged in */
  }
  const tag = me?.locale && l10n.shipped.includes(me.locale) ? me.locale : negotiate(navigator.languages ?? [navigator.language]);
  await useLocale(tag);
  fillLocaleSelects();
  translateDocument();
  if (me) await signedIn(me);
  else showAuth();
}

boot();
