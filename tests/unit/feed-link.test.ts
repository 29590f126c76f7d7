/** Signed calendar-feed links: bound to one activity and one secret, never a dashboard token, compared whole. */
import { signTabToken, verifyTabToken } from '../../bots/teams/tab/signed-link';
import { feedPath, signFeed, verifyFeed } from '../../src/calendar-feed/feed-link';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

test('a signature verifies for its activity and secret only', () => {
  const sig = signFeed(SECRET, 'act_1');
  expect(verifyFeed(SECRET, 'act_1', sig)).toBe(true);
  expect(verifyFeed(SECRET, 'act_2', sig)).toBe(false);
  expect(verifyFeed(`${SECRET}x`, 'act_1', sig)).toBe(false);
  expect(verifyFeed(SECRET, 'act_1', sig.slice(0, -1))).toBe(false);
  expect(verifyFeed(SECRET, 'act_1', '')).toBe(false);
  expect(verifyFeed(SECRET, '../act_1', sig)).toBe(false);
});

test('the path carries the activity and its signature; an id that cannot be in a path is refused', () => {
  expect(feedPath(SECRET, 'act_1')).toBe(`/calendar/act_1.ics?sig=${signFeed(SECRET, 'act_1')}`);
  expect(() => signFeed(SECRET, 'a/b')).toThrow();
});

test('a feed signature and a dashboard token never stand in for each other', () => {
  const token = signTabToken(SECRET, 'act_1', new Date(Date.now() + 60_000));
  expect(verifyFeed(SECRET, 'act_1', token.split('.')[3] ?? '')).toBe(false);
  expect(verifyTabToken(SECRET, `v1.act_1.${Math.floor(Date.now() / 1000) + 60}.${signFeed(SECRET, 'act_1')}`, new Date())).toBeNull();
});
