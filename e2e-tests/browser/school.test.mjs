// The school in the browser, as issue 17 tells it: an admin imports users from CSV (a bad row is
// flagged and nothing is written until it is fixed) and creates a subject; the new teacher creates a
// class with a CSV roster, opens it and watches all five students reach ready, opens a student's IDE,
// closes the class and browses, previews and downloads the collected files; a new student changes
// the initial password, shares and unshares a port, joins an open class, and sees only their own IDE
// and submissions. Every main screen is saved at 1280 and 390 px and checked with axe-core. Ids are new on every run (`ui…`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { domain, launch, password as demoPassword, port } from './lib/stack.mjs';
import { api, newPage, signInAs, TRANSITION, writeWorkspaceFile } from './lib/app.mjs';
import { checkScreen } from './lib/screens.mjs';

const run = randomBytes(3).toString('hex');
const installation = process.env.CAAS_E2E_INSTALLATION ?? 'e2e';
const teacher = `ui${run}t`;
const students = [1, 2, 3, 4, 5].map((n) => `ui${run}s${n}`);
const newcomer = students[4];
const subjectId = `ui${run}`;
const classId = `ui${run}`;
const openClassId = `ui${run}open`;
const initial = `initial-${run}-pw`;
const chosen = `chosen-${run}-pw`;
const ideHost = (student) => `${classId}-${student}-ide.${domain}`;

let browser;
let opened = false;

before(async () => {
  browser = await launch();
});

after(async () => {
  if (opened) {
    // Leave nothing running if a step failed half-way (the e2e script also sweeps `ui*` classes).
    const { context, page } = await signInAs(browser, 'admin', demoPassword).catch(() => ({}));
    if (page) {
      await api(page, 'POST', `/api/classes/${classId}/down`).catch(() => {});
      await context.close();
    }
  }
  await browser?.close();
});

const csvOf = (rows) => ['username,displayName,roles,password', ...rows].join('\n') + '\n';
const userRows = (bad) => [
  `${teacher},Teacher ${run},teacher,`,
  ...students.map((s, i) => `${i === 2 && bad ? s.toUpperCase() + '!' : s},Student ${i + 1},student,`),
];

test('admin imports a CSV of five students and a teacher (a bad row blocks it until fixed) and creates a subject', async () => {
  const { context, page } = await signInAs(browser, 'admin', demoPassword);
  try {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('CSV content').fill(csvOf(userRows(true)));
    await page.getByLabel('Initial password for rows without one').fill(initial);
    await page.getByRole('button', { name: 'Check file' }).click();
    const bad = page.locator('tr.row-bad');
    await bad.first().waitFor();
    assert.equal(await bad.count(), 1, 'exactly the bad row is flagged');
    assert.equal(await bad.getAttribute('data-line'), '5');
    assert.equal(await page.getByRole('button', { name: /^Import/ }).isDisabled(), true);
    await checkScreen(page, 'admin-import-preview');
    for (const user of [teacher, ...students]) {
      assert.equal((await api(page, 'GET', `/api/users/${user}`)).status, 404, `${user} not written by the check`);
    }

    await page.getByLabel('CSV content').fill(csvOf(userRows(false)));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('All 6 rows are valid').waitFor();
    await page.getByRole('button', { name: 'Import 6 users' }).click();
    await page.getByText('6 users imported.').waitFor();
    await page.locator(`tr[data-user="${newcomer}"]`).waitFor();
    for (const user of [teacher, ...students]) {
      const { status, body } = await api(page, 'GET', `/api/users/${user}`);
      assert.equal(status, 200);
      assert.equal(body.mustChangePassword, true);
    }
    await checkScreen(page, 'admin-users');

    await page.getByRole('link', { name: 'Subjects' }).click();
    await page.getByLabel('Subject id').fill(subjectId);
    await page.getByLabel('Subject name').fill(`UI subject ${run}`);
    await page.getByRole('button', { name: 'Create subject' }).click();
    await page.locator(`tr[data-subject="${subjectId}"]`).waitFor();
    await checkScreen(page, 'admin-subjects');

    for (const [link, name] of [['Templates', 'admin-templates'], ['Sessions', 'admin-sessions'], ['Overview', 'admin-overview']]) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await checkScreen(page, name);
    }
  } finally {
    await context.close();
  }
});

