// Keyboard use on every page of issue 8, at both widths: the skip link is the first stop and
// moves focus to the main content; Tab reaches every visible link and control, in the page's
// order, each with a focus indicator that stands out from what is behind it (WCAG 2.1.1, 2.4.1,
// 2.4.3, 2.4.7).
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { PAGES, WIDTHS } = require('./lib/site');

const session = startSession();

/** Marks every element a keyboard user should reach with `data-kbd="<n>"`; returns them. */
function markFocusable() {
  const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.getAttribute('tabindex') === '-1') continue;
    if (el.tagName === 'SUMMARY' && el.parentElement.querySelector(':scope > summary') !== el) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    el.dataset.kbd = String(out.length);
    const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || '').trim().replace(/\s+/g, ' ');
    out.push(`<${el.tagName.toLowerCase()}> "${label.slice(0, 60)}"`);
  }
  return out;
}

/** What has focus now, and whether its focus indicator can be seen. */
function inspectFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const rgb = (s) => {
    const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/?\s*([\d.]+))?\)/.exec(s || '');
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
  };
  const lum = ({ r, g, b }) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // The colour around the element: its nearest ancestor with an opaque background.
  let behind = { r: 255, g: 255, b: 255, a: 1 };
  for (let a = el.parentElement; a; a = a.parentElement) {
    const c = rgb(getComputedStyle(a).backgroundColor);
    if (c && c.a > 0.5) { behind = c; break; }
  }
  const cs = getComputedStyle(el);
  const rings = [];
  if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) {
    const c = rgb(cs.outlineColor);
    if (c) rings.push({ kind: 'outline', ratio: contrast(c, behind) });
  }
  if (cs.boxShadow && cs.boxShadow !== 'none') {
    const c = rgb(cs.boxShadow);
    if (c) rings.push({ kind: 'box-shadow', ratio: contrast(c, behind) });
  }
  const best = rings.reduce((m, r) => Math.max(m, r.ratio), 0);
  const r = el.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  return {
    index: el.dataset.kbd === undefined ? null : Number(el.dataset.kbd),
    what: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`,
    ring: rings.length ? `${rings.map((x) => `${x.kind} ${x.ratio.toFixed(1)}:1`).join(', ')}` : 'none',
    visibleFocus: best >= 3,
    onScreen,
  };
}

for (const width of WIDTHS) {
  for (const target of PAGES) {
    describe(`keyboard: ${target.name} (${target.path}) at ${width.viewport.width} px`, () => {
      let context;

      before(async () => {
        context = await session.browser.newContext({
          viewport: width.viewport,
          isMobile: width.isMobile,
          hasTouch: width.hasTouch,
          reducedMotion: 'reduce',
        });
      });

      after(async () => {
        if (context) await context.close();
      });

      it('the skip link comes first, is visible, and moves focus to the main content', async () => {
        const page = await guardedPage(context);
        await page.goto(session.server.url + target.path);
        await page.keyboard.press('Tab');
        const first = await page.evaluate(inspectFocus);
        assert.ok(first, 'Tab focused nothing');
        assert.match(first.what, /skip-link/, `the first Tab stop is ${first.what}, not the skip link`);
        assert.ok(first.onScreen, 'the focused skip link is off screen');
        assert.ok(first.visibleFocus, `the skip link has no visible focus ring (${first.ring})`);
        await page.keyboard.press('Enter');
        const after = await page.evaluate(() => ({
          hash: location.hash,
          active: document.activeElement && document.activeElement.id,
        }));
        assert.equal(after.hash, '#main');
        assert.equal(after.active, 'main', 'focus did not move to <main id="main">');
        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => {
          const el = document.activeElement;
          return { inMain: !!el.closest('main'), html: el.outerHTML.slice(0, 80), hasFocusables: !!document.querySelector('main a[href], main summary, main [tabindex="0"]') };
        });
        if (next.hasFocusables) {
          assert.ok(next.inMain, `after the skip link, Tab went to ${next.html}, outside <main>`);
        }
      });

      it('Tab reaches every link and control, each with a visible focus indicator', async () => {
        const page = await guardedPage(context);
        await page.goto(session.server.url + target.path);
        const expected = await page.evaluate(markFocusable);
        assert.ok(expected.length > 0, 'no focusable elements found');
        const reached = new Set();
        const order = [];
        const problems = [];
        for (let step = 0; step < expected.length * 2 + 10; step++) {
          await page.keyboard.press('Tab');
          const f = await page.evaluate(inspectFocus);
          if (!f) break; // focus left the document: the end of the page
          if (f.index !== null && reached.has(f.index)) break;
          if (f.index === null) problems.push(`Tab stops on ${f.what}, which is not a link or control`);
          else {
            reached.add(f.index);
            order.push(f.index);
          }
          if (!f.visibleFocus) problems.push(`no visible focus on ${f.what} (${f.ring})`);
          if (!f.onScreen) problems.push(`${f.what} is focused but off screen`);
        }
        const missed = expected.filter((_, i) => !reached.has(i));
        for (const m of missed) problems.push(`never reached by Tab: ${m}`);
        const backwards = order.findIndex((v, i) => i > 0 && v < order[i - 1]);
        if (backwards > 0) problems.push(`Tab order goes back from ${expected[order[backwards - 1]]} to ${expected[order[backwards]]}`);
        assert.deepEqual(problems, [], `${expected.length} focusable, ${reached.size} reached:\n  ${problems.join('\n  ')}`);
        assert.deepEqual(page.problems, [], page.problems.join('\n'));
      });
    });
  }
}
