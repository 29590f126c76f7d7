/** Every flow of the conversation, in the order intents are matched. */
import type { Flow } from '../conversation/flow';
import { areaFlow } from './resident/area-flow';
import { bookingsFlow } from './resident/bookings-flow';
import { broadcastPressFlow } from './resident/broadcast-press-flow';
import { counsellingFlow } from './resident/counselling-flow';
import { findFlow } from './resident/find-flow';
import { handoverFlow } from './resident/handover-flow';
import { myDataFlow } from './resident/my-data-flow';
import { newsFlow } from './resident/news-flow';
import { offerFlow } from './resident/offer-flow';
import { remindersFlow } from './resident/reminders-flow';
import { signupFlow } from './resident/signup-flow';
import { welcomeFlow } from './resident/welcome-flow';
import { STAFF_FLOWS } from './staff';
import { COORDINATOR_FLOWS } from './coordinator';

export const FLOWS: readonly Flow[] = [
  welcomeFlow,
  findFlow,
  signupFlow,
  counsellingFlow,
  bookingsFlow,
  offerFlow,
  areaFlow,
  handoverFlow,
  myDataFlow,
  remindersFlow,
  newsFlow,
  broadcastPressFlow,
  ...STAFF_FLOWS,
  ...COORDINATOR_FLOWS,
];
