// @ts-check
// Hostile text stays text. Over a hundred cross-site scripting payloads (payloads.mjs) are put everywhere people can
// put text that others see: message bodies (with replies quoting them and reactions), display names (set at
// registration and by PATCH /me), channel topics (at creation and by PATCH, live as system lines), channel names.
// They are written from Node over HTTP, as another client or a bot would, and read in another person's browser:
// the channel list, the conversation with all its history scrolled through, people search, a direct conversation.
//
// Each payload calls the sentinel `__xss(<n>)` (a binding into Node) or `alert(<n>)` (a dialog) if it ever runs.
// The reader's browser ignores the server's Content-Security-Policy (bypassCSP): the CSP would block inline
// handlers by itself, and this test is about the client's own rendering, so an injected handler must really run and
// be caught. A first step proves that the sentinel does catch injected markup. Besides executions and dialogs, the
// page is checked for any element or attribute the client never makes (on* attributes, img, svg, iframe, links…),
// also transient ones (a MutationObserver installed before the page's scripts), and every payload must show as
// its exact literal text.

import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { after, before, test } from 'node:test';

import { fitsName, fitsTopic, PAYLOADS } from './payloads.mjs';
import {
  assertNoProblems,
  exactly,
  journeySteps,
  launchBrowser,
  loginApi,
  openPerson,
  register,
  registerApi,
  shot,
  startServer,
  WAIT_MS,
} from './support.mjs';

/** @typedef {import('./payloads.mjs').Payload} Payload */
/** @typedef {import('./support.mjs').ApiSession} ApiSession */
/** @typedef {import('./support.mjs').Person} Person */
/** @typedef {import('playwright-core').Page} Page */

const JOURNEY = 'xss';
/** People whose display names are payloads. People search shows 20 at most, so that all of them fit. */
const AUTHORS = 16;
/** Channels whose topics are payloads, and topic changes of the gallery channel seen live. */
const TOPIC_CHANNELS = 30;
const LIVE_TOPICS = 5;
/** Channels whose names are payloads. */
const NAMED_CHANNELS = 8;
/** Every this many messages, one replies to the message before it. */
const REPLY_EVERY = 12;
/** How many payloads are checked one by one as visible on screen, by exact text (all are checked by textContent). */
const SAMPLE = 24;

/**
 * Elements the client never puts under <body>, whatever screens it grows: the CSP allows no inline script or style,
 * and it has no business with frames, plugins, base URLs or refreshes. The rest of what markup could do needs an
 * on* attribute or a javascript:/data: URL, checked on every element; and each place that shows user text is
 * checked to hold text only.
 */
const FORBIDDEN_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
  'isindex', 'marquee', 'math', 'plaintext', 'noembed', 'xss',
];
/** Attributes that hold URLs. */
const URL_ATTRIBUTES = ['href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href'];

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {ApiSession} */
let root;
/** @type {Reader} */
let victor;
let gallery = 0;
/** The people whose display names are payloads. @type {{ api: ApiSession, payload: Payload }[]} */
const authors = [];
/** Message id → what it must show. @type {Map<number, { payload: Payload, author: string, replyTo?: number }>} */
const posted = new Map();
/** Channel id → its payload topic. @type {Map<number, Payload>} */
const topics = new Map();
/** Channel id → its payload name. @type {Map<number, Payload>} */
const named = new Map();
/** Payload emoji reacted to the gallery's first message. @type {Payload[]} */
const reactions = [];

/**
 * A person whose browser reports every execution of a payload.
 * @typedef {Person & { executions: string[], dialogs: string[], events: EventEmitter }} Reader
 */

/**
 * Opens a browser for a reader with the sentinel installed before the page loads: the `__xss` binding, a dialog
 * catcher, a popup catcher, and a MutationObserver that reports any element with an on* attribute or a
 * javascript: URL the moment it enters the document.
 * @returns {Promise<Reader>}
 */
