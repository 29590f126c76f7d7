/**
 * Reminds staff to take attendance when an event ended within the last hour and no delivery was
 * registered for it, once per event ("teams:attendance:<event id>").
 */
import { announceOnce, type AnnouncerDeps } from './staff-announcer';
import { attendanceReminderCard } from '../cards/proactive-cards';

export const attendanceKey = (eventId: string): string => `teams:attendance:${eventId}`;
const WINDOW_MS = 60 * 60_000;

export async function remindAttendance(deps: AnnouncerDeps): Promise<number> {
  const now = deps.clock.now();
  const events = await deps.database.db.event.findMany({
    where: { endsAt: { gt: new Date(now.getTime() - WINDOW_MS), lte: now }, status: { not: 'cancelled' }, deliveries: { none: { deletedAt: null } } },
    include: { activity: { select: { name: true } } },
    orderBy: { endsAt: 'asc' },
    take: 20,
  });
  return announceOnce(
    deps,
    events.map((e) => ({ key: attendanceKey(e.id), build: (language) => attendanceReminderCard({ id: e.id, title: e.title ?? e.activity.name, endsAt: e.endsAt }, language) })),
  );
}
