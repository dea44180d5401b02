// Localization with Fluent. The texts come only from the server: GET /l10n lists the shipped locales and their
// files, GET /l10n/{lang}/{file} serves each file (locales/ in the repository). Elements carry their Fluent id in
// data-l10n-id (and their arguments as JSON in data-l10n-args); translateDocument() fills them in, so switching
// language re-renders everything without a reload. A missing text shows its id.

import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { negotiateLanguages } from '@fluent/langneg';
import { mapBundleSync } from '@fluent/sequence';

/** The answer of GET /l10n. */
interface L10nIndex {
  default: string;
  locales: { locale: string; files: string[] }[];
}

export type L10nArgs = Record<string, FluentVariable>;

/** The source language: every id exists in it, so it ends every fallback chain. */
const SOURCE_LOCALE = 'en';
/** The files to try when GET /l10n cannot be read. */
const SOURCE_FILES = ['ui.ftl', 'events.ftl', 'errors.ftl', 'consult.ftl', 'moderation.ftl'];

const l10n = {
  /** Shipped locales and their files; the source locale alone until GET /l10n answers. */
  shipped: new Map<string, string[]>([[SOURCE_LOCALE, SOURCE_FILES]]),
  locale: SOURCE_LOCALE,
  /** The chosen locale's bundle, then its fallbacks. */
  bundles: [] as FluentBundle[],
  /** One load per locale, kept: switching back and forth fetches nothing again. */
  loads: new Map<string, Promise<FluentBundle>>(),
  /** Intl formatters of the current locale, by kind. */
  formatters: new Map<string, unknown>(),
};

/** Reads the list of shipped locales (GET /l10n). Without it, only the source locale is offered. */
export async function loadLocaleIndex(): Promise<void> {
  try {
    const response = await fetch('/l10n', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = (await response.json()) as L10nIndex;
    if (index.locales.length) l10n.shipped = new Map(index.locales.map((l) => [l.locale, l.files]));
  } catch (error) {
    console.warn('l10n: cannot read the list of locales', error);
  }
}

export function shippedLocales(): string[] {
  return [...l10n.shipped.keys()];
}

export function isShipped(tag: string): boolean {
  return l10n.shipped.has(tag);
}

export function currentLocale(): string {
  return l10n.locale;
}

/** The best shipped locale for the browser's preferences. */
export function negotiateLocale(preferences: readonly string[]): string {
  const [best] = negotiateLanguages(preferences, shippedLocales(), {
    strategy: 'lookup',
    defaultLocale: SOURCE_LOCALE,
  });
  return best ?? SOURCE_LOCALE;
}

/**
 * Makes `tag` the language of every text. Its fallback chain is negotiated against the browser's languages, so a
 * missing Ukrainian text can show in Russian before English for someone whose browser asks for both.
 */
export async function useLocale(tag: string): Promise<void> {
  const chain = negotiateLanguages([tag, ...navigator.languages], shippedLocales(), {
    strategy: 'filtering',
    defaultLocale: SOURCE_LOCALE,
  });
  if (chain[0] !== tag) chain.unshift(tag);
  l10n.bundles = await Promise.all(chain.map(loadBundle));
  l10n.locale = tag;
  l10n.formatters.clear();
}

function loadBundle(tag: string): Promise<FluentBundle> {
  let load = l10n.loads.get(tag);
  if (!load) {
    load = buildBundle(tag);
    l10n.loads.set(tag, load);
  }
  return load;
}

async function buildBundle(tag: string): Promise<FluentBundle> {
  const files = l10n.shipped.get(tag) ?? [];
  const sources = await Promise.all(files.map((file) => fetchFtl(tag, file)));
  // Isolation marks keep a right-to-left name from reordering the sentence around it; user content also gets
  // dir="auto" where it is shown on its own.
  const bundle = new FluentBundle(tag);
  for (const source of sources) {
    for (const error of bundle.addResource(new FluentResource(source))) console.warn(`l10n ${tag}:`, error.message);
  }
  return bundle;
}

async function fetchFtl(tag: string, file: string): Promise<string> {
  try {
    const response = await fetch(`/l10n/${encodeURIComponent(tag)}/${encodeURIComponent(file)}`);
    return response.ok ? await response.text() : '';
  } catch {
    return ''; // the ids show instead, or the fallback's texts
  }
}

/** The text of a Fluent id in the current language, with arguments. A missing id shows as itself. */
export function t(id: string, args?: L10nArgs): string {
  const bundle = mapBundleSync(l10n.bundles, id);
  const pattern = bundle?.getMessage(id)?.value;
  if (!bundle || !pattern) return id;
  const errors: Error[] = [];
  const text = bundle.formatPattern(pattern, args ?? null, errors);
  for (const error of errors) console.debug(`l10n ${id}:`, error.message);
  return text;
}

/** Gives an element its Fluent id (and arguments) and its text now; translateDocument() keeps it up to date. */
export function localize<E extends HTMLElement>(node: E, id: string, args?: L10nArgs): E {
  liveRenders.delete(node);
  node.dataset.l10nId = id;
  if (args) node.dataset.l10nArgs = JSON.stringify(args);
  else delete node.dataset.l10nArgs;
  node.textContent = t(id, args);
  return node;
}

/** A text that follows the language: a fixed string (user content), or a function rendering it in the current one. */
export type Text = string | (() => string);

/** Nodes whose text (or an attribute) is rendered by a function: rendered again when the language changes. */
const liveRenders = new WeakMap<Node, (node: Node) => void>();
const liveNodes = new Set<WeakRef<Node>>();

function keepLive<N extends Node>(node: N, apply: (node: N) => void): N {
  apply(node);
  if (!liveRenders.has(node)) liveNodes.add(new WeakRef(node));
  liveRenders.set(node, apply as (node: Node) => void);
  return node;
}

/**
 * Sets a node's text. A function is called again after every language switch (for texts whose arguments are
 * formatted, or that are not a single Fluent id); a string is fixed, and ends any function set before.
 */
export function liveText<N extends Node>(node: N, text: Text): N {
  if (typeof text !== 'string') return keepLive(node, (n) => (n.textContent = text()));
  liveRenders.delete(node);
  node.textContent = text;
  return node;
}

/** Sets an attribute (aria-label, title) rendered by `render`, again after every language switch. */
export function liveAttr<E extends Element>(node: E, name: string, render: () => string): E {
  return keepLive(node, (n) => n.setAttribute(name, render()));
}

const localeListeners = new Set<() => void>();

/** Calls `render` after every language switch (after data-l10n-id texts were translated); returns how to stop. */
export function onLocaleChange(render: () => void): () => void {
  localeListeners.add(render);
  return () => localeListeners.delete(render);
}

/** After useLocale(): every text again, in the new language, without a reload. */
export function relocalize(): void {
  translateDocument();
  for (const ref of liveNodes) {
    const node = ref.deref();
    const apply = node && liveRenders.get(node);
    if (node && apply) apply(node);
    else liveNodes.delete(ref);
  }
  for (const render of localeListeners) {
    try {
      render();
    } catch (error) {
      // One broken view does not keep the others in the old language; the error still surfaces.
      window.setTimeout(() => {
        throw error;
      });
    }
  }
}

/** Gives an element a text that is not translated (the server's, user content, or none): its Fluent id goes. */
export function clearText<E extends HTMLElement>(node: E, text = ''): E {
  delete node.dataset.l10nId;
  delete node.dataset.l10nArgs;
  return liveText(node, text);
}

/** Translates every element that carries a Fluent id, and the document's title and language. */
export function translateDocument(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-l10n-id]')) {
    const id = node.dataset.l10nId;
    if (id) node.textContent = t(id, argsOf(node));
  }
  for (const node of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-l10n-placeholder]')) {
    const id = node.dataset.l10nPlaceholder;
    if (id) node.placeholder = t(id);
  }
  document.documentElement.lang = l10n.locale;
  document.title = t('app-title');
}

