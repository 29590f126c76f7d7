/**
 * The plan as a workbook from Teams: a coordinator asks in the chat, gets signed links, downloads
 * the current plan, and uploads a changed one on the signed page. The page shows every problem
 * (sheet, row, column, Danish sentence) or the dry run, and saves only on "Gem" with the checked
 * file. Forged or expired links, staff and wrong files are refused. Real server, SQLite file.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { actionsOf, type OpenUrlAction } from '../../bots/teams/cards/adaptive-card';
import { COORDINATOR, STAFF, TENANT, cardText, cardsOf, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { LINK_TTL_MS, signTabToken } from '../../bots/teams/tab/signed-link';
import { XLSX_TYPE } from '../../bots/teams/tab/plan-workbook-routes';
import { FixedClock } from '../../src/time/clock';

const NOW = new Date('2026-11-19T10:00:00Z');
const clock = new FixedClock(NOW);
const SECRET = 'test-secret-test-secret-test-secret-0123';
const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Karen Holm', tenantId: TENANT };
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
let h: Harness;
let planKey: string;
let coordinatorToken: string;
let original: Buffer;

async function say(user: TeamsUser, text: string) {
  const before = h.connector.calls.length;
  await h.post(textMessage({ serviceUrl: h.connector.url, user, text }));
  await h.connector.waitFor(before + 1);
  const call = h.connector.calls[before];
  return cardsOf(call!)[0]!;
}

const tokenOf = (url: string): string => decodeURIComponent(/token=([^&]+)/.exec(url)![1]!);
/** The page's text without tags. */
const visible = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ')
    .trim();
/** The problem table's rows as cell texts. */
const tableRows = (html: string): string[][] => [...html.matchAll(/<tr><td>(.*?)<\/td><\/tr>/g)].map((m) => m[1]!.split('</td><td>').map((c) => visible(c)));

async function upload(path: 'check' | 'save', body: Uint8Array | string, opts: { token?: string; type?: string; digest?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': opts.type ?? XLSX_TYPE };
  if (opts.token !== '') headers['Authorization'] = `Bearer ${opts.token ?? coordinatorToken}`;
  if (opts.digest) headers['X-Nabo-Checked'] = opts.digest;
  const payload: BodyInit = typeof body === 'string' ? body : Uint8Array.from(body);
  const res = await fetch(`${h.url}/tab/plan-workbook/${path}?lang=da`, { method: 'POST', headers, body: payload });
  return { status: res.status, html: await res.text() };
}

async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets the cell under `header` in the row whose `keyHeader` cell is `key`. */
function setCell(wb: ExcelJS.Workbook, sheet: string, keyHeader: string, key: string, header: string, value: ExcelJS.CellValue): number {
  const ws = wb.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const keyCol = headers.indexOf(keyHeader);
  const col = headers.indexOf(header);
  let found = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(keyCol).value ?? '') === key) {
      row.getCell(col).value = value;
      found = n;
    }
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

const digestOf = (html: string): string => /data-digest="([^"]+)"/.exec(html)![1]!;

beforeAll(async () => {
  h = await startHarness({ clock });
  planKey = (await h.nabo.services.catalogue.currentPlan()).key;
});
afterAll(async () => {
  await h?.close();
});

