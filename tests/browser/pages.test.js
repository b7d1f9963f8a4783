// Every page of issue 8 at 1280 px and 390 px: loads cleanly, fits the phone, passes axe.
//
// Screenshots go to artifacts/screenshots/<width>/<page>.png (CI keeps them; git ignores them).
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { axe, describe: describeViolations } = require('./lib/axe');
const { overflow, settle } = require('./lib/layout');
const { chartTexts } = require('./lib/charts');
const { PAGES, WIDTHS, artifact } = require('./lib/site');

const session = startSession();

for (const width of WIDTHS) {
  for (const target of PAGES) {
    describe(`${target.name} (${target.path}) at ${width.viewport.width} px`, () => {
      let context;
      let page;
      let status;

      before(async () => {
        context = await session.browser.newContext({
          viewport: width.viewport,
          isMobile: width.isMobile,
          hasTouch: width.hasTouch,
          deviceScaleFactor: 1,
          locale: target.lang === 'en' ? 'en-GB' : 'nb-NO',
          reducedMotion: 'reduce',
        });
        page = await guardedPage(context);
        const response = await page.goto(session.server.url + target.path, { waitUntil: 'load' });
        status = response.status();
        await settle(page);
        await page.screenshot({
          path: artifact('screenshots', width.name, `${target.name}.png`),
          fullPage: true,
        });
      });

      after(async () => {
        if (context) await context.close();
      });

      it('answers 200 with no console errors and no failed requests', () => {
        assert.equal(status, 200, `HTTP status of ${target.path}`);
        assert.deepEqual(page.problems, [], page.problems.join('\n'));
      });

      it('has no horizontal overflow', async () => {
        const { excess, offenders } = await overflow(page);
        assert.ok(
          excess <= 0 && offenders.length === 0,
          `the page is ${excess} px wider than the ${width.viewport.width} px viewport:\n  ${offenders.join('\n  ')}`,
        );
      });

      it('has no axe violations (WCAG 2.1 A and AA)', async () => {
        const violations = await axe(page);
        assert.equal(violations.length, 0, `\n${describeViolations(violations)}`);
      });

      // axe cannot judge text inside an SVG picture (it reports it as "incomplete"), so the
      // charts' own text is checked here: contrast against the chart's background, and the
      // size it is drawn at after the SVG is scaled to the page.
      it('chart text has at least 4.5:1 contrast and is drawn at 11.5 px or more', async (t) => {
        const texts = await chartTexts(page);
        if (texts.length === 0) {
          t.diagnostic('no chart on this page');
          return;
        }
        const smallest = Math.min(...texts.map((x) => x.px));
        t.diagnostic(`${texts.length} chart labels; smallest drawn at ${smallest.toFixed(1)} px`);
        const bad = texts.filter((x) => x.ratio < 4.5 || x.px < 11.5)
          .map((x) => `${x.chart}: "${x.text}" ${x.ratio.toFixed(1)}:1 at ${x.px.toFixed(1)} px`);
        assert.deepEqual(bad, [], bad.slice(0, 20).join('\n'));
      });

      it('has no axe violations with every <details> open', async (t) => {
        const opened = await page.evaluate(() => {
          const closed = [...document.querySelectorAll('details:not([open])')];
          closed.forEach((d) => { d.open = true; });
          return closed.length;
        });
        if (opened === 0) {
          t.diagnostic('no closed <details> on this page: the first axe run covered everything');
          return;
        }
        const violations = await axe(page);
        const { excess, offenders } = await overflow(page);
        assert.equal(violations.length, 0, `\n${describeViolations(violations)}`);
        assert.ok(excess <= 0 && offenders.length === 0, `open tables overflow by ${excess} px:\n  ${offenders.join('\n  ')}`);
      });
    });
  }
}

// WCAG 1.4.10 Reflow: 320 CSS px is 1280 px zoomed to 400 %. Nothing may need sideways scrolling.
describe('reflow at 320 px (400 % zoom)', () => {
  let context;

  before(async () => {
    context = await session.browser.newContext({ viewport: { width: 320, height: 256 }, reducedMotion: 'reduce' });
  });

  after(async () => {
    if (context) await context.close();
  });

  for (const target of PAGES) {
    it(`${target.name} (${target.path}) has no horizontal overflow`, async () => {
      const page = await guardedPage(context);
      await page.goto(session.server.url + target.path, { waitUntil: 'load' });
      await settle(page);
      const { excess, offenders } = await overflow(page);
      await page.close();
      assert.ok(excess <= 0 && offenders.length === 0, `${excess} px too wide at 320 px:\n  ${offenders.join('\n  ')}`);
    });
  }
});
