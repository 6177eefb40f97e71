// Drives jsforce 3 against sfsim exactly as an application would: only the login URL and credentials differ
// from a real org. Usage: node jsforce-journey.cjs <step>; settings come from SFSIM_* environment variables.
// Prints one JSON object on stdout; a failure prints {"error": ...} and exits 1.
'use strict';
const jsforce = require('jsforce');

const env = process.env;
const VERSION = '60.0';

function oauthConnection() {
  return new jsforce.Connection({
    loginUrl: env.SFSIM_LOGIN_URL,
    version: VERSION,
    oauth2: { loginUrl: env.SFSIM_LOGIN_URL, clientId: env.SFSIM_CLIENT_ID, clientSecret: env.SFSIM_CLIENT_SECRET },
  });
}

async function loggedIn() {
  const conn = oauthConnection();
  await conn.login(env.SFSIM_USERNAME, env.SFSIM_PASSWORD);
  return conn;
}

const steps = {
  // OAuth username-password login, identity(), then logout (which revokes the token).
  async 'login-oauth'() {
    const conn = await loggedIn();
    const identity = await conn.identity();
    const out = { instanceUrl: conn.instanceUrl, userId: conn.userInfo.id, orgId: conn.userInfo.organizationId,
      identityUsername: identity.username, identityUserId: identity.user_id };
    const token = conn.accessToken;
    await conn.logout();
    const probe = new jsforce.Connection({ instanceUrl: out.instanceUrl, accessToken: token, version: VERSION });
    try {
      await probe.query('SELECT Id FROM MessagingChannel');
      out.afterLogout = 'still valid';
    } catch (e) {
      out.afterLogout = e.errorCode || e.name;
    }
    return out;
  },

  // SOAP login (no OAuth client configured), identity(), SOAP logout.
  async 'login-soap'() {
    const conn = new jsforce.Connection({ loginUrl: env.SFSIM_LOGIN_URL, version: VERSION });
    await conn.login(env.SFSIM_USERNAME, env.SFSIM_PASSWORD);
    const identity = await conn.identity();
    const out = { instanceUrl: conn.instanceUrl, userId: conn.userInfo.id, orgId: conn.userInfo.organizationId,
      identityUsername: identity.username };
    await conn.logout();
    return out;
  },

  async 'login-wrong-password'() {
    const conn = oauthConnection();
    try {
      await conn.login(env.SFSIM_USERNAME, 'not-the-password');
      return { loggedIn: true };
    } catch (e) {
      return { name: e.name, message: e.message };
    }
  },

  async query() {
    const conn = await loggedIn();
    const result = await conn.query('SELECT Id, Name, MessagingConsentStatus FROM MessagingEndUser ORDER BY Name');
    return { totalSize: result.totalSize, done: result.done, names: result.records.map((r) => r.Name),
      type: result.records[0].attributes.type };
  },

  // The invocable action through the generic request API, as applications call it with jsforce.
  async action() {
    const conn = await loggedIn();
    const body = { inputs: [JSON.parse(env.SFSIM_ACTION_INPUT)] };
    const results = await conn.requestPost(`/services/data/v${VERSION}/actions/standard/sendConversationMessages`, body);
    return { result: results[0] };
  },

  // --- needs the issue-5 REST surface and issue-3 paging ---
  async paging() {
    const conn = await loggedIn();
    const records = [];
    const result = await conn.query('SELECT Id, Name FROM MessagingEndUser ORDER BY Name')
      .on('record', (r) => records.push(r.Name))
      .run({ autoFetch: true, maxFetch: 100000 });
    const first = await conn.query('SELECT Id, Name FROM MessagingEndUser ORDER BY Name');
    const more = first.done ? null : await conn.queryMore(first.nextRecordsUrl);
    return { fetched: records.length, firstBatch: first.records.length, firstDone: first.done,
      secondBatch: more ? more.records.length : 0, totalSize: first.totalSize, result: typeof result };
  },

  async describe() {
    const conn = await loggedIn();
    const global = await conn.describeGlobal();
    const entry = await conn.sobject('ConversationEntry').describe();
    return { globalNames: global.sobjects.map((s) => s.name), name: entry.name, keyPrefix: entry.keyPrefix,
      fields: entry.fields.map((f) => f.name) };
  },

  async crud() {
    const conn = await loggedIn();
    const entries = conn.sobject('ConversationEntry');
    const created = await entries.create(JSON.parse(env.SFSIM_ENTRY));
    // MessageStatusCode is the one field of a ConversationEntry a real org lets an update change
    await entries.update({ Id: created.id, MessageStatusCode: 'edited by jsforce' });
    const read = await entries.retrieve(created.id);
    await entries.destroy(created.id);
    let afterDelete;
    try {
      await entries.retrieve(created.id);
      afterDelete = 'found';
    } catch (e) {
      afterDelete = e.errorCode || e.name;
    }
    return { created, statusCode: read.MessageStatusCode, afterDelete };
  },
};

(async () => {
  const step = steps[process.argv[2]];
  if (!step) throw new Error(`unknown step ${process.argv[2]}; steps: ${Object.keys(steps).join(', ')}`);
  process.stdout.write(JSON.stringify(await step()));
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack || e), errorCode: e && e.errorCode }));
  process.exit(1);
});
