// Drives the web console in Debian's headless Chromium with playwright-core (ConsoleBrowserTest runs it).
// Env: BASE_URL, ACCESS_TOKEN (REST API), ALICE_ID, OUT_DIR (screenshots), CHROMIUM (executable).
// Exits 0 when every step saw what it expected; otherwise prints the failed step and exits 1.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { BASE_URL, ACCESS_TOKEN, ALICE_ID, OUT_DIR, CHROMIUM } = process.env;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 15000;

function step(name) { console.log(`[console-e2e] ${name}`); }

async function send() {
  const res = await fetch(`${BASE_URL}/services/data/v60.0/actions/standard/sendConversationMessages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{
      messageDefinitionName: 'Order_Shipped', requestType: 'SendNotificationMessages', messagingEndUserIds: [ALICE_ID],
      messagingDefinitionInputParameters: [{ name: 'customerName', textValue: 'Alice' }, { name: 'orderNumber', textValue: '1234' }],
    }] }),
  });
  const body = await res.json();
  if (res.status !== 200 || !body[0].isSuccess) throw new Error(`send failed: ${res.status} ${JSON.stringify(body)}`);
  return body[0].outputValues.requestId;
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`), fullPage: true });
  step(`screenshot ${name}.png`);
}

const profile = mkdtempSync(join(tmpdir(), 'sfsim-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  // the fresh profile directory is Chromium's --user-data-dir (Playwright passes it)
  executablePath: CHROMIUM, headless: true, args: ARGS,
  viewport: { width: 1280, height: 800 },
});
context.setDefaultTimeout(TIMEOUT);
const page = context.pages()[0] || await context.newPage();
const problems = [];
page.on('pageerror', e => problems.push(`page error: ${e.message}`));
// The forms' refused calls (4xx from the admin API) are expected; a missing file or any 5xx is not.
page.on('console', m => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`); });
page.on('response', r => {
  const path = new URL(r.url()).pathname;
  if (r.status() >= 500 || (r.status() >= 400 && (path.startsWith('/__admin/ui') || !path.startsWith('/__admin/')))) {
    problems.push(`${r.status()} for ${r.url()}`);
  }
});
try {
  step('open / (redirects to the console), wait for the live event stream');
  await page.goto(`${BASE_URL}/`);
  if (!page.url().endsWith('/__admin/ui/')) throw new Error(`not redirected: ${page.url()}`);
  await page.locator('#live.on').waitFor();
  await page.evaluate(() => { window.__noReload = true; });

  step('requests page: send through the REST action and watch the request complete without a reload');
  await page.click('nav a[data-page=requests]');
  await page.locator('h1', { hasText: 'Send requests' }).waitFor();
  const requestId = await send();
  const row = page.locator(`tbody[data-request="${requestId}"]`);
  await row.locator('.badge', { hasText: 'Completed' }).waitFor();
  await row.locator('td[data-count=successMessageCount]', { hasText: '1' }).waitFor();
  await page.locator('.counts [data-count=successMessageCount] dd', { hasText: '1' }).waitFor();
  await row.locator('summary').click();
  await row.locator('.recipients li', { hasText: 'Alice' }).waitFor();
  await shot(page, 'console-requests');

  step('conversations: the thread shows the notification, and Delivered arrives live');
  await row.locator('.recipients a').click();
  const out = page.locator('.bubble.out').first();
  await out.locator('.text', { hasText: 'Hi Alice, your order 1234 has shipped.' }).waitFor();
  await out.locator('.badge', { hasText: 'Delivered' }).waitFor();

  step('reply as the end user with the keyboard only');
  await page.locator('nav a[data-page=conversations]').focus();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'reply-text');
  }
  if (!reached) throw new Error('the reply field cannot be reached with Tab');
  await page.keyboard.type('Where is my order?');
  await page.keyboard.press('Enter');
  await page.locator('.bubble.in .text', { hasText: 'Where is my order?' }).waitFor();
  await page.locator('#session-status', { hasText: 'Active' }).waitFor();
  if (!(await page.evaluate(() => window.__noReload))) throw new Error('the page reloaded: updates must arrive live');
  await shot(page, 'console-conversations');

  step('STOP opts the end user out');
  await page.locator('form.reply button', { hasText: 'STOP' }).click();
  await page.locator('li.user[data-user] .consent', { hasText: 'OptedOut' }).waitFor();
  const sessionUrl = page.url();

  step('world: bad input shows the admin API error on the page');
  await page.click('nav a[data-page=world]');
  await page.fill('#clock-advance', 'forever');
  await page.press('#clock-advance', 'Enter');
  await page.locator('section.card p.error', { hasText: 'INVALID_INPUT' }).waitFor();
  await page.fill('#fault-times', '-1');
  await page.click('form.fields button[type=submit]');
  await page.locator('section.card p.error', { hasText: 'times must be a positive integer' }).waitFor();
  await page.fill('#fault-times', '');
  await page.fill('#fault-key', 'whatsapp:+1555*');
  await page.fill('#fault-reason', 'Recipient phone number is not a WhatsApp account');
  await page.click('form.fields button[type=submit]');
  await page.locator('ul.faults li', { hasText: 'whatsapp:+1555*' }).waitFor();

  step('freeze and advance the clock 48 hours: the session ends');
  await page.click('#clock-freeze');
  await page.locator('#clock-freeze', { hasText: 'Unfreeze' }).waitFor();
  await page.fill('#clock-advance', 'PT48H');
  await page.press('#clock-advance', 'Enter');
  await shot(page, 'console-world');
  await page.goto(sessionUrl);
  await page.locator('#session-status', { hasText: 'Ended' }).waitFor();

  step('journal: the REST call with its body, Authorization masked');
  await page.click('nav a[data-page=journal]');
  const call = page.locator('table.journal tr', { hasText: 'sendConversationMessages' }).first();
  await call.locator('summary').click();
  await call.locator('pre', { hasText: '"Authorization": "Bearer ****"' }).waitFor();
  await call.locator('pre', { hasText: 'Order_Shipped' }).waitFor();
  await shot(page, 'console-journal');

  step('phone-sized viewport');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(sessionUrl);
  await page.locator('#session-status', { hasText: 'Ended' }).waitFor();
  await shot(page, 'console-phone-conversations');
  await page.click('nav a[data-page=requests]');
  await page.locator(`tbody[data-request="${requestId}"]`).waitFor();
  await shot(page, 'console-phone-requests');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the requests page scrolls sideways on a phone by ${overflow}px`);

  if (problems.length) throw new Error(problems.join('\n'));
  step('ok');
} catch (e) {
  console.error(`[console-e2e] FAILED: ${e.message}`);
  await page.screenshot({ path: join(OUT_DIR, 'console-failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
