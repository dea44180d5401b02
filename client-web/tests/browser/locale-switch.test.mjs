// @ts-check
// Switching language with the language menu, without a reload, while the views whose texts are built by scripts
// are open: the helper console with a waiting request, a consultation with the helpers' side panel and an open
// dialog, the reports queue with an open dialog, and the audit log. After each switch every one of those reads in
// the new language, and a few known texts of the old one are gone. Texts are rendered from the locale files.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { journeySteps, launchBrowser, localeTexts, login, loginApi, manualTopic, message, openPerson, registerApi, shot, startServer } from './support.mjs';

const JOURNEY = 'locale-switch';
const FIRST_MESSAGE = 'My residence card expires next month. What do I need to do?';
const CANNED_EN = 'Please bring your residence card and passport to the immigration office.';

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./support.mjs').Person} */
let aiko;
/** @type {import('./support.mjs').Person} */
let binod;
/** @type {{ id: number, name: string, names: Record<string, string> }} */
let visa;
/** Each language's texts, as the client renders them. @type {Record<string, (id: string, args?: Record<string, string | number>) => string>} */
const texts = {};

/** @param {string} lang @param {string} id @param {Record<string, string | number>} [args] */
const text = (lang, id, args) => (texts[lang] ?? assert.fail(`${lang} is loaded`))(id, args);



/**
 * Switches Aiko's language with the top bar's menu (through an open modal dialog when there is one: the menu is
 * behind it), and waits until the page says it is in that language.
 * @param {string} lang
 */
async function switchTo(lang) {
  await aiko.page.locator('#locale-select').selectOption(lang, { force: true });
  await aiko.page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/**
 * Each text shows in `root`, and none of `gone` does.
 * @param {import('playwright-core').Locator} root @param {string[]} shown @param {string[]} gone
 */
async function reads(root, shown, gone) {
  for (const t of shown) await root.getByText(t, { exact: false }).first().waitFor();
  const all = (await root.innerText()).normalize();
  for (const t of gone) assert.ok(!all.includes(t), `"${t}" is gone from:\n${all}`);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('aiko', 'admin', { displayName: 'Aiko Admin' });
  const admin = await loginApi(server, 'aiko');
  // Accounts made on the command line speak no languages: Aiko helps in English and Japanese.
  await admin.call('PATCH', '/me', { languages_spoken: ['en', 'ja'] });
  visa = await manualTopic(admin, 'visa');
  await admin.call('POST', '/canned', { topic: visa.id, title: 'Residence card', variants: { en: CANNED_EN } });
  const binodApi = await registerApi(server, { username: 'binod', display_name: 'Binod Thapa', languages_spoken: ['en'] });
  // Two reports about Binod: one stays open in the queue, one is dismissed (a line in the audit log).
  const rudy = await registerApi(server, { username: 'rudy', display_name: 'Rudy Reporter' });
  await rudy.call('POST', '/reports', { category: 'spam', note: 'Sends the same link everywhere', user: binodApi.user.id });
  const second = await rudy.call('POST', '/reports', { category: 'other', note: 'Never mind', user: binodApi.user.id });
  await admin.call('POST', `/reports/${second.id}/dismiss`, { note: 'Not a problem' });
  aiko = await openPerson(browser, server, { locale: 'en-US' });
  binod = await openPerson(browser, server, { locale: 'en-US' });
  [texts.en, texts.ja] = await Promise.all([localeTexts(server, 'en'), localeTexts(server, 'ja')]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ aiko, binod }));

step('the helper console, with a waiting request, follows a switch from English to Japanese', async () => {
  const { page } = aiko;
  await login(aiko, 'aiko');
  await page.locator('#consult-nav button', { hasText: text('en', 'consult-helper-console') }).click();
  await page.getByRole('checkbox', { name: visa.names.en ?? visa.name, exact: true }).check();
  await page.locator('#helper-settings button[type="submit"]').click();
  await page.locator('#helper-saved', { hasText: text('en', 'consult-saved') }).waitFor();
  await page.getByRole('radio', { name: text('en', 'helper-availability-available') }).check();
  await page.locator('#helper-load', { hasText: text('en', 'consult-load', { load: 0, capacity: 3 }) }).waitFor();

  await login(binod, 'binod');
  await binod.page.locator('#consult-nav button', { hasText: text('en', 'consult-ask') }).click();
  await binod.page.getByRole('radio', { name: visa.names.en ?? visa.name }).check();
  await binod.page.getByLabel(text('en', 'consult-first-message')).fill(FIRST_MESSAGE);
  await binod.page.locator('#ask-submit').click();
  await message(binod.page, FIRST_MESSAGE).waitFor();

  const console_ = page.locator('#console-view');
  await console_.locator('.queue-item', { hasText: FIRST_MESSAGE }).waitFor();
  await reads(console_, [text('en', 'consult-queue-count', { count: 1 }), text('en', 'consult-claim')], []);
  await switchTo('ja');
  await reads(
    console_,
    [
      text('ja', 'consult-helper-console'),
      text('ja', 'consult-queue-count', { count: 1 }),
      text('ja', 'consult-claim'),
      text('ja', 'consult-load', { load: 0, capacity: 3 }),
      visa.names.ja ?? visa.name,
    ],
    [text('en', 'consult-queue-count', { count: 1 }), text('en', 'consult-load', { load: 0, capacity: 3 })],
  );
  await shot(page, JOURNEY, '01-console-ja');
});

