/** "My data": what Nabo keeps (summary and a file), and erasure after a confirmation. */
import { choice, choices, text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, waitForAnswer, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { mainMenu } from '../../conversation/menu';
import { formatCalendarDay } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { copenhagenDate } from '../../time/calendar-date';

async function show(ctx: FlowContext): Promise<Step> {
  const { t, person } = ctx;
  const data = await ctx.services.people.export(person.id);
  const area = person.housingAreaId ? ((await ctx.services.areas.areaName(person.housingAreaId)) ?? '—') : '—';
  const summary = t('resident:mydata.summary', {
    name: data.person.firstName ?? '—',
    language: LANGUAGE_NAMES[person.language],
    area,
    signups: data.signUps.length,
    appointments: data.appointments.length,
    consent: data.person.consentAt ? formatCalendarDay(copenhagenDate(data.person.consentAt), person.language) : '—',
  });
  return done(
    text(summary),
    {
      kind: 'file',
      fileName: 'nabo-mine-data.json',
      mimeType: 'application/json',
      content: JSON.stringify(data, null, 2),
      caption: t('resident:mydata.file_caption'),
    },
    choices(t('common:what_next'), [choice(t('resident:mydata.delete_button'), 'mydata.delete'), choice(t('common:menu.title'), 'welcome.menu')]),
  );
}

export const myDataFlow: Flow = {
  name: 'mydata',
  roles: RESIDENT_ROLES,
  intents: ['my_data', 'delete_my_data'],
  async start(ctx, u) {
    return u?.intent === 'delete_my_data' ? this.resume(ctx, { kind: 'action', step: 'delete' }) : show(ctx);
  },
  async resume(ctx, input) {
    const { t, person } = ctx;
    // The question waits for its answer: "nej" or "لا" typed there keeps everything, "ja" typed erases like the button.
    const confirmDelete = (): Step =>
      waitForAnswer(
        'confirm_delete',
        'yesno',
        {},
        choices(t('resident:mydata.delete_confirm'), [
          choice(t('resident:mydata.delete_yes'), 'mydata.erase'),
          choice(t('resident:mydata.delete_no'), 'mydata.keep'),
        ]),
      );
    const erase = async (): Promise<Step> => {
      await ctx.services.people.erase(person.id);
      return done(text(t('resident:mydata.deleted')));
    };
    const keep = (): Step => done(text(t('resident:mydata.kept')), mainMenu(t, person));
    if (input.kind === 'text' && input.step === 'confirm_delete') {
      if (input.understanding.intent === 'yes') return erase();
      if (input.understanding.intent === 'no') return keep();
      return confirmDelete();
    }
    if (input.kind === 'action' && input.step === 'delete') return confirmDelete();
    if (input.kind === 'action' && input.step === 'erase') return erase();
    if (input.kind === 'action' && input.step === 'keep') return keep();
    return show(ctx);
  },
};