async function openReader() {
  const executions = /** @type {string[]} */ ([]);
  const dialogs = /** @type {string[]} */ ([]);
  const events = new EventEmitter();
  const person = await openPerson(browser, server, {
    locale: 'en-US',
    bypassCSP: true,
    beforeLoad: async (context) => {
      await context.exposeBinding('__xss', (_source, /** @type {unknown} */ n) => {
        executions.push(String(n));
        events.emit('execution', String(n));
      });
      context.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        events.emit('dialog', dialog.message());
        void dialog.dismiss();
      });
      context.on('page', (page) => {
        if (context.pages()[0] !== page) executions.push(`popup: ${page.url()}`);
      });
      await context.addInitScript(() => {
        /** @param {Element} el */
        const suspicious = (el) =>
          Array.from(el.attributes).some(
            (a) =>
              /^on/i.test(a.name) ||
              (['href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name) &&
                /^(javascript|data):/i.test(a.value.replace(/[\s\u0000-\u001f]/g, ''))),
          );
        /** @param {Node} node */
        const inspect = (node) => {
          if (!(node instanceof Element)) return;
          for (const el of [node, ...Array.from(node.querySelectorAll('*'))]) {
            if (suspicious(el)) {
              /** @type {any} */ (window).__xss(`dom: <${el.tagName.toLowerCase()} ${Array.from(el.attributes, (a) => a.name).join(' ')}>`);
            }
          }
        };
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.type === 'attributes' && record.target instanceof Element) inspect(record.target);
            record.addedNodes.forEach(inspect);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
    },
  });
  return { ...person, executions, dialogs, events };
}

/**
 * What must never be: an execution, a dialog, a page error, an element the client does not make, or any handler
 * or script URL attribute in the document.
 * @param {Reader} reader
 */
async function assertClean(reader) {
  assert.deepEqual(reader.executions, [], 'no payload ran');
  assert.deepEqual(reader.dialogs, [], 'no dialog opened');
  assertNoProblems(reader);
  const found = await reader.page.evaluate(
    ({ forbidden, urlAttributes }) => {
      const out = [];
      for (const el of Array.from(document.body.querySelectorAll(forbidden.join(',')))) out.push(`<${el.tagName.toLowerCase()}>`);
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          const url = urlAttributes.includes(a.name) && /^(javascript|data):/i.test(a.value.replace(/[\s\u0000-\u001f]/g, ''));
          if (/^on/i.test(a.name) || url || a.name === 'srcdoc') out.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
        }
      }
      return out;
    },
    { forbidden: FORBIDDEN_TAGS, urlAttributes: URL_ATTRIBUTES },
  );
  assert.deepEqual(found, [], 'no injected element or attribute');
}

/** Spread picks: `count` items taken evenly from `list`. @template T @param {T[]} list @param {number} count @returns {T[]} */
function spread(list, count) {
  assert.ok(list.length >= count, `${list.length} candidates for ${count}`);
  return Array.from({ length: count }, (_, i) => /** @type {T} */ (list[Math.floor((i * list.length) / count)]));
}

/** What the client quotes of a message in a reply (messages.ts `snippet`). @param {string} text */
function snippet(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

/**
 * Runs `items` through `work`, a few at a time (registrations hash passwords: a debug server is slow at it).
 * @template T @param {T[]} items @param {number} width @param {(item: T, index: number) => Promise<void>} work
 */
async function inBatches(items, width, work) {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)));
  }
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('root', 'admin', { displayName: 'Root' });
  root = await loginApi(server, 'root');

  // The gallery: a public channel whose topic is a payload; everything else happens in it.
  const galleryTopic = /** @type {Payload} */ (PAYLOADS.find((p) => p.kind === 'polyglot' && fitsTopic(p.text)));
  const created = await root.call('POST', '/channels', {
    name: 'xss-gallery',
    topic: galleryTopic.text,
    visibility: 'public',
    languages: ['en'],
  });
  gallery = created.conversation.id;
  topics.set(gallery, galleryTopic);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ victor }), { timeout: 12 * WAIT_MS, check: assertClean });

test('there are over a hundred distinct payloads, each calling the sentinel with its own number', () => {
  assert.ok(PAYLOADS.length >= 100, `${PAYLOADS.length} payloads`);
  assert.equal(new Set(PAYLOADS.map((p) => p.text)).size, PAYLOADS.length, 'all distinct');
  // payloads.mjs refuses a template without its number's placeholder; the kinds cover the classes asked for.
  assert.equal(new Set(PAYLOADS.map((p) => p.kind)).size, 15);
});

