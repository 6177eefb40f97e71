// The simulated world: the clock, fault rules, reset, orgs. Every form shows the admin API's error when refused.
import { call, setOrg } from './api.js';
import { h, time, errorLine, showError } from './dom.js';
import { refresh, reloadOrgs } from './app.js';

async function run(err, fn) {
  try {
    await fn();
    showError(err, null);
    refresh();
  } catch (e) { showError(err, e); }
}

export async function render(main) {
  const [clock, { faults }, { orgs }] = await Promise.all([call('GET', '/clock'), call('GET', '/faults'), call('GET', '/orgs', undefined, true)]);
  main.replaceChildren(h('div.grid', {}, clockCard(clock), faultCard(faults), orgCard(orgs)));
}

function clockCard(c) {
  const err = errorLine('world.clock');
  const advance = h('input', { id: 'clock-advance', name: 'advance', value: 'PT48H', autocomplete: 'off' });
  const set = h('input', { id: 'clock-set', name: 'set', placeholder: '2026-01-15T10:30:00Z', autocomplete: 'off' });
  const post = body => run(err, () => call('POST', '/clock', body));
  return h('section.card', { 'aria-labelledby': 'clock-h' },
    h('h2', { id: 'clock-h' }, 'Clock'),
    h('p', {}, h('strong', { id: 'clock-now' }, time(c.now)), c.frozen ? ' frozen' : ' running'),
    h('div.row', {}, h('button', { type: 'button', id: 'clock-freeze', onclick: () => post({ freeze: !c.frozen }) }, c.frozen ? 'Unfreeze' : 'Freeze')),
    h('form.row', { onsubmit: e => { e.preventDefault(); post({ advance: advance.value }); } },
      h('label', { for: 'clock-advance' }, 'Advance by'), advance, h('button', { type: 'submit' }, 'Advance')),
    h('form.row', { onsubmit: e => { e.preventDefault(); post({ set: set.value }); } },
      h('label', { for: 'clock-set' }, 'Set to'), set, h('button', { type: 'submit' }, 'Set')),
    err);
}

function faultCard(faults) {
  const err = errorLine('world.faults');
  const field = (id, label, attrs = {}) => [h('label', { for: id }, label), h('input', { id, name: id, autocomplete: 'off', ...attrs })];
  const effect = h('select', { id: 'fault-effect', name: 'effect' }, ['fail', 'transient', 'undeliverable', 'delay'].map(e => h('option', {}, e)));
  const form = h('form.fields', {
    onsubmit: e => {
      e.preventDefault();
      const v = id => form.querySelector(`#${id}`).value.trim() || undefined;
      const match = {};
      if (v('fault-user')) match.messagingEndUserId = v('fault-user');
      if (v('fault-key')) match.messagingPlatformKey = v('fault-key');
      const times = v('fault-times');
      run(err, () => call('POST', '/faults', {
        match, effect: effect.value, reason: v('fault-reason'), statusCode: v('fault-code'),
        times: times === undefined ? undefined : (/^-?\d+$/.test(times) ? Number(times) : times), delay: v('fault-delay'),
      }));
    },
  },
    h('label', { for: 'fault-effect' }, 'Effect'), effect,
    ...field('fault-user', 'End user id'), ...field('fault-key', 'Platform key (* wildcard)'),
    ...field('fault-reason', 'Reason'), ...field('fault-code', 'Status code'),
    ...field('fault-times', 'Times'), ...field('fault-delay', 'Delay (ISO-8601)'),
    h('button', { type: 'submit' }, 'Add rule'));
  return h('section.card', { 'aria-labelledby': 'faults-h' },
    h('h2', { id: 'faults-h' }, 'Fault rules'),
    faults.length ? h('ul.faults', {}, faults.map(f => h('li', { 'data-fault': f.id },
      `${f.effect} ${JSON.stringify(f.match)} ${f.reason || f.statusCode || f.delay || ''} · fired ${f.fired} `,
      h('button.small', { type: 'button', onclick: () => run(err, () => call('DELETE', `/faults/${f.id}`)) }, 'Remove')))) : h('p.empty', {}, 'No fault rules.'),
    form, err);
}

function orgCard(orgs) {
  const err = errorLine('world.orgs');
  return h('section.card', { 'aria-labelledby': 'orgs-h' },
    h('h2', { id: 'orgs-h' }, 'Org'),
    h('div.row', {},
      h('button', { type: 'button', id: 'reset', onclick: () => { if (confirm('Reset this org to its startup fixtures?')) run(err, () => call('POST', '/reset')); } }, 'Reset org'),
      h('button', { type: 'button', onclick: () => run(err, async () => { const o = await call('POST', '/orgs', {}, true); setOrg(o.orgId); await reloadOrgs(); }) }, 'New org')),
    h('ul', {}, orgs.map((o, i) => h('li', {}, `${o.orgId} · ${o.username}`, i === 0 ? ' (default)' : ''))),
    err);
}
