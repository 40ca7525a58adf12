// The web app's behaviour around the session, with the demo users: role-based screens, deep links,
// a broken access token refreshed without losing the page, and a session that truly ended.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { app, launch, password } from './lib/stack.mjs';
import { newPage, signInAs } from './lib/app.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => browser?.close());

test('a student sees their classes, no class controls and no admin screens', async () => {
  const { context, page } = await signInAs(browser, 'student3', password);
  try {
    await page.locator('#student-classes li[data-class="cs101"]').waitFor();
    assert.equal(await page.getByRole('link', { name: 'New class' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Users' }).count(), 0);
    await page.goto(`${app}admin/users`);
    await page.getByRole('alert').getByText('This page is not for your role.').waitFor();
  } finally {
    await context.close();
  }
});

test('a deep link survives a reload, and an access token gone bad is refreshed without leaving the page', async () => {
  const { context, page } = await signInAs(browser, 'teacher1', password);
  try {
    await page.goto(`${app}classes/cs101`);
    await page.getByRole('heading', { name: /cs101/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /cs101/ }).waitFor();
    const before = await page.evaluate(() => sessionStorage.getItem('caas.refreshToken'));
    await page.evaluate(() => sessionStorage.setItem('caas.accessToken', 'expired.or.forged'));
    await page.getByRole('link', { name: 'My classes' }).click();
    // The classes call fails with 401, the app refreshes (the refresh token rotates) and retries.
    await page.waitForFunction((old) => sessionStorage.getItem('caas.refreshToken') !== old, before, { timeout: 15_000 });
    await page.locator('#teacher-classes tr[data-class="cs101"]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/classes');
    assert.notEqual(await page.evaluate(() => sessionStorage.getItem('caas.accessToken')), 'expired.or.forged');
    assert.equal(await page.getByRole('heading', { name: 'Sign in to CaaS' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('signing out ends the session: the app asks to sign in again, keeping where the user was', async () => {
  const { context, page } = await signInAs(browser, 'teacher1', password);
  try {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    await page.goto(`${app}classes/cs101`);
    await page.getByRole('heading', { name: 'Sign in to CaaS' }).waitFor();
    assert.match(page.url(), /\/signin\?next=%2Fclasses%2Fcs101$/);
    await page.getByLabel('Username').fill('teacher1');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /cs101/ }).waitFor();
  } finally {
    await context.close();
  }
});

test('an unknown page says so', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${app}no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  } finally {
    await context.close();
  }
});
