/**
 * Resident-facing plan content beyond titles (issue 9 item 5) and prices (issue 12): a plan's
 * glossary and prices are stored by the import and read back unchanged; an Arabic resident sees
 * target groups, contact roles, places and counsellors in Arabic, and any Danish plan text that
 * has no translation marked "(بالدنماركية)"; "hvad koster fællesspisning?" and "كم سعر العشاء
 * المشترك؟" are answered from the plan's price, and an activity without one gets the honest "the
 * plan does not say; ask a person"; residents see the friendly Danish name, staff the plan's own.
 */
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { OutboxRenderer } from '../../src/outbox/render';
import type { PlanFile } from '../../src/plan-data/plan-file';
import { parsePlan } from '../../src/plan-data/plan-loader';
import { importPlan } from '../../src/plan-data/plan-importer';
import { readPlanFromDatabase } from '../../src/plan-data/plan-reader';
import { syncPlan } from '../../src/plan-data/plan-sync';
import { diffPlans } from '../../src/plan-data/plan-changes';
import { SMALL_PLAN } from '../fixtures/small-plan';
import { Chat, engineFor } from '../support/chat';
import { createTestContext, TEST_NOW, type TestContext } from '../support/test-context';
import { testProviders } from '../support/test-database';

const DAY = 86_400_000;

/** The small plan with a glossary, a priced dinner, a friendly Danish name and a translated place. */
function pricedPlan(): PlanFile {
  const raw = structuredClone(SMALL_PLAN) as PlanFile & Record<string, unknown>;
  raw.locations.push({ key: 'beboerhuset', name: 'Beboerhuset', address: 'Området omkring Glarbjergvej, Randers' });
  const [dinner, mothers] = raw.focusAreas[0]?.activities ?? [];
  if (!dinner || !mothers) throw new Error('the small plan changed');
  Object.assign(dinner, {
    priceAdults: 20,
    priceChildren: 0,
    targetGroups: [{ label: 'Beboerne i boligområderne' }],
    responsible: ['Boligsocial medarbejder'],
  });
  mothers.titles = { ...mothers.titles, da: 'Mødregrupper' };
  raw.glossary = {
    'Beboerne i boligområderne': { ar: 'سكان الأحياء السكنية', en: 'Residents of the housing areas' },
    'Boligsocial medarbejder': { ar: 'موظف الشؤون الاجتماعية السكنية', en: 'a social housing worker' },
    Beboerhuset: { ar: 'بيت السكان', en: 'The community house' },
    'Området omkring Glarbjergvej, Randers': { ar: 'المنطقة المحيطة بشارع Glarbjergvej، Randers', en: 'The area around Glarbjergvej, Randers' },
    'BRF Kredit': { ar: 'BRF Kredit (بنك رهن عقاري)', en: 'BRF Kredit (a mortgage bank)' },
  };
  return parsePlan(raw, 'priced plan');
}

