// The summit presentation /toppmote/: keyboard navigation with the URL fragment following the
// slide (and a reload landing on it), the page without JavaScript (every slide, one after
// another), axe on the presentation, one printed landscape page per slide, and screenshots at
// 1920×1080 and 1280×720 in artifacts/summit/ to look at.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { axe, describe: describeViolations } = require('./lib/axe');
const { artifact } = require('./lib/site');

const PATH = '/toppmote/';
const session = startSession();

/** The slides as the page has them: ids, and which one is shown. */
function deckState() {
  const slides = [...document.querySelectorAll('main section.slide[id]')];
  return {
    ids: slides.map((s) => s.id),
    shown: slides.filter((s) => s.checkVisibility()).map((s) => s.id),
    hash: location.hash,
    status: (document.querySelector('[data-deck-status]') || {}).textContent || '',
  };
}

describe('summit: with JavaScript', () => {
  let context;
  let page;

  before(async () => {
    context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await guardedPage(context);
    await page.goto(session.server.url + PATH, { waitUntil: 'networkidle' });
  });

  after(async () => {
    if (context) await context.close();
  });

  it('shows one slide at a time and moves with the keyboard, the fragment following', async () => {
    let s = await page.evaluate(deckState);
    assert.ok(s.ids.length > 8, `${s.ids.length} slides`);
    assert.deepEqual(s.shown, [s.ids[0]]);
    const expect = async (index, how) => {
      s = await page.evaluate(deckState);
      assert.deepEqual(s.shown, [s.ids[index]], how);
      assert.equal(s.hash, `#${s.ids[index]}`, how);
    };
    await page.keyboard.press('ArrowRight');
    await expect(1, '→');
    await page.keyboard.press('PageDown');
    await expect(2, 'Page Down');
    await page.keyboard.press('Space');
    await expect(3, 'Space');
    await page.keyboard.press('ArrowLeft');
    await expect(2, '←');
    await page.keyboard.press('PageUp');
    await expect(1, 'Page Up');
    await page.keyboard.press('End');
    await expect(s.ids.length - 1, 'End');
    assert.match(s.status, new RegExp(`${s.ids.length} / ${s.ids.length}`), 'the change is announced');
    await page.keyboard.press('ArrowRight');
    await expect(s.ids.length - 1, '→ on the last slide stays');
    await page.keyboard.press('Home');
    await expect(0, 'Home');
    assert.deepEqual(page.problems, [], page.problems.join('\n'));
  });

  it('opens the slide the fragment names, also after a reload', async () => {
    const ids = (await page.evaluate(deckState)).ids;
    const target = ids.find((id) => id.startsWith('partner-'));
    await page.goto(`${session.server.url}${PATH}#${target}`, { waitUntil: 'networkidle' });
    await page.reload({ waitUntil: 'networkidle' });
    const s = await page.evaluate(deckState);
    assert.deepEqual(s.shown, [target]);
    assert.equal(s.hash, `#${target}`);
  });

  it('has no axe violations on any slide (WCAG 2.1 A and AA)', async () => {
    await page.goto(session.server.url + PATH, { waitUntil: 'networkidle' });
    const count = (await page.evaluate(deckState)).ids.length;
    const found = [];
    for (let i = 0; i < count; i++) {
      // Judged as shown, not halfway through the slide's fade-in.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const violations = await axe(page);
      if (violations.length) found.push(`slide ${i + 1}:\n${describeViolations(violations)}`);
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(found, []);
  });

  for (const [width, height] of [[1920, 1080], [1280, 720]]) {
    it(`fills ${width}×${height} at 16:9 with large type (screenshots in artifacts/summit/)`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(session.server.url + PATH, { waitUntil: 'networkidle' });
      const ids = (await page.evaluate(deckState)).ids;
      const shots = ['tittel', 'tall', 'sammenlignbart', ids.find((id) => id.startsWith('partner-'))];
      for (const id of shots) {
        await page.evaluate((id) => { location.hash = id; }, id);
        await page.waitForFunction((id) => document.getElementById(id).checkVisibility()
          && document.getAnimations().every((a) => a.playState !== 'running'), id);
        const box = await page.evaluate((id) => {
          const slide = document.getElementById(id);
          const r = slide.getBoundingClientRect();
          return {
            w: r.width,
            h: r.height,
            font: parseFloat(getComputedStyle(slide).fontSize),
            overflows: slide.scrollHeight > slide.clientHeight + 1,
          };
        }, id);
        assert.ok(Math.abs(box.w / box.h - 16 / 9) < 0.01, `${id}: ${box.w}×${box.h} is not 16:9`);
        assert.ok(box.w >= width - 1 || box.h >= height - 1, `${id} does not fill the window`);
        assert.ok(box.font >= width / 50, `${id}: ${box.font} px type is too small for a room`);
        assert.ok(!box.overflows, `${id} overflows its slide`);
        await page.screenshot({ path: artifact('summit', `${width}x${height}-${id}.png`) });
      }
    });
  }
});

describe('summit: without JavaScript', () => {
  let context;
  let page;

  before(async () => {
    context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
    page = await guardedPage(context);
    await page.goto(session.server.url + PATH, { waitUntil: 'networkidle' });
  });

  after(async () => {
    if (context) await context.close();
  });

  it('shows every slide, one after another, snapping to each', async () => {
    const s = await page.evaluate(deckState);
    assert.deepEqual(s.shown, s.ids);
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('main section.slide')].map((el) => el.getBoundingClientRect().top));
    assert.ok(order.every((top, i) => i === 0 || top > order[i - 1]), 'one below the other');
    const snap = await page.evaluate(() => getComputedStyle(document.documentElement).scrollSnapType);
    assert.match(snap, /y/);
    assert.deepEqual(page.problems, [], page.problems.join('\n'));
  });

  it('prints one landscape page per slide', async (t) => {
    const count = (await page.evaluate(deckState)).ids.length;
    await page.emulateMedia({ media: 'print' });
    const pdf = artifact('summit', 'toppmote.pdf');
    await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
    const bytes = fs.readFileSync(pdf);
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    t.diagnostic(`${pdf}: ${pages} pages for ${count} slides`);
    assert.equal(pages, count);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
    assert.ok(box && +box[1] > +box[2], `landscape: ${box && box.slice(1).join('×')}`);
  });
});
