/**
 * The dashboard tab in a real browser (headless Chromium through playwright-core): outside Teams the
 * teams-js handshake times out and the page falls back to ?lang=; a coordinator's signed link shows
 * the plan's progress with SVG bars, the period selector reloads it, Arabic is laid out right to
 * left, and a forged link gets the "link expired" message. Saves data/tab-screenshot.png.
 * Skipped, with a message, where /usr/bin/chromium is missing (apt-get install -y chromium).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { COORDINATOR, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { tabTexts } from '../../bots/teams/tab/server-texts';
import { Translations } from '../../src/i18n/i18n';
import { PROJECT_ROOT } from '../../src/config/config';
import { FixedClock } from '../../src/time/clock';

const CHROMIUM = process.env.NABO_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const maybe = available ? describe : describe.skip;
const translations = new Translations();
const TAB_TEXTS = { da: tabTexts(translations.translator('da')), ar: tabTexts(translations.translator('ar')) };
if (!available) console.warn(`tests/browser/tab.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set NABO_CHROMIUM).`);

maybe('dashboard tab in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let link: string;

  beforeAll(async () => {
    h = await startHarness({ clock: new FixedClock(new Date('2026-11-19T12:00:00Z')) });
    const person = await h.nabo.services.people.identify({ channel: 'teams', externalId: COORDINATOR, firstName: 'Karen', role: 'coordinator' });
    link = h.teams.dashboardLink(person.id, 'da').replace(/^http:\/\/localhost:\d+/, h.url);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  test('a coordinator’s link shows the progress with bars, and the period selector reloads it', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    await page.waitForSelector('body[data-loaded="plan-year"]', { timeout: 15_000 });
    expect(await page.getAttribute('body', 'data-host')).toBe('browser');
    expect(await page.textContent('h1')).toBe(TAB_TEXTS.da.title);
    expect(await page.locator('section.focus-area').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.bar rect.fill').count()).toBeGreaterThan(5);
    expect(await page.textContent('#progress')).toMatch(/Fællesspisning/);
    mkdirSync(join(PROJECT_ROOT, 'data'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'data', 'tab-screenshot.png'), fullPage: false });

    await page.selectOption('#period', 'whole-plan');
    await page.waitForSelector('body[data-loaded="whole-plan"]', { timeout: 15_000 });
    expect(await page.textContent('.summary h2')).toMatch(/DEMO/);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  test('in Arabic the page is right to left and translated', async () => {
    const page = await browser.newPage();
    await page.goto(link.replace('lang=da', 'lang=ar'));
    await page.waitForSelector('body[data-loaded="plan-year"]', { timeout: 15_000 });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('h1')).toBe(TAB_TEXTS.ar.title);
    expect(await page.locator('#period option').allTextContents()).toEqual(Object.values(TAB_TEXTS.ar.periods));
    // Figures and Danish plan names keep their logical order inside Arabic sentences.
    expect(await page.locator('.figures').first().textContent()).toMatch(/^الفعلي \u2068[^\u2069]+\u2069 \/ الهدف \u2068/);
    expect(await page.textContent('.summary h2')).toMatch(/^\u2068[^\u2069]+\u2069 · \u2068/);
    await page.close();
  }, 30_000);

  test('a forged link shows the expired-link message and no figures', async () => {
    const page = await browser.newPage();
    await page.goto(link.replace(/token=([^&]+)/, (_m, t: string) => `token=${t.slice(0, -4)}AAAA`));
    await page.waitForSelector('body[data-loaded="error"]', { timeout: 15_000 });
    expect(await page.textContent('#status')).toBe(TAB_TEXTS.da.noAccess);
    expect(await page.locator('svg.bar').count()).toBe(0);
    await page.close();
  }, 30_000);
});
