/**
 * One hostile input per call for each front door: the Telegram webhook, /api/messages, the
 * dashboard's routes and the engine as the console drives it. Each returns what to send; the
 * runner sends it and checks the answer.
 */
import { ADMIN, COORDINATOR, OTHER_TENANT, STAFF, TENANT } from '../../bots/teams/testing/harness';
import { executeInvoke, submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { signTabToken } from '../../bots/teams/tab/signed-link';
import { HOSTILE_ACTIONS, HOSTILE_TEXTS, RAW_BODIES, mutate, wrongValue, type Random } from './hostile';

/** An HTTP request to make. */
export interface Request {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const LANGS = ['da', 'ar', 'en', 'so', 'tr', 'uk', 'fa', 'ckb', 'ku', 'prs', 'zz', '', 'x'.repeat(40)];

let updateId = 1;

/** A Telegram webhook call: a real-shaped update with hostile content, a broken one, or a wrong secret. */
export function telegramInput(r: Random, secret: string): Request {
  const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret };
  const userId = 1000 + r.int(300);
  const from = { id: userId, is_bot: false, first_name: r.chance(0.7) ? 'Amina' : r.pick(HOSTILE_TEXTS).slice(0, 64) || 'x', language_code: r.pick(LANGS) };
  const chat = { id: userId, type: 'private' };
  const roll = r.next();
  if (roll < 0.05)
    return {
      method: 'POST',
      path: '/api/telegram',
      headers: { ...headers, 'x-telegram-bot-api-secret-token': r.pick(['', 'wrong', secret.slice(1)]) },
      body: '{"update_id":1}',
    };
  if (roll < 0.15) return { method: 'POST', path: '/api/telegram', headers, body: r.pick(RAW_BODIES) };
  const id = updateId++;
  const message = { message_id: id, date: 1_700_000_000, chat, from, text: r.pick(HOSTILE_TEXTS) };
  const callback = { id: `cb${id}`, from, chat_instance: 'c', data: r.pick(HOSTILE_ACTIONS), message: { message_id: 5, date: 1_700_000_000, chat, text: 'x' } };
  const valid = r.chance(0.5) ? { update_id: id, message } : { update_id: id, callback_query: callback };
  // Broken updates are cheap to answer; a third of the updates are whole turns with hostile content.
  if (roll < 0.65) {
    const paths = [
      ['update_id'],
      ['message'],
      ['message', 'text'],
      ['message', 'chat'],
      ['message', 'chat', 'id'],
      ['message', 'from'],
      ['message', 'from', 'id'],
      ['message', 'from', 'language_code'],
      ['callback_query'],
      ['callback_query', 'data'],
      ['callback_query', 'from'],
      ['my_chat_member'],
      ['message', 'entities'],
    ];
    return { method: 'POST', path: '/api/telegram', headers, body: JSON.stringify(mutate(r, valid, paths)) };
  }
  return { method: 'POST', path: '/api/telegram', headers, body: JSON.stringify(valid) };
}

const STAFF_USERS: TeamsUser[] = [
  { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT },
  { objectId: COORDINATOR, name: 'Karen Holm', tenantId: TENANT },
  { objectId: ADMIN, name: '\u202eAdmin\u202c', tenantId: TENANT, locale: 'ar-SA' },
  { objectId: '0f000000-0000-0000-0000-00000000000f', name: '**Bold** [x](https://evil.example)', tenantId: TENANT, locale: 'fa-AF' },
  { objectId: '0e000000-0000-0000-0000-00000000000e', name: 'Outsider', tenantId: OTHER_TENANT },
];

/** A POST to /api/messages: a Teams-shaped activity with hostile content, a broken one, or not JSON. */
export function teamsInput(r: Random, serviceUrl: string): Request {
  const headers = { 'content-type': 'application/json' };
  const user = r.pick(STAFF_USERS);
  const roll = r.next();
  if (roll < 0.1) return { method: 'POST', path: '/api/messages', headers, body: r.pick(RAW_BODIES) };
  const text = textMessage({ serviceUrl, user, text: r.pick(HOSTILE_TEXTS), kind: r.pick(['personal', 'personal', 'channel', 'groupChat'] as const) });
  const values = Object.fromEntries(
    Array.from({ length: r.int(4) }, () => [r.pick(['count', 'date', 'note', 'answer', 'title', 'walkIns', '__proto__', 'x'.repeat(200)]), wrongValue(r)]),
  );
  const submit = submitMessage({
    serviceUrl,
    user,
    value: { action: r.pick(HOSTILE_ACTIONS), followText: r.chance(0.2) ? 'answer' : undefined, ...values },
    replyToId: r.chance(0.5) ? 'card-1' : undefined,
  });
  const invoke = executeInvoke({ serviceUrl, user, data: { action: r.pick(HOSTILE_ACTIONS), ...values }, verb: r.pick(['submit', '', 'x'.repeat(100)]) });
  const activity = r.pick([text, text, submit, invoke]) as Record<string, unknown>;
  if (roll < 0.45) {
    const paths = [
      ['type'],
      ['text'],
      ['from'],
      ['from', 'aadObjectId'],
      ['from', 'id'],
      ['conversation'],
      ['conversation', 'id'],
      ['conversation', 'conversationType'],
      ['serviceUrl'],
      ['channelData'],
      ['channelData', 'tenant'],
      ['channelData', 'tenant', 'id'],
      ['value'],
      ['value', 'action'],
      ['locale'],
      ['entities'],
      ['recipient'],
      ['id'],
      ['replyToId'],
      ['membersAdded'],
      ['name'],
    ];
    return { method: 'POST', path: '/api/messages', headers, body: JSON.stringify(mutate(r, activity, paths)) };
  }
  return { method: 'POST', path: '/api/messages', headers, body: JSON.stringify(activity) };
}

/** A request to the dashboard: the page, its privacy notice, or the progress API with odd tokens and periods. */
export function tabInput(r: Random, tabSecret: string, coordinatorPersonId: string | undefined, now: Date): Request {
  // Through UTF-8 and back: a lone surrogate becomes U+FFFD, which a URL can carry.
  const q = encodeURIComponent(Buffer.from(r.pick([...HOSTILE_TEXTS, 'plan-year', 'reporting-period', 'whole-plan']).slice(0, 300), 'utf8').toString('utf8'));
  const roll = r.next();
  if (roll < 0.15) return { method: 'GET', path: `/tab?lang=${q}&token=${q}`, headers: {} };
  if (roll < 0.25) return { method: 'GET', path: `/tab/privacy?lang=${q}`, headers: {} };
  if (roll < 0.3) return { method: r.pick(['POST', 'PUT'] as const), path: '/api/progress', headers: { 'content-type': 'application/json' }, body: '{}' };
  const future = new Date(now.getTime() + 10 * 60_000);
  const tokens = [
    '',
    'Bearer',
    'Bearer ' + 'x'.repeat(5000),
    `Bearer v1.${q}.1.x`,
    `Bearer ${signTabToken('another-secret-another-secret-another-secret', 'cperson', future)}`,
    `Bearer ${signTabToken(tabSecret, 'cperson', new Date(now.getTime() + 400 * 86_400_000))}`,
    `Bearer ${signTabToken(tabSecret, 'cnobody', future)}`,
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    `Basic ${Buffer.from('a:b').toString('base64')}`,
    ...(coordinatorPersonId ? [`Bearer ${signTabToken(tabSecret, coordinatorPersonId, future)}`] : []),
  ];
  const token = r.pick(tokens);
  return { method: 'GET', path: `/api/progress?period=${q}${r.chance(0.2) ? `&period=${q}&x=${q}` : ''}`, headers: token ? { authorization: token } : {} };
}

/** A turn for the engine as the console builds it; sometimes of the wrong shape (parseTurn must refuse it). */
export function consoleTurn(r: Random): unknown {
  const base = {
    channel: 'console',
    externalId: `fuzz-${r.int(40)}`,
    firstName: r.chance(0.8) ? 'Hodan' : r.pick(HOSTILE_TEXTS).slice(0, 64),
    clientLanguage: r.pick(LANGS).slice(0, 35),
    role: r.pick(['resident', 'resident', 'staff', 'coordinator', 'admin'] as const),
  };
  const roll = r.next();
  const input =
    roll < 0.55
      ? { kind: 'text', text: r.pick(HOSTILE_TEXTS) }
      : roll < 0.85
        ? {
            kind: 'action',
            action: r.pick(HOSTILE_ACTIONS) || 'x',
            values: r.chance(0.3) ? { note: r.pick(HOSTILE_TEXTS).slice(0, 1000), count: r.pick(['-1', '1e9', 'NaN', '3']) } : undefined,
          }
        : { kind: 'start', payload: r.pick(['e_bogus', 'a_bogus', '', '../../x', 'x'.repeat(64)]) };
  if (r.chance(0.1))
    return mutate(r, { ...base, input }, [
      ['channel'],
      ['externalId'],
      ['role'],
      ['input'],
      ['input', 'kind'],
      ['input', 'text'],
      ['input', 'values'],
      ['firstName'],
      ['address'],
    ]);
  return { ...base, input };
}