step('the sentinel catches markup that is injected: a handler runs, alert() opens a dialog, the DOM check sees it', async () => {
  const canary = await openReader();
  try {
    const img = /** @type {Payload} */ (PAYLOADS.find((p) => p.text === `<img src=x onerror=__xss(${p.n})>`));
    const alerting = /** @type {Payload} */ (PAYLOADS.find((p) => p.text === `<script>alert(${p.n})</script>`));
    const details = /** @type {Payload} */ (PAYLOADS.find((p) => p.text.startsWith('<details open ontoggle')));
    /** @param {string} what */
    const executed = (what) => new Promise((resolve) => canary.events.on('execution', (n) => n === what && resolve(n)));
    const ran = executed(String(img.n));
    const toggled = executed(String(details.n));
    const dialog = once(canary.events, 'dialog');
    await canary.page.evaluate(
      ({ handler, alerting, toggle }) => {
        document.body.insertAdjacentHTML('beforeend', handler);
        document.body.insertAdjacentHTML('beforeend', toggle);
        // innerHTML never runs <script>; a script element made from it does.
        const script = document.createElement('script');
        script.textContent = new DOMParser().parseFromString(alerting, 'text/html').querySelector('script')?.textContent ?? '';
        document.body.append(script);
      },
      { handler: img.text, alerting: alerting.text, toggle: details.text },
    );
    await Promise.all([ran, dialog, toggled]);
    assert.ok(canary.executions.some((e) => e.startsWith('dom: <img')), 'the observer saw the handler attribute');
    assert.ok(canary.executions.includes(String(img.n)), 'the handler ran (the CSP is bypassed)');
    assert.deepEqual(canary.dialogs, [`alert: ${alerting.n}`]);
    await assert.rejects(assertClean(canary), 'assertClean fails on it');
  } finally {
    await canary.context.close();
  }
});

step('payloads are accepted as display names (at registration and by PATCH /me), topics, channel names, messages', async () => {
  // Display names: half set at registration, half changed afterwards.
  const names = spread(PAYLOADS.filter((p) => fitsName(p.text)), AUTHORS);
  await inBatches(names, 4, async (payload, i) => {
    const username = `author-${String(i + 1).padStart(2, '0')}`;
    const direct = i % 2 === 0;
    const api = await registerApi(server, { username, display_name: direct ? payload.text : `Author ${i + 1}` });
    const profile = direct ? api.user : await api.call('PATCH', '/me', { display_name: payload.text });
    assert.equal(profile.display_name, payload.text.normalize('NFC'), `${username}'s display name is stored as given`);
    await api.call('POST', `/channels/${gallery}/join`);
    authors[i] = { api, payload };
  });

  // Topics of channels of their own, and channels named by payloads.
  const topicPayloads = spread(PAYLOADS.filter((p) => fitsTopic(p.text) && p.n !== topics.get(gallery)?.n), TOPIC_CHANNELS);
  for (const [i, payload] of topicPayloads.entries()) {
    const answer = await root.call('POST', '/channels', {
      name: `topic-${String(i + 1).padStart(2, '0')}`,
      topic: i % 2 ? payload.text : 'to be changed',
      visibility: 'public',
      languages: [],
    });
    // Half are set at creation, half by PATCH.
    if (!(i % 2)) await root.call('PATCH', `/channels/${answer.conversation.id}`, { topic: payload.text });
    topics.set(answer.conversation.id, payload);
  }
  const namePayloads = spread(
    PAYLOADS.filter((p) => fitsName(p.text) && !names.includes(p)),
    NAMED_CHANNELS,
  );
  for (const payload of namePayloads) {
    const answer = await root.call('POST', '/channels', { name: payload.text, topic: '', visibility: 'public', languages: [] });
    named.set(answer.conversation.id, payload);
  }

  // Every payload as a message, by the people above in turn (and Root), some as replies.
  let previous = 0;
  for (const payload of PAYLOADS) {
    const author = payload.n % (AUTHORS + 1) === 0 ? null : authors[payload.n % (AUTHORS + 1) - 1];
    const replyTo = payload.n % REPLY_EVERY === 0 ? previous : undefined;
    const sent = await (author?.api ?? root).call('POST', `/conversations/${gallery}/messages`, {
      client_id: `xss-${payload.n}`,
      body: payload.text,
      lang: 'en',
      ...(replyTo ? { reply_to: replyTo } : {}),
    });
    assert.equal(sent.duplicate, false);
    posted.set(sent.message, { payload, author: author?.payload.text ?? 'Root', replyTo });
    previous = sent.message;
  }
  const stored = await root.call('GET', `/conversations/${gallery}/messages?limit=200`);
  assert.deepEqual(
    stored.messages.map((/** @type {{ body: string }} */ m) => m.body),
    PAYLOADS.map((p) => p.text),
    'the server stores bodies exactly as sent',
  );

  // Reactions whose emoji are payloads (1 to 32 characters without spaces).
  const emoji = PAYLOADS.filter((p) => [...p.text].length <= 32 && !/[\s\p{Cc}]/u.test(p.text)).slice(0, 4);
  const first = /** @type {number} */ ([...posted.keys()][0]);
  for (const payload of emoji) {
    await root.call('PUT', `/messages/${first}/reactions/${encodeURIComponent(payload.text)}`);
    reactions.push(payload);
  }
  assert.equal(reactions.length, 4);
});

