// The English edition (issue 20, SPEC §11): every page says its language in `<html lang>`, lists
// the languages it exists in as `<link rel="alternate" hreflang>` (plus `x-default`, the
// Norwegian page), and each alternate lists it back. The language switch in the header names the
// other language in itself (`English` with lang="en", `Norsk` with lang="nb") and leads to the
// same page in that language, or to that language's front page when the page is not translated.
// A content page without a translation is absent from English; a partner's summary or story that
// is not translated is shown in Norwegian, marked lang="nb".
//
// What is translated is read from the bundled site itself (content/*.en.md, summary_en: in
// partners/*/profile.yaml, partners/*/story.en.md), so a translation added or removed there is
// checked without touching this file. The pages are read with JavaScript off: all of this is in
// the HTML.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { startSession } = require('./lib/session');
const { guardedPage } = require('./lib/browser');
const { PAGES, REPO } = require('./lib/site');

const session = startSession();

/** Each language: its front page and the name its switch link carries, in itself. */
const LANGUAGES = {
  nb: { front: '/', name: 'Norsk', feed: '/atom.xml' },
  en: { front: '/en/', name: 'English', feed: '/en/atom.xml' },
};
const DEFAULT = 'nb';
const other = (lang) => (lang === 'nb' ? 'en' : 'nb');

const BASE_URL = /^base_url:\s*(\S+)/m.exec(fs.readFileSync(path.join(REPO, 'site.yaml'), 'utf8'))[1];

/** The `key: value` lines of a Markdown file's front matter (quotes taken off). */
function frontMatter(file) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'));
  const out = {};
  for (const line of (m ? m[1] : '').split(/\r?\n/)) {
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (kv) out[kv[1]] = kv[2].replace(/^(["'])(.*)\1$/, '$2').trim();
  }
  return out;
}

/** The first heading of a Markdown text (`## Fossilfrie byggeplasser` → its text). */
function firstHeading(file) {
  const m = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1] : null;
}

function markdownFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(full);
    return e.name.endsWith('.md') ? [full] : [];
  });
}

/**
 * Every content page of the bundled site with its Norwegian URL and, when `<name>.en.md` sits
 * beside it, its English URL: `/en/` + the original's path, or with the last segment replaced by
 * the translation's `slug:`. Sections (`_index.md`) keep their path. The summit's slides
 * (`content/toppmote/`) are not pages.
 */
function contentPages() {
  const root = path.join(REPO, 'content');
  const pages = [];
  for (const file of markdownFiles(root).sort()) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (/\.[a-z]{2}\.md$/.test(rel) || rel.startsWith('toppmote/')) continue;
    const fm = frontMatter(file);
    if (fm.draft === 'true') continue;
    const dir = path.posix.dirname(rel) === '.' ? '' : `${path.posix.dirname(rel)}/`;
    const name = path.posix.basename(rel, '.md');
    const section = name === '_index';
    const nb = section ? `/${dir}` : `/${dir}${fm.slug || name}/`;
    const enFile = file.replace(/\.md$/, '.en.md');
    let en = null;
    if (fs.existsSync(enFile)) {
      const efm = frontMatter(enFile);
      en = { path: section ? `/en/${dir}` : `/en/${dir}${efm.slug || fm.slug || name}/`, title: efm.title };
    }
    pages.push({ file: `content/${rel}`, nb, title: fm.title, en });
  }
  return pages;
}

