// Opens stet's review pages in Debian's headless Chromium (driven by
// playwright-core) and checks what a reader gets: the most material changes
// first, links that land on the marked words, a quote's history one click
// away, the side-by-side toggle, no request to any host but 127.0.0.1, no
// console error, and no script of an article ever running.
//
//   node review_pages.mjs diff PAGE.html HOSTILE.html SCREENSHOT_DIR
//   node review_pages.mjs serve http://127.0.0.1:PORT SCREENSHOT_DIR
//
// Prints one line per check and exits 1 if any failed.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [mode, ...args] = process.argv.slice(2);
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// A page that records every request, console error, page error and dialog.
async function watchedPage(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const seen = { requests: [], errors: [], dialogs: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { page, seen };
}

function local(url) {
  return url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:') ||
         /^https?:\/\/127\.0\.0\.1[:/]/.test(url);
}

function checkQuiet(seen, what) {
  const outside = seen.requests.filter((url) => !local(url));
  check(outside.length === 0, `${what}: no request but to 127.0.0.1 ${outside.join(' ')}`);
  check(seen.errors.length === 0, `${what}: no console error ${seen.errors.join(' | ')}`);
  check(seen.dialogs.length === 0, `${what}: no dialog opened ${seen.dialogs.join(' | ')}`);
}

// The comparison page: order of changes, links, history, toggle.
async function checkComparison(page, what) {
  const kinds = await page.$$eval('ol.changes > li', (items) =>
    items.map((item) => ({ kind: item.dataset.kind, text: item.textContent })));
  check(kinds.length > 0, `${what}: lists its changes (${kinds.length})`);
  const first = kinds[0] || {};
  check(first.kind === 'quote_reattributed' && /Vance/.test(first.text) &&
        /Rubio/.test(first.text), `${what}: the re-attributed quote (Vance -> Rubio) is first`);
  check((kinds[1] || {}).kind === 'negation_changed',
        `${what}: the reversed denial comes next (${(kinds[1] || {}).kind})`);
  for (const index of [0, 1]) {
    const item = page.locator('ol.changes > li').nth(index);
    await item.locator('a.goto').first().click();
    const landed = await page.evaluate(() => {
      const target = document.querySelector(':target');
      if (!target) return null;
      const rect = target.getBoundingClientRect();
      return { marked: target.querySelectorAll('ins, del').length,
               text: target.textContent, visible: rect.bottom > 0 && rect.top < innerHeight };
    });
    check(landed && landed.marked > 0 && landed.visible,
          `${what}: change ${index + 1}'s link lands on marked words in view` +
          (landed ? ` ("${landed.text.slice(0, 60)}...")` : ''));
  }
  // The first change's history, one click away.
  const history = page.locator('ol.changes > li').first().locator('details.history');
  if (await history.count()) {
    await history.locator('summary').click();
    const entries = await history.locator('li').count();
    check(await history.evaluate((d) => d.open) && entries >= 2,
          `${what}: the quote's history opens with one entry a revision (${entries})`);
  } else {
    check(false, `${what}: the re-attributed quote has a history`);
  }
  // Side by side, by a toggle that needs no script.
  await page.locator('label[for=view-sides]').click();
  const shown = await page.evaluate(() => ({
    sides: getComputedStyle(document.querySelector('.sides')).display,
    inline: getComputedStyle(document.querySelector('.inline')).display,
  }));
  check(shown.sides !== 'none' && shown.inline === 'none', `${what}: the toggle shows the sides`);
  await page.locator('label[for=view-inline]').click();
}

if (mode === 'diff') {
  const [pagePath, hostilePath, shots] = args;
  for (const width of [1280, 390]) {
    const { page, seen } = await watchedPage(width);
    await page.goto('file://' + path.resolve(pagePath));
    await checkComparison(page, `diff page at ${width} px`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, `diff-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `diff page at ${width} px: nothing wider than the screen (${overflow})`);
    checkQuiet(seen, `diff page at ${width} px`);
  }
  const { page, seen } = await watchedPage(1280);
  await page.goto('file://' + path.resolve(hostilePath));
  await page.waitForTimeout(300);
  const texts = await page.evaluate(() => document.body.textContent);
  check(texts.includes('<script>alert(1)</script>') && texts.includes('onerror=alert(1)'),
        'hostile page: the payloads show as text');
  checkQuiet(seen, 'hostile page');
} else if (mode === 'serve') {
  const [base, shots] = args;
  for (const width of [1280, 390]) {
    const { page, seen } = await watchedPage(width);
    // Recent changes: the sample article is there; follow it to its
    // revisions, then to the comparison of revisions 2 and 3.
    await page.goto(base + '/');
    const entries = await page.$$eval('ol.report > li', (items) => items.map((item) => item.textContent));
    check(entries.some((text) => /Vance says troops/.test(text)),
          `recent changes at ${width} px: the sample article is listed (${entries.length} entries)`);
    await page.screenshot({ path: path.join(shots, `recent-${width}.png`), fullPage: true });
    const sample = page.locator('ol.report > li', { hasText: 'Vance says troops' });
    await sample.locator('a', { hasText: 'Every revision' }).click();
    await page.waitForLoadState();
    const articleUrl = page.url();
    check(/\/a\/[0-9a-f]{16}$/.test(articleUrl), `recent changes at ${width} px: lead to the article`);
    await page.locator('a', { hasText: 'compare with 2' }).click();
    await page.waitForLoadState();
    check(/\/compare\/2\/3$/.test(page.url()), `article at ${width} px: leads to the 2->3 comparison`);
    await checkComparison(page, `served comparison at ${width} px`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, `compare-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `served comparison at ${width} px: nothing wider than the screen (${overflow})`);
    // A quote's history page, from the article's quotes.
    await page.goto(articleUrl);
    await page.locator('#quotes a', { hasText: 'history' }).first().click();
    await page.waitForLoadState();
    const revisions = await page.locator('ol.history > li').count();
    check(revisions === 3, `quote history at ${width} px: one line a revision (${revisions})`);
    // Search for a speaker.
    await page.goto(base + '/');
    await page.fill('input[name=q]', 'Rubio');
    await page.press('input[name=q]', 'Enter');
    await page.waitForLoadState();
    const found = await page.locator('ol.report > li').count();
    check(found >= 1 && /speaker: Marco Rubio/.test(await page.content()),
          `search at ${width} px: finds the speaker (${found})`);
    checkQuiet(seen, `review site at ${width} px`);
  }
  // An article written to attack the pages: its payloads show as text on the
  // recent changes, its revisions, its comparison and the feed.
  {
    const { page, seen } = await watchedPage(1280);
    await page.goto(base + '/');
    const hostile = page.locator('ol.report > li', { hasText: 'onerror' });
    check(await hostile.count() === 1, 'hostile article: listed, its title as text');
    await hostile.locator('a', { hasText: 'Full comparison' }).click();
    await page.waitForLoadState();
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => document.body.textContent);
    check(text.includes('<script>alert(1)</script>') && text.includes('<img src=x onerror=alert(1)>'),
          'hostile comparison: the payloads show as text');
    await page.goto(base + '/');
    await page.locator('ol.report > li', { hasText: 'onerror' })
      .locator('a', { hasText: 'Every revision' }).click();
    await page.waitForLoadState();
    await page.goto(base + '/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Csvg%20onload%3Dalert(1)%3E');
    await page.goto(base + '/feed.atom');
    await page.waitForTimeout(300);
    checkQuiet(seen, 'hostile article');
  }
  // The stored page as fetched: its script never runs.
  {
    const { page, seen } = await watchedPage(1280);
    await page.goto(base + '/');
    await page.goto(base + '/search?q=council');
    await page.locator('ol.report > li a').first().click();
    await page.waitForLoadState();
    await page.locator('a', { hasText: 'page as fetched' }).first().click();
    await page.waitForLoadState();
    await page.waitForTimeout(500);
    const title = await page.title();
    check(title !== 'SCRIPT RAN', `stored page: its script did not run (title "${title}")`);
    check(!seen.requests.some((url) => url.includes('/marker')), 'stored page: its script requested nothing');
    check(seen.dialogs.length === 0, 'stored page: no dialog opened');
    const outside = seen.requests.filter((url) => !local(url));
    check(outside.length === 0, `stored page: no request but to 127.0.0.1 ${outside.join(' ')}`);
  }
} else {
  console.log(`unknown mode ${mode}`);
  failures++;
}

await browser.close();
process.exit(failures ? 1 : 0);
