// The results page printed as a handout: no navigation, every chart's data table printed even
// while its <details> is closed, nothing wider than the paper. A partner page printed is an A4
// one-pager (SPEC §12): one page for the partner with most data, the longest name and one
// without emissions, with its name, principles, emissions chart and targets. The PDFs (and PNGs
// of their pages, when poppler's pdftoppm is installed) go to artifacts/print/ to look at.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { overflow } = require('./lib/layout');
const { artifact } = require('./lib/site');

// A4 with the 14 mm side margins of print.css, in CSS pixels (96 per inch).
const PRINT_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

const session = startSession();

const HANDOUTS = ['/resultater/'];
const ONE_PAGERS = ['/partnere/bjerkedal-bygg/', '/partnere/ljabru-nordstrand-eiendom/', '/partnere/ulvoya-reparasjon/'];

/** The number of pages of a PDF Chromium made. */
function pageCount(bytes) {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

for (const path of [...HANDOUTS, ...ONE_PAGERS]) {
  const onePager = ONE_PAGERS.includes(path);
  describe(`print: ${path}`, () => {
    let context;
    let page;

    before(async () => {
      context = await session.browser.newContext({ viewport: { width: PRINT_WIDTH, height: 1000 } });
      page = await guardedPage(context);
      await page.goto(session.server.url + path, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
    });

    after(async () => {
      if (context) await context.close();
    });

    if (!onePager) it('prints every data table, also those in closed <details>, and no navigation', async () => {
      const state = await page.evaluate(() => ({
        closedDetails: document.querySelectorAll('details:not([open])').length,
        tables: [...document.querySelectorAll('main table')].map((t) => ({
          caption: (t.caption ? t.caption.textContent : '').trim(),
          visible: t.checkVisibility() && t.getBoundingClientRect().height > 0,
        })),
        shown: [...document.querySelectorAll('.site-header, .site-footer, .skip-link, summary, .chart-download')]
          .filter((e) => e.checkVisibility())
          .map((e) => e.className || e.tagName),
      }));
      assert.ok(state.closedDetails > 0, 'the page has closed <details> to test with');
      const hidden = state.tables.filter((t) => !t.visible).map((t) => t.caption);
      assert.deepEqual(hidden, [], `tables not printed:\n  ${hidden.join('\n  ')}`);
      assert.deepEqual(state.shown, [], 'screen-only parts are printed');
    });

    if (onePager) it('keeps the one-pager\'s parts and leaves out what is for the screen', async () => {
      const state = await page.evaluate(() => {
        const shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length;
        return {
          name: shown('main h1'),
          principles: shown('.principle-details > li'),
          emissionsChart: shown('#graf-utslipp-per-ar .chart-wide svg'),
          hasEmissions: !!document.querySelector('#graf-utslipp-per-ar'),
          targets: shown('.targets > li h3'),
          targetsInPage: document.querySelectorAll('.targets > li').length,
          screenOnly: shown('.partner-tools, .story, main .table-scroll, .site-header, .site-footer'),
        };
      });
      assert.equal(state.name, 1, 'the name');
      assert.equal(state.principles, 4, 'the four principles');
      assert.equal(state.emissionsChart, state.hasEmissions ? 1 : 0, 'the emissions chart');
      assert.equal(state.targets, state.targetsInPage, 'every target with its status');
      assert.equal(state.screenOnly, 0, 'screen-only parts are printed');
    });

    it('fits the width of the paper', async () => {
      const { excess, offenders } = await overflow(page);
      assert.ok(excess <= 0 && offenders.length === 0, `${excess} px too wide:\n  ${offenders.join('\n  ')}`);
    });

    it('makes a PDF handout', async (t) => {
      const name = path.split('/').filter(Boolean).join('-');
      const pdf = artifact('print', `${name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: false, preferCSSPageSize: true });
      const bytes = fs.readFileSync(pdf);
      const pages = pageCount(bytes);
      t.diagnostic(`${pdf}: ${pages} pages, ${Math.round(bytes.length / 1024)} KiB`);
      if (onePager) assert.equal(pages, 1, 'a partner page prints on one A4 page');
      else assert.ok(pages >= 1 && pages <= 20, `${pages} pages`);
      try {
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'ignore' });
      } catch {
        t.diagnostic('pdftoppm (poppler-utils) not installed: no PNGs of the pages');
      }
      assert.deepEqual(page.problems, [], page.problems.join('\n'));
    });
  });
}