step('the reader registers; the channel list shows every payload topic and channel name as text', async () => {
  victor = await openReader();
  await register(victor, 'victor', 'Victor Reader');
  await victor.page.locator('#browse-button').click();
  const items = victor.page.locator('#browse-list .browse-item');
  await items.nth(topics.size + named.size - 1).waitFor();
  assert.equal(await items.count(), topics.size + named.size);
  const shown = await items.evaluateAll((list) =>
    list.map((li) => ({
      name: li.querySelector('.conv-name')?.textContent ?? '',
      topic: li.querySelector('.topic')?.textContent ?? null,
      topicElements: li.querySelector('.topic')?.childElementCount ?? 0,
    })),
  );
  const byName = new Map(shown.map((s) => [s.name, s]));
  const galleryTopic = /** @type {Payload} */ (topics.get(gallery));
  assert.equal(byName.get('# xss-gallery')?.topic, galleryTopic.text);
  for (const [i, payload] of [...topics.values()].slice(1).entries()) {
    const entry = byName.get(`# topic-${String(i + 1).padStart(2, '0')}`);
    assert.equal(entry?.topic, payload.text, `topic of channel ${i + 1}`);
    assert.equal(entry?.topicElements, 0);
  }
  for (const payload of named.values()) assert.ok(byName.has(`# ${payload.text.normalize('NFC')}`), payload.text);

  // A sample, found on screen by exact text.
  for (const payload of [...spread([...topics.values()], 6), ...spread([...named.values()], 3)]) {
    const isTopic = [...topics.values()].includes(payload);
    const locator = isTopic
      ? victor.page.locator('#browse-list .topic', { hasText: exactly(payload.text) })
      : victor.page.locator('#browse-list .conv-name', { hasText: exactly(`# ${payload.text}`) });
    await locator.scrollIntoViewIfNeeded();
    assert.ok(await locator.isVisible(), payload.text);
  }
  await victor.page.locator('#browse-list').evaluate((list) => list.scrollIntoView());
  await shot(victor.page, JOURNEY, '01-channel-list');
});

step('the reader joins a channel named by a payload; the sidebar and the title show the name as text', async () => {
  const [id, payload] = /** @type {[number, Payload]} */ ([...named.entries()][0]);
  const item = victor.page.locator('#browse-list .browse-item').filter({
    has: victor.page.locator('.conv-name', { hasText: exactly(`# ${payload.text}`) }),
  });
  await item.locator('button').click();
  await victor.page.waitForURL(new RegExp(`#/c/${id}$`));
  await victor.page.locator('#conv-title', { hasText: exactly(`# ${payload.text}`) }).waitFor();
  await victor.page.locator('#channel-list .conv-name', { hasText: exactly(`# ${payload.text}`) }).waitFor();
});

