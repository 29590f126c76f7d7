/** Ids of rows inserted by SQL (src/database/row-id.ts): cuid-shaped, 25 characters of a-z0-9, all different. */
import { newRowId } from '../../src/database/row-id';

test('ids are 25 lower-case letters and digits starting with c, and 20 000 of them are all different', () => {
  const ids = Array.from({ length: 20_000 }, () => newRowId());
  for (const id of ids.slice(0, 2000)) expect(id).toMatch(/^c[a-z0-9]{24}$/);
  expect(new Set(ids).size).toBe(ids.length);
  // The random part changes even within one millisecond and one counter value's neighbours.
  expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
});