describe('the plan as a workbook in Teams', () => {
  test('a coordinator asks in the chat and gets a download link and the upload page, signed and short-lived', async () => {
    await say(coordinator, 'hej');
    const card = await say(coordinator, 'hent planen som regneark');
    expect(cardText(card)).toMatch(/som regneark: hent den, ret den i Excel/);
    const links = actionsOf(card.body).filter((a): a is OpenUrlAction => a.type === 'Action.OpenUrl');
    expect(links.map((l) => l.title)).toEqual(['Hent planen som regneark', 'Læg et rettet regneark op']);
    expect(links[0]!.url).toMatch(/\/tab\/plan-workbook\/download\?token=v1\./);
    expect(links[1]!.url).toMatch(/\/tab\/plan-workbook\?token=v1\./);
    coordinatorToken = tokenOf(links[1]!.url);

    const download = await fetch(links[0]!.url.replace(/^http:\/\/localhost:\d+/, h.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="plan-${planKey}.xlsx"`);
    original = Buffer.from(await download.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Plan')).toBeDefined();
    expect(wb.getWorksheet('Aktiviteter')!.rowCount).toBeGreaterThan(5);

    const page = await fetch(links[1]!.url.replace(/^http:\/\/localhost:\d+/, h.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(visible(html)).toMatch(/Planen som regneark .*Intet gemmes, før du har set ændringerne og trykket på Gem/);
    expect(html).toContain('<script src="/tab/plan-workbook.js"></script>');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await fetch(`${h.url}/tab/plan-workbook.js`)).status).toBe(200);
  });

  test('"plan som excel" works too; staff are told it is for coordinators', async () => {
    expect(cardText(await say(coordinator, 'plan som excel'))).toMatch(/som regneark/);
    await say(staff, 'hej');
    expect(cardText(await say(staff, 'hent planen som regneark'))).toMatch(/Kun koordinatorer/);
  });

  test('the unchanged workbook checks clean: nothing to change, nothing to save', async () => {
    const r = await upload('check', original);
    expect(r.status).toBe(200);
    expect(visible(r.html)).toMatch(/Antal ændringer: 0\. .*Ingen ændringer: databasen svarer allerede til filen\./);
    expect(r.html).not.toContain('id="save"');
  });

  test('a workbook with mistakes shows every problem by sheet, row and column in Danish, and saves nothing', async () => {
    let targetRow = 0;
    const bytes = await edited((wb) => {
      setCell(wb, 'Plan', 'Felt', 'Navn', 'Værdi', 'Nyt navn');
      targetRow = setCell(wb, 'Succeskriterier', 'Nøgle', 'moedregruppeforloeb', 'Pr. år', -5);
      setCell(wb, 'Aktiviteter', 'Nøgle', 'nussa', 'Kategori', 'sprog');
    });
    const before = await h.nabo.database.db.plan.findUniqueOrThrow({ where: { key: planKey } });
    const r = await upload('check', bytes);
    expect(r.status).toBe(200);
    expect(visible(r.html)).toMatch(/^Regnearket kan ikke gemmes\. Ret disse 2 fejl, og læg det op igen; intet er gemt:/);
    const rows = tableRows(r.html);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['Aktiviteter', expect.stringMatching(/^\d+$/), 'Kategori', expect.stringMatching(/^skal være en af: 'fællesspisning'/)]);
    expect(rows[1]).toEqual(['Succeskriterier', String(targetRow), 'Pr. år', 'skal være et tal ≥ 0']);
    expect(r.html).not.toContain('id="save"');
    // Saving the same bytes is refused as well: they are not valid whatever the digest says.
    const forcedSave = await upload('save', bytes, { digest: 'x' });
    expect(forcedSave.status).toBe(409);
    expect((await h.nabo.database.db.plan.findUniqueOrThrow({ where: { key: planKey } })).name).toBe(before.name);
  });

  test('a valid change is shown as a dry run first and saved only on Gem, with the file that was checked', async () => {
    const name = 'Helhedsplan Randers Nordby (rettet i Excel)';
    const bytes = await edited((wb) => {
      setCell(wb, 'Plan', 'Felt', 'Navn', 'Værdi', name);
      setCell(wb, 'Aktiviteter', 'Nøgle', 'nussa', 'Påmindelse (timer før)', 48);
    });
    const db = h.nabo.database.db;
    const nussa = async () =>
      db.activity.findFirstOrThrow({
        where: { key: 'nussa', plan: { key: planKey } },
        select: { reminderHoursBefore: true, plan: { select: { name: true } } },
      });
    const before = await nussa();

    const check = await upload('check', bytes);
    expect(check.status).toBe(200);
    expect(visible(check.html)).toBe(
      `Det her ændres i planen '${name}', når du trykker på Gem. Antal ændringer: 2. Intet er gemt endnu: Ændres: plan '${planKey}' Ændres: aktivitet 'nussa' Gem`,
    );
    expect(await nussa()).toEqual(before);

    // A Gem with another file than the one checked is refused; nothing saved.
    const other = await edited((wb) => setCell(wb, 'Plan', 'Felt', 'Navn', 'Værdi', 'Et helt andet navn'));
    const swapped = await upload('save', other, { digest: digestOf(check.html) });
    expect(swapped.status).toBe(409);
    expect(visible(swapped.html)).toBe('Filen er ændret, siden den blev kontrolleret. Kontrollér den igen, før du gemmer.');
    expect(await nussa()).toEqual(before);

    const saved = await upload('save', bytes, { digest: digestOf(check.html) });
    expect(saved.status).toBe(200);
    expect(visible(saved.html)).toBe(`Gemt: planen '${name}' er opdateret. Antal ændringer: 2. Ændres: plan '${planKey}' Ændres: aktivitet 'nussa'`);
    expect(await nussa()).toEqual({ reminderHoursBefore: 48, plan: { name } });
    // The next check of the same file finds nothing left to do.
    expect(visible((await upload('check', bytes)).html)).toMatch(/Antal ændringer: 0\./);
  });

  test('removing an activity that has events is refused on the page, and nothing is saved', async () => {
    const db = h.nabo.database.db;
    const withEvents = await db.activity.findFirstOrThrow({ where: { plan: { key: planKey }, events: { some: {} } }, select: { key: true } });
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet('Aktiviteter')!;
      const keyCol = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '')).indexOf('Nøgle');
      ws.eachRow((row, n) => {
        if (n > 1 && String(row.getCell(keyCol).value) === withEvents.key) ws.spliceRows(n, 1);
      });
      for (const sheet of ['Målgrupper', 'Succeskriterier', 'Tekster', 'Historiske leverancer']) {
        const s = wb.getWorksheet(sheet)!;
        const col = (s.getRow(1).values as unknown[]).map((v) => String(v ?? '')).indexOf('Aktivitet');
        for (let n = s.rowCount; n > 1; n--) if (String(s.getRow(n).getCell(col).value ?? '') === withEvents.key) s.spliceRows(n, 1);
      }
    });
    const r = await upload('check', bytes);
    expect(visible(r.html)).toMatch(new RegExp(`^Regnearket kan ikke gemmes: Aktiviteten '${withEvents.key}' kan ikke fjernes: .* Intet er gemt\\.$`));
    expect(await db.activity.count({ where: { key: withEvents.key, plan: { key: planKey } } })).toBe(1);
  });

  test('a file that is not a workbook gets a clear Danish message', async () => {
    const csv = await upload('check', 'Nøgle;Navn\nnussa;NUSSA\n', { type: 'text/csv' });
    expect(csv.status).toBe(415);
    expect(visible(csv.html)).toBe("Filen er ikke et Excel-regneark (.xlsx). Gem planen i Excel som 'Excel-projektmappe (.xlsx)' og prøv igen.");
    const renamed = await upload('check', Buffer.from('%PDF-1.7 not a workbook'));
    expect(renamed.status).toBe(415);
    // An archive that unpacks to 41 MB (a zip bomb, small as sent) is refused before it is unpacked.
    const bomb = await upload('check', Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array(41_000_000) })));
    expect(bomb.status).toBe(413);
    expect(visible(bomb.html)).toBe('Filen er for stor: højst 1 MB. Et planregneark fylder normalt under 200 kB.');
    // A zip that is not a workbook is read and reported as one problem.
    const zip = await upload('check', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(visible(zip.html)).toMatch(/filen kan ikke læses som en Excel-projektmappe \(\.xlsx\)/);
  });

  test('forged, expired and missing links are refused; staff are refused; nothing is saved', async () => {
    const db = h.nabo.database.db;
    const name = (await db.plan.findUniqueOrThrow({ where: { key: planKey } })).name;
    const bytes = await edited((wb) => setCell(wb, 'Plan', 'Felt', 'Navn', 'Værdi', 'Stjålet'));
    const forged = `${coordinatorToken.slice(0, -2)}xx`;
    const coordinatorPerson = (await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: COORDINATOR } } }))
      .personId;
    const staffPerson = (await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: STAFF } } })).personId;
    const expired = signTabToken(SECRET, coordinatorPerson, new Date(NOW.getTime() - 1000));
    const tooLong = signTabToken(SECRET, coordinatorPerson, new Date(NOW.getTime() + 10 * LINK_TTL_MS));
    const otherSecret = signTabToken('another-secret-another-secret-another-secret', coordinatorPerson, new Date(NOW.getTime() + 60_000));
    for (const token of [forged, expired, tooLong, otherSecret, '']) {
      const r = await upload('save', bytes, { token, digest: 'whatever' });
      expect(r.status).toBe(401);
      expect(visible(r.html)).toMatch(/^Linket er udløbet eller ugyldigt/);
      const page = await fetch(`${h.url}/tab/plan-workbook?token=${encodeURIComponent(token)}`);
      expect(page.status).toBe(401);
      expect(visible(await page.text())).toMatch(/Linket er udløbet eller ugyldigt/);
      expect((await fetch(`${h.url}/tab/plan-workbook/download?token=${encodeURIComponent(token)}`)).status).toBe(401);
    }
    const staffToken = signTabToken(SECRET, staffPerson, new Date(NOW.getTime() + 60_000));
    const byStaff = await upload('check', bytes, { token: staffToken });
    expect(byStaff.status).toBe(403);
    expect(visible(byStaff.html)).toBe('Kun koordinatorer kan hente planen som regneark og lægge en rettet plan op.');
    expect((await fetch(`${h.url}/tab/plan-workbook/download?token=${encodeURIComponent(staffToken)}`)).status).toBe(403);
    expect((await fetch(`${h.url}/tab/plan-workbook?token=${encodeURIComponent(staffToken)}`)).status).toBe(403);
    expect((await db.plan.findUniqueOrThrow({ where: { key: planKey } })).name).toBe(name);
  });
});
