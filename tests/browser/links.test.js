// Every internal link and asset of the whole built site resolves: a crawl from `/`.
//
// HTML pages are read by Chromium (so links are what a browser sees, SVG links included); CSS
// is read for url(…). Fragments (`/a/#b`) must name an id in the target page. Links to other
// hosts are listed but never fetched. Every page in sitemap.xml must be reached from `/`.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { serve } = require('./lib/server');
const { launch } = require('./lib/browser');
const { siteDir } = require('./lib/site');

let server;
let browser;
let crawl;

before(async () => {
  server = await serve(siteDir());
  browser = await launch();
  crawl = await crawlSite(server.url);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/** Links of a page as the browser resolves them, and the ids it defines. */
function pageLinks() {
  const links = [];
  const add = (raw, el, attr) => {
    if (raw === null || raw === undefined) return;
    links.push({ raw, url: new URL(raw, document.baseURI).href, from: `<${el.tagName.toLowerCase()} ${attr}>` });
  };
  for (const el of document.querySelectorAll('[href], [src], [srcset], [poster], [data]')) {
    // Ids inside an inline SVG point into itself (url(#pattern)); <use href="#x"> also.
    if (el.closest('svg') && (el.getAttribute('href') || '').startsWith('#')) continue;
    for (const attr of ['href', 'src', 'poster', 'data']) {
      if (el.hasAttribute(attr)) add(el.getAttribute(attr), el, attr);
    }
    if (el.hasAttribute('srcset')) {
      for (const part of el.getAttribute('srcset').split(',')) add(part.trim().split(/\s+/)[0], el, 'srcset');
    }
  }
  for (const el of document.querySelectorAll('[style]')) {
    for (const m of el.getAttribute('style').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) add(m[1], el, 'style');
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const names = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name'));
  return { links, ids: [...ids, ...names] };
}

async function crawlSite(base) {
  const origin = new URL(base).origin;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Only the documents themselves: assets are fetched by the crawl, once each.
  await page.route('**/*', (route) =>
    route.request().resolvedType === 'document' || route.request().isNavigationRequest()
      ? route.continue()
      : route.abort());

  const seen = new Map(); // path → { status, type, ids }
  const refs = []; // { from, target, how }
  const external = new Set();
  const queue = ['/'];
  const enqueue = (href, from, how) => {
    let u;
    try {
      u = new URL(href);
    } catch {
      refs.push({ from, target: href, how, bad: 'not a URL' });
      return;
    }
    if (['mailto:', 'tel:', 'data:'].includes(u.protocol)) return;
    if (u.origin !== origin) {
      external.add(u.href);
      return;
    }
    refs.push({ from, target: u.pathname, fragment: decodeURIComponent(u.hash.slice(1)), how });
    if (!seen.has(u.pathname) && !queue.includes(u.pathname)) queue.push(u.pathname);
  };

  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    const res = await fetch(origin + path, { redirect: 'manual' });
    const type = (res.headers.get('content-type') || '').split(';')[0];
    const entry = { status: res.status, type, ids: null, location: res.headers.get('location') };
    seen.set(path, entry);
    if (res.status !== 200) {
      await res.arrayBuffer();
      continue;
    }
    if (type === 'text/html') {
      await res.arrayBuffer();
      await page.goto(origin + path, { waitUntil: 'domcontentloaded' });
      const { links, ids } = await page.evaluate(pageLinks);
      entry.ids = new Set(ids);
      for (const l of links) enqueue(l.url, path, l.from);
    } else if (type === 'text/css') {
      const css = await res.text();
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        if (!m[1].startsWith('#') && !m[1].startsWith('data:')) enqueue(new URL(m[1], origin + path).href, path, 'css url()');
      }
    } else if (type === 'image/svg+xml') {
      const svg = await res.text();
      entry.ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const m of svg.matchAll(/\s(?:xlink:)?href="([^"#][^"]*)"/g)) enqueue(new URL(m[1], origin + path).href, path, 'svg href');
    } else {
      await res.arrayBuffer();
    }
  }
  await context.close();
  return { seen, refs, external };
}

describe('links: crawl of the whole site from /', () => {
  it('every internal link and asset answers 200', () => {
    const broken = [];
    for (const ref of crawl.refs) {
      if (ref.bad) {
        broken.push(`${ref.from}: ${ref.how} ${ref.target}: ${ref.bad}`);
        continue;
      }
      const entry = crawl.seen.get(ref.target);
      if (entry.status === 200) continue;
      const why = entry.location ? `${entry.status} → ${entry.location}` : `${entry.status}`;
      broken.push(`${ref.from}: ${ref.how} ${ref.target} answers ${why}`);
    }
    const files = [...crawl.seen.keys()].length;
    assert.ok(files > 50, `only ${files} URLs found: the crawl did not get far`);
    assert.deepEqual(broken, [], `${broken.length} broken of ${crawl.refs.length} links:\n  ${broken.join('\n  ')}`);
  });

  it('every #fragment names an element of its page', () => {
    const broken = [];
    for (const ref of crawl.refs) {
      if (!ref.fragment) continue;
      const entry = crawl.seen.get(ref.target);
      if (!entry || entry.status !== 200 || !entry.ids) continue;
      if (!entry.ids.has(ref.fragment)) broken.push(`${ref.from}: ${ref.how} ${ref.target}#${ref.fragment}: no such id`);
    }
    assert.deepEqual([...new Set(broken)], [], broken.join('\n'));
  });

  it('every page of sitemap.xml is reached from /', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    assert.ok(locs.length > 0, 'sitemap.xml lists no pages');
    const unreached = locs.filter((p) => !crawl.seen.has(p));
    assert.deepEqual(unreached, [], `in sitemap.xml but not linked from any page:\n  ${unreached.join('\n  ')}`);
  });

  it('a missing page answers 404 with the site\'s own 404 page', async () => {
    const res = await fetch(`${server.url}/finnes-ikke/`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /<main id="main"/);
  });

  it('lists the links to other hosts (not fetched: the suite stays on 127.0.0.1)', (t) => {
    t.diagnostic(`${crawl.seen.size} URLs fetched, ${crawl.refs.length} internal links checked, ${crawl.external.size} external links not fetched`);
    for (const url of [...crawl.external].sort()) t.diagnostic(`external: ${url}`);
  });
});
