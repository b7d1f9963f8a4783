// Universal design beyond the WCAG A/AA axe run (issue 16): forced colours, the text-spacing
// override of WCAG 1.4.12, 200 % text-only zoom on a phone, and axe's best-practice rules.
//
// Screenshots: artifacts/screenshots/forced-colours-<scheme>/<page>.png and
// artifacts/screenshots/text-spacing-<width>/<page>.png.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { axe, describe: describeViolations, TAGS } = require('./lib/axe');
const { overflow, settle } = require('./lib/layout');
const { chartTexts, chartCollisions } = require('./lib/charts');
const { PAGES, artifact } = require('./lib/site');

const session = startSession();

/** The bookmarklet of WCAG's Understanding 1.4.12, as a style sheet. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;

/** Text-only zoom: every rem and em doubles, pixel sizes stay (what a browser's font size does). */
const TEXT_ZOOM_200 = 'html { font-size: 200% !important; }';

async function open(context, target, style) {
  const page = await guardedPage(context, { expected404: target.path === '/404.html' ? '/404.html' : undefined });
  await page.goto(session.server.url + target.path, { waitUntil: 'load' });
  if (style) await page.addStyleTag({ content: style });
  await settle(page);
  return page;
}

function assertNoOverflow({ excess, offenders }, what) {
  assert.ok(excess <= 0 && offenders.length === 0, `${what}: ${excess} px too wide:\n  ${offenders.join('\n  ')}`);
}

for (const scheme of ['dark', 'light']) {
  describe(`forced colours, ${scheme} system theme`, () => {
    let context;
    before(async () => {
      context = await session.browser.newContext({
        viewport: { width: 1280, height: 800 }, forcedColors: 'active', colorScheme: scheme, reducedMotion: 'reduce',
      });
    });
    after(async () => { if (context) await context.close(); });

    for (const target of PAGES) {
      it(`${target.name}: chart text and lines take the system colours`, async (t) => {
        const page = await open(context, target);
        await page.screenshot({ path: artifact('screenshots', `forced-colours-${scheme}`, `${target.name}.png`), fullPage: true });
        const texts = await chartTexts(page);
        const nav = await page.evaluate(() => [...document.querySelectorAll('.site-nav a')].map((a) => ({
          text: a.textContent.trim(),
          current: a.hasAttribute('aria-current'),
          underline: getComputedStyle(a).borderBottomColor,
          background: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
        })));
        await page.close();
        t.diagnostic(`${texts.length} chart labels`);
        const bad = texts.filter((x) => x.ratio < 4.5).map((x) => `${x.chart}: "${x.text}" ${x.ratio.toFixed(2)}:1`);
        assert.deepEqual(bad, [], `chart text below 4.5:1 against the forced background:\n${bad.slice(0, 20).join('\n')}`);
        // Only the current menu item is underlined: the others' border is the background's colour.
        const underlined = nav.filter((n) => !n.current && n.underline !== n.background).map((n) => n.text);
        assert.deepEqual(underlined, [], 'menu items underlined though they are not the current page');
      });
    }
  });
}

for (const width of [1280, 320]) {
  describe(`text spacing override (WCAG 1.4.12) at ${width} px`, () => {
    let context;
    before(async () => {
      context = await session.browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
    });
    after(async () => { if (context) await context.close(); });

    for (const target of PAGES) {
      it(`${target.name}: nothing overflows, no chart label is cut off or runs into another`, async () => {
        const page = await open(context, target, TEXT_SPACING);
        await page.screenshot({ path: artifact('screenshots', `text-spacing-${width}`, `${target.name}.png`), fullPage: true });
        const layout = await overflow(page);
        const collisions = await chartCollisions(page);
        await page.close();
        assertNoOverflow(layout, `with the text spacing override at ${width} px`);
        assert.deepEqual(collisions, [], collisions.join('\n'));
      });
    }
  });
}

