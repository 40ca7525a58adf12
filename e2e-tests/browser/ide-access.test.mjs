// Only the right people reach an IDE: student1 signs in on the app host, opens their IDE from the UI
// (the workbench renders after the per-host sign-in), then opens student2's IDE URL and gets our refusal page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { domain, launch, port, shots, signIn as signInAs } from './lib/stack.mjs';

// The security suite's prefix: the e2e script sweeps `sec*` classes.
const classId = `sec${randomBytes(4).toString('hex')}`;
const ideUrl = (student) => `http://${classId}-${student}-ide.${domain}:${port}/`;

let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
});

after(async () => browser?.close());

const signIn = (username) => signInAs(browser, username);

// The API from the signed-in page, authenticated by its session cookie like the UI.
async function api(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const response = await fetch(p, {
      method: m,
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'caas-ui' },
      body: b ? JSON.stringify(b) : undefined,
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, [method, path, body]);
}

async function waitForState(page, wanted) {
  for (let i = 0; i < 180; i++) {
    const { body } = await api(page, 'GET', `/api/classes/${classId}/status`);
    if (body?.state === wanted && (body.students ?? []).every((s) => wanted !== 'OPEN' || s.state === 'READY')) return;
    await page.waitForTimeout(1000);
  }
  assert.fail(`class ${classId} never became ${wanted}`);
}

test('student1 opens their own IDE from the UI and is refused student2\'s', async () => {
  const teacher = await signIn('teacher1');
  let opened = false;
  try {
    const created = await api(teacher.page, 'POST', '/api/classes',
      { classId, name: `Access ${classId}`, subject: 'cs', templateId: 'codeserver', students: ['student1', 'student2'] });
    assert.equal(created.status, 201);
    assert.equal((await api(teacher.page, 'POST', `/api/classes/${classId}/up`)).status, 202);
    opened = true;
    await waitForState(teacher.page, 'OPEN');

    const student = await signIn('student1');
    try {
      const link = student.page.locator('#student-classes li', { hasText: classId }).getByRole('link', { name: 'Open my IDE' });
      const [ide] = await Promise.all([student.context.waitForEvent('page'), link.click()]);
      await ide.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      assert.equal(new URL(ide.url()).hostname, `${classId}-student1-ide.${domain}`);
      const cookies = await student.context.cookies();
      const ideCookie = cookies.find((c) => c.name === 'caas_ide');
      assert.ok(ideCookie, 'an IDE cookie was set');
      assert.equal(ideCookie.domain, `${classId}-student1-ide.${domain}`, 'the IDE cookie is host-only');
      assert.equal(ideCookie.httpOnly, true);
      const session = cookies.find((c) => c.name === 'caas_session');
      assert.equal(session.domain, `app.${domain}`, 'the session cookie is host-only on the app host');
      await ide.screenshot({ path: `${shots}ide-own.png` });

      const refused = await ide.goto(ideUrl('student2'));
      assert.equal(refused.status(), 403);
      await ide.locator('#caas-refusal').waitFor();
      assert.match(await ide.locator('h1').textContent(), /not yours/);
      assert.equal(await ide.locator('.monaco-workbench').count(), 0);
      await ide.screenshot({ path: `${shots}ide-refused.png` });
    } finally {
      await student.context.close();
    }
  } finally {
    if (opened) {
      await api(teacher.page, 'POST', `/api/classes/${classId}/down`).catch(() => {});
      await waitForState(teacher.page, 'CLOSED').catch(() => {});
    }
    await teacher.context.close();
  }
});
