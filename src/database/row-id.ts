/**
 * Row ids in the shape Prisma's cuid() gives (25 characters: "c", time, counter, randomness), for rows
 * inserted by SQL rather than through Prisma's model API (a sign-up under its event's lock, the
 * conversation state on every turn).
 */
import { randomFillSync } from 'node:crypto';

let counter = Math.floor(Math.random() * 1_679_616);
/** Random bytes fetched in bulk: one system call per 512 ids instead of one per id. */
const pool = Buffer.alloc(4096);
let offset = pool.length;
/** 36^6: six base-36 characters. */
const SIX = 2_176_782_336;

/** A fresh id; `now` only orders ids roughly by creation, as cuid's do. */
export function newRowId(now = Date.now()): string {
  counter = (counter + 1) % 1_679_616;
  if (offset + 8 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const a = pool.readUInt32BE(offset) % SIX;
  const b = pool.readUInt32BE(offset + 4) % SIX;
  offset += 8;
  const random = a.toString(36).padStart(6, '0') + b.toString(36).padStart(6, '0');
  return `c${now.toString(36).padStart(8, '0').slice(-8)}${counter.toString(36).padStart(4, '0')}${random}`;
}
