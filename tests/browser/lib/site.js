// Where the built site, the nfk binary and the artefacts are, and the pages the suite visits.
//
// `./run` builds the site once and passes it in NFK_SITE (and the binary in NFK_BIN). Run a
// test file on its own (`node --test pages.test.js`) and it builds the site itself.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = process.env.NFK_ARTIFACTS || path.resolve(__dirname, '..', 'artifacts');

/** The pages of issue 8: every kind of page, and the partners that stretch the layout. */
const PAGES_NB = [
  { name: 'front', path: '/' },
  { name: 'partners', path: '/partnere/' },
  // Every kind of data: categories, notes, targets, certificates, story, logo.
  { name: 'partner-full', path: '/partnere/bjerkedal-bygg/' },
  // A new partner with no emissions yet.
  { name: 'partner-new', path: '/partnere/ulvoya-reparasjon/' },
  // The longest name (about 60 characters).
  { name: 'partner-long-name', path: '/partnere/ljabru-nordstrand-eiendom/' },
  { name: 'results', path: '/resultater/' },
  // A news article with a live figure and an inline chart.
  { name: 'news-article', path: '/nyheter/resultater-toppledersamling-2025/' },
  { name: 'sector', path: '/sektor/f/' },
  { name: 'not-found', path: '/404.html' },
  { name: 'accessibility', path: '/tilgjengelighet/' },
  // The glossary the theme's labels link their terms to.
  { name: 'glossary', path: '/ordliste/' },
  // The site search (issue 19); its hits are checked in search.test.js.
  { name: 'search', path: '/sok/' },
];

/**
 * The English edition (issue 20, SPEC §11): the same kinds of page under /en/, so axe, keyboard,
 * overflow and the links run in English too. `original` is the Norwegian page each translates:
 * languages.test.js checks that the language switch and the alternates lead from one to the other.
 */
const PAGES_EN = [
  { name: 'front-en', path: '/en/', original: '/' },
  { name: 'partners-en', path: '/en/partnere/', original: '/partnere/' },
  // An English summary (summary_en) and an English story (story.en.md).
  { name: 'partner-full-en', path: '/en/partnere/bjerkedal-bygg/', original: '/partnere/bjerkedal-bygg/' },
  // No summary_en: its summary is shown in Norwegian, marked lang="nb", with a note.
  { name: 'partner-new-en', path: '/en/partnere/ulvoya-reparasjon/', original: '/partnere/ulvoya-reparasjon/' },
  { name: 'partner-long-name-en', path: '/en/partnere/ljabru-nordstrand-eiendom/', original: '/partnere/ljabru-nordstrand-eiendom/' },
  { name: 'results-en', path: '/en/resultater/', original: '/resultater/' },
  { name: 'news-article-en', path: '/en/nyheter/resultater-toppledersamling-2025/', original: '/nyheter/resultater-toppledersamling-2025/' },
  { name: 'sector-en', path: '/en/sektor/f/', original: '/sektor/f/' },
  { name: 'not-found-en', path: '/en/404.html', original: '/404.html' },
  // Translated slugs: `slug:` in the front matter of the .en.md file.
  { name: 'accessibility-en', path: '/en/accessibility/', original: '/tilgjengelighet/' },
  { name: 'about-en', path: '/en/about/', original: '/om-partnerskapet/' },
  // The methodology, with live figures in English formatting.
  { name: 'methodology-en', path: '/en/methodology/', original: '/metode/' },
  { name: 'glossary-en', path: '/en/ordliste/', original: '/ordliste/' },
  { name: 'search-en', path: '/en/sok/', original: '/sok/' },
];

/** Every page the suite visits, each with the language it is in (`lang`, as in `<html lang>`). */
const PAGES = [
  ...PAGES_NB.map((p) => ({ ...p, lang: 'nb' })),
  ...PAGES_EN.map((p) => ({ ...p, lang: 'en' })),
];

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

function nfkBin() {
  if (process.env.NFK_BIN) return process.env.NFK_BIN;
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: REPO }),
  );
  execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: REPO, stdio: 'inherit' });
  return path.join(meta.target_directory, 'release', 'nfk');
}

let built;
/** The folder of the built site. */
function siteDir() {
  if (process.env.NFK_SITE) return process.env.NFK_SITE;
  if (!built) {
    built = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nfk-browser-')), 'public');
    execFileSync(nfkBin(), ['build', '--root', REPO, '--output', built], { stdio: 'inherit' });
  }
  return built;
}

function artifact(...parts) {
  const file = path.join(ARTIFACTS, ...parts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

module.exports = { REPO, PAGES, WIDTHS, nfkBin, siteDir, artifact };
