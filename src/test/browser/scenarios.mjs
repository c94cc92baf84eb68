// Browser scenarios for the Wachposten console, run by de.wachposten.browser.BrowserKit:
//   node scenarios.mjs NAME   with WP_BASE (console URL), WP_CHROMIUM (Debian's /usr/bin/chromium),
//   WP_PARAMS (JSON from the Java test), WP_SHOTS (screenshot directory).
// playwright-core drives the system Chromium; it never downloads a browser. Each launch gets a fresh, empty
// user-data directory (Playwright makes a new temporary profile per launch; every context is isolated).
// Protocol on stdout: "@step NAME JSON" (then one JSON line on stdin answers it) and finally "@result JSON".
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.WP_BASE;
const params = JSON.parse(process.env.WP_PARAMS || '{}');
const shots = process.env.WP_SHOTS;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

const stdin = createInterface({ input: process.stdin });
const answers = [];
const waiting = [];
stdin.on('line', (line) => {
  const v = JSON.parse(line || '{}');
  if (waiting.length) { waiting.shift()(v); } else { answers.push(v); }
});

/** Reports step NAME to the Java side and waits for its answer. */
function step(name, data = {}) {
  process.stdout.write(`@step ${name} ${JSON.stringify(data)}\n`);
  return new Promise((resolve) => {
    if (answers.length) { resolve(answers.shift()); } else { waiting.push(resolve); }
  });
}

/** A page that records dialogs (and dismisses them), page errors and CSP violations. */
async function watched(context) {
  const page = await context.newPage();
  page.events = { dialogs: [], errors: [], csp: [], failed: [] };
  page.on('dialog', async (d) => { page.events.dialogs.push(d.type() + ': ' + d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => page.events.errors.push(String(e)));
  // console errors other than failed loads (those are in "failed", with their URL): CSP violations among them
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) { page.events.csp.push(m.text()); }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) { page.events.failed.push(r.status() + ' ' + new URL(r.url()).pathname); }
  });
  return page;
}

async function signIn(page, token) {
  await page.goto(base + '/login');
  await page.fill('#token', token);
  await Promise.all([page.waitForURL(/\/alerts/), page.click('form.login button[type=submit]')]);
}

async function shot(page, name, fullPage = true) {
  if (!shots) { return; }
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name + '.png'), fullPage });
}

/** What the page shows of an alert row. */
async function row(page, id) {
  const li = page.locator(`li[data-alert-id="${id}"]`);
  if (await li.count() === 0) { return null; }
  return {
    severity: await li.locator('.sev').first().textContent(),
    channel: await li.locator('.channel').first().textContent(),
    time: await li.locator('.time').first().textContent(),
    status: await li.locator('.status').first().textContent(),
    reasons: await li.locator('ul.reasons > li').allTextContents(),
    text: await li.locator('.text').first().textContent(),
  };
}

/** Records in window.__arrived, per alert id, Date.now() when its row entered #alerts (0: there at load). */
async function watchArrivals(page) {
  await page.evaluate(() => {
    window.__arrived = {};
    for (const li of document.querySelectorAll('#alerts > li[data-alert-id]')) { window.__arrived[li.getAttribute('data-alert-id')] = 0; }
    new MutationObserver(() => {
      for (const li of document.querySelectorAll('#alerts > li[data-alert-id]')) {
        const id = li.getAttribute('data-alert-id');
        if (!(id in window.__arrived)) { window.__arrived[id] = Date.now(); }
      }
    }).observe(document.getElementById('alerts'), { childList: true });
  });
}

