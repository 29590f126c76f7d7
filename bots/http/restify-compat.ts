/**
 * Lets restify 11 load on Node 24, quietly on Node 20. restify 11 pulls in spdy, whose
 * http-deceiver reads `process.binding('http_parser')` when it is loaded: Node 22+ removed that
 * binding (requiring restify throws there), and Node 20 prints a deprecation warning for it at
 * every start. Nabo serves plain HTTP and never creates a spdy server, so the deceiver is loaded
 * but never used: a stand-in binding with the method list it reads at load time is enough, on
 * every version. restify 12 drops spdy but needs Node 22, and Nabo supports Node 20 too. Import
 * this before restify.
 */
import { METHODS } from 'node:http';

type Binding = (name: string) => unknown;

const proc = process as unknown as { binding: Binding };
const original = proc.binding.bind(process);
const HTTPParser = { methods: [...METHODS], kOnHeaders: 1, kOnHeadersComplete: 2, kOnBody: 3, kOnMessageComplete: 4, kOnExecute: 5 };

proc.binding = (name: string) => (name === 'http_parser' ? { HTTPParser, methods: HTTPParser.methods } : original(name));
