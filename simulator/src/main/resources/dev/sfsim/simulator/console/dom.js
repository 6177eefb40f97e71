// Tiny DOM helpers: h('tag.class', {attrs}, ...children). Text is always set as text, never parsed as HTML.
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

/** The errors the forms of the page shown display, by form: a live re-render rebuilds the forms, not the refusals. */
const shown = new Map();

/** Forgets the errors shown (a new page is opened). */
export function forgetErrors() {
  shown.clear();
}

/**
 * A form's error line: shows the admin API's errorCode and message. With a key, the line a live re-render builds
 * again shows the same error until that form's next action.
 */
export function errorLine(key) {
  const line = h('p.error', { role: 'alert' });
  if (key) {
    line.dataset.key = key;
    line.textContent = shown.get(key) || '';
  }
  return line;
}

export function showError(line, err) {
  line.textContent = err ? (err.errorCode ? `${err.errorCode}: ${err.message}` : String(err.message || err)) : '';
  if (line.dataset.key) shown.set(line.dataset.key, line.textContent);
}
