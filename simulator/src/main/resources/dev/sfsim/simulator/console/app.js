// The console shell: hash routes (#/conversations[/sessionId], #/requests, #/journal, #/world), the org switch,
// the token dialog, and live refresh: every event of the org's stream re-renders the page shown (debounced).
import { call, listen, setOrg, setToken, currentOrg, ApiError } from './api.js';
import { h, forgetErrors } from './dom.js';
import * as conversations from './conversations.js';
import * as requests from './requests.js';
import * as journal from './journal.js';
import * as world from './world.js';

const PAGES = { conversations, requests, journal, world };
const main = document.getElementById('main');
let stopListening = null;
let timer = null;
let rendering = Promise.resolve();

function route() {
  const [page, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { page: PAGES[page] ? page : 'conversations', arg: rest.join('/') || null };
}

async function render(full) {
  const r = route();
  document.querySelectorAll('nav a').forEach(a => a.toggleAttribute('aria-current', a.dataset.page === r.page));
  try {
    if (full) forgetErrors();
    // The page is built off-screen and swapped in at once: what the user typed while its data loaded is taken at the
    // swap, not before the load (else a live refresh would put back a form's old value, and Enter would submit that).
    const next = document.createElement('div');
    await PAGES[r.page].render(next, r.arg, full, refresh);
    const now = route();
    if (now.page !== r.page || now.arg !== r.arg) return;   // the user moved on meanwhile: that page renders itself
    const kept = full ? null : keepInputs();
    main.replaceChildren(...next.childNodes);
    if (kept) kept();
    await showClock();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return askToken();
    main.replaceChildren(h('p.error', { role: 'alert' }, e.errorCode ? `${e.errorCode}: ${e.message}` : String(e)));
  }
}

/** What the user typed and where the focus was, put back after a live re-render (it rebuilds the forms). */
function keepInputs() {
  const values = [...main.querySelectorAll('input[id], select[id]')].map(e => [e.id, e.value]);
  const focused = document.activeElement && main.contains(document.activeElement) ? document.activeElement.id : null;
  return () => {
    for (const [id, value] of values) {
      const e = document.getElementById(id);
      if (e) e.value = value;
    }
    if (focused) document.getElementById(focused)?.focus();
  };
}

/** Re-renders the current page (events and actions call this). */
export function refresh() {
  clearTimeout(timer);
  timer = setTimeout(() => { rendering = rendering.then(() => render(false)); }, 80);
}

async function showClock() {
  const c = await call('GET', '/clock');
  document.getElementById('clock').textContent = `${c.now.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}${c.frozen ? ' (frozen)' : ''}`;
}

async function loadOrgs() {
  const select = document.getElementById('org');
  const { orgs } = await call('GET', '/orgs', undefined, true);
  select.replaceChildren(...orgs.map((o, i) => h('option', { value: i === 0 ? '' : o.orgId }, `${o.orgId}${i === 0 ? ' (default)' : ''}`)));
  select.value = currentOrg() || '';
}

function connect() {
  if (stopListening) stopListening();
  const live = document.getElementById('live');
  stopListening = listen((type, data) => {
    live.textContent = `live · ${type}`;
    refresh();
  }, up => {
    live.textContent = up ? 'live' : 'offline';
    live.classList.toggle('on', up);
    if (up) refresh(); // catch up on what happened while (re)connecting
  });
}

function askToken() {
  const dialog = document.getElementById('login');
  if (!dialog.open) dialog.showModal();
  document.getElementById('login-token').focus();
}

document.getElementById('login-form').addEventListener('submit', async () => {
  setToken(document.getElementById('login-token').value);
  try {
    await start();
    document.getElementById('login-error').textContent = '';
  } catch (e) {
    document.getElementById('login-error').textContent = e.errorCode ? `${e.errorCode}: ${e.message}` : String(e);
    askToken();
  }
});

document.getElementById('org').addEventListener('change', e => {
  setOrg(e.target.value);
  connect();
  render(true);
});

window.addEventListener('hashchange', () => { render(true); main.focus(); });

export async function reloadOrgs() {
  await loadOrgs();
}

async function start() {
  await loadOrgs();
  connect();
  await render(true);
}

start().catch(e => {
  if (e instanceof ApiError && e.status === 401) askToken();
  else main.replaceChildren(h('p.error', { role: 'alert' }, String(e.message || e)));
});
