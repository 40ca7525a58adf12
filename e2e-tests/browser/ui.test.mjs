// The web UI as a teacher and a student use it, in headless Chromium, through Traefik on the e2e port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const port = process.env.CAAS_E2E_HTTP_PORT ?? '18080';
const domain = process.env.CAAS_E2E_DOMAIN ?? 'caas.localhost';
const password = process.env.CAAS_E2E_PASSWORD ?? 'caas-demo';
const app = `http://app.${domain}:${port}/`;
const shots = new URL('../target/browser/', import.meta.url).pathname;
const TRANSITION = 180_000;
// A class of the test's own (the e2e script sweeps `ui*` classes), so the demo class stays untouched.
const classId = `ui${randomBytes(4).toString('hex')}`;
const students = ['student1', 'student2', 'student3'];

let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // The machine has no network but loopback: keep Chromium from calling out.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => browser?.close());

async function signIn(username) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(app);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#me-name').waitFor();
  return { context, page };
}

// The test class's row: other classes may be in the list too.
const row = (page) => page.locator('#teacher-classes tr', { hasText: classId });

// Calls the API from the page itself, authenticated by the session cookie like the UI.
async function api(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const response = await fetch(p, {
      method: m,
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'caas-ui' },
      body: b ? JSON.stringify(b) : undefined,
    });
    return response.status;
  }, [method, path, body]);
}

// Clicks Open or Close and waits for that operation (UP or DOWN) to end.
async function runTransition(page, button, kind) {
  await row(page).getByRole('button', { name: button }).click();
  await page.waitForFunction((k) => new RegExp(`^${k} (SUCCEEDED|FAILED)$`)
    .test(document.querySelector('#operation-state').textContent), kind, { timeout: TRANSITION });
  return page.locator('#operation-state').textContent();
}

test('teacher opens a class, reaches a student IDE from the status table, and closes the class', async () => {
  const { context, page } = await signIn('teacher1');
  let closed = false;
  try {
    assert.match(await page.locator('#me-roles').textContent(), /teacher/);
    const created = await api(page, 'POST', '/api/classes',
      { classId, name: `UI ${classId}`, subject: 'cs', templateId: 'codeserver', students });
    assert.equal(created, 201);
    await page.reload();
    await row(page).waitFor();
    assert.match(await runTransition(page, 'Open', 'UP'), /UP SUCCEEDED/);
    assert.equal(await page.locator('#operation-students li').count(), students.length);
    await row(page).getByRole('button', { name: 'Status' }).click();
    await page.waitForFunction(() => document.querySelector('#status-state')?.textContent === 'OPEN');
    const rows = page.locator('#status-students tr');
    assert.equal(await rows.count(), students.length);
    for (const row of await rows.all()) {
      assert.match(await row.textContent(), /READY/);
    }
    await page.screenshot({ path: `${shots}teacher-open.png`, fullPage: true });

    const [ide] = await Promise.all([context.waitForEvent('page'), rows.first().getByRole('link').click()]);
    await ide.waitForLoadState('domcontentloaded');
    assert.match(new URL(ide.url()).hostname, new RegExp(`^${classId}-student1-ide\\.${domain.replace('.', '\\.')}$`));
    await ide.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await ide.screenshot({ path: `${shots}ide-student1.png` });
    await ide.close();

    assert.match(await runTransition(page, 'Close', 'DOWN'), /DOWN SUCCEEDED/);
    closed = true;
    await page.waitForFunction(() => document.querySelector('#status-state')?.textContent === 'CLOSED');
    await page.screenshot({ path: `${shots}teacher-closed.png`, fullPage: true });
  } finally {
    if (!closed) {
      await api(page, 'POST', `/api/classes/${classId}/down`).catch(() => {});
    }
    await context.close();
  }
});

test('student sees only their classes and no class controls', async () => {
  const { context, page } = await signIn('student3');
  try {
    await page.locator('#student-classes li').first().waitFor();
    assert.match(await page.locator('#student-classes').textContent(), /cs101/);
    assert.equal(await page.locator('#teacher').isVisible(), false);
  } finally {
    await context.close();
  }
});

test('wrong password shows an error and stays signed out', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(app);
    await page.getByLabel('Username').fill('teacher1');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#message').waitFor();
    assert.equal(await page.locator('#whoami').isVisible(), false);
  } finally {
    await context.close();
  }
});