function argsOf(node: HTMLElement): L10nArgs | undefined {
  const json = node.dataset.l10nArgs;
  if (!json) return undefined;
  try {
    return JSON.parse(json) as L10nArgs;
  } catch {
    console.warn('l10n: bad data-l10n-args', json);
    return undefined;
  }
}

/** An Intl formatter for the current locale, made once per locale (falling back to English if Intl refuses it). */
function formatter<F>(kind: string, make: (locale: string) => F): F {
  const cached = l10n.formatters.get(kind) as F | undefined;
  if (cached) return cached;
  let made: F;
  try {
    made = make(l10n.locale);
  } catch {
    made = make(SOURCE_LOCALE);
  }
  l10n.formatters.set(kind, made);
  return made;
}

/** "A, B and C" in the current language. */
export function listOf(items: string[]): string {
  return formatter('list', (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items);
}

/** A message's time: the time of day for today, else date and time. */
export function formatTime(ms: number): string {
  const date = new Date(ms);
  if (new Date().toDateString() === date.toDateString()) {
    return formatter('time', (l) => new Intl.DateTimeFormat(l, { hour: 'numeric', minute: '2-digit' })).format(date);
  }
  return formatDateTime(ms);
}

/** A date and time, e.g. the end of a timeout. */
export function formatDateTime(ms: number): string {
  return formatter(
    'datetime',
    (l) => new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
  ).format(new Date(ms));
}

/** The full date and time, for a tooltip. */
export function formatFullDateTime(ms: number): string {
  return formatter('full', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'full', timeStyle: 'short' })).format(
    new Date(ms),
  );
}

/** A language's name in that language ("日本語", "Tiếng Việt"), for the language menu. */
export function autonym(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}
