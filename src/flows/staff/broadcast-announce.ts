/**
 * "Send til interesserede" on the confirmation of a new event: a draft broadcast about it to every
 * resident who chose the activity's topic (fællesspisning, børn og unge, aktiviteter), with its
 * title, time and place written in each of the eight languages (so nobody gets the Danish text
 * with a note), and the "Tilmeld" and "Læs mere" buttons. Staff see the usual preview and may
 * still change it, save it as a template, send or cancel.
 */
import { randomUUID } from 'node:crypto';
import { topicOfCategory, type ButtonKind } from '../../broadcasts/broadcast-buttons';
import type { FlowContext } from '../../conversation/flow';
import { DomainError } from '../../errors/domain-error';
import { formatDateTime } from '../../i18n/format';
import { LANGUAGES } from '../../plan-data/plan-file';
import type { Draft } from './broadcast-draft';

/** The action of the confirmation card's button. */
export const announceAction = (eventId: string): string => `broadcast.announce|${eventId}`;

/** A draft announcing `eventId`; throws event.not_found, event.cancelled or event.started. */
export async function announceDraft(ctx: FlowContext, eventId: string): Promise<Draft> {
  const da = await ctx.services.catalogue.event(eventId, 'da');
  if (da.status === 'cancelled') throw new DomainError('event.cancelled');
  if (da.startsAt <= ctx.clock.now()) throw new DomainError('event.started');
  const texts: Draft['texts'] = {};
  for (const l of LANGUAGES) {
    const e = l === 'da' ? da : await ctx.services.catalogue.event(eventId, l);
    const key = e.activity.signupRequired ? 'broadcast:announce.text_signup' : 'broadcast:announce.text';
    texts[l] = ctx.translatorFor(l)(key, { title: e.title, when: formatDateTime(e.startsAt, l), place: e.location?.name ?? '—' });
  }
  const buttons: ButtonKind[] = da.activity.signupRequired ? ['signup', 'more'] : ['more'];
  return {
    id: randomUUID(),
    areaIds: [],
    allAreas: true,
    languages: [],
    topic: topicOfCategory(da.activity.category),
    texts,
    urgent: false,
    buttons,
    target: { eventId },
  };
}
