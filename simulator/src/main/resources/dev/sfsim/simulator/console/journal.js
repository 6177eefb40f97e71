// The request journal: method, path, status, time; the body on click (Authorization is masked by the simulator).
import { call } from './api.js';
import { h, time } from './dom.js';

export async function render(main) {
  const { requests, total } = await call('GET', '/requests');
  main.replaceChildren(h('section', {},
    h('h1', {}, `Request journal (${total})`),
    requests.length ? h('div.scroll', {}, h('table.journal', {},
      h('thead', {}, h('tr', {}, ['Received', 'Method', 'Path', 'Status', 'ms'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, requests.slice().reverse().map(r => h('tr', {},
        h('td', {}, time(r.receivedAt)),
        h('td', {}, r.method),
        h('td.path', {}, h('details', {}, h('summary', {}, r.path),
          h('pre', {}, JSON.stringify({ query: r.query, headers: r.headers }, null, 2)),
          h('pre', {}, r.body || '(no body)'))),
        h('td.num', {}, String(r.status)),
        h('td.num', {}, String(r.durationMs))))))) : h('p.empty', {}, 'No API calls yet.')));
}
