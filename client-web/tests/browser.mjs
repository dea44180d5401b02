// @ts-check
// A whole journey through the web client in a real browser (Debian's Chromium driven by playwright-core): two
// people register, one creates a channel, the other joins it, they write, reply, react, edit and see each other
// typing; a message written while offline is sent on reconnect and what was missed is replayed; one switches
// language; they talk in a direct conversation. It asserts what a person would check on screen, and waits for it (no fixed sleeps).
//
//   ENGAWA_URL             the server (or a Vite server proxying to it); default http://127.0.0.1:8080
//   ENGAWA_ADMIN_USER      an admin account (optional, with ENGAWA_ADMIN_PASSWORD): the first person is made a
//   ENGAWA_ADMIN_PASSWORD  volunteer and creates a public channel; without it, an invite-only channel and an invitation
//   ENGAWA_SHOTS           where the screenshots go; default ../../target/web-shots (the repository's target/)
//   CHROMIUM               the browser; default /usr/bin/chromium
//
// Exits 0 when every check passed, 1 otherwise (with screenshots of the failure).

import { access, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, request } from 'playwright-core';

const BASE = (process.env.ENGAWA_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const SHOTS = process.env.ENGAWA_SHOTS ?? fileURLToPath(new URL('../../target/web-shots/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** How long one expected thing may take to show. Generous: a debug server hashes passwords slowly. */
const WAIT_MS = 20_000;
const PASSWORD = 'correct horse battery staple';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {{ name: string, context: BrowserContext, page: Page, problems: string[] }} Person */

const run = Date.now().toString(36);
let step = 'start';

/** Names the step for the failure report, and logs it. @param {string} name */
function section(name) {
  step = name;
  console.log(`- ${name}`);
}

/** @param {BrowserContext} context @param {string} name @returns {Promise<Person>} */
async function openPerson(context, name) {
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  // Script errors and Content-Security-Policy violations fail the test: the server sends a strict CSP.
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  await page.goto(`${BASE}/`);
  return { name, context, page, problems };
}

/**
 * Fills the registration form and waits until the chat shows, connected.
 * @param {Person} person @param {string} username @param {string} displayName
 */
async function register(person, username, displayName) {
  const { page } = person;
  await page.locator('#tab-register').click();
  await page.locator('#reg-username').fill(username);
  await page.locator('#reg-display').fill(displayName);
  await page.locator('#reg-password').fill(PASSWORD);
  await page.locator('#reg-spoken').fill('en, ja');
  await page.locator('#register-form button[type="submit"]').click();
  // Either the chat shows, or the form says why not (e.g. rate_limited: 20 registrations per hour per address).
  const refused = page.locator('#register-form .form-error:not(:empty)');
  await page.locator('#chat').or(refused).first().waitFor({ state: 'visible' });
  if (await refused.isVisible()) throw new Error(`registration refused: ${await refused.textContent()}`);
  await waitConnected(page);
  await page.locator('#me .me-name', { hasText: displayName }).waitFor();
}

/** @param {Page} page */
async function waitConnected(page) {
  await page.locator('#chat').waitFor({ state: 'visible' });
  await page.locator('#status[data-state="online"]').waitFor();
}

/** @param {Page} page @returns {Promise<{ id: number, username: string }>} */
async function whoAmI(page) {
  const response = await page.request.get(`${BASE}/api/v1/me`);
  check(response.ok(), `GET /api/v1/me answered ${response.status()}`);
  return response.json();
}

/** @param {boolean} condition @param {string} what */
function check(condition, what) {
  if (!condition) throw new Error(what);
}

/** The message element whose body is exactly `text`. @param {Page} page @param {string} text */
function message(page, text) {
  return page.locator('#messages li.message').filter({ has: page.locator('.message-body', { hasText: text }) });
}

/** Types into the composer and presses Enter, as a person would. @param {Page} page @param {string} text */
async function say(page, text) {
  const input = page.locator('#composer-input');
  await input.click();
  await input.pressSequentially(text);
  await input.press('Enter');
}

/**
 * Keeps typing until the other person sees it: typing notices go out at most once per 3 seconds (by the client and
 * by the server), so the first keystrokes may fall in a quiet period after the last message.
 * @param {Page} page @param {import('playwright-core').Locator} seen
 */
async function typeUntilSeen(page, seen) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await page.locator('#composer-input').press('.');
    try {
      await seen.waitFor({ timeout: 1_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/**
 * The server's text for a Fluent id in one language, read from the same files the client uses.
 * @param {string} lang @param {string} file @param {string} id
 */
async function serverText(lang, file, id) {
  const response = await fetch(`${BASE}/l10n/${lang}/${file}`);
  const source = await response.text();
  const line = source.split('\n').find((l) => l.startsWith(`${id} =`));
  check(line !== undefined, `${id} is missing from ${lang}/${file}`);
  return /** @type {string} */ (line).slice(id.length + 2).trim();
}

/** @param {Person} person @param {string} name */
async function shot(person, name) {
  await person.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Makes the person a volunteer with the admin's account, so that they may create public channels. @param {number} userId */
async function promoteToVolunteer(userId) {
  const admin = await request.newContext({ baseURL: BASE });
  try {
    const login = await admin.post('/api/v1/auth/login', {
      data: { username: process.env.ENGAWA_ADMIN_USER, password: process.env.ENGAWA_ADMIN_PASSWORD },
    });
    check(login.ok(), `admin login answered ${login.status()}`);
    const role = await admin.put(`/api/v1/users/${userId}/role`, { data: { role: 'volunteer' } });
    check(role.ok(), `PUT role answered ${role.status()}: ${await role.text()}`);
  } finally {
    await admin.dispose();
  }
}

/** @param {Person} anna @param {Person} binod */
async function journey(anna, binod) {
  const channel = `tea-${run}`;
  const withAdmin = Boolean(process.env.ENGAWA_ADMIN_USER && process.env.ENGAWA_ADMIN_PASSWORD);

  section('both register and get connected');
  await anna.page.locator('#auth').waitFor({ state: 'visible' });
  await shot(anna, '01-login');
  await register(anna, `anna-${run}`, 'Anna Kovalenko');
  await register(binod, `binod-${run}`, 'Binod Thapa');
  const annaId = (await whoAmI(anna.page)).id;
  const binodId = (await whoAmI(binod.page)).id;

  section(withAdmin ? 'Anna, made a volunteer, creates a public channel' : 'Anna creates an invite-only channel');
  if (withAdmin) {
    await promoteToVolunteer(annaId);
    await anna.page.reload(); // the role shows from the next /me; the session cookie keeps her signed in
    await waitConnected(anna.page);
  }
  await anna.page.locator('#browse-button').click();
  await anna.page.locator('#create-name').fill(channel);
  await anna.page.locator('#create-topic').fill('Where to find good green tea in Toyama');
  await anna.page.locator('#create-visibility').selectOption(withAdmin ? 'public' : 'invite_only');
  await anna.page.locator('#create-languages').fill('en, ja');
  await anna.page.locator('#create-form button[type="submit"]').click();
  await anna.page.locator('#conv-title', { hasText: `# ${channel}` }).waitFor();
  await anna.page.locator('#channel-list .conv-name', { hasText: channel }).waitFor();
  const channelId = Number(/#\/c\/(\d+)$/.exec(anna.page.url())?.[1]);
  check(channelId > 0, `the URL names the channel: ${anna.page.url()}`);

  section('Binod joins the channel');
  if (withAdmin) {
    await binod.page.locator('#browse-button').click();
    const item = binod.page.locator('#browse-list .browse-item').filter({ hasText: channel });
    await item.locator('button', { hasText: 'Join' }).click();
  } else {
    // The web client has no invite button yet: Anna invites over HTTP with her session, as another client would.
    const invite = await anna.page.request.post(`${BASE}/api/v1/channels/${channelId}/invite`, {
      data: { user: binodId },
    });
    check(invite.ok(), `invite answered ${invite.status()}`);
    const entry = binod.page.locator('#channel-list button.conv').filter({ hasText: channel });
    await entry.locator('.tag', { hasText: 'invitation' }).waitFor();
    await entry.click();
    await binod.page.locator('#join-bar').waitFor({ state: 'visible' });
    await binod.page.locator('#join-button').click();
  }
  await binod.page.locator('#conv-title', { hasText: `# ${channel}` }).waitFor();
  await binod.page.locator('#composer').waitFor({ state: 'visible' });
  await anna.page.locator('#messages li.system').filter({ hasText: 'Binod Thapa' }).filter({ hasText: 'joined' }).waitFor();

  section('Anna writes; Binod reads it');
  await say(anna.page, 'Hello Binod! Does anyone know a tea shop?');
  await message(binod.page, 'Hello Binod! Does anyone know a tea shop?').waitFor();
  await message(anna.page, 'Hello Binod! Does anyone know a tea shop?').locator('.author', { hasText: 'Anna' }).waitFor();
  check((await anna.page.locator('#messages li.pending').count()) === 0, 'the acked message is no longer pending');

  section('text stays text, in its own direction');
  await say(anna.page, '<b>not bold</b> مرحبا');
  const plain = message(binod.page, '<b>not bold</b> مرحبا');
  await plain.waitFor();
  check((await plain.locator('b').count()) === 0, 'markup in a message is shown as text');
  check((await plain.locator('.message-body').getAttribute('dir')) === 'auto', 'message bodies have dir="auto"');

  section('Binod sees Anna typing, then replies to her');
  await typeUntilSeen(anna.page, binod.page.locator('#typing', { hasText: 'Anna Kovalenko' }));
  await anna.page.locator('#composer-input').fill('');
  const annasFirst = message(binod.page, 'Hello Binod! Does anyone know a tea shop?');
  await annasFirst.hover();
  await annasFirst.locator('[data-action="reply"]').click();
  await binod.page.locator('#reply-bar').waitFor({ state: 'visible' });
  await say(binod.page, 'Try the shop next to the station.');
  const reply = message(anna.page, 'Try the shop next to the station.');
  await reply.locator('.reply-ref', { hasText: 'Hello Binod' }).waitFor();

  section('Anna reacts; Binod sees the reaction');
  await reply.hover();
  await reply.locator('[data-action="react"]').click();
  await reply.locator('.picker [data-emoji="🙏"]').click();
  await message(binod.page, 'Try the shop next to the station.').locator('.reaction', { hasText: '🙏 1' }).waitFor();

  section('Anna edits her message; Binod sees the new text');
  const first = message(anna.page, 'Hello Binod! Does anyone know a tea shop?');
  await first.hover();
  await first.locator('[data-action="edit"]').click();
  const editor = anna.page.locator('#messages .edit-input');
  await editor.fill('Hello Binod! Does anyone know a good tea shop?');
  await editor.press('Enter');
  const edited = message(binod.page, 'Hello Binod! Does anyone know a good tea shop?');
  await edited.locator('.edited').waitFor();
  await shot(binod, '02-channel-binod');

  section('unread badge while Anna looks elsewhere');
  await anna.page.locator('#browse-button').click();
  await say(binod.page, 'Are you still there?');
  const annasEntry = anna.page.locator('#channel-list button.conv').filter({ hasText: channel });
  await annasEntry.locator('.badge', { hasText: '1' }).waitFor();
  await annasEntry.click();
  await message(anna.page, 'Are you still there?').waitFor();
  await annasEntry.locator('.badge').waitFor({ state: 'detached' });

  section('a message written offline is sent when the connection returns');
  await binod.context.setOffline(true);
  await binod.page.locator('#offline').waitFor({ state: 'visible' });
  await say(binod.page, 'Written on the train without signal.');
  await binod.page.locator('#messages li.pending', { hasText: 'Written on the train' }).waitFor();
  await say(anna.page, 'Missed while you were away.');
  await shot(binod, '03-offline-binod');
  await binod.context.setOffline(false);
  await message(anna.page, 'Written on the train without signal.').waitFor();
  await message(binod.page, 'Missed while you were away.').waitFor(); // replayed by resuming from the held seq
  await binod.page.locator('#status[data-state="online"]').waitFor();
  await binod.page.locator('#messages li.pending').waitFor({ state: 'detached' });
  check((await message(anna.page, 'Written on the train without signal.').count()) === 1, 'sent exactly once');

  section('Anna switches to Japanese; every text follows, messages stay');
  const browseJa = await serverText('ja', 'ui.ftl', 'chat-browse-channels');
  const sendJa = await serverText('ja', 'ui.ftl', 'chat-send');
  await anna.page.locator('#locale-select').selectOption('ja');
  await anna.page.locator('#browse-button', { hasText: browseJa }).waitFor();
  await anna.page.locator('#composer button[type="submit"]', { hasText: sendJa }).waitFor();
  check((await anna.page.locator('html').getAttribute('lang')) === 'ja', 'the document says it is in Japanese');
  await message(anna.page, 'Try the shop next to the station.').waitFor();
  // She is reconnected, so that the server's texts follow too; the status says so in Japanese.
  const onlineJa = await serverText('ja', 'ui.ftl', 'status-online');
  await anna.page.locator('#status[data-state="online"]', { hasText: onlineJa }).waitFor();
  await shot(anna, '04-channel-anna-ja');

  section('Binod opens a direct conversation with Anna');
  await binod.page.locator('#browse-button').click();
  await binod.page.locator('#people-query').fill(`anna-${run}`);
  await binod.page.locator('#people-form button[type="submit"]').click();
  await binod.page.locator('#people-list .browse-item', { hasText: 'Anna Kovalenko' }).locator('button').click();
  await binod.page.locator('#conv-title', { hasText: 'Anna Kovalenko' }).waitFor();
  await say(binod.page, 'A private question about the tea.');
  const direct = anna.page.locator('#direct-list button.conv').filter({ hasText: 'Binod Thapa' });
  await direct.locator('.badge', { hasText: '1' }).waitFor();
  await direct.click();
  await message(anna.page, 'A private question about the tea.').waitFor();
  await shot(anna, '05-direct-anna-ja');
  await shot(binod, '06-direct-binod');

  section('Anna logs out and is back at the login form');
  await anna.page.locator('#logout').click();
  await anna.page.locator('#auth').waitFor({ state: 'visible' });
  check(await anna.page.locator('#chat').isHidden(), 'the chat is hidden after logging out');
}

async function main() {
  await mkdir(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  /** @type {Person[]} */
  const people = [];
  let failed = false;
  try {
    for (const name of ['anna', 'binod']) {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 760 } });
      context.setDefaultTimeout(WAIT_MS);
      people.push(await openPerson(context, name));
    }
    const [anna, binod] = /** @type {[Person, Person]} */ (people);
    await journey(anna, binod);
    const problems = people.flatMap((p) => p.problems.map((problem) => `${p.name}: ${problem}`));
    check(problems.length === 0, `problems in the page:\n${problems.join('\n')}`);
    console.log(`browser journey passed; screenshots in ${SHOTS}`);
  } catch (error) {
    failed = true;
    console.error(`FAILED at "${step}":`, error instanceof Error ? error.message : error);
    for (const person of people) {
      if (person.problems.length) console.error(`${person.name}'s page:`, person.problems.join('\n'));
      await shot(person, `failure-${person.name}`).catch(() => {});
    }
  } finally {
    await browser.close();
  }
  // The plain closing line test harnesses read.
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
  process.exit(failed ? 1 : 0);
}

await access(CHROMIUM).then(
  () => main(),
  () => {
    console.error(`no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
    process.exit(1);
  },
);