/** Every partner: its summaries and the first heading of its story in each language. */
function partners() {
  const root = path.join(REPO, 'partners');
  return fs.readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, 'profile.yaml')))
    .map((e) => e.name)
    .sort()
    .map((slug) => {
      const dir = path.join(root, slug);
      const profile = fs.readFileSync(path.join(dir, 'profile.yaml'), 'utf8');
      const field = (key) => {
        const m = new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(profile);
        return m ? m[1].trim().replace(/^(["'])(.*)\1$/, '$2') : null;
      };
      const story = (name) => (fs.existsSync(path.join(dir, name)) ? firstHeading(path.join(dir, name)) : null);
      return {
        slug,
        summary: field('summary'),
        summaryEn: field('summary_en'),
        story: story('story.md'),
        storyEn: story('story.en.md'),
        draft: field('draft') === 'true',
      };
    })
    // A draft is on no page of the built site (only in `nfk serve`).
    .filter((p) => !p.draft);
}

/** What a page says about its language, read in the browser. */
function languageFacts() {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const pathOf = (href) => new URL(href, document.baseURI).pathname;
  return {
    lang: document.documentElement.getAttribute('lang'),
    h1: norm((document.querySelector('main h1') || {}).textContent),
    switches: [...document.querySelectorAll('.language-switch')].map((a) => ({
      tag: a.tagName.toLowerCase(),
      path: a.hasAttribute('href') ? pathOf(a.getAttribute('href')) : null,
      hreflang: a.getAttribute('hreflang'),
      lang: a.getAttribute('lang'),
      text: norm(a.textContent),
      inHeader: Boolean(a.closest('.site-header')),
    })),
    alternates: [...document.querySelectorAll('link[rel~="alternate"][hreflang]')]
      .filter((l) => !l.hasAttribute('type') || l.getAttribute('type') === 'text/html')
      .map((l) => ({ hreflang: l.getAttribute('hreflang'), href: l.getAttribute('href'), path: pathOf(l.getAttribute('href')) })),
    feeds: [...document.querySelectorAll('link[rel~="alternate"][type="application/atom+xml"]')]
      .map((l) => pathOf(l.getAttribute('href'))),
    // Links from the page's own content to other pages (not to files such as .svg or .csv).
    pageLinks: [...document.querySelectorAll('main a[href]')]
      .map((a) => new URL(a.getAttribute('href'), document.baseURI))
      .filter((u) => u.origin === location.origin && (u.pathname.endsWith('/') || u.pathname.endsWith('.html')))
      .map((u) => u.pathname),
  };
}

/** The language of the nearest element around each text in `main` that contains `text`. */
function languageOfText(text) {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const main = document.querySelector('main');
  if (!main) return [];
  const holders = [...main.querySelectorAll('*')].filter((el) => norm(el.textContent).includes(text));
  // The innermost elements only: the text itself, not every ancestor that contains it.
  const innermost = holders.filter((el) => !holders.some((other) => other !== el && el.contains(other)));
  return innermost.map((el) => ({
    tag: el.tagName.toLowerCase(),
    lang: (el.closest('[lang]') || document.documentElement).getAttribute('lang'),
  }));
}

/** A browser context with JavaScript off, and the language facts of each path it has read. */
function reader() {
  const r = { context: null, page: null, cache: new Map() };
  before(async () => {
    r.context = await session.browser.newContext({ javaScriptEnabled: false });
    r.page = await r.context.newPage();
  });
  after(async () => {
    if (r.context) await r.context.close();
  });
  /** Loads `target` (once) and gives its status and language facts. */
  r.facts = async (target) => {
    if (!r.cache.has(target)) {
      const response = await r.page.goto(session.server.url + target, { waitUntil: 'domcontentloaded' });
      r.cache.set(target, { status: response.status(), ...(await r.page.evaluate(languageFacts)) });
    }
    return r.cache.get(target);
  };
  /** Loads `target` and finds `text` in its main content, with the language it is marked in. */
  r.textLanguage = async (target, text) => {
    await r.page.goto(session.server.url + target, { waitUntil: 'domcontentloaded' });
    return r.page.evaluate(languageOfText, text);
  };
  return r;
}

/**
 * Checks one page in `lang` whose translation in the other language is at `twin` (null: none).
 * The switch and the alternates must agree, and every alternate must list this page back.
 * `header: false` is for a page without the site header (the summit presentation): no switch is
 * required there, but one that is there must be right.
 */
async function checkPage(r, target, lang, twin, { header = true } = {}) {
  const f = await r.facts(target);
  assert.equal(f.status, 200, `HTTP status of ${target}`);
  assert.equal(f.lang, lang, `<html lang> of ${target}`);

  const to = other(lang);
  if (header || f.switches.length > 0) checkSwitch(f, target, to, twin, header);
  checkAlternates(f, target, lang, twin);
  for (const alt of f.alternates.filter((a) => a.hreflang !== 'x-default' && a.path !== target)) {
    const g = await r.facts(alt.path);
    assert.equal(g.status, 200, `${target} names ${alt.path} as its ${alt.hreflang} alternate, which answers ${g.status}`);
    assert.equal(g.lang, alt.hreflang, `${alt.path} is named as hreflang="${alt.hreflang}" but has <html lang="${g.lang}">`);
    const back = g.alternates.find((a) => a.hreflang === lang);
    assert.equal(back && back.path, target, `${alt.path} does not name ${target} back as hreflang="${lang}"`);
    const xDefault = g.alternates.find((a) => a.hreflang === 'x-default');
    const ours = f.alternates.find((a) => a.hreflang === 'x-default');
    assert.equal(xDefault && xDefault.path, ours && ours.path, `x-default of ${alt.path} and of ${target}`);
  }
}

/** One link `.language-switch` in the header, named in language `to`, leading to `twin` or `to`'s front page. */
function checkSwitch(f, target, to, twin, header) {
  assert.equal(f.switches.length, 1, `${target} has ${f.switches.length} elements .language-switch, not one`);
  const s = f.switches[0];
  assert.deepEqual(
    { tag: s.tag, text: s.text, lang: s.lang, hreflang: s.hreflang, inHeader: s.inHeader },
    { tag: 'a', text: LANGUAGES[to].name, lang: to, hreflang: to, inHeader: header },
    `the language switch of ${target}`,
  );
  assert.equal(s.path, twin || LANGUAGES[to].front, `where the language switch of ${target} leads`);
}

/** An alternate for `lang` (this page) and for the twin, if any, and x-default at the Norwegian page. */
function checkAlternates(f, target, lang, twin) {
  const to = other(lang);
  const langs = f.alternates.map((a) => a.hreflang);
  assert.equal(new Set(langs).size, langs.length, `${target}: an hreflang listed twice: ${langs.join(', ')}`);
  const byLang = Object.fromEntries(f.alternates.map((a) => [a.hreflang, a.path]));
  const nbPage = lang === DEFAULT ? target : twin;
  // A page in one language only names no alternates (nfk's decision: there is nothing to
  // choose between); nor does the 404 page, which no search engine indexes.
  const expected = {};
  if (twin && !target.endsWith('404.html')) {
    Object.assign(expected, { [lang]: target, [to]: twin, 'x-default': nbPage });
  }
  assert.deepEqual(byLang, expected, `<link rel="alternate" hreflang> of ${target}`);
  // Search engines want alternates as full URLs, like the canonical URL.
  const relative = f.alternates.filter((a) => !a.href.startsWith(BASE_URL)).map((a) => a.href);
  assert.deepEqual(relative, [], `${target}: alternates not on base_url ${BASE_URL}`);
}

describe('languages: every page of the suite (lib/site.js)', () => {
  const r = reader();
  const english = new Map(PAGES.filter((p) => p.lang === 'en').map((p) => [p.original, p.path]));
  for (const target of PAGES) {
    const twin = target.lang === 'en' ? target.original : english.get(target.path) || null;
    it(`${target.name} (${target.path}): <html lang="${target.lang}">, the switch to ${twin || LANGUAGES[other(target.lang)].front}, alternates both ways`, async () => {
      await checkPage(r, target.path, target.lang, twin);
    });
  }
});

describe('languages: every content page and its translation (content/*.en.md)', () => {
  const r = reader();
  const pages = contentPages();
  const translated = pages.filter((p) => p.en);
  const untranslated = pages.filter((p) => !p.en);

  it('the bundled site has translated pages and Norwegian-only pages', () => {
    assert.ok(translated.length > 0, 'no content/*.en.md');
    assert.ok(untranslated.length > 0, 'every content page is translated: nothing shows the Norwegian-only case');
  });

  for (const p of translated) {
    it(`${p.file}: ${p.nb} and ${p.en.path} switch to each other`, async () => {
      await checkPage(r, p.nb, 'nb', p.en.path);
      await checkPage(r, p.en.path, 'en', p.nb);
    });

    it(`${p.file}: the links in ${p.en.path} lead to English pages`, async () => {
      const f = await r.facts(p.en.path);
      const norwegian = f.pageLinks.filter((l) => !l.startsWith('/en/'));
      assert.deepEqual(norwegian, [], `${p.en.path} links to pages outside /en/`);
    });
  }

  for (const p of untranslated) {
    it(`${p.file}: ${p.nb} is Norwegian only; its switch leads to /en/, and /en${p.nb} does not exist`, async () => {
      await checkPage(r, p.nb, 'nb', null);
      const res = await fetch(`${session.server.url}/en${p.nb}`, { redirect: 'manual' });
      await res.arrayBuffer();
      assert.equal(res.status, 404, `/en${p.nb} answers ${res.status}: an untranslated page must be left out of English`);
    });
  }

  it('an English section lists only translated pages', async () => {
    const sections = translated.filter((p) => p.file.endsWith('/_index.md') && p.nb !== '/');
    assert.ok(sections.length > 0, 'no translated section (content/<section>/_index.en.md)');
    for (const section of sections) {
      const f = await r.facts(section.en.path);
      const listed = new Set(f.pageLinks);
      // The section's own pages: content/<section>/<name>.md.
      const own = pages.filter((q) => q.file.startsWith(section.file.replace(/_index\.md$/, '')) && q !== section);
      for (const p of own) {
        if (p.en) {
          assert.ok(listed.has(p.en.path), `${section.en.path} does not list ${p.en.path}`);
        } else {
          assert.ok(!listed.has(p.nb) && !listed.has(`/en${p.nb}`), `${section.en.path} lists ${p.nb}, which has no translation`);
        }
      }
    }
  });

  it('the switch leads there and back, with the page in the other language', async () => {
    const p = translated.find((q) => q.file === 'content/om-partnerskapet.md');
    assert.ok(p, 'content/om-partnerskapet.en.md is missing');
    const context = await session.browser.newContext();
    const page = await guardedPage(context);
    await page.goto(session.server.url + p.nb);
    await page.locator('.site-header').getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL((u) => u.pathname === p.en.path);
    const english = await page.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelector('main h1').textContent.trim() }));
    await page.locator('.site-header').getByRole('link', { name: 'Norsk', exact: true }).click();
    await page.waitForURL((u) => u.pathname === p.nb);
    const norwegian = await page.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelector('main h1').textContent.trim() }));
    const problems = page.problems;
    await context.close();
    assert.deepEqual(english, { lang: 'en', h1: p.en.title });
    assert.deepEqual(norwegian, { lang: 'nb', h1: p.title });
    assert.deepEqual(problems, [], problems.join('\n'));
  });
});

