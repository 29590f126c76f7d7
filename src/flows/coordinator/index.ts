/** Coordinator flows (registered in src/flows/index.ts). */
import type { Flow } from '../../conversation/flow';
import { measureFlow } from './measure-flow';
import { progressFlow } from './progress-flow';
import { progressNotesFlow } from './progress-notes-flow';

export const COORDINATOR_FLOWS: readonly Flow[] = [progressFlow, progressNotesFlow, measureFlow];
