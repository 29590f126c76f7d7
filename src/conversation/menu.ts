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

/** The main menu reply for this person's role; only that role's labels are looked up (it ends most turns). */
export function mainMenu(t: Translate, person: Pick<PersonView, 'role'>): Reply {
  const list = person.role === 'resident' ? residentMenu(t) : staffMenu(t, person.role);
  return { kind: 'choices', text: t('common:menu.title'), choices: list };
}