step('in the gallery every message, author name, reply quote and reaction shows as text, through all the history', async () => {
  await victor.page.locator('#browse-button').click();
  const item = victor.page.locator('#browse-list .browse-item').filter({ hasText: '# xss-gallery' });
  await item.locator('button').click();
  await victor.page.waitForURL(new RegExp(`#/c/${gallery}$`));
  await victor.page.locator('#conv-topic', { hasText: exactly(/** @type {Payload} */ (topics.get(gallery)).text) }).waitFor();
  const list = victor.page.locator('#messages li.message');
  await list.first().waitFor();
  await shot(victor.page, JOURNEY, '02-gallery-newest');

  // Scroll up through the whole history, a page at a time.
  const older = victor.page.locator('#older-button');
  while (await older.isVisible()) {
    const count = await list.count();
    await older.click();
    await victor.page.waitForFunction((n) => document.querySelectorAll('#messages li.message').length > n, count);
  }
  assert.equal(await list.count(), PAYLOADS.length);

  const shown = await list.evaluateAll((items) =>
    items.map((li) => {
      const body = li.querySelector('.message-body');
      return {
        id: Number(/** @type {HTMLElement} */ (li).dataset.id),
        body: body?.textContent ?? null,
        bodyElements: body?.childElementCount ?? -1,
        author: li.querySelector('.author')?.textContent ?? null,
        reply: li.querySelector('.reply-ref')?.textContent ?? null,
        reactions: Array.from(li.querySelectorAll('.reaction'), (r) => r.textContent),
      };
    }),
  );
  for (const entry of shown) {
    const expected = posted.get(entry.id);
    assert.ok(expected, `message ${entry.id} was posted`);
    assert.equal(entry.body, expected.payload.text, `message ${expected.payload.n} shows its exact text`);
    assert.equal(entry.bodyElements, 0, `message ${expected.payload.n} has no elements in its body`);
    assert.equal(entry.author, expected.author.normalize('NFC'), `the author of message ${expected.payload.n}`);
    if (expected.replyTo) {
      const quoted = /** @type {{ payload: Payload, author: string }} */ (posted.get(expected.replyTo));
      assert.ok(entry.reply?.includes(snippet(quoted.payload.text)), `reply ${expected.payload.n} quotes the text`);
      assert.ok(entry.reply?.includes(quoted.author), `reply ${expected.payload.n} names the author`);
    }
  }
  assert.deepEqual(
    [...(shown[0]?.reactions ?? [])].sort(),
    reactions.map((p) => `${p.text} 1`).sort(),
    'reactions show their emoji as text',
  );

  // Scroll back down through everything, photographing the way, and find a sample on screen by exact text.
  const scroller = victor.page.locator('#scroller');
  await scroller.evaluate((s) => (s.scrollTop = 0));
  await shot(victor.page, JOURNEY, '03-gallery-oldest');
  const sample = spread(PAYLOADS, SAMPLE);
  for (const payload of sample) {
    const body = victor.page.locator('#messages .message-body', { hasText: exactly(payload.text) });
    assert.equal(await body.count(), 1, `payload ${payload.n} found by its exact text`);
    await body.scrollIntoViewIfNeeded();
    assert.ok(await body.isVisible(), `payload ${payload.n} is visible`);
    if (payload.n === sample[Math.floor(SAMPLE / 2)]?.n) await shot(victor.page, JOURNEY, '04-gallery-middle');
  }
  const authorSample = spread(authors, 6);
  for (const { payload } of authorSample) {
    const name = victor.page.locator('#messages .author', { hasText: exactly(payload.text) }).first();
    await name.scrollIntoViewIfNeeded();
    assert.ok(await name.isVisible(), `author ${payload.text}`);
  }
  await scroller.evaluate((s) => (s.scrollTop = s.scrollHeight));
  await shot(victor.page, JOURNEY, '05-gallery-bottom');

  // Replying to a message by a payload-named person shows the name in the reply bar, as text.
  const author = /** @type {{ payload: Payload }} */ (authors[1]);
  const theirs = list.filter({ has: victor.page.locator('.author', { hasText: exactly(author.payload.text) }) }).last();
  await theirs.hover();
  await theirs.locator('[data-action="reply"]').click();
  await victor.page.locator('#reply-text').waitFor({ state: 'visible' });
  assert.ok((await victor.page.locator('#reply-text').textContent())?.includes(author.payload.text));
  await victor.page.locator('#reply-cancel').click();
});

