// @ts-check
// The shared harness of the browser tests: a real server (the `engawa` binary, which embeds this client) on a free
// port with a fresh data directory, Debian's Chromium driven by playwright-core, and the steps a person takes
// (register, log in, write). Every wait is for something on screen or on the wire, never a fixed sleep.
//
//   ENGAWA_BIN     the server binary; default <repo>/target/debug/engawa (build it with cargo build -p engawa)
//   CHROMIUM       the browser; default /usr/bin/chromium
//   ENGAWA_SHOTS   where screenshots go; default <repo>/target/web-shots

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, constants, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { chromium } from 'playwright-core';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */
/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {'member' | 'volunteer' | 'advisor' | 'moderator' | 'admin'} Role */
/** @typedef {{ id: number, username: string, display_name: string, role: Role, locale: string, languages_spoken: string[], languages_learning: string[] }} Profile */

/**
 * @typedef {object} Server
 * @property {string} url  The server's address, ending in `/` (e.g. http://127.0.0.1:41234/).
 * @property {() => Promise<void>} stop  Stops the server and removes its data directory.
 * @property {(username: string, role: Role, options?: { displayName?: string }) => Promise<number>} createUser
 *   Makes an account with the admin command line (password {@link PASSWORD}); resolves with its id.
 */

/**
 * @typedef {object} Person  One person in their own browser context (own cookies, own language).
 * @property {Page} page
 * @property {BrowserContext} context
 * @property {string[]} problems  Script errors and Content-Security-Policy violations seen in the page.
 */

/**
 * @typedef {object} ApiSession  A person's session used from Node, as a bot or another client would.
 * @property {Profile} user
 * @property {string} token
 * @property {(method: string, path: string, body?: unknown) => Promise<any>} call
 *   A request to `/api/v1<path>`; resolves with the JSON body (null for 204), rejects with the status and body.
 */

export const PASSWORD = 'correct horse battery staple';
/** How long one expected thing may take to show. Generous: a debug server hashes passwords slowly. */
export const WAIT_MS = 20_000;

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = process.env.ENGAWA_SHOTS ?? join(REPO, 'target', 'web-shots');
const BIN = process.env.ENGAWA_BIN ?? join(REPO, 'target', 'debug', 'engawa');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The server prints its address at once; a debug build starting on a loaded machine may take a few seconds. */
const START_MS = 30_000;

/** Servers still running, killed if the test process exits without stopping them (a crash, Ctrl-C). */
const running = new Set(/** @type {ChildProcess[]} */ ([]));
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the server binary on a free port with a fresh data directory. The configuration lifts the limits a test
 * runs into but a person does not: registrations per address, and the send rate (the tests post fast from Node).
 * @returns {Promise<Server>}
 */
export async function startServer() {
  try {
    await access(BIN, constants.X_OK);
  } catch {
    throw new Error(`no server binary at ${BIN}: build it with cargo build -p engawa (or set ENGAWA_BIN)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'engawa-browser-'));
  const config = join(dir, 'engawa.toml');
  await writeFile(
    config,
    ['[limits]', 'register_per_hour = 100000', 'send_per_second = 10000', 'send_burst = 10000', ''].join('\n'),
  );
  const common = ['--config', config, '--data-dir', dir, '--log', 'warn'];
  const child = spawn(BIN, [...common, '--bind', '127.0.0.1:0', 'serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  /** The end of the server's log (stderr), shown when it fails. */
  const log = /** @type {string[]} */ ([]);
  createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stderr) }).on('line', (line) => {
    log.push(line);
    if (log.length > 200) log.shift();
  });
  const exited = once(child, 'exit');
  child.on('exit', () => running.delete(child));

  const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
  /** @type {Promise<string>} */
  const firstLine = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server printed no address within ${START_MS} ms`)), START_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before printing its address:\n${log.join('\n')}`));
    });
  });
  let url;
  try {
    // "Engawa is serving http://127.0.0.1:41234/  (database: …)"
    const line = await firstLine;
    const address = /http:\/\/([^/\s]+)\//.exec(line)?.[1];
    if (!address) throw new Error(`no address in the server's first line: ${JSON.stringify(line)}`);
    url = `http://${address}/`;
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  lines.on('line', () => {}); // keep reading, so that a full pipe never blocks the server

  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
    async createUser(username, role, options = {}) {
      const args = [...common, 'admin', 'create-user', '--username', username, '--role', role];
      if (options.displayName !== undefined) args.push('--display-name', options.displayName);
      const admin = spawn(BIN, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      admin.stdout.on('data', (chunk) => (out += chunk));
      admin.stderr.on('data', (chunk) => (out += chunk));
      admin.stdin.end(`${PASSWORD}\n`);
      const [code] = await once(admin, 'exit');
      // "created anna (volunteer) with id 3"
      const id = Number(/with id (\d+)/.exec(out)?.[1]);
      if (code !== 0 || !(id > 0)) throw new Error(`engawa admin create-user ${username} failed (${code}): ${out}`);
      return id;
    },
  };
}

