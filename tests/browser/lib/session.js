// The built site served on loopback and one Chromium, started before a test file's tests and
// stopped after them. Tests read `session.server.url` and `session.browser`.
'use strict';

const { before, after } = require('node:test');

const { serve } = require('./server');
const { launch } = require('./browser');
const { siteDir } = require('./site');

function startSession() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await serve(siteDir());
    session.browser = await launch();
  });
  after(async () => {
    if (session.browser) await session.browser.close();
    if (session.server) await session.server.close();
  });
  return session;
}

module.exports = { startSession };