describe('languages: every partner has an English page (partners/)', () => {
  const r = reader();
  const all = partners();

  it('the bundled site has partners with and without summary_en, and stories in both languages', () => {
    assert.ok(all.some((p) => p.summaryEn) && all.some((p) => !p.summaryEn), 'summary_en on some partners, not all');
    assert.ok(all.some((p) => p.storyEn) && all.some((p) => p.story && !p.storyEn), 'story.en.md for some stories, not all');
  });

  it('/en/partnere/ links to every partner\'s English page', async () => {
    const f = await r.facts('/en/partnere/');
    const listed = new Set(f.pageLinks);
    const missing = all.map((p) => `/en/partnere/${p.slug}/`).filter((u) => !listed.has(u));
    assert.deepEqual(missing, []);
  });

  for (const p of all) {
    const en = `/en/partnere/${p.slug}/`;
    const summary = p.summaryEn ? 'its English summary' : 'its Norwegian summary marked lang="nb"';
    const story = p.storyEn ? ', its English story' : p.story ? ', its Norwegian story marked lang="nb"' : '';
    it(`${p.slug}: ${en} switches to /partnere/${p.slug}/ and shows ${summary}${story}`, async () => {
      await checkPage(r, en, 'en', `/partnere/${p.slug}/`);
      // English text must not be marked Norwegian anywhere; Norwegian text must be marked where it
      // is shown (a label of the theme's around it, such as a heading anchor's, may stay English).
      const shown = async (text, lang, what) => {
        const found = await r.textLanguage(en, text);
        assert.ok(found.length > 0, `${en} does not show ${what}: "${text}"`);
        const where = found.map((x) => `<${x.tag}> in lang="${x.lang}"`);
        const ok = lang === 'en' ? found.every((x) => x.lang === 'en') : found.some((x) => x.lang === lang);
        assert.ok(ok, `${what} on ${en} must be marked lang="${lang}": ${where.join(', ')}`);
      };
      const absent = async (text, what) => {
        // The partner's own untranslated words (a target's label) may say the same, marked
        // Norwegian; the translated text itself must not be shown in Norwegian unmarked.
        // A chart's SVG <title> quotes the target's label too.
        const found = (await r.textLanguage(en, text)).filter((x) => x.lang !== 'nb' && x.tag !== 'title');
        assert.deepEqual(found, [], `${en} shows ${what} although it has a translation: "${text}"`);
      };
      if (p.summaryEn) {
        await shown(p.summaryEn, 'en', 'summary_en');
        await absent(p.summary, 'the Norwegian summary');
      } else if (p.summary) {
        await shown(p.summary, 'nb', 'the Norwegian summary');
      }
      if (p.storyEn) {
        await shown(p.storyEn, 'en', 'the first heading of story.en.md');
        // Only the story itself: a chart's words may quote a target label that says the same.
        const inStory = await r.page.evaluate(
          (heading) => [...document.querySelectorAll('.story *')].some((el) => el.textContent.includes(heading)),
          p.story,
        );
        assert.ok(!inStory, `${en} shows the first heading of story.md although it has a translation: "${p.story}"`);
      } else if (p.story) {
        await shown(p.story, 'nb', 'the first heading of story.md');
      }
    });
  }
});