describe('200 % text-only zoom on a 390 px phone (WCAG 1.4.4)', () => {
  let context;
  before(async () => {
    context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, reducedMotion: 'reduce' });
  });
  after(async () => { if (context) await context.close(); });

  for (const target of PAGES) {
    it(`${target.name}: nothing is wider than the screen`, async () => {
      const page = await open(context, target, TEXT_ZOOM_200);
      const layout = await overflow(page);
      await page.close();
      assertNoOverflow(layout, 'with 200 % text');
    });
  }
});

describe("axe's best-practice rules as well as WCAG 2.1 A/AA", () => {
  let context;
  before(async () => {
    context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  });
  after(async () => { if (context) await context.close(); });

  for (const target of PAGES) {
    it(`${target.name}: no violation`, async () => {
      const page = await open(context, target);
      const violations = await axe(page, [...TAGS, 'best-practice']);
      await page.close();
      assert.equal(violations.length, 0, `\n${describeViolations(violations)}`);
    });
  }
});

describe('table wrappers are regions and tab stops only when the table scrolls', () => {
  const results = PAGES.find((p) => p.name === 'results');

  for (const width of [1280, 390]) {
    it(`at ${width} px`, async () => {
      const context = await session.browser.newContext({ viewport: { width, height: 800 } });
      const page = await open(context, results);
      const check = () => page.evaluate(() => [...document.querySelectorAll('.table-scroll')].map((w) => ({
        name: (w.querySelector('caption') || w).textContent.trim().slice(0, 40),
        scrolls: w.scrollWidth > w.clientWidth + 1,
        region: w.getAttribute('role') === 'region' && w.tabIndex === 0,
        named: w.hasAttribute('aria-label') || w.hasAttribute('aria-labelledby'),
      })));
      const closed = await check();
      // Opening every table changes what scrolls; the wrappers follow.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await page.waitForTimeout(100);
      const opened = await check();
      await context.close();
      assert.ok(closed.length > 0, 'the results page has tables');
      for (const wrappers of [closed, opened]) {
        const wrong = wrappers.filter((w) => w.region !== w.scrolls || w.named !== w.scrolls)
          .map((w) => `${w.name}: scrolls=${w.scrolls} region=${w.region} named=${w.named}`);
        assert.deepEqual(wrong, [], wrong.join('\n'));
      }
      if (width === 390) assert.ok(opened.some((w) => w.scrolls), 'some table scrolls on a phone');
    });
  }

  it('without JavaScript every wrapper is a named, focusable region, so a wide table can be scrolled', async () => {
    const html = await (await fetch(session.server.url + results.path)).text();
    const wrappers = html.match(/<div class="table-scroll"[^>]*>/g) || [];
    assert.ok(wrappers.length > 0, 'the results page has tables');
    const bad = wrappers.filter((w) => !/role="region"/.test(w) || !/tabindex="0"/.test(w) || !/aria-label(ledby)?="/.test(w));
    assert.deepEqual(bad, []);
  });
});

describe('a chart is heard once', () => {
  // In both languages: the English twins are named like the Norwegian pages, with `-en`.
  for (const target of PAGES.filter((p) => ['results', 'partner-full', 'news-article'].includes(p.name.replace(/-en$/, '')))) {
    it(`${target.name}: each picture is hidden behind a caption that says what it shows`, async () => {
      const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await open(context, target);
      const charts = await page.evaluate(() => [...document.querySelectorAll('main figure svg[role="img"]')].map((svg) => {
        const figure = svg.closest('figure');
        const caption = figure && figure.querySelector('figcaption');
        const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
        return {
          name: norm(svg.querySelector('title')?.textContent),
          hidden: Boolean(svg.closest('[aria-hidden="true"]')),
          captioned: Boolean(caption)
            && norm(caption.textContent).includes(norm(svg.querySelector('title')?.textContent))
            && norm(caption.textContent).includes(norm(svg.querySelector('desc')?.textContent)),
        };
      }));
      await context.close();
      assert.ok(charts.length > 0, 'the page has charts');
      const wrong = charts.filter((c) => !c.hidden || !c.captioned).map((c) => `${c.name}: hidden=${c.hidden} captioned=${c.captioned}`);
      assert.deepEqual(wrong, [], wrong.join('\n'));
    });
  }
});
