// @ts-check
// A volunteer works on two consultations side by side, each in a window of its own. Sita takes two requests from
// her helper console; she opens one in its own window from "my consultations" and the other from its consultation
// bar. Each window is the same app in the compact solo layout (no sidebar), with its own connection: a message from
// each requester arrives live in the right window, and she answers each from that window's composer.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { journeySteps, launchBrowser, localeTexts, login, loginApi, manualTopic, message, openPerson, register, say, shot, startServer } from './support.mjs';

const JOURNEY = 'solo-windows';
const ASK_ANNA = 'My residence card expires next month. What do I need to renew it?';
const ASK_BAO = 'I changed jobs. Do I have to tell the immigration office?';
const ANNA_MORE = 'It is a work visa, issued three years ago.';
const BAO_MORE = 'My new company is in the same city.';
const TO_ANNA = 'Hello Anna, you can apply up to three months before it expires.';
const TO_BAO = 'Hello Bao, yes: within 14 days of the change.';

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./support.mjs').Person} */
let sita;
/** @type {import('./support.mjs').Person} */
let anna;
/** @type {import('./support.mjs').Person} */
let bao;
/** Sita's two windows, one per consultation. @type {{ anna?: import('./support.mjs').Person, bao?: import('./support.mjs').Person }} */
const windows = {};
/** @param {'anna' | 'bao'} who */
const win = (who) => (windows[who] ?? assert.fail(`${who}'s window is open`)).page;
/** @type {{ id: number, name: string, names: Record<string, string> }} */
let visa;
/** @type {(id: string, args?: Record<string, string | number>) => string} */
let en;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('admin', 'admin', { displayName: 'Admin' });
  await server.createUser('sita', 'volunteer', { displayName: 'Sita Gurung' });
  await (await loginApi(server, 'sita')).call('PATCH', '/me', { languages_spoken: ['en'] });
  const admin = await loginApi(server, 'admin');
  visa = await manualTopic(admin, 'visa');
  sita = await openPerson(browser, server);
  anna = await openPerson(browser, server);
  bao = await openPerson(browser, server);
  en = await localeTexts(server, 'en');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ sita, anna, bao, ...windows }));

/** Asks for help on the visa topic, in the browser. @param {import('./support.mjs').Person} person @param {string} text */
async function ask(person, text) {
  const { page } = person;
  await page.locator('#consult-nav button', { hasText: en('consult-ask') }).click();
  await page.getByRole('radio', { name: visa.names.en ?? visa.name }).check();
  await page.getByLabel(en('consult-first-message')).fill(text);
  await page.locator('#ask-submit').click();
  await message(page, text).waitFor();
}

/**
 * Clicks something that opens a window of its own, and returns that window, watched for script errors and CSP
 * violations like the others.
 * @param {import('playwright-core').Locator} opener
 * @returns {Promise<import('./support.mjs').Person>}
 */
