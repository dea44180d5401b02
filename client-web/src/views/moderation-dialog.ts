// Modal dialogs for the moderation and profile views: a native <dialog> (focus stays inside, Escape closes, the
// page behind is inert), a form whose refusals show inside it in the person's language, and a few field builders
// that always pair a control with its label. Also how durations read in the current language. Every text of a
// dialog follows a language switch while it is open: Fluent ids (localize) or functions (liveText).

import { describeFailure } from '../act';
import { h, type Child } from '../dom';
import { currentLocale, liveText, localize, type Text } from '../i18n';

let nextId = 1;

/** A fresh element id, for label/control pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${nextId++}`;
}

export interface Dialog {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  /** Where the server's refusal shows. */
  error: HTMLElement;
  close(): void;
}

export interface DialogOptions {
  title: Text;
  /** The confirm button's text; without it the dialog only has a Close button. */
  submitLabel?: Text;
  /** The confirm button does something that cannot be taken back (delete, ban). */
  danger?: boolean;
  className?: string;
  /** Runs on submit; a rejection shows in the dialog and leaves it open, success closes it. */
  onSubmit?: (dialog: Dialog) => Promise<void>;
  /** Extra buttons in the footer, before Cancel. */
  footer?: Child[];
  /** The element to give focus back to when the dialog closes, when it is still in the page. */
  returnFocus?: () => HTMLElement | null | undefined;
}

/** Opens a modal dialog with a title, the given body, an error line and a footer. */
export function openDialog(options: DialogOptions, ...content: Child[]): Dialog {
  const titleId = uid('dialog-title');
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const body = h('div', { className: 'modal-body' }, content);
  const error = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  const cancel = localize(
    h('button', { type: 'button', className: options.submitLabel ? 'quiet' : '' }),
    options.submitLabel ? 'chat-cancel' : 'chat-close',
  );
  const submit = options.submitLabel
    ? liveText(h('button', { type: 'submit', className: options.danger ? 'primary danger' : 'primary' }), options.submitLabel)
    : null;
  const form = h(
    'form',
    { className: 'modal-form', method: 'dialog' },
    liveText(h('h2', { className: 'modal-title', id: titleId }), options.title),
    body,
    error,
    h('div', { className: 'modal-footer' }, options.footer ?? [], cancel, submit),
  );
  const dialog = h(
    'dialog',
    { className: `modal ${options.className ?? ''}`.trim(), attrs: { 'aria-labelledby': titleId } },
    form,
  );
  const parts: Dialog = {
    dialog,
    body,
    error,
    close: () => dialog.close(),
  };
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!options.onSubmit || !submit) {
      dialog.close();
      return;
    }
    error.textContent = '';
    submit.disabled = true;
    options.onSubmit(parts).then(
      () => dialog.close(),
      (failure: unknown) => {
        error.textContent = describeFailure(failure);
        submit.disabled = false;
      },
    );
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    const target = options.returnFocus?.() ?? opener;
    if (target?.isConnected) target.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  // The first field, else the confirm button: Escape and Cancel stay one key away.
  const first = body.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button');
  (first ?? submit ?? cancel).focus();
  return parts;
}

/** A label and its control, with an optional hint the control is described by. */
export function field(labelId: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hintId?: string): HTMLElement {
  control.id ||= uid('field');
  const hint = hintId ? localize(h('p', { className: 'hint', id: uid('hint') }), hintId) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  return h('div', { className: 'field' }, localize(h('label', { htmlFor: control.id }), labelId), control, hint);
}

/** A checkbox with its label on the same line, and an optional hint. */
export function checkbox(labelId: string, checked: boolean, hintId?: string): { row: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'checkbox', checked, id: uid('check') });
  const hint = hintId ? localize(h('p', { className: 'hint', id: uid('hint') }), hintId) : null;
  if (hint) input.setAttribute('aria-describedby', hint.id);
  const row = h(
    'div',
    { className: 'field' },
    h('label', { className: 'check', htmlFor: input.id }, input, ' ', localize(h('span'), labelId)),
    hint,
  );
  return { row, input };
}

/** A group of radio buttons with a legend; returns the fieldset and a reader of the chosen value. */
export function radios<V extends string>(
  legendId: string,
  choices: readonly { value: V; label: Text; hint?: Text }[],
  chosen: V,
): { fieldset: HTMLFieldSetElement; value: () => V; onChange: (listener: (value: V) => void) => void } {
  const name = uid('choice');
  const inputs = choices.map((choice) => {
    const input = h('input', { type: 'radio', name, value: choice.value, checked: choice.value === chosen, id: uid('radio') });
    return { input, choice };
  });
  const fieldset = h(
    'fieldset',
    { className: 'choices' },
    localize(h('legend'), legendId),
    inputs.map(({ input, choice }) =>
      h(
        'label',
        { className: 'check', htmlFor: input.id },
        input,
        ' ',
        liveText(h('span'), choice.label),
        choice.hint ? [' ', liveText(h('span', { className: 'hint' }), choice.hint)] : null,
      ),
    ),
  );
  return {
    fieldset,
    value: () => (inputs.find(({ input }) => input.checked)?.choice.value ?? chosen),
    onChange: (listener) => {
      for (const { input, choice } of inputs) input.addEventListener('change', () => input.checked && listener(choice.value));
    },
  };
}

/** A reason (or note) box: at most 1000 characters, as the server allows. */
export function reasonBox(labelId: string, hintId?: string, required = false): { row: HTMLElement; area: HTMLTextAreaElement } {
  const area = h('textarea', { rows: 3, maxLength: 1000, dir: 'auto', required });
  return { row: field(labelId, area, hintId), area };
}

const UNITS: readonly [Intl.NumberFormatOptions['unit'], number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "10 minutes", "1 day", "30 seconds" in the current language (the largest unit that divides it exactly). */
export function formatDuration(seconds: number): string {
  const [unit, size] = UNITS.find(([, size]) => seconds % size === 0) ?? ['second', 1];
  try {
    return new Intl.NumberFormat(currentLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(seconds / size);
  } catch {
    return `${seconds} s`;
  }
}

/** A select of durations; `extra` options (e.g. "until lifted") come first. */
export function durationSelect(
  seconds: readonly number[],
  chosen: number,
  extra: readonly { value: string; label: Text }[] = [],
): HTMLSelectElement {
  const values = seconds.includes(chosen) || chosen <= 0 ? [...seconds] : [...seconds, chosen].sort((a, b) => a - b);
  const select = h(
    'select',
    {},
    extra.map((option) => liveText(h('option', { value: option.value }), option.label)),
    values.map((s) => liveText(h('option', { value: String(s) }), () => formatDuration(s))),
  );
  select.value = String(chosen);
  return select;
}

/** A short quote of a message or report snapshot. */
export function quote(author: Child, body: string, lang: string): HTMLElement {
  return h(
    'blockquote',
    { className: 'quote' },
    h('p', { className: 'meta' }, author),
    h('p', { className: 'message-body', dir: 'auto', lang, textContent: body }),
  );
}
