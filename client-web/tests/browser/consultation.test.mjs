// @ts-check
// A consultation end to end in real browsers. Sita, a volunteer who speaks Nepali and uses the app in Japanese,
// sets up her helper console (topic, languages) and makes herself available. Binod, an engineer from Nepal whose
// browser (and so the app) is in Nepali, asks for help: he sees that someone who speaks Nepali is available, opens
// the request in Nepali and sees his place in the queue with the estimated wait. Sita sees it in her queue, takes
// it, they write to each other, she writes an internal note (Binod never sees it), inserts a canned reply and
// resolves the consultation; Binod rates it. Every text asserted is rendered from the locale files the client uses.
// The visa topic is switched to manual routing, so that the request waits in the queue until Sita takes it.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import {
  journeySteps,
  launchBrowser,
  localeTexts,
  login,
  loginApi,
  manualTopic,
  message,
  openPerson,
  register,
  say,
  shot,
  startServer,
} from './support.mjs';

const JOURNEY = 'consultation';
const FIRST_MESSAGE = 'नमस्ते, मेरो निवास कार्डको म्याद अर्को महिना सकिँदैछ र मेरो कम्पनीको नाम परिवर्तन भयो। के गर्नुपर्छ?';
const SITA_SAYS = 'नमस्ते बिनोद जी, म सीता हुँ। तपाईंको निवास कार्डमा अहिले कुन स्थिति छ?';
const BINOD_SAYS = 'कामको भिसा हो, अझै एक महिना बाँकी छ।';
const NOTE = 'Company name change only: no new visa needed. Check the notification deadline (14 days).';
const CANNED_NE = 'कृपया आफ्नो निवास कार्ड, राहदानी र कम्पनीको नयाँ दर्ता प्रमाणपत्र लिएर अध्यागमन कार्यालय जानुहोस्।';
const CANNED_EN = 'Please bring your residence card, passport and the company’s new registration certificate to the immigration office.';
const SUMMARY = 'कम्पनीको नाम परिवर्तनको सूचना १४ दिनभित्र दिनुपर्छ; नयाँ भिसा चाहिँदैन।';
const COMMENT = 'धेरै धन्यवाद!';

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./support.mjs').Person} */
let sita;
/** @type {import('./support.mjs').Person} */
let binod;
/** The seeded visa topic. @type {{ id: number, names: Record<string, string> }} */
let visa;
/** Each language's texts, as the client renders them. @type {Record<string, (id: string, args?: Record<string, string | number>) => string>} */
const texts = {};

/** @param {string} lang @param {string} id @param {Record<string, string | number>} [args] */
const text = (lang, id, args) => (texts[lang] ?? assert.fail(`${lang} is loaded`))(id, args);



before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('admin', 'admin', { displayName: 'Admin' });
  await server.createUser('sita', 'volunteer', { displayName: 'Sita Gurung' });
  // Accounts made on the command line start in English with no languages: Sita's profile says Japanese, and that
  // she speaks Nepali and Japanese (what she would set in her profile).
  await (await loginApi(server, 'sita')).call('PATCH', '/me', { locale: 'ja', languages_spoken: ['ne', 'ja'] });
  const admin = await loginApi(server, 'admin');
  visa = await manualTopic(admin, 'visa');
  await admin.call('POST', '/canned', {
    topic: visa.id,
    title: 'Change of company name',
    variants: { en: CANNED_EN, ne: CANNED_NE },
  });
  sita = await openPerson(browser, server, { locale: 'ja-JP' });
  binod = await openPerson(browser, server, { locale: 'ne' });
  [texts.ja, texts.ne] = await Promise.all([
    localeTexts(server, 'ja', { page: sita.page }),
    localeTexts(server, 'ne', { page: binod.page }),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ sita, binod }));

step('the volunteer chooses her topic and languages in the helper console (in Japanese) and becomes available', async () => {
  const { page } = sita;
  await login(sita, 'sita');
  await page.locator('#consult-nav button', { hasText: text('ja', 'consult-helper-console') }).click();
  await page.locator('#console-title', { hasText: text('ja', 'consult-helper-console') }).waitFor();
  // No profile yet: the settings are open, and the queue says what to do.
  await page.locator('#console-queues', { hasText: text('ja', 'consult-no-topics') }).waitFor();
  await page.getByLabel(visa.names.ja ?? '', { exact: true }).check();
  // Her languages start as the ones she speaks.
  assert.equal(await page.getByLabel(text('ja', 'consult-settings-languages')).inputValue(), 'ne, ja');
  await page.locator('#helper-settings button[type="submit"]', { hasText: text('ja', 'chat-save') }).click();
  await page.locator('#helper-saved', { hasText: text('ja', 'consult-saved') }).waitFor();
  await page.locator('#console-queues', { hasText: text('ja', 'consult-queue-empty') }).waitFor();

  await page.getByRole('radio', { name: text('ja', 'helper-availability-available') }).check();
  await page.locator('#helper-load', { hasText: text('ja', 'consult-load', { load: 0, capacity: 3 }) }).waitFor();
  await shot(page, JOURNEY, '01-console-ja');
});

