// The admin API as the page uses it: the token (when the simulator has one) goes in the Authorization header the
// API already checks, from sessionStorage (this tab only). No cookie: a cookie would let other sites' pages post
// to /__admin in the user's name.
const TOKEN = 'sfsim.adminToken';
let org = null;

export class ApiError extends Error {
  constructor(status, errorCode, message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }
}

export function setOrg(id) { org = id || null; }
export function currentOrg() { return org; }
export function setToken(t) { t ? sessionStorage.setItem(TOKEN, t) : sessionStorage.removeItem(TOKEN); }

function headers(extra = {}) {
  const t = sessionStorage.getItem(TOKEN);
  return t ? { ...extra, Authorization: `Bearer ${t}` } : extra;
}

/** The admin base of the selected org: /__admin for the default org, /__admin/orgs/{id} for another. */
export function base() { return org ? `/__admin/orgs/${encodeURIComponent(org)}` : '/__admin'; }

/** Calls the admin API; resolves with the JSON answer (null for 204), rejects with an ApiError. */
export async function call(method, path, body, root = false) {
  const res = await fetch((root ? '/__admin' : base()) + path, {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) {
    const e = Array.isArray(json) && json[0] ? json[0] : { errorCode: String(res.status), message: text || res.statusText };
    throw new ApiError(res.status, e.errorCode, e.message);
  }
  return json;
}

/**
 * Reads the org's event stream (GET /__admin/events) with fetch, so the token goes in a header (EventSource cannot
 * send one); calls onEvent(type, data) per event and onState(true|false); reconnects after a second.
 */
export function listen(onEvent, onState) {
  let stopped = false;
  let ctrl = null;
  const run = async () => {
    while (!stopped) {
      ctrl = new AbortController();
      try {
        const res = await fetch(base() + '/events', { headers: headers({ Accept: 'text/event-stream' }), signal: ctrl.signal });
        if (!res.ok) throw new ApiError(res.status, String(res.status), 'event stream refused');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let type = 'message';
            const data = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(': connected')) onState(true); // subscribed: every later event arrives
              else if (line.startsWith('event:')) type = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length) onEvent(type, JSON.parse(data.join('\n')));
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      onState(false);
      await new Promise(r => setTimeout(r, 1000));
    }
  };
  run();
  return () => { stopped = true; if (ctrl) ctrl.abort(); };
}
