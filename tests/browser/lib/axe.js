// axe-core with the WCAG 2.1 A and AA rules, and a readable report of its violations.
'use strict';

const AXE = require.resolve('axe-core');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now (the WCAG 2.1 A/AA rules unless `tags` says); returns the violations. */
async function axe(page, tags = TAGS) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    tags,
  );
  return result.violations;
}

/** One line per failing node: rule, impact, selector and axe's summary of what to fix. */
function describe(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} (${v.impact}): ${v.help} – ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`    ${node.target.join(' ')}`);
      if (node.failureSummary) {
        lines.push(...node.failureSummary.split('\n').map((l) => `      ${l.trim()}`));
      }
    }
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}

module.exports = { axe, describe, TAGS };
