// Browser scenarios for the Wachposten console, run by de.wachposten.browser.BrowserKit:
//   node scenarios.mjs NAME   with WP_BASE (console URL), WP_CHROMIUM (Debian's /usr/bin/chromium),
//   WP_PARAMS (JSON from the Java test), WP_SHOTS (screenshot directory).
// playwright-core drives the system Chromium; it never downloads a browser. Each launch gets a fresh, empty
// user-data directory (Playwright makes a new temporary profile per launch; every context is isolated).
// Protocol on stdout: "@step NAME JSON" (then one JSON line on stdin answers it) and finally "@result JSON".
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const base = process.env.WP_BASE;
const params = JSON.parse(process.env.WP_PARAMS || '{}');
const shots = process.env.WP_SHOTS;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
// axe-core from node_modules (pinned in package.json), injected into the audited pages; nothing is downloaded
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

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

/**
 * Runs axe-core on the page as it is (every rule of axe's default set, WCAG 2.x A/AA and best practices); returns its
 * violations with impact, help and the CSS targets of the failing nodes.
 */
async function axeViolations(page) {
  if (!await page.evaluate(() => typeof window.axe === 'object')) { await page.evaluate(AXE); }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return { axe: r.testEngine.version, passed: r.passes.length, passes: r.passes.map((v) => v.id),
      incomplete: r.incomplete.map((v) => ({ id: v.id, impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) })),
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary })) })) };
  });
}

/** What an element that has the focus looks like: how to name it, where it is, and its focus indicator. */
function focusInfo() {
  const e = document.activeElement;
  if (!e || e === document.body) { return null; }
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const name = e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.getAttribute('type') ? '[' + e.getAttribute('type') + ']' : '')
    + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
    + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '');
  const region = e.closest('a.skip') ? 'skip' : e.closest('header nav') ? 'nav' : e.closest('header') ? 'header'
    : e.closest('form.filters') ? 'filters' : e.closest('#alerts > li') ? 'alert' : e.closest('main') ? 'main' : 'other';
  const alert = e.closest('#alerts > li');
  return { name, region, alert: alert ? alert.getAttribute('data-alert-id') : null,
    top: r.top + window.scrollY, left: r.left + window.scrollX, bottom: r.bottom + window.scrollY,
    width: r.width, height: r.height,
    outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, outlineStyle: s.outlineStyle,
    outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow };
}

