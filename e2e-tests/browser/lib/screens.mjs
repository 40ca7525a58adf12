// Every main screen is kept as a screenshot at 1280 px and 390 px and checked with axe-core
// (injected into the page): no serious or critical violation.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');
export const screenshots = new URL('../../target/screenshots/', import.meta.url).pathname;
export const WIDTHS = [1280, 390];

export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: axeSource });
  }
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })));
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshots the page at both widths and asserts axe finds nothing serious at either. */
export async function checkScreen(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const original = page.viewportSize();
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${screenshots}${name}-${width}.png`, fullPage: true });
      const serious = await axeViolations(page);
      assert.deepEqual(serious, [], `${name} at ${width} px: ${JSON.stringify(serious, null, 1)}`);
      // Nothing may need sideways scrolling of the whole page (tables scroll inside their own region).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${name} at ${width} px scrolls sideways by ${overflow} px`);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}
