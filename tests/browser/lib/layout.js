// Layout checks that run in the page.
'use strict';

/**
 * Horizontal overflow: how far the document is wider than the viewport, and the outermost
 * elements that stick out on the right (content inside a scroll container is allowed to: that
 * is what the container is for).
 */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const excess = document.documentElement.scrollWidth - width;
    const clipped = (el) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
      }
      return false;
    };
    const sticksOut = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5) && !clipped(el);
    };
    const offenders = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!sticksOut(el)) continue;
      if (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)) continue;
      if (el.closest('.visually-hidden, .skip-link')) continue;
      const r = el.getBoundingClientRect();
      const id = el.id ? `#${el.id}` : '';
      const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
      const parent = el.parentElement;
      const where = parent && parent !== document.body
        ? ` in <${parent.tagName.toLowerCase()}${parent.classList.length ? `.${[...parent.classList].join('.')}` : ''}>`
        : '';
      const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      offenders.push(`<${el.tagName.toLowerCase()}${id}${cls}>${where} "${text}" spans ${Math.round(r.left)}–${Math.round(r.right)} px of ${width}`);
    }
    return { excess, offenders: offenders.slice(0, 15) };
  });
}

/** Scrolls to the bottom and back so lazy images load, then waits for fonts and the network. */
async function settle(page) {
  await page.evaluate(async () => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.waitForLoadState('networkidle');
}

module.exports = { overflow, settle };
