/** The main menu, by role: what a person can do from anywhere. */
import type { Translate } from '../i18n/i18n';
import type { PersonView } from '../people/people-service';
import { choice, type Choice, type Reply } from './replies';

function residentMenu(t: Translate): Choice[] {
  return [
    choice(t('common:menu.activities'), 'find.week'),
    choice(t('common:menu.dinner'), 'signup.pick'),
    choice(t('common:menu.counselling'), 'counsel.pick'),
    choice(t('common:menu.bookings'), 'bookings.list'),
    choice(t('common:menu.area'), 'area.ask'),
    choice(t('common:menu.person'), 'handover.ask'),
    choice(t('common:menu.language'), 'welcome.languages'),
    choice(t('common:menu.my_data'), 'mydata.show'),
  ];
}

function staffMenu(t: Translate, role: string): Choice[] {
  const staff = [
    choice(t('common:menu.log_delivery'), 'delivery.ask'),
    choice(t('common:menu.events'), 'events.list'),
    choice(t('common:menu.attendance'), 'attendance.pick'),
    choice(t('common:menu.create_event'), 'create.event'),
    choice(t('common:menu.create_slots'), 'create.slots'),
    choice(t('common:menu.handovers'), 'handovers.list'),
    choice(t('common:menu.broadcast'), 'broadcast.new'),
    choice(t('common:menu.language'), 'welcome.languages'),
  ];
  // Staff see progress read-only; coordinators have it first in their menu already.
  if (role === 'staff') staff.splice(staff.length - 1, 0, choice(t('common:menu.progress'), 'progress.ask'));
  else staff.unshift(choice(t('common:menu.progress'), 'progress.ask'), choice(t('common:menu.measurement'), 'measure.ask'));
  return staff;
}

/**
 * The main menu reply for this person's role; only that role's labels are looked up (it ends most turns). `first` goes
 * before the menu's own buttons (a confirmation's "Læg det i din kalender").
 */
export function mainMenu(t: Translate, person: Pick<PersonView, 'role'>, first: readonly Choice[] = []): Reply {
  const list = person.role === 'resident' ? residentMenu(t) : staffMenu(t, person.role);
  return { kind: 'choices', text: t('common:menu.title'), choices: [...first, ...list] };
}

/**
 * The button under a confirmation that sends the booking's calendar file (bookings.calendar): the file comes when asked
 * for, so a confirmation is one message, and a resident who has no use for an .ics file is not handed one.
 * `booking` is `s_<sign-up id>` or `a_<appointment id>`.
 */
export const calendarChoice = (t: Translate, booking: string): Choice => choice(t('resident:calendar_caption'), `bookings.calendar|${booking}`);
