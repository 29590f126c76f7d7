/**
 * The bank of ready answers staff can send a resident in one press: written once per language in
 * locales/<language>/handover.json ("bank.*") and rendered in the resident's language when the
 * outbox delivers them, so a Danish-speaking staff member answers an Arabic question in Arabic.
 * Two of them need a value (a time at the office, a phone number), which staff give in a form.
 */

/** The ready answers, in the order staff see them. */
export const BANK_REPLIES = ['received', 'office', 'call', 'papers'] as const;
export type BankReplyKey = (typeof BANK_REPLIES)[number];

/** A chosen ready answer with its value. */
export type BankReply = { key: 'received' } | { key: 'papers' } | { key: 'office'; when: Date } | { key: 'call'; phone: string };

/** Whether `key` names a ready answer. */
export function isBankReplyKey(key: string): key is BankReplyKey {
  return (BANK_REPLIES as readonly string[]).includes(key);
}

/** Whether this answer needs a value from staff before it can be sent. */
export const needsValue = (key: BankReplyKey): key is 'office' | 'call' => key === 'office' || key === 'call';

/** The outbox payload: the text's key and its values (an ISO instant is formatted for the reader). */
export function bankPayload(reply: BankReply): { key: string; params: Record<string, string> } {
  switch (reply.key) {
    case 'office':
      return { key: 'handover:bank.office', params: { when: reply.when.toISOString() } };
    case 'call':
      return { key: 'handover:bank.call', params: { phone: reply.phone } };
    default:
      return { key: `handover:bank.${reply.key}`, params: {} };
  }
}

/** A phone number as staff typed it, tidied ("+45 89 15 12 34"), or null when it is not one (8 to 15 digits). */
export function parsePhone(text: string): string | null {
  const tidy = text.trim().replace(/\s+/g, ' ');
  if (!/^\+?[0-9][0-9 -]*[0-9]$/.test(tidy)) return null;
  const digits = tidy.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15 ? tidy : null;
}
