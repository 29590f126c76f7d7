/** Coordinator flows (registered in src/flows/index.ts). */
import type { Flow } from '../../conversation/flow';

export const COORDINATOR_FLOWS: readonly Flow[] = [];
