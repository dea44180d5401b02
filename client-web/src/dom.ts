// Small DOM helpers. User content is only ever written as text (textContent, value), never as HTML.

type Constructor<T extends Element> = { new (): T; prototype: T };

/** The element with this id, checked to be of the expected kind: a missing element is a bug in index.html. */
export function element<T extends HTMLElement>(id: string, kind: Constructor<T>): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`#${id} is missing or is not a ${kind.name}`);
  return node;
}

/** The element with this id, of any kind. */
export function byId(id: string): HTMLElement {
  return element(id, HTMLElement);
}

export type Child = Node | string | null | undefined | false | readonly Child[];

type Props<K extends keyof HTMLElementTagNameMap> = Partial<
  Omit<HTMLElementTagNameMap[K], 'dataset' | 'style' | 'children'>
> & {
  /** Entries of `dataset` (data-* attributes). */
  data?: Record<string, string>;
  /** Attributes without a property of their own (aria-*, role). */
  attrs?: Record<string, string>;
};

/** Creates an element with properties, dataset entries, attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props<K> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props) as [string, unknown][]) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'data') Object.assign(node.dataset, value);
    else if (key === 'attrs') {
      for (const [name, v] of Object.entries(value as Record<string, string>)) node.setAttribute(name, v);
    } else (node as unknown as Record<string, unknown>)[key] = value;
  }
  append(node, children);
  return node;
}

function append(node: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string' || child instanceof Node) node.append(child);
    else append(node, child);
  }
}

/** The closest element (from an event target) that matches a selector, or null. */
export function closest(target: EventTarget | null, selector: string): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(selector) : null;
}