/** Debian's Chromium, headless. Every context starts empty, so no profile directory is shared between runs. */
export async function launchBrowser() {
  try {
    await access(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A person with their own browser context, whose browser asks for `locale` (navigator.languages and
 * Accept-Language), at the server's start page. Page errors and CSP violations are collected in `problems`.
 * @param {Browser} browser
 * @param {Server} server
 * @param {object} [options]
 * @param {string} [options.locale]  The browser's language, e.g. 'en-US' or 'ja-JP'.
 * @param {boolean} [options.bypassCSP]  Ignore the server's Content-Security-Policy (see xss.test.mjs for why).
 * @param {(context: BrowserContext) => Promise<void>} [options.beforeLoad]  Runs before the page loads (init scripts, bindings).
 * @returns {Promise<Person>}
 */
export async function openPerson(browser, server, { locale = 'en-US', bypassCSP = false, beforeLoad } = {}) {
  const context = await browser.newContext({ locale, bypassCSP, viewport: { width: 1100, height: 760 } });
  context.setDefaultTimeout(WAIT_MS);
  if (beforeLoad) await beforeLoad(context);
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
  await page.goto(server.url);
  await page.locator('#auth').or(page.locator('#chat')).first().waitFor({ state: 'visible' });
  return { page, context, problems };
}

/** @param {Person} person */
export function assertNoProblems(person) {
  if (person.problems.length) throw new Error(`problems in the page:\n${person.problems.join('\n')}`);
}

/**
 * Fills the registration form and waits until the chat shows, connected.
 * @param {Person} person @param {string} username @param {string} displayName
 * @param {{ spoken?: string }} [options]  The "languages you speak" field, e.g. 'en, ja'.
 */
export async function register(person, username, displayName, { spoken = 'en, ja' } = {}) {
  const { page } = person;
  await page.locator('#tab-register').click();
  await page.locator('#reg-username').fill(username);
  await page.locator('#reg-display').fill(displayName);
  await page.locator('#reg-password').fill(PASSWORD);
  await page.locator('#reg-spoken').fill(spoken);
  await page.locator('#register-form button[type="submit"]').click();
  await signedInOrRefused(page, '#register-form');
}

/**
 * Logs in with the login form (password {@link PASSWORD}) and waits until the chat shows, connected.
 * @param {Person} person @param {string} username
 */
export async function login(person, username) {
  const { page } = person;
  await page.locator('#tab-login').click();
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('#login-form button[type="submit"]').click();
  await signedInOrRefused(page, '#login-form');
}

/** @param {Page} page @param {string} form */
async function signedInOrRefused(page, form) {
  const refused = page.locator(`${form} .form-error:not(:empty)`);
  await page.locator('#chat').or(refused).first().waitFor({ state: 'visible' });
  if (await refused.isVisible()) throw new Error(`${form} refused: ${await refused.textContent()}`);
  await waitConnected(page);
}

/** The chat shows and the connection is up (the ready frame came). @param {Page} page */
export async function waitConnected(page) {
  await page.locator('#chat').waitFor({ state: 'visible' });
  await page.locator('#status[data-state="online"]').waitFor();
}

/** Types into the composer and presses Enter, as a person would. @param {Page} page @param {string} text */
export async function say(page, text) {
  const input = page.locator('#composer-input');
  await input.click();
  await input.pressSequentially(text);
  await input.press('Enter');
}

/**
 * The message elements (sent, or still pending) whose body is exactly `text`.
 * @param {Page} page @param {string} text
 */
export function message(page, text) {
  return page.locator('#messages li.message').filter({ has: page.locator('.message-body', { hasText: exactly(text) }) });
}

/** A pattern for `hasText` that matches an element whose text is exactly this one. @param {string} text */
export function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * A full-page screenshot at `<repo>/target/web-shots/<journey>-<name>.png`.
 * @param {Page} page @param {string} journey @param {string} name
 */
export async function shot(page, journey, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${journey}-${name}.png`), fullPage: true });
}

/**
 * Runs a test step; when it fails, every person's page is photographed (`<journey>-failure-<step>-<who>.png`) and
 * what their pages reported is added to the error.
 * @param {string} journey @param {Record<string, Person | undefined>} people @param {() => Promise<void>} step
 * @param {string} name
 */
export async function photographFailure(journey, people, name, step) {
  try {
    await step();
  } catch (error) {
    const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
    const notes = [];
    for (const [who, person] of Object.entries(people)) {
      if (!person) continue;
      await shot(person.page, journey, `failure-${slug}-${who}`).catch(() => {});
      if (person.problems.length) notes.push(`${who}'s page: ${person.problems.join('\n')}`);
    }
    if (notes.length && error instanceof Error) error.message += `\n${notes.join('\n')}`;
    throw error;
  }
}

/**
 * Registers an account over HTTP (as another client would) and keeps its session.
 * @param {Server} server
 * @param {{ username: string, display_name: string, locale?: string, languages_spoken?: string[] }} account
 * @returns {Promise<ApiSession>}
 */
export async function registerApi(server, account) {
  return session(server, '/api/v1/auth/register', { password: PASSWORD, ...account });
}

/**
 * Logs in over HTTP and keeps the session.
 * @param {Server} server @param {string} username
 * @returns {Promise<ApiSession>}
 */
export async function loginApi(server, username) {
  return session(server, '/api/v1/auth/login', { username, password: PASSWORD });
}

/** @param {Server} server @param {string} path @param {object} body @returns {Promise<ApiSession>} */
async function session(server, path, body) {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  // The token travels only in Set-Cookie (docs/protocol.md, "Getting a session").
  const token = /engawa_session=([0-9a-f]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`POST ${path} set no session cookie`);
  const { user } = /** @type {{ user: Profile }} */ (await response.json());
  return {
    user,
    token,
    async call(method, apiPath, requestBody) {
      /** @type {Record<string, string>} */
      const headers = { authorization: `Bearer ${token}` };
      if (requestBody !== undefined) headers['content-type'] = 'application/json';
      const answer = await fetch(new URL(`/api/v1${apiPath}`, server.url), {
        method,
        headers,
        body: requestBody === undefined ? undefined : JSON.stringify(requestBody),
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`${method} ${apiPath} answered ${answer.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    },
  };
}

/**
 * The server's text for a Fluent id in one language, read from the same files the client uses (simple one-line
 * messages only).
 * @param {Server} server @param {string} lang @param {string} file @param {string} id
 */
export async function serverText(server, lang, file, id) {
  const response = await fetch(new URL(`/l10n/${lang}/${file}`, server.url));
  if (!response.ok) throw new Error(`GET /l10n/${lang}/${file} answered ${response.status}`);
  const line = (await response.text()).split('\n').find((l) => l.startsWith(`${id} =`));
  if (line === undefined) throw new Error(`${id} is missing from ${lang}/${file}`);
  return line.slice(id.length + 2).trim();
}

/**
 * The steps of a journey, each a test of its own: a failure leaves screenshots of every page, and a script error or
 * Content-Security-Policy violation in any page (or what `check` finds) fails the step it happened in.
 * @template {Person} P
 * @param {string} journey
 * @param {() => Record<string, P | undefined>} people who takes part (read when a step runs)
 * @param {{ timeout?: number, check?: (person: P) => void | Promise<void> }} [options]
 * @returns {(name: string, body: () => Promise<void>) => void}
 */
export function journeySteps(journey, people, { timeout = 6 * WAIT_MS, check = assertNoProblems } = {}) {
  return (name, body) => {
    test(name, { timeout }, () => {
      const everyone = people();
      return photographFailure(journey, everyone, name, async () => {
        await body();
        for (const person of Object.values(everyone)) if (person) await check(person);
      });
    });
  };
}

/**
 * A language's texts rendered in Node from the server's own Fluent files (every file `/l10n` lists for it): as the
 * web client renders them (arguments in isolation marks), or as the server does (`isolating: false`). With `page`,
 * numbers use the digits that browser uses for the language (Chromium's trimmed ICU data writes Latin digits for
 * Nepali where Node writes Devanagari ones). The returned function fails the test on an unknown id or a bad argument.
 * @param {Server} server @param {string} lang @param {{ page?: Page, isolating?: boolean }} [options]
 * @returns {Promise<(id: string, args?: Record<string, string | number>) => string>}
 */
export async function localeTexts(server, lang, { page, isolating = true } = {}) {
  const index = /** @type {{ locales: { locale: string, files: string[] }[] }} */ (
    await (await fetch(new URL('/l10n', server.url))).json()
  );
  const digits = page
    ? await page.evaluate((tag) => new Intl.NumberFormat(tag).resolvedOptions().numberingSystem, lang)
    : null;
  const bundle = new FluentBundle(digits ? `${lang}-u-nu-${digits}` : lang, { useIsolating: isolating });
  for (const file of index.locales.find((l) => l.locale === lang)?.files ?? []) {
    const response = await fetch(new URL(`/l10n/${lang}/${file}`, server.url));
    if (!response.ok) throw new Error(`GET /l10n/${lang}/${file} answered ${response.status}`);
    bundle.addResource(new FluentResource(await response.text()));
  }
  return (id, args) => {
    const pattern = bundle.getMessage(id)?.value;
    if (!pattern) throw new Error(`${id} is missing from ${lang}`);
    /** @type {Error[]} */
    const errors = [];
    const text = bundle.formatPattern(pattern, args ?? null, errors);
    if (errors.length) throw new Error(`${lang} ${id}: ${errors.join('; ')}`);
    return text;
  };
}

/**
 * A seeded consultation topic, switched to manual routing so that a request waits in the queue until a helper takes
 * it (with automatic routing an available helper is assigned at once). `admin` is an admin's session.
 * @param {ApiSession} admin @param {string} key e.g. `visa`
 * @returns {Promise<{ id: number, key: string, name: string, names: Record<string, string> }>}
 */
export async function manualTopic(admin, key) {
  const topics = /** @type {{ id: number, key: string, name: string, names: Record<string, string> }[]} */ (
    await admin.call('GET', '/topics')
  );
  const topic = topics.find((t) => t.key === key);
  if (!topic) throw new Error(`the ${key} topic is not seeded`);
  await admin.call('PATCH', `/topics/${topic.id}`, { routing: 'manual' });
  return topic;
}