step('the people panel lists the payload display names as text, and their profiles open showing them as text', async () => {
  await victor.page.locator('#people-button').click();
  const members = victor.page.locator('#member-list .person .conv-name');
  await members.nth(AUTHORS).waitFor(); // the authors, Root, and the reader
  const listed = await members.allTextContents();
  for (const { payload } of authors) assert.ok(listed.includes(payload.text.normalize('NFC')), `listed: ${payload.text}`);
  await shot(victor.page, JOURNEY, '06-people-panel');

  for (const [i, { api, payload }] of spread(authors, 4).entries()) {
    const person = victor.page.locator('#member-list .person').filter({
      has: victor.page.locator('.conv-name', { hasText: exactly(payload.text) }),
    });
    await person.click();
    const profile = victor.page.locator('dialog.profile[open]');
    await profile.locator('.modal-title', { hasText: exactly(payload.text) }).waitFor();
    await profile.getByText(`@${api.user.username}`, { exact: true }).waitFor();
    if (i === 0) await shot(victor.page, JOURNEY, '07-profile');
    await assertClean(victor);
    await victor.page.keyboard.press('Escape');
    await profile.waitFor({ state: 'detached' });
  }
  await victor.page.locator('#people-close').click();
});

step('live: topic changes and people with payload names joining show as text in system lines and the header', async () => {
  const live = spread(PAYLOADS.filter((p) => fitsTopic(p.text) && p.kind !== 'long'), LIVE_TOPICS);
  for (const payload of live) await root.call('PATCH', `/channels/${gallery}`, { topic: payload.text });
  const last = /** @type {Payload} */ (live.at(-1));
  await victor.page.locator('#conv-topic', { hasText: exactly(last.text) }).waitFor();
  // The header follows the last change; the system lines of all of them came before it.
  const system = victor.page.locator('#messages li.system');
  const lines = await system.allTextContents();
  for (const payload of live) assert.ok(lines.some((l) => l.includes(payload.text)), `the topic change to ${payload.text}`);

  // Someone new, named by a payload, joins while the reader looks.
  const newcomer = /** @type {Payload} */ (PAYLOADS.find((p) => p.kind === 'mutation' && fitsName(p.text)));
  const api = await registerApi(server, { username: 'newcomer', display_name: newcomer.text });
  await api.call('POST', `/channels/${gallery}/join`);
  await system.filter({ hasText: newcomer.text }).filter({ hasText: 'joined' }).waitFor();
  await api.call('POST', `/conversations/${gallery}/messages`, { client_id: 'newcomer-1', body: 'Hello, I am new here.', lang: 'en' });
  const hello = victor.page.locator('#messages li.message').filter({ hasText: 'Hello, I am new here.' });
  await hello.locator('.author', { hasText: exactly(newcomer.text) }).waitFor();
  assert.equal(await system.filter({ has: victor.page.locator('img, svg, script, a') }).count(), 0);
  await shot(victor.page, JOURNEY, '08-live-topics');
});

step('people search lists every payload display name as text; a direct conversation is titled with it', async () => {
  await victor.page.locator('#browse-button').click();
  await victor.page.locator('#people-query').fill('author-');
  await victor.page.locator('#people-form button[type="submit"]').click();
  const people = victor.page.locator('#people-list .browse-item');
  await people.nth(AUTHORS - 1).waitFor();
  const listed = await people.evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('.conv-name')?.textContent,
      username: li.querySelector('.tag')?.textContent,
    })),
  );
  assert.deepEqual(
    listed,
    authors.map((a, i) => ({ name: a.payload.text.normalize('NFC'), username: `@author-${String(i + 1).padStart(2, '0')}` })),
  );
  for (const { payload } of spread(authors, 4)) {
    const name = victor.page.locator('#people-list .conv-name', { hasText: exactly(payload.text) });
    await name.scrollIntoViewIfNeeded();
    assert.ok(await name.isVisible(), payload.text);
  }
  await shot(victor.page, JOURNEY, '09-people-search');

  const author = /** @type {{ api: ApiSession, payload: Payload }} */ (authors[3]);
  await people.filter({ has: victor.page.locator('.conv-name', { hasText: exactly(author.payload.text) }) }).locator('button').click();
  await victor.page.locator('#conv-title', { hasText: exactly(author.payload.text) }).waitFor();
  await victor.page.locator('#direct-list .conv-name', { hasText: exactly(author.payload.text) }).waitFor();
  const direct = Number(/#\/c\/(\d+)$/.exec(victor.page.url())?.[1]);
  await author.api.call('POST', `/conversations/${direct}/messages`, {
    client_id: 'direct-1',
    body: PAYLOADS[0]?.text,
    lang: 'en',
  });
  const said = victor.page.locator('#messages .message-body', { hasText: exactly(/** @type {Payload} */ (PAYLOADS[0]).text) });
  await said.waitFor();
  await shot(victor.page, JOURNEY, '10-direct');
});
