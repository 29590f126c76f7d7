/** The logger: JSON lines with level names, levels filtered, errors with their message, personal fields censored. */
import { createLogger } from '../../src/logging/logger';

function recorder(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (l) => lines.push(l)), parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

test('writes one JSON object per line with time, level name, message and fields; child fields come along', () => {
  const r = recorder();
  r.logger.child({ person: 'p_1', channel: 'telegram' }).info('sign-up confirmed', { event: 'e_9' });
  expect(r.lines).toHaveLength(1);
  expect(r.parsed()[0]).toMatchObject({ level: 'info', msg: 'sign-up confirmed', person: 'p_1', channel: 'telegram', event: 'e_9' });
  expect(String(r.parsed()[0]?.['time'])).toMatch(/^\d{4}-\d\d-\d\dT/);
});

test('lines below the level are dropped', () => {
  const r = recorder('warn');
  r.logger.info('not written');
  r.logger.debug('not written');
  r.logger.warn('written');
  expect(r.parsed().map((l) => l['msg'])).toEqual(['written']);
});

test('an error keeps its type and message', () => {
  const r = recorder();
  r.logger.error('turn failed', { err: new TypeError('boom') });
  expect(r.parsed()[0]?.['err']).toMatchObject({ type: 'TypeError', message: 'boom' });
});

test('personal fields passed by mistake are censored, at the top level and one level down', () => {
  const r = recorder();
  r.logger
    .child({ firstName: 'Amina' })
    .warn('oops', { person: 'p_2', text: 'jeg bor på Husarvej 12', handover: { question: 'Hjælp til boligstøtte', answer: 'Ja' }, chatId: 777001 });
  const line = r.lines[0] ?? '';
  for (const secret of ['Amina', 'Husarvej', 'boligstøtte', '777001', '"Ja"']) expect(line).not.toContain(secret);
  expect(r.parsed()[0]).toMatchObject({ person: 'p_2', msg: 'oops' });
});
