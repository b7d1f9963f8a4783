// Checks of the charts' own text, which axe cannot judge inside an SVG picture.
'use strict';

/**
 * Every visible chart label in `main`: its text, its chart, its contrast against the rendered
 * background behind the chart, and the size it is drawn at after the SVG is scaled to the page.
 */
async function chartTexts(page) {
  return page.evaluate(() => {
    const rgb = (s) => (/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(s) || []).slice(1).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const out = [];
    for (const svg of document.querySelectorAll('main svg[role="img"]')) {
      if (!svg.checkVisibility()) continue;
      // The first ancestor with a background paints behind the chart (in forced colours, the
      // system's Canvas colour on the root); white if none does.
      let bg = [255, 255, 255];
      for (let a = svg.parentElement; a; a = a.parentElement) {
        const c = getComputedStyle(a).backgroundColor;
        if (!/rgba\(.*, 0\)|transparent/.test(c)) { bg = rgb(c); break; }
      }
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const el of svg.querySelectorAll('text')) {
        const [a, b] = [lum(rgb(getComputedStyle(el).fill)), lum(bg)].sort((x, y) => y - x);
        out.push({
          text: el.textContent.trim().slice(0, 30),
          chart: svg.id || svg.getAttribute('aria-labelledby').split(' ')[0],
          ratio: (a + 0.05) / (b + 0.05),
          px: parseFloat(getComputedStyle(el).fontSize) * scale,
        });
      }
    }
    return out;
  });
}

/**
 * Chart labels that are cut off at the picture's edge or run into another label or a legend
 * swatch, as the page is drawn now (e.g. with the text-spacing override of WCAG 1.4.12).
 */
async function chartCollisions(page) {
  return page.evaluate(() => {
    const out = [];
    for (const svg of document.querySelectorAll('main svg[role="img"]')) {
      if (!svg.checkVisibility()) continue;
      const box = svg.getBoundingClientRect();
      const name = (svg.querySelector('title') || {}).textContent || svg.id;
      const texts = [...svg.querySelectorAll('text')]
        .map((t) => ({ what: `"${t.textContent.trim()}"`, r: t.getBoundingClientRect() }))
        .filter((t) => t.r.width > 0);
      const swatches = [...svg.querySelectorAll('circle')]
        .map((c) => ({ what: 'a legend swatch', r: c.getBoundingClientRect() }));
      const hit = (a, b) => a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5
        && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5;
      texts.forEach((a, i) => {
        if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5) out.push(`${name}: ${a.what} is cut off`);
        for (const b of texts.slice(i + 1)) if (hit(a, b)) out.push(`${name}: ${a.what} runs into ${b.what}`);
        for (const s of swatches) if (hit(a, s)) out.push(`${name}: ${a.what} runs into ${s.what}`);
      });
    }
    return out;
  });
}

module.exports = { chartTexts, chartCollisions };