step('the engineer (Nepali UI) sees that someone who speaks Nepali is available before sending', async () => {
  const { page } = binod;
  await register(binod, 'binod', 'Binod Thapa', { spoken: 'ne, en' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'ne');
  await page.locator('#consult-nav button', { hasText: text('ne', 'consult-ask') }).click();
  await page.locator('#ask-title', { hasText: text('ne', 'consult-ask') }).waitFor();
  await page.getByRole('radio', { name: visa.names.ne ?? '' }).check();
  // His languages are chosen, preferred first: Nepali, then English.
  assert.deepEqual(
    await page.locator('#ask-languages input:checked').evaluateAll((inputs) => inputs.map((i) => /** @type {HTMLInputElement} */ (i).value)),
    ['ne', 'en'],
  );
  const available = text('ne', 'notice-available-now', { topic: visa.names.ne ?? '', language: 'ne' });
  await page.locator('#ask-availability[data-state="available"]', { hasText: available }).waitFor();
  await page.locator('#ask-submit', { hasText: text('ne', 'consult-send') }).waitFor();
  await page.getByLabel(text('ne', 'consult-first-message')).fill(FIRST_MESSAGE);
  await shot(page, JOURNEY, '02-ask-ne');
});

step('after sending, the engineer sees his place in the queue and the estimated wait, in Nepali', async () => {
  const { page } = binod;
  await page.locator('#ask-submit').click();
  await message(page, FIRST_MESSAGE).waitFor();
  assert.match(page.url(), /#\/c\/\d+$/, 'the request opens as a conversation');
  await page.locator('#consult-bar .consult-state', { hasText: text('ne', 'consultation-state-waiting') }).waitFor();
  // Position 1; one available helper with room for 3; 15 minutes per consultation until there is history: half of
  // one round, 450 seconds, shown as 8 minutes.
  const position = text('ne', 'notice-queue-position', { position: 1, topic: visa.names.ne ?? '', minutes: 8 });
  await page.locator('#consult-bar .consult-position', { hasText: position }).waitFor();
  await page.locator('#consult-nav .consult-item', { hasText: visa.names.ne ?? '' }).waitFor();
  await shot(page, JOURNEY, '03-waiting-ne');
});

step('the volunteer sees the request in her queue, live, and takes it', async () => {
  const { page } = sita;
  const item = page.locator('#console-queues .queue-item').filter({ hasText: FIRST_MESSAGE });
  await item.waitFor();
  await item.locator('.queue-item-meta', { hasText: 'ネパール語' }).waitFor();
  await page.locator('#consult-nav .consult-nav-console .badge', { hasText: '1' }).waitFor();
  await shot(page, JOURNEY, '04-queue-ja');
  await item.getByRole('button', { name: text('ja', 'consult-claim') }).click();
  await message(page, FIRST_MESSAGE).waitFor();
  await page.locator('#consult-bar .consult-state', { hasText: text('ja', 'consultation-state-active') }).waitFor();
  await page.locator('#consult-bar', { hasText: text('ja', 'consult-requester', { name: 'Binod Thapa' }) }).waitFor();
  // The queue is empty again, and the consultation is hers.
  await page.locator('#consult-nav .consult-nav-console .badge').waitFor({ state: 'detached' });
  await page.locator('#consult-nav .consult-item', { hasText: 'Binod Thapa' }).waitFor();

  const b = binod.page;
  await b.locator('#consult-bar .consult-state', { hasText: text('ne', 'consultation-state-active') }).waitFor();
  await b.locator('#consult-bar', { hasText: text('ne', 'consult-helpers', { names: 'Sita Gurung' }) }).waitFor();
  await b.locator('#messages li.system', { hasText: text('ne', 'event-consultation-claimed', { helper: 'Sita Gurung' }) }).waitFor();
  await b.locator('#consult-bar .consult-position').waitFor({ state: 'hidden' });
});

step('they write to each other in the consultation', async () => {
  await say(sita.page, SITA_SAYS);
  await message(binod.page, SITA_SAYS).locator('.author', { hasText: 'Sita Gurung' }).waitFor();
  await say(binod.page, BINOD_SAYS);
  await message(sita.page, BINOD_SAYS).locator('.author', { hasText: 'Binod Thapa' }).waitFor();
});

step('the volunteer writes an internal note; the engineer never sees it', async () => {
  const { page } = sita;
  const side = page.locator('#consult-side');
  await side.locator('#consult-side-title', { hasText: text('ja', 'consult-side-title') }).waitFor();
  await side.locator('.hint', { hasText: text('ja', 'consult-notes-hint') }).waitFor();
  await side.getByRole('textbox', { name: text('ja', 'consult-note-label') }).fill(NOTE);
  await side.getByRole('button', { name: text('ja', 'consult-note-add') }).click();
  await side.locator('#notes-list .note:not(.pending)', { hasText: NOTE }).locator('.author', { hasText: 'Sita Gurung' }).waitFor();
  await side.locator('#notes-list .note.pending').waitFor({ state: 'detached' });
  await shot(page, JOURNEY, '05-note-ja');

  // A message she sends after the note reaches Binod; the note, written before it, never does.
  await say(page, 'एकछिन पर्खनुहोस्, म कागजातहरू जाँच्छु।');
  await message(binod.page, 'एकछिन पर्खनुहोस्, म कागजातहरू जाँच्छु।').waitFor();
  assert.equal(await binod.page.getByText(NOTE).count(), 0, 'the engineer sees no internal note');
  assert.equal(await binod.page.locator('#consult-side').isVisible(), false, 'the engineer has no notes panel');
  const conversations = await (await binod.page.request.get(new URL('/api/v1/conversations', server.url).href)).json();
  assert.ok(
    conversations.every((/** @type {{ kind: string }} */ c) => c.kind !== 'consultation_notes'),
    'the engineer is not a member of the notes conversation',
  );
});

step('the volunteer inserts a canned reply into the composer and sends it', async () => {
  const { page } = sita;
  const reply = page.locator('#canned-list .canned-item').filter({ hasText: 'Change of company name' });
  // The reply's text in the consultation's language, Nepali.
  await reply.locator('.canned-text', { hasText: CANNED_NE }).waitFor();
  await reply.getByRole('button', { name: text('ja', 'consult-canned-insert') }).click();
  assert.equal(await page.locator('#composer-input').inputValue(), CANNED_NE);
  await page.locator('#composer-input').press('Enter');
  await message(binod.page, CANNED_NE).locator('.author', { hasText: 'Sita Gurung' }).waitFor();
  await message(page, CANNED_NE).and(page.locator(':not(.pending)')).waitFor();
});

step('the volunteer resolves the consultation with a summary', async () => {
  const { page } = sita;
  await page.locator('#consult-bar').getByRole('button', { name: text('ja', 'consult-resolve') }).click();
  await page.getByLabel(text('ja', 'consult-summary')).fill(SUMMARY);
  await page.locator('#consult-bar form button[type="submit"]', { hasText: text('ja', 'consult-resolve') }).click();
  await page.locator('#consult-bar .consult-state', { hasText: text('ja', 'consultation-state-resolved') }).waitFor();
  await page.locator('#messages li.system', { hasText: text('ja', 'event-consultation-resolved', { actor: 'Sita Gurung' }) }).waitFor();
  await page.locator('#composer').waitFor({ state: 'hidden' });

  const b = binod.page;
  await b.locator('#consult-bar .consult-state', { hasText: text('ne', 'consultation-state-resolved') }).waitFor();
  await b.locator('#consult-bar .consult-summary', { hasText: SUMMARY }).waitFor();
  await b.locator('#composer').waitFor({ state: 'hidden' });
  await b.locator('#consult-bar legend', { hasText: text('ne', 'consult-rate') }).waitFor();
  await shot(b, JOURNEY, '06-resolved-ne');
});

step('the engineer rates the help; the volunteer sees the rating', async () => {
  const { page } = binod;
  await page.getByRole('radio', { name: text('ne', 'consult-stars', { rating: 5 }) }).check();
  await page.getByLabel(text('ne', 'consult-rating-comment')).fill(COMMENT);
  await page.locator('#consult-bar button[type="submit"]', { hasText: text('ne', 'consult-rate-send') }).click();
  await page.locator('#consult-bar .consult-rated', { hasText: text('ne', 'consult-rated', { rating: 5 }) }).waitFor();
  await shot(page, JOURNEY, '07-rated-ne');

  const s = sita.page;
  await s.locator('#messages li.system', { hasText: text('ja', 'event-consultation-rated', { actor: 'Binod Thapa', rating: 5 }) }).waitFor();
  await s.locator('#consult-bar', { hasText: text('ja', 'consult-rated-by', { rating: 5 }) }).waitFor();
  await s.locator('#consult-bar', { hasText: COMMENT }).waitFor();
  await shot(s, JOURNEY, '08-rated-ja');
});

step('on a phone-sized screen the engineer sees the consultation, and the helper opens her notes from the bar', async () => {
  await binod.page.setViewportSize({ width: 390, height: 800 });
  await binod.page.locator('#consult-bar .consult-rated').waitFor();
  await message(binod.page, CANNED_NE).waitFor();
  await shot(binod.page, JOURNEY, '09-phone-ne');

  const { page } = sita;
  await page.setViewportSize({ width: 390, height: 800 });
  await page.locator('#consult-side').waitFor({ state: 'hidden' });
  await page.locator('#consult-bar').getByRole('button', { name: text('ja', 'consult-side-title') }).click();
  await page.locator('#consult-side #notes-list .note', { hasText: NOTE }).waitFor();
  await shot(page, JOURNEY, '10-phone-notes-ja');
  await page.keyboard.press('Escape');
  await page.locator('#consult-side').waitFor({ state: 'hidden' });
});
