/** Staff flows (registered in src/flows/index.ts). */
import type { Flow } from '../../conversation/flow';

export const STAFF_FLOWS: readonly Flow[] = [];
