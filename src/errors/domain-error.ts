/**
 * Errors a user can cause. Each has a stable code that is also its i18n key (namespace "errors"),
 * and parameters for the message; channels answer them in the user's language.
 */
export const ERROR_CODES = [
  'event.not_found',
  'event.cancelled',
  'event.started',
  'signup.party_invalid',
  'signup.party_exceeds_capacity',
  'signup.not_found',
  'signup.already_cancelled',
  'slot.not_found',
  'slot.taken',
  'slot.past',
  'appointment.not_found',
  'appointment.topic_invalid',
  'appointment.note_too_long',
  'appointment.already_cancelled',
  'delivery.activity_unknown',
  'delivery.count_invalid',
  'delivery.count_absurd',
  'delivery.date_future',
  'delivery.date_outside_plan',
  'delivery.not_found',
  'attendance.unknown_person',
  'person.not_found',
  'person.erased',
  'address.unreadable',
  'plan.not_found',
  'progress.period_outside',
  'progress.plan_unknown',
  'target_value.invalid',
  'target_value.target_unknown',
  'comment.empty',
  'indicator.not_found',
  'measurement.invalid',
  'handover.not_found',
  'handover.answer_empty',
  'not_allowed',
  'event.invalid',
  'action.stale',
  'broadcast.text_invalid',
  'broadcast.not_found',
  'broadcast.withdrawn',
  'broadcast.button_target',
  'broadcast.template_name',
  'broadcast.template_not_found',
  'series.capacity_below_taken',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A mistake or impossible request by the user, answered politely in their language. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'DomainError';
  }
}

/** True when `err` is a DomainError, optionally with the given code. */
export function isDomainError(err: unknown, code?: ErrorCode): err is DomainError {
  return err instanceof DomainError && (code === undefined || err.code === code);
}
