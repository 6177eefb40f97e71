// Conversations: channels, their end users (consent, platform key) and sessions; a session as a chat thread with
// reply (incl. STOP/START), receipts and agent actions.
import { call } from './api.js';
import { h, time, errorLine, showError } from './dom.js';

let selectedUser = null;

export async function render(main, sessionId, full, refresh) {
  const [{ channels }, session] = await Promise.all([
    call('GET', '/messaging/conversations'),
    sessionId ? call('GET', `/messaging/sessions/${encodeURIComponent(sessionId)}`) : Promise.resolve(null),
  ]);
  if (session) selectedUser = session.messagingEndUserId;
  const users = channels.flatMap(c => c.endUsers);
  if (!users.some(u => u.id === selectedUser)) selectedUser = users[0]?.id ?? null;
  main.replaceChildren(h('div.split',
    {},
    h('section.list', { 'aria-label': 'Channels' }, h('h1', {}, 'Conversations'),
      channels.length ? channels.map(c => channel(c, sessionId, refresh)) : h('p.empty', {}, 'No messaging channels yet: load fixtures.')),
    h('section.thread', { 'aria-label': 'Thread' }, session ? thread(session, refresh) : h('p.empty', {}, 'Pick a session.'),
      selectedUser ? reply(users.find(u => u.id === selectedUser), refresh) : null)));
}

function channel(c, sessionId, refresh) {
  return h('div.channel', {},
    h('h2', {}, c.masterLabel, ' ', h('small', {}, `${c.messageType} · ${c.messagingPlatformKey}`)),
    h('ul.users', {}, c.endUsers.map(u => h('li.user', { 'data-user': u.id },
      h('button.link', { type: 'button', 'aria-pressed': String(u.id === selectedUser), onclick: () => { selectedUser = u.id; refresh(); } },
        u.name),
      h('span.meta', {}, ` ${u.messagingPlatformKey} · `, h('span.consent', { 'data-consent': u.messagingConsentStatus || '' }, u.messagingConsentStatus || 'no consent status')),
      h('ul.sessions', {}, u.sessions.map(s => h('li', {},
        h('a', { href: `#/conversations/${s.id}`, 'aria-current': s.id === sessionId ? 'page' : null },
          `${s.name} `, h('span.badge', { 'data-status': s.status }, s.status || 'New'), ` ${time(s.startTime)}`))))))));
}

function thread(s, refresh) {
  const err = errorLine();
  const act = (action) => async () => {
    try {
      await call('POST', `/messaging/sessions/${s.id}/${action}`, {});
      showError(err, null);
      refresh();
    } catch (e) { showError(err, e); }
  };
  return h('div', {},
    h('h2', {}, `${s.name} · ${s.messagingEndUserName || ''} `, h('span.badge', { 'data-status': s.status, id: 'session-status' }, s.status || 'New')),
    h('p.meta', {}, `${s.origin || ''} · started ${time(s.startTime)}${s.endTime ? ` · ended ${time(s.endTime)}` : ''}`),
    h('div.actions', { role: 'group', 'aria-label': 'Agent actions' },
      ['accept', 'end', 'error', 'transfer'].map(a => h('button', { type: 'button', onclick: act(a) }, a[0].toUpperCase() + a.slice(1)))),
    err,
    h('ol.bubbles', { 'aria-label': 'Messages' }, s.messages.map(m => bubble(m, refresh))));
}

function bubble(m, refresh) {
  const err = errorLine();
  const receipt = (kind) => async () => {
    try {
      await call('POST', `/messaging/${m.messageIdentifier}/${kind}`);
      refresh();
    } catch (e) { showError(err, e); }
  };
  const out = m.direction === 'Outbound';
  return h(`li.bubble.${out ? 'out' : 'in'}`, { 'data-message': m.messageIdentifier },
    h('div.text', {}, m.text ?? ''),
    h('div.meta', {}, `${m.actorName || m.actorType} · ${time(m.at)} `,
      out ? h('span.badge', { 'data-status': m.status }, m.status + (m.statusCode ? ` ${m.statusCode}` : '')) : null),
    out && (m.status === 'Sent' || m.status === 'Delivered') ? h('div.actions', {},
      m.status === 'Sent' ? h('button.small', { type: 'button', onclick: receipt('delivered') }, 'Mark delivered') : null,
      h('button.small', { type: 'button', onclick: receipt('read') }, 'Mark read')) : null,
    err);
}

function reply(user, refresh) {
  const err = errorLine();
  const input = h('input', { id: 'reply-text', name: 'text', autocomplete: 'off', placeholder: 'Message, or STOP / START' });
  const send = async (text) => {
    const from = location.hash;
    try {
      const r = await call('POST', '/messaging/inbound', { messagingEndUserId: user.id, text });
      const field = document.getElementById('reply-text'); // the page may have been re-rendered meanwhile
      if (field) field.value = '';
      input.value = '';
      showError(err, null);
      if (location.hash !== from) return;   // the user went to another page meanwhile: stay there
      if (!from.endsWith(r.messagingSessionId)) location.hash = `#/conversations/${r.messagingSessionId}`;
      else refresh();
    } catch (e) { showError(err, e); }
  };
  return h('form.reply', { onsubmit: (e) => { e.preventDefault(); send(input.value); } },
    h('label', { for: 'reply-text' }, `Reply as ${user.name}`),
    h('div.row', {}, input, h('button', { type: 'submit' }, 'Send'),
      h('button', { type: 'button', onclick: () => send('STOP') }, 'STOP'),
      h('button', { type: 'button', onclick: () => send('START') }, 'START')),
    err);
}