async function openWindow(opener) {
  const [page] = await Promise.all([sita.context.waitForEvent('page'), opener.click()]);
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  await page.setViewportSize({ width: 600, height: 820 });
  await page.waitForLoadState();
  assert.match(page.url(), /\?solo=1#\/c\/\d+$/);
  return { page, context: sita.context, problems };
}

/** The window shows the consultation with the requester, in the solo layout. @param {import('playwright-core').Page} page @param {string} name @param {string} first */
async function showsSolo(page, name, first) {
  await page.locator('#status[data-state="online"]').waitFor();
  await message(page, first).waitFor();
  await page.locator('#consult-bar', { hasText: en('consult-requester', { name }) }).waitFor();
  assert.equal(await page.locator('body').getAttribute('class').then((c) => /\bsolo\b/.test(c ?? '')), true);
  await page.locator('.sidebar').waitFor({ state: 'hidden' });
  await page.locator('#logout').waitFor({ state: 'hidden' });
  await page.locator('#composer-input').waitFor({ state: 'visible' });
  await page.locator('#consult-bar').getByRole('button', { name: en('consult-side-title') }).waitFor();
  // No window of its own from a window of its own.
  assert.equal(await page.locator('#consult-bar [data-action="window"]').count(), 0);
}

step('a volunteer takes two requests from her helper console', async () => {
  const { page } = sita;
  await login(sita, 'sita');
  await page.locator('#consult-nav button', { hasText: en('consult-helper-console') }).click();
  await page.getByRole('checkbox', { name: visa.names.en ?? visa.name, exact: true }).check();
  await page.locator('#helper-settings button[type="submit"]').click();
  await page.locator('#helper-saved', { hasText: en('consult-saved') }).waitFor();
  await page.getByRole('radio', { name: en('helper-availability-available') }).check();
  await page.locator('#helper-load', { hasText: en('consult-load', { load: 0, capacity: 3 }) }).waitFor();

  await register(anna, 'anna', 'Anna Petrova', { spoken: 'en' });
  await ask(anna, ASK_ANNA);
  await register(bao, 'bao', 'Bao Nguyen', { spoken: 'en' });
  await ask(bao, ASK_BAO);

  for (const first of [ASK_ANNA, ASK_BAO]) {
    await page.locator('#consult-nav button', { hasText: en('consult-helper-console') }).click();
    const item = page.locator('#console-queues .queue-item').filter({ hasText: first });
    await item.getByRole('button', { name: en('consult-claim') }).click();
    await message(page, first).waitFor();
  }
  await page.locator('#consult-nav button', { hasText: en('consult-helper-console') }).click();
  await page.locator('#console-mine .console-mine-item').nth(1).waitFor();
});

step('she opens each consultation in its own window: from "my consultations" and from the consultation bar', async () => {
  const { page } = sita;
  // From the console's list: the button is named for what it does, and says for whom.
  const annaItem = page.locator('#console-mine .console-mine-item').filter({ hasText: 'Anna Petrova' });
  const own = annaItem.getByRole('button', { name: en('consult-open-window') });
  assert.equal(await own.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent()), 'Anna Petrova');
  await own.focus();
  const [annaPage] = await Promise.all([sita.context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await annaPage.close();
  windows.anna = await openWindow(own);
  await showsSolo(win('anna'), 'Anna Petrova', ASK_ANNA);

  // From the consultation's bar.
  await page.locator('#console-mine .console-item').filter({ hasText: 'Bao Nguyen' }).click();
  await message(page, ASK_BAO).waitFor();
  windows.bao = await openWindow(page.locator('#consult-bar').getByRole('button', { name: en('consult-open-window') }));
  await showsSolo(win('bao'), 'Bao Nguyen', ASK_BAO);
  // The main window still shows its sidebar.
  await page.locator('.sidebar').waitFor({ state: 'visible' });
});

step('each requester writes; the message arrives live in the right window, and she answers from each', async () => {
  const a = win('anna');
  const b = win('bao');
  await say(anna.page, ANNA_MORE);
  await say(bao.page, BAO_MORE);
  await message(a, ANNA_MORE).locator('.author', { hasText: 'Anna Petrova' }).waitFor();
  await message(b, BAO_MORE).locator('.author', { hasText: 'Bao Nguyen' }).waitFor();
  assert.equal(await message(a, BAO_MORE).count(), 0, 'Bao’s message is not in Anna’s window');
  assert.equal(await message(b, ANNA_MORE).count(), 0, 'Anna’s message is not in Bao’s window');

  await say(a, TO_ANNA);
  await say(b, TO_BAO);
  await message(anna.page, TO_ANNA).locator('.author', { hasText: 'Sita Gurung' }).waitFor();
  await message(bao.page, TO_BAO).locator('.author', { hasText: 'Sita Gurung' }).waitFor();
  await message(a, TO_ANNA).and(a.locator(':not(.pending)')).waitFor();
  await message(b, TO_BAO).and(b.locator(':not(.pending)')).waitFor();
  assert.equal(await message(anna.page, TO_BAO).count(), 0);
  assert.equal(await message(bao.page, TO_ANNA).count(), 0);
  await shot(a, JOURNEY, '01-window-anna');
  await shot(b, JOURNEY, '02-window-bao');
});

step('a solo window follows a language switch', async () => {
  const page = win('anna');
  const ja = await localeTexts(server, 'ja');
  await page.locator('#locale-select').selectOption('ja');
  await page.locator('#consult-bar').getByRole('button', { name: ja('consult-side-title') }).waitFor();
  await page.locator('#consult-bar', { hasText: ja('consult-requester', { name: 'Anna Petrova' }) }).waitFor();
  await page.locator('.sidebar').waitFor({ state: 'hidden' });
  // The main window's "Open in its own window" follows its own switch.
  const main = sita.page;
  await main.locator('#locale-select').selectOption('ja');
  await main.locator('#consult-bar').getByRole('button', { name: ja('consult-open-window') }).waitFor();
  await main.locator('#locale-select').selectOption('en');
  await main.locator('#consult-bar').getByRole('button', { name: en('consult-open-window') }).waitFor();
});
