/**
 * Row ids in the shape Prisma's cuid() gives (25 characters: "c", time, counter, randomness), for rows
 * inserted by SQL rather than through Prisma's model API (a sign-up under its event's lock, the
 * conversation state on every turn).
 */
import { randomBytes } from 'node:crypto';

let counter = Math.floor(Math.random() * 1_679_616);

/** A fresh id; `now` only orders ids roughly by creation, as cuid's do. */
export function newRowId(now = Date.now()): string {
  counter = (counter + 1) % 1_679_616;
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(12, '0')
    .slice(-12);
  return `c${now.toString(36).padStart(8, '0').slice(-8)}${counter.toString(36).padStart(4, '0')}${random}`;
}