const scenarios = {
  async signInOut(browser) {
    const page = await watched(await browser.newContext());
    const r = {};
    await page.goto(base + '/');
    r.start = new URL(page.url()).pathname;
    await page.fill('#token', 'wrong-token');
    await page.click('form.login button[type=submit]');
    r.wrong = { path: new URL(page.url()).pathname, error: await page.locator('.error').textContent() };
    await signIn(page, params.token);
    r.signedIn = { path: new URL(page.url()).pathname, who: await page.locator('.who').textContent(),
      cookies: (await page.context().cookies()).map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite })) };
    await Promise.all([page.waitForURL(/\/login/), page.click('form.logout button[type=submit]')]);
    r.signedOut = { path: new URL(page.url()).pathname, cookies: (await page.context().cookies()).map((c) => c.name) };
    await page.goto(base + '/alerts');
    r.afterwards = new URL(page.url()).pathname;
    r.events = page.events;
    return r;
  },

  async incident(browser) {
    const page = await watched(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await signIn(page, params.token);
    const r = { inbox: await row(page, params.alertId), rows: await page.locator('li[data-alert-id]').count() };
    await Promise.all([page.waitForURL(/\/alerts\/a-/),
      page.locator(`li[data-alert-id="${params.alertId}"] .more a`).click()]);
    r.detail = {
      path: new URL(page.url()).pathname,
      h1: await page.locator('h1').textContent(),
      facts: await page.locator('dl.facts').innerText(),
      post: await page.locator('blockquote.text').first().textContent(),
      reasons: await page.locator('section[aria-labelledby=h-reasons] li').allTextContents(),
      timeline: await page.locator('ol.timeline li').allInnerTexts(),
      resolutions: await page.locator('select[name=resolution] option').evaluateAll((os) => os.map((o) => o.value)),
    };
    r.events = page.events;
    return r;
  },

  async live(browser) {
    const page = await watched(await browser.newContext());
    await signIn(page, params.token);
    await watchArrivals(page);
    await page.evaluate(() => { window.__notReloaded = true; });
    await page.waitForTimeout(300); // the EventSource connects
    const go = await step('open', { rows: await page.locator('li[data-alert-id]').count() });
    await page.waitForFunction((id) => id in window.__arrived, go.alertId, { timeout: 10000 });
    const r = {
      arrivedAt: await page.evaluate((id) => window.__arrived[id], go.alertId),
      notReloaded: await page.evaluate(() => window.__notReloaded === true),
      notice: await page.locator('#live-notice').isVisible() ? await page.locator('#live-notice').innerText() : null,
      row: await row(page, go.alertId),
      first: await page.locator('#alerts > li[data-alert-id]').first().getAttribute('data-alert-id'),
    };
    await shot(page, 'inbox-live', false);
    // acknowledge the live row as it came, without reloading the page first
    const li = page.locator(`li[data-alert-id="${go.alertId}"]`);
    r.liveForm = { forms: await li.locator('form.ack').count(),
      csrf: await li.locator('form.ack input[name=csrf]').count() ? await li.locator('form.ack input[name=csrf]').inputValue() : null,
      resolutions: await li.locator('select[name=resolution] option').evaluateAll((os) => os.map((o) => o.value)),
      label: await li.locator('form.ack label').count() };
    await li.locator('select[name=resolution]').selectOption(params.resolution);
    await Promise.all([page.waitForURL(/\/alerts/), li.locator('form.ack button[type=submit]').click()]);
    await page.waitForLoadState('load');
    r.acknowledged = { path: new URL(page.url()).pathname,
      flash: await page.locator('.flash').count() ? await page.locator('.flash').textContent() : null,
      stillListed: await page.locator(`li[data-alert-id="${go.alertId}"]`).count() };
    r.events = page.events;
    return r;
  },

  async acknowledge(browser) {
    const page = await watched(await browser.newContext());
    await signIn(page, params.token);
    const li = page.locator(`li[data-alert-id="${params.listAlert}"]`);
    await li.locator('select[name=resolution]').selectOption(params.resolution);
    await Promise.all([page.waitForLoadState('load'), li.locator('form.ack button[type=submit]').click()]);
    await page.waitForLoadState('load');
    const r = { list: { path: new URL(page.url()).pathname,
      flash: await page.locator('.flash').count() ? await page.locator('.flash').textContent() : null,
      stillListed: await page.locator(`li[data-alert-id="${params.listAlert}"]`).count() } };
    await page.goto(base + '/alerts/' + params.detailAlert);
    await page.locator('select[name=resolution]').selectOption(params.resolution);
    await page.fill('textarea[name=note]', 'Beitrag gelöscht, Stellungnahme folgt.');
    await Promise.all([page.waitForLoadState('load'), page.locator('form.ack button[type=submit]').click()]);
    await page.goto(base + '/alerts/' + params.detailAlert);
    r.detail = { status: await page.locator('.status').first().textContent(),
      timeline: await page.locator('ol.timeline li').allInnerTexts(),
      ackForm: await page.locator('form.ack').count() };
    await page.goto(base + '/alerts?status=acknowledged');
    r.acknowledged = await page.locator('li[data-alert-id]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-alert-id')));
    r.events = page.events;
    return r;
  },

  async fourEyes(browser) {
    const drafter = await watched(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await signIn(drafter, params.drafterToken);
    await drafter.goto(base + '/drafts');
    await drafter.selectOption('#d-channel', 'sms-sachsen');
    await drafter.fill('#d-text', params.text);
    await drafter.fill('#d-before', params.notBefore);
    await drafter.fill('#d-after', params.notAfter);
    await Promise.all([drafter.waitForLoadState('load'), drafter.click('form.draft button[type=submit]')]);
    const draft = drafter.locator('li[data-draft-id]', { hasText: params.text });
    const r = { draftId: await draft.getAttribute('data-draft-id'),
      statusBefore: await draft.locator('.status').textContent() };
    await Promise.all([drafter.waitForLoadState('load'),
      draft.locator('form[action$="/approve"] button').click()]);
    await drafter.waitForSelector('.refusal');
    r.refusal = await drafter.locator('.refusal').textContent();
    r.refusalRole = await drafter.locator('.error').getAttribute('role');
    r.statusAfterRefusal = await drafter.locator(`li[data-draft-id="${r.draftId}"] .status`).textContent();
    await shot(drafter, 'drafts-refusal');

    const approver = await watched(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await signIn(approver, params.approverToken);
    await approver.goto(base + '/drafts');
    const mine = approver.locator(`li[data-draft-id="${r.draftId}"]`);
    await Promise.all([approver.waitForLoadState('load'), mine.locator('form[action$="/approve"] button').click()]);
    await approver.goto(base + '/drafts');
    r.approved = { status: await approver.locator(`li[data-draft-id="${r.draftId}"] .status`).textContent(),
      head: await approver.locator(`li[data-draft-id="${r.draftId}"] .head`).innerText(),
      refusal: await approver.locator('.refusal').count() };
    await shot(approver, 'drafts-approved');

    await drafter.goto(base + '/alerts');
    const rowsBefore = await drafter.locator('li[data-alert-id]').count();
    await drafter.waitForTimeout(300);
    await step('approved', { draftId: r.draftId, rowsBefore });
    r.notice = await drafter.locator('#live-notice').isVisible();
    r.rowsAfterLive = await drafter.locator('li[data-alert-id]').count();
    await drafter.reload();
    r.rowsAfterReload = await drafter.locator('li[data-alert-id]').count();
    r.textInInbox = (await drafter.locator('#alerts').innerText()).includes(params.text);
    r.events = { drafter: drafter.events, approver: approver.events };
    return r;
  },

  async xss(browser) {
    const page = await watched(await browser.newContext());
    await signIn(page, params.token);
    const probe = () => ({
      injectedImgs: document.querySelectorAll('img').length,
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      onAttributes: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') || '')).length,
      pwned: window.__pwned === true,
    });
    const r = { inbox: await page.evaluate(probe), texts: {} };
    for (const id of params.alertIds) { r.texts[id] = await page.locator(`li[data-alert-id="${id}"] .text`).textContent(); }
    r.details = {};
    for (const id of params.alertIds) {
      await page.goto(base + '/alerts/' + id);
      r.details[id] = { probe: await page.evaluate(probe), post: await page.locator('blockquote.text').first().textContent(),
        h1: await page.locator('h1').textContent() };
    }
    await page.goto(base + '/alerts');
    await page.waitForTimeout(300);
    const go = await step('open');
    await page.waitForSelector(`li[data-alert-id="${go.alertId}"]`, { timeout: 10000 });
    await page.waitForTimeout(200);
    r.live = { probe: await page.evaluate(probe), text: await page.locator(`li[data-alert-id="${go.alertId}"] .text`).textContent(),
      notice: await page.locator('#live-notice').innerText() };
    r.events = page.events;
    return r;
  },

  async otherOffice(browser) {
    const page = await watched(await browser.newContext());
    await signIn(page, params.token);
    const r = { rows: await page.locator('li[data-alert-id]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-alert-id'))),
      inboxText: await page.locator('main').innerText() };
    const resp = await page.goto(base + '/alerts/' + params.alertId);
    r.detail = { status: resp.status(), text: await page.locator('main').innerText() };
    const unknown = await page.goto(base + '/alerts/a-0000000000000000');
    r.unknown = { status: unknown.status(), text: await page.locator('main').innerText() };
    await page.goto(base + '/alerts?status=any');
    r.anyRows = await page.locator('li[data-alert-id]').count();
    r.events = page.events;
    return r;
  },

  async keyboard(browser) {
    const page = await watched(await browser.newContext());
    await page.goto(base + '/login');
    const active = () => page.evaluate(() => {
      const e = document.activeElement;
      return e ? (e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : '') + (e.className ? '.' + e.className : '')) : null;
    });
    const r = { initial: await active(), order: [], back: [] };
    // autofocus puts the caret into the token field; Shift+Tab goes back to the skip link, then Tab walks the form
    await page.keyboard.press('Shift+Tab');
    r.order.push(await active());
    while (r.order.length < 6 && r.order[r.order.length - 1] !== 'button[submit]') {
      await page.keyboard.press('Tab');
      r.order.push(await active());
    }
    while (r.back.length < 6 && (r.back.length === 0 || r.back[r.back.length - 1] !== '#token')) {
      await page.keyboard.press('Shift+Tab');
      r.back.push(await active());
    }
    await page.keyboard.type(params.token);
    await Promise.all([page.waitForURL(/\/alerts/, { timeout: 10000 }), page.keyboard.press('Enter')]);
    r.after = new URL(page.url()).pathname;
    r.afterOrder = [];
    for (let i = 0; i < 4; i++) { await page.keyboard.press('Tab'); r.afterOrder.push(await active()); }
    r.focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    r.events = page.events;
    return r;
  },

  async phone(browser) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
      isMobile: true, hasTouch: true });
    const page = await watched(context);
    const width = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth, inner: window.innerWidth }));
    await page.goto(base + '/login');
    const r = { login: await width() };
    await shot(page, 'phone-login', false);
    await signIn(page, params.token);
    r.inbox = await width();
    r.rows = await page.locator('li[data-alert-id]').count();
    r.widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)));
    await shot(page, 'phone-inbox', false);
    await page.goto(base + '/alerts/' + params.alertId);
    r.detail = await width();
    await page.goto(base + '/drafts');
    r.drafts = await width();
    r.events = page.events;
    return r;
  },

  async screens(browser) {
    const page = await watched(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await page.goto(base + '/login');
    await shot(page, 'login');
    await signIn(page, params.token);
    await shot(page, 'inbox');
    await page.goto(base + '/alerts/' + params.alertId);
    await shot(page, 'alert-detail');
    await page.goto(base + '/drafts');
    await shot(page, 'drafts');
    const r = { taken: ['login', 'inbox', 'alert-detail', 'drafts'], missing: [] };
    for (const p of ['channels', 'search', 'report', 'check']) {
      const resp = await page.goto(base + '/' + p);
      if (resp.status() === 200) { await shot(page, p); r.taken.push(p); } else { r.missing.push(p + ' ' + resp.status()); }
    }
    r.events = page.events;
    return r;
  },

  /** Measurement: time to first paint of /alerts (signed in), over params.runs fresh loads. */
  async paint(browser) {
    const page = await watched(await browser.newContext());
    await signIn(page, params.token);
    const runs = [];
    for (let i = 0; i < params.runs; i++) {
      const p = await page.context().newPage();
      await p.goto(base + '/alerts', { waitUntil: 'load' });
      runs.push(await p.evaluate(() => new Promise((resolve) => {
        const done = () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const fp = performance.getEntriesByName('first-paint')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          resolve({ ttfb: nav.responseStart, responseEnd: nav.responseEnd, firstPaint: fp ? fp.startTime : null,
            fcp: fcp ? fcp.startTime : null, load: nav.loadEventEnd || nav.duration,
            rows: document.querySelectorAll('li[data-alert-id]').length, body: nav.decodedBodySize });
        };
        if (performance.getEntriesByName('first-contentful-paint').length) { done(); return; }
        new PerformanceObserver(done).observe({ type: 'paint', buffered: true });
        setTimeout(done, 3000);
      })));
      await p.close();
    }
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, body: e.decodedBodySize })));
    return { runs, resources };
  },

  /** Measurement: live arrival of params.count alerts in an open inbox; the Java side publishes them. */
  async arrivals(browser) {
    const page = await watched(await browser.newContext());
    await signIn(page, params.token);
    await watchArrivals(page);
    await page.waitForTimeout(500);
    await step('open');
    let complete = true;
    try {
      await page.waitForFunction((n) => Object.values(window.__arrived).filter((t) => t > 0).length >= n, params.count,
        { timeout: 20000, polling: 200 });
    } catch (e) {
      complete = false; // report what arrived
    }
    return { complete, arrived: await page.evaluate(() => window.__arrived),
      notice: await page.locator('#live-notice').innerText(), events: page.events };
  },
};

const name = process.argv[2];
let browser;
try {
  if (!scenarios[name]) { throw new Error('no scenario ' + name + '; known: ' + Object.keys(scenarios).join(', ')); }
  browser = await chromium.launch({ executablePath: process.env.WP_CHROMIUM || '/usr/bin/chromium', headless: true,
    args: FLAGS });
  const result = await scenarios[name](browser);
  process.stdout.write(`@result ${JSON.stringify(result)}\n`);
} catch (e) {
  process.stdout.write(`@result ${JSON.stringify({ error: String(e && e.stack || e) })}\n`);
  process.exitCode = 1;
} finally {
  if (browser) { await browser.close(); }
  stdin.close();
}