test('the teacher creates a class with a CSV roster, opens it, watches five rows reach ready and opens an IDE', async () => {
  const { context, page } = await signInAs(browser, teacher, initial, chosen);
  try {
    await page.getByRole('heading', { name: 'My classes' }).waitFor();
    await checkScreen(page, 'teacher-classes');
    await page.getByRole('link', { name: 'New class' }).click();
    await page.getByLabel('Class id').fill(classId);
    await page.getByLabel('Name').fill(`UI class ${run}`);
    await page.getByLabel('Subject').selectOption(subjectId);
    await page.getByLabel('Capacity').fill('10');
    await checkScreen(page, 'teacher-new-class');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByText('Class created').waitFor();

    const roster = `studentId\n${students.join('\n')}\n`;
    await page.getByLabel(/CSV file/).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) });
    await page.getByRole('button', { name: 'Check roster' }).click();
    await page.getByText(/problem|valid/).first().waitFor();
    await page.getByRole('button', { name: 'Save roster' }).click();
    await page.getByText('Roster saved: ').waitFor();
    await page.locator('#status-students tr[data-student]').nth(4).waitFor();

    // A self-enrolment class in another subject, for the newcomer to join later.
    const created = await api(page, 'POST', '/api/classes', { classId: openClassId, name: `UI open ${run}`, subject: 'cs', templateId: 'codeserver', students: [], capacity: 3, selfEnrol: true });
    assert.equal(created.status, 201);

    await page.getByRole('button', { name: 'Open class' }).click();
    opened = true;
    await page.locator('#operation-students tr[data-student]').nth(4).waitFor();
    await checkScreen(page, 'teacher-opening');
    await page.locator('#operation-state[data-state="SUCCEEDED"]').waitFor({ timeout: TRANSITION });
    const steps = await page.locator('#operation-students tr[data-student]').evaluateAll((rows) => rows.map((r) => r.dataset.step));
    assert.deepEqual(steps, ['READY', 'READY', 'READY', 'READY', 'READY']);
    assert.equal(await page.locator('#operation-progress').getAttribute('value'), '100');
    await page.locator('#status-students tr[data-state="READY"]').nth(4).waitFor({ timeout: 60_000 });
    await checkScreen(page, 'teacher-class-open');

    const first = page.locator(`#status-students tr[data-student="${students[0]}"]`);
    const [ide] = await Promise.all([context.waitForEvent('page'), first.getByRole('link', { name: /Open/ }).click()]);
    await ide.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    assert.equal(new URL(ide.url()).hostname, ideHost(students[0]));
    // Classroom defaults: no AI agent panel, no vendor welcome page (both show when a template allows them).
    await ide.waitForTimeout(5_000);
    const visible = await ide.locator('body').innerText();
    for (const unwanted of ['Build with Agent', 'Get Started', 'Walkthrough']) {
      assert.ok(!visible.includes(unwanted), `the IDE shows "${unwanted}"`);
    }
    await ide.close();
  } finally {
    await context.close();
  }
});