describe('languages: the summit and the feeds', () => {
  const r = reader();

  it('/en/toppmote/ is the summit in English, with the English slides of content/toppmote/', async () => {
    await checkPage(r, '/en/toppmote/', 'en', '/toppmote/', { header: false });
    const root = path.join(REPO, 'content', 'toppmote');
    const slides = fs.readdirSync(root).filter((n) => n.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(n));
    const translated = slides.filter((n) => fs.existsSync(path.join(root, n.replace(/\.md$/, '.en.md'))));
    assert.ok(translated.length > 0, 'no content/toppmote/*.en.md');
    await r.page.goto(`${session.server.url}/en/toppmote/`);
    const titles = await r.page.$$eval('main section.slide-own h2', (hs) => hs.map((h) => h.textContent.trim()));
    for (const n of translated) {
      const en = frontMatter(path.join(root, n.replace(/\.md$/, '.en.md'))).title;
      const nb = frontMatter(path.join(root, n)).title;
      assert.ok(titles.includes(en), `the slide "${en}" (${n}) is not in /en/toppmote/: ${titles.join(', ')}`);
      assert.ok(!titles.includes(nb), `/en/toppmote/ shows the Norwegian slide "${nb}"`);
    }
  });

  for (const [lang, { front, feed }] of Object.entries(LANGUAGES)) {
    it(`the ${lang} pages name ${feed}, whose entries are ${lang} pages`, async () => {
      const f = await r.facts(front);
      assert.deepEqual(f.feeds, [feed], `the Atom feed named by ${front}`);
      const res = await fetch(session.server.url + feed);
      assert.equal(res.status, 200, `HTTP status of ${feed}`);
      const xml = await res.text();
      const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => {
        const link = /<link\b[^>]*\bhref="([^"]+)"/.exec(m[1]);
        return link ? new URL(link[1]).pathname : '(no link)';
      });
      assert.ok(entries.length > 0, `${feed} has no entries`);
      const wrong = entries.filter((p) => p.startsWith('/en/') !== (lang === 'en'));
      assert.deepEqual(wrong, [], `${feed} has entries in the other language`);
    });
  }
});
