// `nfk serve` in the browser (issue 6 + 8): open a partner page, change the partner's file, the
// page reloads by itself with the change; break the file, an error overlay appears and is itself
// accessible; fix it, the overlay goes.
//
// Skipped, with a message, while the binary has no `serve` command (`nfk serve --help` fails).
// The contract with `serve`, as SPEC §9 and docs/templates.md describe it:
//   - `nfk serve --root DIR --port N` listens on 127.0.0.1:N and serves the site built in memory;
//   - pages include /__nfk/live-reload.js, which reloads the page after a rebuild;
//   - a failed rebuild keeps the last good site and shows the errors in the page, in an element
//     with role="alert" or role="alertdialog" (or a <dialog>) whose text names the broken file
//     (`partners/<slug>/profile.yaml`), until a rebuild succeeds. A dialog has a name
//     (aria-labelledby), the overlay is reachable by keyboard (focused, or holds a control),
//     and the page with it passes axe;
//   - requests that a reload cuts off (net::ERR_ABORTED) are not counted as failed requests.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { launch, guardedPage } = require('./lib/browser');
const { axe, describe: describeViolations } = require('./lib/axe');
const { REPO, nfkBin, artifact } = require('./lib/site');

const SLUG = 'granlia-ror';
const PROFILE = `partners/${SLUG}/profile.yaml`;
const OVERLAY = '[role="alert"], [role="alertdialog"], dialog[open]';

function serveMissing(bin) {
  const help = spawnSync(bin, ['serve', '--help'], { encoding: 'utf8' });
  return help.status === 0 ? null : (help.stderr || help.stdout || '').trim().split('\n')[0];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const bin = nfkBin();
const missing = serveMissing(bin);

// A live reload cuts off what is still loading: the reload channel always, and now and then
// another request (the favicon). Aborted by the navigation the test causes: not a problem of the
// page. Real failures (an error status, a refused connection) still count.
const pageProblems = (page) =>
  page.problems.filter((p) => !p.includes('/__nfk/') && !p.endsWith('(net::ERR_ABORTED)'));

if (missing) {
  it('nfk serve: live reload and the error overlay', {
    skip: `nfk serve is not in this binary yet (\`nfk serve --help\`: ${missing}); it comes with issue 6`,
  }, () => {});
} else describe('nfk serve: live reload and the error overlay', () => {
  let root;
  let child;
  let output = '';
  let base;
  let browser;
  let page;
  let original;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'nfk-serve-'));
    for (const part of ['site.yaml', 'content', 'partners', 'themes']) {
      fs.cpSync(path.join(REPO, part), path.join(root, part), { recursive: true });
    }
    original = fs.readFileSync(path.join(root, PROFILE), 'utf8');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(bin, ['serve', '--root', root, '--port', String(port), '--bind', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    await waitFor(`${base}/partnere/${SLUG}/`, 60_000);
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await guardedPage(context);
    await page.goto(`${base}/partnere/${SLUG}/`);
  });

  after(async () => {
    if (browser) await browser.close();
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('reloads the page by itself when a partner file changes', async () => {
    const marker = `Endret i testen ${process.pid}`;
    const changed = original.replace(/^summary: .*$/m, `summary: ${marker}`);
    assert.notEqual(changed, original, `${PROFILE} has a summary line to change`);
    fs.writeFileSync(path.join(root, PROFILE), changed);
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 20_000 });
    assert.deepEqual(pageProblems(page), [], `${pageProblems(page).join('\n')}\nserve output:\n${output}`);
  });

  it('shows an accessible error overlay while the file is broken', async () => {
    fs.writeFileSync(path.join(root, PROFILE), original.replace(/^employees: .*$/m, 'employees: [ikke et tall'));
    const overlay = page.locator(OVERLAY).filter({ hasText: PROFILE });
    await overlay.first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.screenshot({ path: artifact('screenshots', 'serve', 'error-overlay.png'), fullPage: true });
    const violations = await axe(page);
    assert.equal(violations.length, 0, `\n${describeViolations(violations)}`);
    // A dialog needs a name (axe's aria-dialog-name is a best practice, outside the WCAG tags).
    const name = await overlay.first().evaluate((el) => {
      if (!/dialog/.test(el.getAttribute('role') || el.tagName.toLowerCase())) return 'not a dialog';
      const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      return el.getAttribute('aria-label') || ids.map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    });
    assert.ok(name, 'the overlay is a dialog without a name (aria-labelledby or aria-label)');
    // The overlay can be reached and read with the keyboard.
    const focusable = await overlay.first().evaluate((el) => el.matches(':focus-within') || !!el.querySelector('a[href], button, [tabindex]') || el.tabIndex >= 0);
    assert.ok(focusable, 'the overlay has nothing a keyboard user can reach (focus it, or give it a close button)');
  });

  it('removes the overlay when the file is fixed', async () => {
    fs.writeFileSync(path.join(root, PROFILE), original);
    await page.locator(OVERLAY).filter({ hasText: PROFILE }).first().waitFor({ state: 'detached', timeout: 20_000 })
      .catch(async () => page.locator(OVERLAY).filter({ hasText: PROFILE }).first().waitFor({ state: 'hidden', timeout: 1_000 }));
    const summary = original.match(/^summary: (.*)$/m)[1];
    await page.waitForFunction((s) => document.body.innerText.includes(s), summary, { timeout: 20_000 });
    assert.deepEqual(pageProblems(page), [], `${pageProblems(page).join('\n')}\nserve output:\n${output}`);
  });
});
