// Logging in and creating an account.

import { login, register } from '../api';
import { describeFailure } from '../act';
import { byId, element } from '../dom';
import { currentLocale } from '../i18n';
import type { LoginRequest, RegisterRequest } from '../protocol';
import { signedIn } from '../session';
import { splitList } from './browse';
import { renderStatus } from './status';

export function showAuth(): void {
  byId('auth').hidden = false;
  byId('chat').hidden = true;
  byId('logout').hidden = true;
  element('reg-locale', HTMLSelectElement).value = currentLocale();
  renderStatus();
}

function selectTab(registering: boolean): void {
  const loginTab = byId('tab-login');
  const registerTab = byId('tab-register');
  loginTab.setAttribute('aria-selected', String(!registering));
  registerTab.setAttribute('aria-selected', String(registering));
  loginTab.tabIndex = registering ? -1 : 0;
  registerTab.tabIndex = registering ? 0 : -1;
  byId('login-form').hidden = registering;
  byId('register-form').hidden = !registering;
}

function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

function loginRequest(data: FormData): LoginRequest {
  return { username: field(data, 'username').trim(), password: field(data, 'password') };
}

function registerRequest(data: FormData): RegisterRequest {
  return {
    username: field(data, 'username').trim(),
    display_name: field(data, 'display_name').trim(),
    password: field(data, 'password'),
    locale: field(data, 'locale'),
    languages_spoken: splitList(field(data, 'languages_spoken')),
    languages_learning: [],
  };
}

async function submitAuth(form: HTMLFormElement, registering: boolean): Promise<void> {
  const error = form.querySelector('.form-error');
  if (error) error.textContent = '';
  const data = new FormData(form);
  const submit = form.querySelector<HTMLButtonElement>('[type="submit"]');
  if (submit) submit.disabled = true;
  try {
    const { user } = registering ? await register(registerRequest(data)) : await login(loginRequest(data));
    form.reset();
    await signedIn(user);
  } catch (e) {
    if (error) error.textContent = describeFailure(e);
  } finally {
    if (submit) submit.disabled = false;
  }
}

export function wireAuth(): void {
  selectTab(false);
  const tabs = [byId('tab-login'), byId('tab-register')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab.id === 'tab-register'));
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const registering = tab.id === 'tab-login';
      selectTab(registering);
      byId(registering ? 'tab-register' : 'tab-login').focus();
    });
  }
  for (const [id, registering] of [
    ['login-form', false],
    ['register-form', true],
  ] as const) {
    const form = element(id, HTMLFormElement);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submitAuth(form, registering);
    });
  }
}
