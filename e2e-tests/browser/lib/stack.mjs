// What every browser test shares: where the stack is, Debian's Chromium, and signing in through the UI.
import { chromium } from 'playwright-core';

export const port = process.env.CAAS_E2E_HTTP_PORT ?? '18080';
export const domain = process.env.CAAS_E2E_DOMAIN ?? 'caas.localhost';
export const password = process.env.CAAS_E2E_PASSWORD ?? 'caas-demo';
export const app = `http://app.${domain}:${port}/`;
export const shots = new URL('../../target/browser/', import.meta.url).pathname;

// The machine has no network but loopback: keep Chromium from calling out.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function signIn(browser, username) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(app);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#me-name').waitFor();
  return { context, page };
}
