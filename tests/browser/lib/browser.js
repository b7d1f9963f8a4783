// Debian's Chromium through playwright-core: never a browser download.
//
// Every page is opened with guards: requests to any host but 127.0.0.1 are blocked and
// counted, and console errors, uncaught exceptions, failed requests and HTTP errors are
// collected in `page.problems` for the test to assert on.
'use strict';

const fs = require('node:fs');
const { chromium } = require('playwright-core');

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // Deterministic screenshots: no scrollbar eating into the viewport, no font hinting drift.
  '--hide-scrollbars',
  '--font-render-hinting=none',
];

/**
 * Debian's Chromium, headless. playwright-core gives every launch a fresh, empty user data
 * dir of its own (and removes it on close); it refuses a `--user-data-dir` argument here.
 */
async function launch() {
  if (!fs.existsSync(EXECUTABLE)) {
    throw new Error(`${EXECUTABLE} not found: install Debian's chromium (tests/browser/run does)`);
  }
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
}

function isLocal(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'data:' || u.protocol === 'about:' || u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * A new page in `context` with guards. `page.problems` lists everything that went wrong
 * as strings; `expected404` is a path whose 404 status is the point (the 404 page itself).
 */
async function guardedPage(context, { expected404 } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.problems = problems;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.push(`request to another host blocked: ${url}`);
    return route.abort('blockedbyclient');
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.push(`console error: ${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!isLocal(req.url())) return; // already counted as blocked
    problems.push(`request failed: ${req.url()} (${req.failure() ? req.failure().errorText : 'unknown'})`);
  });
  page.on('response', (res) => {
    if (res.status() < 400) return;
    if (expected404 && new URL(res.url()).pathname === expected404 && res.status() === 404) return;
    problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return page;
}

module.exports = { launch, guardedPage };
