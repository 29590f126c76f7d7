/**
 * Lets restify 11 load on Node 24. restify 11 pulls in spdy, whose http-deceiver reads
 * `process.binding('http_parser')` when it is loaded; Node 22+ removed that binding, so requiring
 * restify throws there. Nabo serves plain HTTP and never creates a spdy server, so the deceiver is
 * loaded but never used: a stand-in binding with the method list it reads at load time is enough.
 * restify 12 drops spdy but needs Node 22, and Nabo supports Node 20 too. Import this before restify.
 */
import { METHODS } from 'node:http';

type Binding = (name: string) => unknown;

const proc = process as unknown as { binding: Binding };
const original = proc.binding.bind(process);

function hasHttpParser(): boolean {
  try {
    original('http_parser');
    return true;
  } catch {
    return false;
  }
}

if (!hasHttpParser()) {
  const HTTPParser = { methods: [...METHODS], kOnHeaders: 1, kOnHeadersComplete: 2, kOnBody: 3, kOnMessageComplete: 4, kOnExecute: 5 };
  proc.binding = (name: string) => (name === 'http_parser' ? { HTTPParser, methods: HTTPParser.methods } : original(name));
}
