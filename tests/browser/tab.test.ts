/**
 * The dashboard tab in a real browser (headless Chromium through playwright-core): outside Teams the
 * teams-js handshake times out and the page falls back to ?lang=; a coordinator's signed link shows
 * the plan's progress with SVG bars, the period selector reloads it, Arabic is laid out right to
 * left, and a forged link gets the "link expired" message. The selector covers plan years, reporting
 * periods, the whole plan and a custom range; figures stand next to the previous period's; the
 * indicators are line charts; the download button fetches the workbook; the print view hides the
 * controls. Saves data/tab-screenshot.png, tab-screenshot-full.png, tab-print.png and tab-print.pdf.
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

    await page.selectOption('#period', 'w');
    await page.waitForSelector('body[data-loaded="w"]', { timeout: 15_000 });
    expect(await page.textContent('.summary h2')).toMatch(/DEMO/);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  test('the selector offers plan years, reporting periods, the whole plan and a custom range; figures stand next to the previous period', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    await page.waitForSelector('body[data-loaded="plan-year"]', { timeout: 15_000 });
    const values = await page.locator('#period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual(['y1', 'y2', 'y3', 'y4', ...Array.from({ length: 12 }, (_, i) => `r${i + 1}`), 'w', 'custom']);
    expect(await page.locator('#period optgroup').evaluateAll((gs) => gs.map((g) => (g as HTMLOptGroupElement).label))).toEqual([
      TAB_TEXTS.da.periods['plan-year'],
      TAB_TEXTS.da.periods['reporting-period'],
    ]);
    expect(await page.locator('#period option[value="r5"]').textContent()).toMatch(
      /^Leverancemåling \u2068?5\u2069? \(\d{1,2}\.\d{1,2}\.\d{4} – \d{1,2}\.\d{1,2}\.\d{4}\)$/,
    );

    // A reporting period: each figure next to the previous period's, with the change.
    await page.selectOption('#period', 'r5');
    await page.waitForSelector('body[data-loaded="r5"]', { timeout: 15_000 });
    expect(await page.textContent('.compared')).toContain('Sammenlignet med');
    expect(await page.textContent('.compared')).toMatch(/Leverancemåling \u2068?4/);
    expect(await page.locator('.figures .previous').count()).toBeGreaterThan(3);
    expect(await page.locator('.figures .previous').first().textContent()).toMatch(/Forrige periode/);

    // Statuses: the chat's words with a symbol, and "på sporet" not in the green of "nået".
    const words = await page.locator('.summary .legend').first().textContent();
    expect(words).toContain('✔ nået');
    expect(words).toContain('➜ på sporet');
    expect(words).toContain('⚠ i risiko');
    expect(words).toContain('✖ bagud');
    const colour = (cls: string): Promise<string> =>
      page
        .locator(`.summary .legend .swatch.${cls}`)
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await colour('achieved')).not.toBe(await colour('on-track'));

    // Indicators as small line charts: the measurements as dots, the baseline dashed.
    expect(await page.locator('section.indicators article.indicator').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.line-chart circle.point').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.line-chart line.baseline').count()).toBeGreaterThan(0);

    // A custom range.
    await page.selectOption('#period', 'custom');
    expect(await page.isVisible('#custom')).toBe(true);
    // Dates on the page read day first ("1.10.2025 – 31.1.2026"); the date fields take ISO dates.
    const r5 = await page.locator('#period option[value="r5"]').textContent();
    const [, d1, m1, y1, d2, m2, y2] = /(\d{1,2})\.(\d{1,2})\.(\d{4}) – (\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(r5 ?? '') ?? [];
    const iso = (y?: string, m?: string, d?: string): string => `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
    const [from, to] = [iso(y1, m1, d1), iso(y2, m2, d2)];
    await page.fill('#from', from as string);
    await page.fill('#to', to as string);
    await page.click('#show');
    const code = `d${(from as string).replace(/-/g, '')}-${(to as string).replace(/-/g, '')}`;
    await page.waitForSelector(`body[data-loaded="${code}"]`, { timeout: 15_000 });
    expect(await page.textContent('.summary h2')).toContain(`${Number(d1)}.${Number(m1)}.${y1} – ${Number(d2)}.${Number(m2)}.${y2}`);
    expect(await page.textContent('.summary h2')).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // The coordinator's download button fetches the workbook for the period shown.
    const href = await page.getAttribute('#download', 'href');
    expect(await page.isVisible('#download')).toBe(true);
    expect(href).toMatch(new RegExp(`^/tab/report\\.xlsx\\?plan=[^&]+&period=${code}&lang=da&token=v1\\.`));
    const file = await page.evaluate(async (u) => {
      const r = await fetch(u as string);
      return { status: r.status, type: r.headers.get('content-type') };
    }, href);
    expect(file).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

    // And a link to the page where the plan itself is downloaded and uploaded as a workbook.
    expect(await page.isVisible('#plan-workbook')).toBe(true);
    expect(await page.textContent('#plan-workbook')).toBe('Planen som regneark');
    const workbookPage = await page.evaluate(
      async (u) => {
        const r = await fetch(u as string);
        return { status: r.status, html: await r.text() };
      },
      await page.getAttribute('#plan-workbook', 'href'),
    );
    expect(workbookPage.status).toBe(200);
    expect(workbookPage.html).toContain('Planen som regneark');

    // Another plan: the selector lists every plan, and choosing one shows its whole period.
    const planOptions = await page.locator('#plan option').allTextContents();
    expect(planOptions.length).toBeGreaterThan(1);
    const other = await page.locator('#plan option').evaluateAll((os) => (os as HTMLOptionElement[]).find((o) => /2013-17/.test(o.textContent ?? ''))?.value);
    expect(other).toBeTruthy();
    await page.selectOption('#plan', other as string);
    await page.waitForSelector('body[data-loaded="whole-plan"]', { timeout: 15_000 });
    expect(await page.textContent('.summary h2')).toContain('2013-17');
    await page.selectOption(
      '#plan',
      await page.locator('#plan option').evaluateAll((os) => (os as HTMLOptionElement[]).find((o) => /DEMO/.test(o.textContent ?? ''))?.value ?? ''),
    );
    await page.waitForSelector('body[data-loaded="whole-plan"]', { timeout: 15_000 });

    await page.selectOption('#period', 'y1');
    await page.waitForSelector('body[data-loaded="y1"]', { timeout: 15_000 });
    await page.screenshot({ path: join(PROJECT_ROOT, 'data', 'tab-screenshot-full.png'), fullPage: true });
    // Print: A4, no controls, statuses readable without colour.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.isVisible('.controls')).toBe(false);
    expect(
      await page
        .locator('.badge')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor),
    ).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(PROJECT_ROOT, 'data', 'tab-print.png'), fullPage: true });
    await page.pdf({ path: join(PROJECT_ROOT, 'data', 'tab-print.pdf'), format: 'A4', printBackground: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('in Arabic the page is right to left and translated', async () => {
    const page = await browser.newPage();
    await page.goto(link.replace('lang=da', 'lang=ar'));
    await page.waitForSelector('body[data-loaded="plan-year"]', { timeout: 15_000 });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('h1')).toBe(TAB_TEXTS.ar.title);
    expect(await page.locator('#period optgroup').first().getAttribute('label')).toBe(TAB_TEXTS.ar.periods['plan-year']);
    expect(await page.locator('#period option').first().textContent()).toMatch(/^سنة الخطة \u20681\u2069 /);
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
