/** The main menu, by role: what a person can do from anywhere. */
import type { Translate } from '../i18n/i18n';
import type { PersonView } from '../people/people-service';
import { choice, type Reply } from './replies';

/** The main menu reply for this person's role. */
export function mainMenu(t: Translate, person: Pick<PersonView, 'role'>): Reply {
  const resident = [
    choice(t('common:menu.activities'), 'find.week'),
    choice(t('common:menu.dinner'), 'signup.pick'),
    choice(t('common:menu.counselling'), 'counsel.pick'),
    choice(t('common:menu.bookings'), 'bookings.list'),
    choice(t('common:menu.area'), 'area.ask'),
    choice(t('common:menu.person'), 'handover.ask'),
    choice(t('common:menu.language'), 'welcome.languages'),
    choice(t('common:menu.my_data'), 'mydata.show'),
  ];
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
  if (person.role === 'staff') staff.splice(staff.length - 1, 0, choice(t('common:menu.progress'), 'progress.ask'));
  const coordinator = [choice(t('common:menu.progress'), 'progress.ask'), choice(t('common:menu.measurement'), 'measure.ask')];
  const list = person.role === 'resident' ? resident : person.role === 'staff' ? staff : [...coordinator, ...staff];
  return { kind: 'choices', text: t('common:menu.title'), choices: list };
}
