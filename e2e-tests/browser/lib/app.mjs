// Helpers for driving the web app: sign in (with the forced password change), the API from the
// signed-in page, and the engine's view of a runtime (to put a file in a workspace).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { app } from './stack.mjs';

export const TRANSITION = 300_000;

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** Signs in through the form; `changeTo` answers the forced first-sign-in password change. */
export async function signInAs(browser, username, password, changeTo) {
  const { context, page } = await newPage(browser);
  await page.goto(app);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (changeTo) {
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill(changeTo);
    await page.getByLabel('Repeat new password').fill(changeTo);
    await page.getByRole('button', { name: 'Change password' }).click();
  }
  await page.locator('#me-name').waitFor();
  return { context, page };
}

/** The API from the signed-in page, authenticated by its session cookie like the UI. */
export async function api(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const response = await fetch(p, {
      method: m,
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'caas-ui' },
      body: b ? JSON.stringify(b) : undefined,
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, [method, path, body]);
}

/** Writes a file into a student's workspace in their running runtime (as the student user). */
export function writeWorkspaceFile(installation, classId, studentId, name, content) {
  const ids = execFileSync('docker', ['ps', '-q', '--filter', `label=caas.installation=${installation}`,
    '--filter', `label=caas.class=${classId}`, '--filter', `label=caas.student=${studentId}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  assert.equal(ids.length, 1, `one runtime of ${classId}/${studentId}`);
  execFileSync('docker', ['exec', '--user', '1000', '-i', ids[0], 'sh', '-c', `cat > "/home/student/workspace/${name}"`], { input: content });
}