for (const provider of testProviders()) {
  describe(`plan glossary and prices [${provider}]`, () => {
    let c: TestContext;
    let dinnerEvent: string;
    let mothersEvent: string;
    const plan = pricedPlan();

    beforeAll(async () => {
      c = await createTestContext(provider, plan);
      dinnerEvent = await c.event({ location: 'beboerhuset', startsAt: new Date(TEST_NOW.getTime() + 2 * DAY) });
      mothersEvent = await c.event({ activity: 'moedregrupper', location: 'parkcafeen', startsAt: new Date(TEST_NOW.getTime() + 3 * DAY) });
      const start = TEST_NOW.getTime() + 6 * DAY;
      await c.services.appointments.createSlots({
        activityId: await c.activityId('oekonomisk-raadgivning'),
        counsellor: 'BRF Kredit',
        locationId: (await c.database.db.location.findUniqueOrThrow({ where: { key: 'beboerhuset' } })).id,
        slots: [{ startsAt: new Date(start), endsAt: new Date(start + 2_700_000) }],
      });
    });
    afterAll(async () => c.database.destroy());

    async function resident(clientLanguage: string): Promise<Chat> {
      const chat = new Chat(engineFor(c), { clientLanguage });
      await chat.start();
      await chat.press(/./); // consent
      return chat;
    }

    test('the import stores the glossary on the plan and the prices on the activities, and reads them back unchanged', async () => {
      const db = c.database.db;
      const stored = await db.plan.findUniqueOrThrow({ where: { id: c.planId }, select: { glossary: true } });
      expect(JSON.parse(stored.glossary)).toEqual(plan.glossary);
      const prices = await db.activity.findMany({
        where: { planId: c.planId },
        select: { key: true, priceAdults: true, priceChildren: true },
        orderBy: { key: 'asc' },
      });
      expect(prices.find((a) => a.key === 'faellesspisning')).toEqual({ key: 'faellesspisning', priceAdults: 20, priceChildren: 0 });
      // Not stated in the plan: null, never 0 (which would say "free").
      expect(prices.find((a) => a.key === 'moedregrupper')).toEqual({ key: 'moedregrupper', priceAdults: null, priceChildren: null });
      const friendly = await db.activityTranslation.findFirst({ where: { activity: { planId: c.planId, key: 'moedregrupper' }, language: 'da' } });
      expect(friendly?.title).toBe('Mødregrupper');
      // Read back, the plan is the one imported (aliases come back normalised, which diffPlans allows for).
      const back = await readPlanFromDatabase(db, plan.key);
      expect(back?.glossary).toEqual(plan.glossary);
      expect(back?.focusAreas[0]?.activities[0]).toMatchObject({ priceAdults: 20, priceChildren: 0 });
      expect(back?.focusAreas[0]?.activities[1]).not.toHaveProperty('priceAdults');
      expect(back && diffPlans(back, plan)).toEqual([]);
    });

    test('a changed price and glossary are a change by key; importing them updates the rows', async () => {
      const db = c.database.db;
      const next = structuredClone(plan);
      const dinner = next.focusAreas[0]?.activities[0];
      if (!dinner) throw new Error('no dinner');
      dinner.priceAdults = 25;
      next.glossary = { ...next.glossary, Beboerhuset: { ar: 'دار السكان', en: 'The community house' } };
      const dry = await syncPlan(db, next, { dryRun: true });
      expect(dry.changes).toEqual(
        expect.arrayContaining([
          { action: 'changed', entity: 'plan', key: plan.key },
          { action: 'changed', entity: 'activity', key: 'faellesspisning' },
        ]),
      );
      expect((await db.activity.findFirstOrThrow({ where: { planId: c.planId, key: 'faellesspisning' } })).priceAdults).toBe(20);
      await importPlan(db, next);
      expect((await db.activity.findFirstOrThrow({ where: { planId: c.planId, key: 'faellesspisning' } })).priceAdults).toBe(25);
      expect(JSON.parse((await db.plan.findUniqueOrThrow({ where: { id: c.planId } })).glossary).Beboerhuset.ar).toBe('دار السكان');
      await importPlan(db, plan);
    });

    test('ar: event details show the target group, contact role and place in Arabic', async () => {
      const chat = await resident('ar');
      await chat.send({ kind: 'action', action: `find.event|${dinnerEvent}` });
      const said = chat.text();
      expect(said).toContain('لمن: سكان الأحياء السكنية');
      expect(said).toContain('أين: بيت السكان، المنطقة المحيطة بشارع Glarbjergvej، Randers');
      expect(said).toContain('للتواصل: موظف الشؤون الاجتماعية السكنية');
      expect(said).toMatch(/(20|٢٠) كرونة للشخص البالغ، والأطفال مجانًا/);
      expect(said).not.toMatch(/Beboerne i boligområderne|Beboerhuset|Området omkring|Boligsocial medarbejder/);
      // The only Danish text left is the summary the small plan has no Arabic for, and it is marked.
      expect(said).toContain('Aftensmad med naboerne. (بالدنماركية)');
      expect(said.split('(بالدنماركية)')).toHaveLength(2);
    });

    test('ar: a target group the glossary lacks is shown in Danish, isolated and marked; places it lacks are names', async () => {
      const chat = await resident('ar');
      await chat.send({ kind: 'action', action: `find.event|${mothersEvent}` });
      const raw = chat.last.replies.map((r) => (r.kind === 'text' ? r.text : '')).join('\n');
      // The Danish label keeps its order inside the Arabic line.
      expect(raw).toContain('\u2068Børn 0-2 år og deres forældre\u2069 (بالدنماركية)');
      expect(chat.text()).toContain('أين: ParkCafeen، Flyvervej 5, Randers');
      expect(chat.text()).not.toContain('ParkCafeen (بالدنماركية)');
    });

    test('ar: the counselling slot names its counsellor in Arabic', async () => {
      const chat = await resident('ar');
      await chat.send({ kind: 'action', action: 'counsel.pick' });
      expect(chat.buttons().map((b) => stripIsolates(b.label))).toEqual(expect.arrayContaining([expect.stringContaining('BRF Kredit (بنك رهن عقاري)')]));
    });

    test('ar: the booking confirmation names the counsellor and the place in Arabic', async () => {
      const chat = await resident('ar');
      const slot = await c.database.db.appointmentSlot.findFirstOrThrow({ where: { counsellor: 'BRF Kredit' } });
      await chat.send({ kind: 'action', action: `counsel.slot|${slot.id}` });
      await chat.send({ kind: 'action', action: 'counsel.topic|budget' });
      await chat.send({ kind: 'action', action: 'counsel.note' });
      await chat.send({ kind: 'action', action: 'counsel.confirm' });
      expect(chat.text()).toContain('المستشار: BRF Kredit (بنك رهن عقاري)');
      expect(chat.text()).toContain('المكان: بيت السكان، المنطقة المحيطة بشارع Glarbjergvej، Randers');
      expect(await c.database.db.appointment.count({ where: { slotId: slot.id, status: 'booked' } })).toBe(1);
    });

    test('ar: the appointment reminder names the counsellor in Arabic', async () => {
      const slot = await c.database.db.appointmentSlot.findFirstOrThrow({ where: { counsellor: 'BRF Kredit' } });
      const renderer = new OutboxRenderer({
        db: c.database.db,
        translations: new Translations(),
        catalogue: c.services.catalogue,
        signUps: c.services.signUps,
      });
      const message = await renderer.render({ key: 'resident:reminder.appointment', params: { slotId: slot.id } }, 'ar');
      expect(stripIsolates(message.text)).toContain('BRF Kredit (بنك رهن عقاري)');
    });

    test('da: "hvad koster fællesspisning?" is answered with the plan\'s price', async () => {
      const chat = await resident('da');
      await chat.say('hvad koster fællesspisning?');
      expect(chat.text()).toContain('Fællesspisning koster 20 kr. pr. voksen. Børn er gratis.');
    });

    test('ar: "كم سعر العشاء المشترك؟" is answered with the plan\'s price in Arabic', async () => {
      const chat = await resident('ar');
      await chat.say('كم سعر العشاء المشترك؟');
      expect(chat.text()).toMatch(/سعر العشاء الجماعي: (20|٢٠) كرونة للشخص البالغ، والأطفال مجانًا\./);
    });

    test('da and ar: an activity whose plan states no price gets "the plan does not say", with a person a tap away', async () => {
      const da = await resident('da');
      await da.say('hvad koster mødregrupperne?');
      expect(da.text()).toContain('Jeg har ingen oplysning om pris for Mødregrupper');
      expect(da.buttons().map((b) => b.action)).toContain('handover.ask');
      const ar = await resident('ar');
      await ar.say('كم سعر مجموعات الأمهات؟');
      expect(ar.text()).toContain('ليست لدي معلومات عن سعر مجموعات الأمهات');
      expect(ar.buttons().map((b) => b.action)).toContain('handover.ask');
    });

    test("residents see the friendly Danish name; staff see the plan's own", async () => {
      const chat = await resident('da');
      await chat.send({ kind: 'action', action: `find.event|${mothersEvent}` });
      expect(chat.text()).toContain('Mødregrupper');
      expect(chat.text()).not.toContain('Boligsociale mødregrupper');
      const staffView = await c.services.catalogue.event(mothersEvent, 'da');
      expect(staffView.title).toBe('Boligsociale mødregrupper');
      const residentView = await c.services.catalogue.event(mothersEvent, 'en', { forResidents: true });
      expect(residentView.title).toBe("Mothers' groups");
    });
  });
}