test('a new student changes the initial password, sees only their own IDE, and joins an open class', async () => {
  const { context, page } = await signInAs(browser, newcomer, initial, chosen);
  try {
    const card = page.locator(`#student-classes li[data-class="${classId}"]`);
    const link = card.getByRole('link', { name: 'Open my IDE' });
    await link.waitFor({ timeout: 60_000 });
    assert.equal(new URL(await link.getAttribute('href')).hostname, ideHost(newcomer));
    assert.equal(await page.locator('a[href*="-ide."]').count(), 1, 'one IDE link: their own');
    assert.equal(await page.getByRole('button', { name: /Open class|Close class/ }).count(), 0);
    await checkScreen(page, 'student-classes');
    const [ide] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await ide.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await ide.close();

    // Port previews: shared from the class card, the link is this student's own preview host.
    const ports = card.getByTestId('shared-ports');
    await ports.locator('summary').click();
    await ports.getByLabel('Port').fill('3000');
    await ports.getByRole('button', { name: 'Share' }).click();
    const preview = ports.getByRole('link', { name: 'Port 3000' });
    await preview.waitFor();
    assert.equal(new URL(await preview.getAttribute('href')).hostname, `${classId}-${newcomer}-p3000.${domain}`);
    await checkScreen(page, 'student-shared-ports');
    await ports.getByRole('button', { name: 'Stop sharing 3000' }).click();
    await preview.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Join a class' }).click();
    const offer = page.locator(`#enrol-classes li[data-class="${openClassId}"]`);
    await offer.getByRole('button', { name: /^Join/ }).click();
    await page.getByText(`You joined UI open ${run}.`).waitFor();
    await offer.getByRole('button', { name: /^Leave/ }).waitFor();
    await checkScreen(page, 'student-enrol');
    await page.getByRole('link', { name: 'My classes' }).click();
    const closed = page.locator(`#student-classes li[data-class="${openClassId}"]`);
    await closed.waitFor();
    assert.match(await closed.textContent(), /The class is closed/);
    assert.equal(await closed.getByRole('link', { name: 'Open my IDE' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('the teacher closes the class, browses a student\'s files, previews one and downloads the zips', async () => {
  writeWorkspaceFile(installation, classId, students[0], 'hello.py', `print("hello from ${students[0]}")\n`);
  writeWorkspaceFile(installation, classId, newcomer, 'mine.txt', `only ${newcomer}\n`);
  const { context, page } = await signInAs(browser, teacher, chosen);
  try {
    await page.locator(`#teacher-classes tr[data-class="${classId}"]`).getByRole('link').click();
    await page.getByRole('button', { name: 'Close class' }).click();
    await page.locator('#operation-state[data-kind="DOWN"][data-state="SUCCEEDED"]').waitFor({ timeout: TRANSITION });
    opened = false;
    await page.locator('#status-state[data-state="CLOSED"]').waitFor({ timeout: 30_000 });
    await checkScreen(page, 'teacher-class-closed');

    await page.getByRole('link', { name: 'Submissions' }).click();
    await page.getByRole('button', { name: students[0], exact: true }).click();
    await page.getByRole('button', { name: 'hello.py' }).click();
    await page.locator('#file-preview').waitFor();
    assert.equal(await page.locator('#file-preview').textContent(), `print("hello from ${students[0]}")\n`);
    await checkScreen(page, 'teacher-submissions');

    for (const name of [`Download ${students[0]}'s files (zip)`, 'Download the whole class (zip)']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      const bytes = readFileSync(await download.path());
      assert.ok(bytes.length > 22, `${name}: a zip with content`);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${name}: a zip`);
      assert.ok(bytes.includes(Buffer.from('hello.py')), `${name}: holds hello.py`);
    }
  } finally {
    await context.close();
  }
});

test('the student sees only their own submissions', async () => {
  const { context, page } = await signInAs(browser, newcomer, chosen);
  try {
    await page.getByRole('link', { name: 'My submissions', exact: true }).click();
    await page.getByLabel('Class').selectOption(classId);
    await page.getByRole('button', { name: 'mine.txt' }).click();
    assert.equal(await page.locator('#file-preview').textContent(), `only ${newcomer}\n`);
    const listed = await page.locator('#submission-students button').allTextContents();
    assert.deepEqual(listed, [newcomer]);
    assert.equal(await page.getByRole('link', { name: /whole class/ }).count(), 0);
    await checkScreen(page, 'student-submissions');
    const other = await api(page, 'GET', `/api/classes/${classId}/submissions`);
    assert.deepEqual(other.body.sessions.flatMap((s) => s.students.map((x) => x.studentId)), [newcomer]);
  } finally {
    await context.close();
  }
});

test('sign-in screen: a wrong password is said in words, and the screen passes axe at both widths', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`http://app.${domain}:${port}/classes`);
    await page.getByRole('heading', { name: 'Sign in to CaaS' }).waitFor();
    await checkScreen(page, 'signin');
    await page.getByLabel('Username').fill(teacher);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
    assert.equal(await page.locator('#me-name').count(), 0);
  } finally {
    await context.close();
  }
});
