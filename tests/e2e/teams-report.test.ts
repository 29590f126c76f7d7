/**
 * The fremdriftsrapport from Teams and the dashboard's data behind it, end to end on a real Nabo
 * (SQLite, demo calendar, fixed clock): a coordinator's "lav fremdriftsrapporten for
 * leverancemåling 2" answers with a summary and a signed 15-minute link to the workbook, which
 * downloads and reads back with exceljs; forged and expired links and staff get a clear Danish page,
 * never the file. The dashboard API answers any period with the previous one beside it, the periods
 * to choose from and the indicators.
 */
import ExcelJS from 'exceljs';
import { actionsOf, type OpenUrlAction } from '../../bots/teams/cards/adaptive-card';
import { COORDINATOR, STAFF, TENANT, cardText, cardsOf, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import type { ProgressDto } from '../../bots/teams/tab/progress-dto';
import { signTabToken } from '../../bots/teams/tab/signed-link';
import { reportingPeriodByIndex } from '../../src/progress/periods';
import { formatCalendarRange } from '../../src/i18n/format';
import { FixedClock } from '../../src/time/clock';

const NOW = new Date('2026-11-19T12:00:00Z');
const clock = new FixedClock(NOW);
const SECRET = 'test-secret-test-secret-test-secret-0123';
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Karen Holm', tenantId: TENANT };
let h: Harness;

async function ask(user: TeamsUser, text: string): Promise<{ text: string; links: OpenUrlAction[]; attachments: string[] }> {
  const before = h.connector.calls.length;
  await h.post(textMessage({ serviceUrl: h.connector.url, user, text }));
  await h.connector.waitFor(before + 1);
  await new Promise((r) => setTimeout(r, 100));
  const calls = h.connector.calls.slice(before);
  const cards = calls.flatMap((c) => cardsOf(c));
  return {
    text: cards.map(cardText).join('\n'),
    links: cards.flatMap((c) => actionsOf(c.body)).filter((a): a is OpenUrlAction => a.type === 'Action.OpenUrl'),
    attachments: calls.flatMap((c) => (c.activity.attachments ?? []).map((a) => a.contentType)),
  };
}

const local = (url: string): string => url.replace(/^http:\/\/localhost:\d+/, h.url);
const tokenOf = (url: string): string => decodeURIComponent(/token=([^&]+)/.exec(url)?.[1] ?? '');

beforeAll(async () => {
  h = await startHarness({ clock });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('the fremdriftsrapport from Teams', () => {
  test('a coordinator gets the summary and a signed link; the workbook downloads and reads back', async () => {
    const plan = await h.nabo.services.catalogue.currentPlan();
    const reply = await ask(coordinator, 'lav fremdriftsrapporten for leverancemåling 2');
    expect(reply.text).toContain('Fremdriftsrapport for');
    expect(reply.text).toContain('leverancemåling 2');
    // The summary card: status counts per focus area, the status words with their symbols.
    expect(reply.text).toMatch(/Indsatsområde\n✔ nået\n➜ på sporet\n⚠ i risiko\n✖ bagud\n– kan ikke beregnes\nI alt/);
    expect(reply.text).toContain('Tryghed og trivsel');
    // The workbook comes as a link, not as an attachment the Teams client cannot open.
    expect(reply.attachments.filter((a) => a !== 'application/vnd.microsoft.card.adaptive')).toEqual([]);
    const link = reply.links.find((l) => l.url.includes('/tab/report.xlsx'));
    expect(link?.title).toBe('Download rapport (.xlsx)');
    expect(link?.url).toMatch(new RegExp(`/tab/report\\.xlsx\\?token=v1\\.[^&]+&lang=da&plan=${plan.key}&period=r2$`));

    const res = await fetch(local(link!.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="fremdriftsrapport-.+\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', 'Succeskriterier', 'Målinger', 'Kommentarer', 'Registrerede værdier', 'Leverancer']);
    const period = reportingPeriodByIndex(plan, 2)!;
    expect(wb.getWorksheet('Oversigt')!.getCell('A3').value).toBe(
      `Periode: leverancemåling 2 (nr. 2 i planår 1, ${formatCalendarRange(period.from, period.toExclusive, 'da')})`,
    );
    // Every target of the plan has its row, and the statuses are the chat's words with their symbols.
    const { current } = await h.nabo.services.progress.compare(plan.id, period);
    const targets = current.focusAreas.flatMap((f) => f.activities.flatMap((a) => [...a.targets, ...a.subActivities.flatMap((s) => s.targets)]));
    const sheet = wb.getWorksheet('Succeskriterier')!;
    expect(sheet.rowCount).toBe(1 + targets.length);
    const statuses = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) statuses.add(String(row.getCell(10).value));
    });
    for (const s of statuses) expect(s).toMatch(/^(✔ nået|➜ på sporet|⚠ i risiko|✖ bagud|– kan ikke beregnes)$/);
  }, 30_000);

  test('an årsrapport names a plan year and links to that year', async () => {
    const reply = await ask(coordinator, 'lav årsrapporten for planår 1');
    expect(reply.text).toContain('planår 1');
    expect(reply.links.find((l) => l.url.includes('/tab/report.xlsx'))?.url).toMatch(/&period=y1$/);
  }, 30_000);

  test('a forged or expired link, and a staff member, get a Danish page and no workbook', async () => {
    const reply = await ask(coordinator, 'lav fremdriftsrapporten for leverancemåling 2');
    const url = local(reply.links.find((l) => l.url.includes('/tab/report.xlsx'))!.url);
    const forged = await fetch(url.replace(/token=([^&]+)/, (_m, t: string) => `token=${t.slice(0, -4)}AAAA`));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await forged.text()).toContain('Linket er udløbet eller ugyldigt. Et link til rapporten virker i 15 minutter.');

    const person = (
      await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: COORDINATOR } } })
    ).personId;
    const expired = signTabToken(SECRET, person, new Date(NOW.getTime() - 60_000));
    const old = await fetch(url.replace(/token=([^&]+)/, `token=${encodeURIComponent(expired)}`));
    expect(old.status).toBe(401);
    expect(await old.text()).toContain('Linket er udløbet');

    await ask(staff, 'hej');
    const staffPerson = (await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: STAFF } } }))
      .personId;
    const staffLink = h.teams.dashboardLink(staffPerson);
    const refused = await fetch(url.replace(/token=([^&]+)/, `token=${encodeURIComponent(tokenOf(staffLink))}`));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Fremdriftsrapporten kan kun hentes af koordinatorer.');

    // Staff asking for the report are told it is the coordinators', and get no link.
    const asked = await ask(staff, 'lav fremdriftsrapporten for leverancemåling 2');
    expect(asked.text).toContain('Fremdriftsrapporten laver koordinatorerne');
    expect(asked.links.some((l) => l.url.includes('/tab/report.xlsx'))).toBe(false);
  }, 30_000);
});