const scenarios = {
  /**
   * Single sign-on in the browser: /login, the organisation's sign-in link, the OpenID provider's own login and consent
   * pages (its development interactions) as params.login, and back to the console, where the page is recorded.
   */
  async sso(browser) {
    const page = await watched(await browser.newContext({ locale: params.lang }));
    const origin = new URL(base).origin;
    const statuses = [];
    page.on('response', (resp) => {
      if (resp.request().isNavigationRequest()) { statuses.push(resp.status() + ' ' + new URL(resp.url()).pathname); }
    });
    await page.goto(base + '/login');
    const r = { start: new URL(page.url()).pathname, link: await page.locator('p.sso a').textContent(), provider: [] };
    await Promise.all([page.waitForURL((u) => u.origin !== origin), page.click('p.sso a')]);
    for (let i = 0; i < 10 && new URL(page.url()).origin !== origin; i++) {
      await page.waitForLoadState('load');
      const prompt = page.locator('input[name=prompt]');
      r.provider.push(new URL(page.url()).host + ' ' + (await prompt.count() ? await prompt.getAttribute('value') : '?'));
      if (await page.locator('input[name=login]').count()) {
        await page.fill('input[name=login]', params.login);
        await page.fill('input[name=password]', 'any');
      }
      // the login form and the consent form post to the same address, so wait for the navigation itself
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').first().click()]);
    }
    if (params.signedIn) {
      await page.waitForURL((u) => u.origin === origin && u.pathname === '/alerts', { timeout: 15000 });
    }
    await page.waitForLoadState('load');
    r.end = { url: page.url(), path: new URL(page.url()).pathname, text: await page.locator('main').innerText(),
      who: await page.locator('.who').count() ? await page.locator('.who').textContent() : null,
      rows: await page.locator('li[data-alert-id]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-alert-id'))),
      cookies: (await page.context().cookies()).map((c) => ({ name: c.name, domain: c.domain, path: c.path,
        httpOnly: c.httpOnly, sameSite: c.sameSite })) };
    r.navigations = statuses;
    await page.goto(base + '/alerts');
    r.afterwards = new URL(page.url()).pathname;
    r.events = page.events;
    return r;
  },

  /**
   * Accessibility audit: axe-core on every console page, in the language of the stack (params.lang), at desktop size
   * and on a 390x844 phone. The pages: /login, /alerts (with alerts), /alerts/{id}, /drafts (with a draft),
   * /channels, /search (with results), /report (with a report), /check (with a result).
   */
  async audit(browser) {
    const audits = [];
    for (const [size, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const context = await browser.newContext({ ...options, locale: params.lang });
      await context.addInitScript({ content: AXE });
      const page = await watched(context);
      const check = async (name) => {
        await page.waitForLoadState('load');
        audits.push({ page: name, size, path: new URL(page.url()).pathname, lang: await page.getAttribute('html', 'lang'),
          ...await axeViolations(page), scroll: await page.evaluate(() => document.documentElement.scrollWidth),
          client: await page.evaluate(() => document.documentElement.clientWidth),
          // the texts that reach past the right edge (outside scroll boxes), for a message when the page scrolls sideways
          overflowing: await page.evaluate(() => {
            const edge = document.documentElement.clientWidth + 1;
            const out = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n && out.length < 5; n = walk.nextNode()) {
              const e = n.parentElement;
              if (!n.textContent.trim() || e.closest('.vh, .skip, .scroll')) { continue; }
              const range = document.createRange();
              range.selectNodeContents(n);
              const right = range.getBoundingClientRect().right;
              if (right > edge) {
                out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' "'
                  + n.textContent.trim().slice(0, 80) + '" right ' + Math.round(right));
              }
            }
            return out;
          }) });
        if (params.shots) { await shot(page, `audit-${params.lang}-${size}-${name}`); }
      };
      await page.goto(base + '/login');
      await check('login');
      await signIn(page, params.token);
      await check('alerts');
      await page.goto(base + '/alerts/' + params.alertId);
      await check('alert');
      await page.goto(base + '/drafts');
      if (size === 'desktop') {
        await page.fill('#d-text', params.draft);
        await Promise.all([page.waitForLoadState('load'), page.click('form.draft button[type=submit]')]);
        await page.goto(base + '/drafts');
      }
      await check('drafts');
      await page.goto(base + '/channels');
      await check('channels');
      await page.goto(base + '/search?q=' + encodeURIComponent(params.query));
      await check('search');
      await page.goto(base + '/report?channel=sms-sachsen&from=2016-01-08&to=2016-01-09');
      await check('report');
      await page.goto(base + '/check');
      await page.fill('#c-text', params.checkText);
      await Promise.all([page.waitForLoadState('load'), page.click('form.check button[type=submit]')]);
      await check('check');
      audits.push({ page: 'events', size, events: page.events });
      await context.close();
    }
    // the audit itself: on a page with a low-contrast text and an unlabelled field, axe must report both
    const probe = await browser.newPage();
    await probe.setContent('<!DOCTYPE html><html lang="en"><head><title>probe</title></head><body><main><h1>Probe</h1>'
      + '<p style="color:#aaa;background:#fff">faint text</p><input type="text"></main></body></html>');
    const probed = await axeViolations(probe);
    await probe.close();
    return { audits, probe: probed.violations.map((v) => v.id + ' ' + v.impact) };
  },

  /**
   * Keyboard focus order on a fresh /alerts load: Tab from the top of the page, recording each focused element (where
   * it is and its focus indicator), until the first alert's controls are passed; then the skip link is followed.
   */
  async focusOrder(browser) {
    const page = await watched(await browser.newContext(params.phone ? PHONE : DESKTOP));
    await signIn(page, params.token);
    await page.goto(base + '/alerts');
    const first = await page.locator('#alerts > li[data-alert-id]').first().getAttribute('data-alert-id');
    const order = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(focusInfo);
      order.push(f);
      if (!f || (f.alert !== null && f.alert !== first) || f.region === 'other') { break; }
    }
    // the skip link: from a fresh load, Tab then Enter moves the focus to the main content, the next Tab to the filters
    await page.goto(base + '/alerts');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const skipped = await page.evaluate(() => document.activeElement && document.activeElement.id);
    await page.keyboard.press('Tab');
    const afterSkip = await page.evaluate(focusInfo);
    return { first, order, skipped, afterSkip, events: page.events };
  },

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
    args: FLAGS.concat(params.chromiumArgs || []) });
  const result = await scenarios[name](browser);
  process.stdout.write(`@result ${JSON.stringify(result)}\n`);
} catch (e) {
  process.stdout.write(`@result ${JSON.stringify({ error: String(e && e.stack || e) })}\n`);
  process.exitCode = 1;
} finally {
  if (browser) { await browser.close(); }
  stdin.close();
}
