// Requests: every ConvMessageSendRequest with its live counts, its recipients and the time to completion.
import { call } from './api.js';
import { h, time, errorLine, showError } from './dom.js';

let status = '';
const open = new Set();

export async function render(main) {
  const err = errorLine();
  const { requests } = await call('GET', `/messaging/requests${status ? `?status=${encodeURIComponent(status)}` : ''}`);
  const sum = k => requests.reduce((n, r) => n + (r[k] || 0), 0);
  const select = h('select', { id: 'status-filter', onchange: e => { status = e.target.value; render(main).catch(x => showError(err, x)); } },
    ['', 'Pending', 'InProgress', 'Completed'].map(s => h('option', { value: s }, s || 'All')));
  select.value = status;
  main.replaceChildren(h('section', {},
    h('h1', {}, 'Send requests'),
    h('div.row', {}, h('label', { for: 'status-filter' }, 'Status '), select),
    err,
    h('dl.counts', { 'aria-label': 'Message counts' },
      [['Success', 'successMessageCount'], ['Failed', 'failedMessageCount'], ['Pending', 'pendingMessageCount'], ['In progress', 'inProgressMessageCount']]
        .map(([label, k]) => h('div', { 'data-count': k }, h('dt', {}, label), h('dd', {}, String(sum(k)))))),
    requests.length ? h('div.scroll', {}, h('table', {},
      h('thead', {}, h('tr', {}, ['Request', 'Status', 'Component', 'Success', 'Failed', 'Pending', 'In progress', 'Created', 'Took'].map(t => h('th', { scope: 'col' }, t)))),
      requests.map(r => row(r)))) : h('p.empty', {}, 'No send requests.')));
}

function row(r) {
  const details = h('details', { open: open.has(r.id), ontoggle: e => e.target.open ? open.add(r.id) : open.delete(r.id) },
    h('summary', {}, r.name),
    h('ul.recipients', {}, r.recipients.map(m => h('li', {},
      `${m.messagingEndUserName || m.messagingEndUserId} · `, h('span.badge', { 'data-status': m.status }, m.status),
      m.failureReason ? ` ${m.failureReason}` : '',
      m.messagingSessionId ? h('a', { href: `#/conversations/${m.messagingSessionId}` }, ' thread') : ''))));
  return h('tbody', { 'data-request': r.id }, h('tr', {},
    h('td', {}, details),
    h('td', {}, h('span.badge', { 'data-status': r.requestStatus }, r.requestStatus)),
    h('td', {}, r.messageDefinition),
    ...['successMessageCount', 'failedMessageCount', 'pendingMessageCount', 'inProgressMessageCount'].map(k => h('td.num', { 'data-count': k }, String(r[k] ?? ''))),
    h('td', {}, time(r.createdDate)),
    h('td.num', {}, r.durationMs == null ? '' : `${r.durationMs} ms`)));
}