describe('the dashboard API', () => {
  test('any period, next to the previous one, with the periods to choose from and the indicators', async () => {
    const person = (
      await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: COORDINATOR } } })
    ).personId;
    const auth = { Authorization: `Bearer ${tokenOf(h.teams.dashboardLink(person))}` };
    const get = async (period: string): Promise<ProgressDto> => {
      const res = await fetch(`${h.url}/api/progress?period=${period}`, { headers: auth });
      expect(res.status).toBe(200);
      return (await res.json()) as ProgressDto;
    };
    const r2 = await get('r2');
    expect([r2.period.code, r2.previous?.code, r2.canDownload]).toEqual(['r2', 'r1', true]);
    expect(r2.periods.map((p) => p.code)).toEqual(['y1', 'y2', 'y3', 'y4', ...Array.from({ length: 12 }, (_, i) => `r${i + 1}`), 'w']);
    // Each target's previous figure is the same target's own value in the period before.
    const { current, previous } = await h.nabo.services.progress.compare(
      (await h.nabo.services.catalogue.currentPlan()).id,
      reportingPeriodByIndex(await h.nabo.services.catalogue.currentPlan(), 2)!,
    );
    const firstTarget = current.focusAreas[0]!.activities[0]!.targets[0]!;
    const before = previous!.focusAreas[0]!.activities[0]!.targets[0]!;
    expect(r2.focusAreas[0]!.activities[0]!.targets[0]).toMatchObject({ inPeriod: firstTarget.inPeriod, previous: before.inPeriod });
    expect(r2.indicators.length).toBeGreaterThan(0);
    expect(r2.indicators[0]).toMatchObject({ name: expect.any(String), measurements: expect.any(Array) });

    const custom = await get(`d${r2.period.from.replace(/-/g, '')}-${r2.period.to.replace(/-/g, '')}`);
    expect(custom.period).toMatchObject({ kind: 'custom', from: r2.period.from, to: r2.period.to });
    expect((await get('w')).previous).toBeNull();
    expect((await fetch(`${h.url}/api/progress?period=nonsense`, { headers: auth })).status).toBe(400);

    await ask(staff, 'hej');
    const staffPerson = (await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: STAFF } } }))
      .personId;
    const asStaff = await fetch(`${h.url}/api/progress?period=y1`, { headers: { Authorization: `Bearer ${tokenOf(h.teams.dashboardLink(staffPerson))}` } });
    expect(((await asStaff.json()) as ProgressDto).canDownload).toBe(false);
  }, 30_000);
});