step('a consultation with its side panel and an open profile dialog follow a switch back to English', async () => {
  const { page } = aiko;
  await page.locator('#console-view .queue-item', { hasText: FIRST_MESSAGE }).getByRole('button', { name: text('ja', 'consult-claim') }).click();
  await message(page, FIRST_MESSAGE).waitFor();
  const bar = page.locator('#consult-bar');
  const side = page.locator('#consult-side');
  await bar.locator('.consult-state', { hasText: text('ja', 'consultation-state-active') }).waitFor();
  await side.locator('.canned-item', { hasText: CANNED_EN }).getByRole('button', { name: text('ja', 'consult-canned-insert') }).waitFor();
  await page.locator('#me button', { hasText: text('ja', 'profile-edit') }).click();
  const dialog = page.locator('dialog.modal[open]');
  await dialog.locator('.modal-title', { hasText: text('ja', 'profile-edit') }).waitFor();

  await switchTo('en');
  await reads(
    dialog,
    [text('en', 'profile-edit'), text('en', 'auth-display-name'), text('en', 'chat-save'), text('en', 'chat-cancel')],
    [text('ja', 'profile-edit'), text('ja', 'chat-save'), text('ja', 'chat-cancel')],
  );
  await reads(
    bar,
    [text('en', 'consultation-state-active'), text('en', 'consult-requester', { name: 'Binod Thapa' }), text('en', 'consult-resolve')],
    [text('ja', 'consultation-state-active'), text('ja', 'consult-resolve')],
  );
  await reads(
    side,
    [text('en', 'consult-side-title'), text('en', 'consult-notes'), text('en', 'consult-canned-insert'), text('en', 'consult-canned-send')],
    [text('ja', 'consult-notes'), text('ja', 'consult-canned-insert'), text('ja', 'consult-canned-send')],
  );
  await shot(page, JOURNEY, '02-consultation-en');
  await dialog.getByRole('button', { name: text('en', 'chat-cancel') }).click();
  await dialog.waitFor({ state: 'detached' });
});

step('the reports queue and an open resolve dialog follow a switch to Japanese', async () => {
  const { page } = aiko;
  await page.locator('#reports-link').click();
  const card = page.locator('#reports-list .report-card').filter({ hasText: 'Sends the same link everywhere' });
  await card.locator('[data-action="resolve"]').click();
  const dialog = page.locator('dialog.modal[open]');
  await dialog.locator('.modal-title', { hasText: text('en', 'mod-resolve-title') }).waitFor();

  await switchTo('ja');
  await reads(
    dialog,
    [text('ja', 'mod-resolve-title'), text('ja', 'mod-resolve-none'), text('ja', 'mod-resolve'), text('ja', 'chat-cancel')],
    [text('en', 'mod-resolve-title'), text('en', 'mod-resolve-none'), text('en', 'chat-cancel')],
  );
  await reads(
    card,
    [text('ja', 'report-category-spam'), text('ja', 'report-state-open'), text('ja', 'mod-report-about'), text('ja', 'mod-claim')],
    [text('en', 'report-category-spam'), text('en', 'report-state-open'), text('en', 'mod-report-about'), text('en', 'mod-claim')],
  );
  await shot(page, JOURNEY, '03-reports-ja');
  await dialog.getByRole('button', { name: text('ja', 'chat-cancel') }).click();
  await dialog.waitFor({ state: 'detached' });
});

step('the audit log follows a switch back to English', async () => {
  const { page } = aiko;
  await page.locator('#audit-link').click();
  const entry = page.locator('#audit-list .audit-entry').filter({ has: page.locator('[data-action="report.dismiss"]') });
  await entry.locator('.audit-action', { hasText: text('ja', 'mod-audit-action-report-dismiss') }).waitFor();
  await switchTo('en');
  await reads(
    entry,
    [text('en', 'mod-audit-action-report-dismiss'), 'Aiko Admin'],
    [text('ja', 'mod-audit-action-report-dismiss')],
  );
  await shot(page, JOURNEY, '04-audit-en');
});
