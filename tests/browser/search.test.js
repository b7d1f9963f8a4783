// The site search on /sok/ (SPEC §13, issue 19): Pagefind's index of the built site, searched in
// the browser. A partner's name, a word stem ("bygg" finds Bjerkedal's "byggeplasser") and the
// sector filter each give the right partner links, with the count in the polite live region;
// the explanations every partner page repeats are not indexed;
// without JavaScript the page lists every partner; axe finds nothing on /sok/; and all of it
// works when the site lives under a sub-path (`base_url` https://example.org/nfk/).
'use strict';

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { axe, describe: describeViolations } = require('./lib/axe');
const { serve } = require('./lib/server');
const { REPO, nfkBin } = require('./lib/site');

const session = startSession();

/** Opens /sok/ with `query` and waits for the hits; returns their links and the status text. */
async function search(query) {
  const context = await session.browser.newContext();
  const page = await guardedPage(context);
  await page.goto(`${session.server.url}/sok/?${query}`);
  await page.waitForFunction(() => document.getElementById('sok-status').textContent.trim() !== '');
  const links = await page.$$eval('#sok-treff a', (as) => as.map((a) => new URL(a.href).pathname));
  const status = (await page.textContent('#sok-status')).trim();
  const problems = page.problems;
  await context.close();
  return { links, status, problems };
}

describe('search on /sok/', () => {
  it('finds a partner by its name', async () => {
    const { links, status, problems } = await search('q=Granlia');
    assert.deepEqual(problems, []);
    assert.ok(links.includes('/partnere/granlia-ror/'), links.join(', '));
    assert.match(status, /treff/);
  });

  it('finds a word by its stem: "bygg" finds "byggeplasser"', async () => {
    const { links, problems } = await search('q=bygg');
    assert.deepEqual(problems, []);
    assert.ok(links.includes('/partnere/bjerkedal-bygg/'), links.join(', '));
  });

  it('does not index the sentences every partner page repeats', async () => {
    // "miljøsertifikat" is on every partner page, only in the explanation of the certification
    // principle, which the search leaves out; the facts every page has are indexed.
    const repeated = await search('q=miljøsertifikat');
    assert.deepEqual(repeated.problems, []);
    assert.deepEqual(repeated.links.filter((l) => l.startsWith('/partnere/')), []);
    const facts = await search('q=organisasjonsnummer');
    assert.ok(facts.links.includes('/partnere/granlia-ror/'), facts.links.join(', '));
  });

  it('filters by sector', async () => {
    const sector = encodeURIComponent('Bygge- og anleggsvirksomhet');
    const { links, status, problems } = await search(`q=&sektor=${sector}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(links.sort(), ['/partnere/bjerkedal-bygg/', '/partnere/granlia-ror/']);
    assert.equal(status, '2 treff');
  });

  it('lists every partner without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await guardedPage(context);
    await page.goto(`${session.server.url}/sok/?q=bygg`);
    const links = await page.$$eval('#sok-alle a', (as) => as.map((a) => new URL(a.href).pathname));
    assert.equal(links.length, 15, links.join(', '));
    assert.ok(links.includes('/partnere/granlia-ror/'));
    assert.equal(await page.getAttribute('form[role="search"].search-form', 'action'), '/sok/');
    await context.close();
  });

  it('passes axe with hits shown', async () => {
    const context = await session.browser.newContext();
    const page = await guardedPage(context);
    await page.goto(`${session.server.url}/sok/?q=bygg`);
    await page.waitForFunction(() => document.getElementById('sok-status').textContent.trim() !== '');
    const violations = await axe(page);
    assert.equal(violations.length, 0, `\n${describeViolations(violations)}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('works under a sub-path base_url', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nfk-search-'));
    const out = path.join(root, 'nfk');
    execFileSync(nfkBin(), ['build', '--root', REPO, '--output', out, '--base-url', 'https://example.org/nfk/']);
    const server = await serve(root);
    const context = await session.browser.newContext();
    try {
      const page = await guardedPage(context);
      await page.goto(`${server.url}/nfk/sok/?q=Granlia`);
      await page.waitForFunction(() => document.getElementById('sok-status').textContent.trim() !== '');
      const links = await page.$$eval('#sok-treff a', (as) => as.map((a) => new URL(a.href).pathname));
      assert.deepEqual(page.problems, []);
      assert.ok(links.includes('/nfk/partnere/granlia-ror/'), links.join(', '));
    } finally {
      await context.close();
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
