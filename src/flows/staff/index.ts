/** Staff flows (registered in src/flows/index.ts). */
import type { Flow } from '../../conversation/flow';
import { attendanceFlow } from './attendance-flow';
import { broadcastFlow } from './broadcast-flow';
import { createFlow } from './create-flow';
import { deliveryFlow } from './delivery-flow';
import { eventsFlow } from './events-flow';
import { handoversFlow } from './handovers-flow';

export const STAFF_FLOWS: readonly Flow[] = [deliveryFlow, eventsFlow, attendanceFlow, createFlow, handoversFlow, broadcastFlow];
