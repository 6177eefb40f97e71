// The console of a simulator with SFSIM_ADMIN_TOKEN: the page asks for the token, refuses a wrong one with the admin
// API's error, and works once given the right one (ConsoleBrowserTest runs it). Env: BASE_URL, ADMIN_TOKEN, OUT_DIR, CHROMIUM.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { BASE_URL, ADMIN_TOKEN, OUT_DIR, CHROMIUM } = process.env;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(join(tmpdir(), 'sfsim-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 },
});
context.setDefaultTimeout(15000);
const page = context.pages()[0] || await context.newPage();
try {
  console.log('[console-login-e2e] the page asks for the admin token');
  await page.goto(`${BASE_URL}/`);
  await page.locator('#login[open]').waitFor();
  await page.fill('#login-token', 'wrong');
  await page.press('#login-token', 'Enter');
  await page.locator('#login-error', { hasText: 'INVALID_SESSION_ID' }).waitFor();
  await page.screenshot({ path: join(OUT_DIR, 'console-login.png') });
  console.log('[console-login-e2e] the right token opens the console, live');
  await page.fill('#login-token', ADMIN_TOKEN);
  await page.press('#login-token', 'Enter');
  await page.locator('#live.on').waitFor();
  await page.locator('h1', { hasText: 'Conversations' }).waitFor();
  if (await page.locator('#login[open]').count()) throw new Error('the token dialog is still open');
  console.log('[console-login-e2e] ok');
} catch (e) {
  console.error(`[console-login-e2e] FAILED: ${e.message}`);
  await page.screenshot({ path: join(OUT_DIR, 'console-login-failure.png') }).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
