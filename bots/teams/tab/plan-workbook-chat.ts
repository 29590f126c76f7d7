/**
 * "Hent planen som regneark", "plan som excel": a coordinator gets two signed links valid for
 * LINK_TTL_MS, one that downloads the current plan as a workbook and one to the page where a
 * changed workbook is checked and saved (plan-workbook-routes.ts). The links are a Teams feature
 * (signed tab links), so the request is answered here in the adapter, like the admin's role command;
 * staff are told it is for coordinators. Nothing of the plan itself is decided here.
 */
import type { Translate } from '../../../src/i18n/i18n';
import type { Role } from '../../../src/people/people-service';
import type { Clock } from '../../../src/time/clock';
import { adaptiveCard, textBlock, type AdaptiveCard } from '../cards/adaptive-card';
import { PLAN_WORKBOOK_DOWNLOAD_PATH, PLAN_WORKBOOK_PAGE_PATH, PLAN_WORKBOOK_ROLES } from './plan-workbook-routes';
import { dashboardLink } from './signed-link';

const PLAN = /\b(?:plan(?:en|s)?|helhedsplan(?:en)?)\b/i;
const WORKBOOK = /\b(?:regneark(?:et)?|excel(?:-?ark|-?fil)?|xlsx|projektmappe(?:n)?|workbook|spreadsheet)\b/i;
/** "Upload" alone is about the page: "upload planen", "læg planen op". */
const UPLOAD = /\b(?:upload|uploade|læg\b.{0,20}\bop)\b/i;

/** Whether a staff message asks for the plan as a workbook (Danish and English wordings). */
export function asksForPlanWorkbook(text: string): boolean {
  const line = text.trim();
  if (line.length > 120 || !PLAN.test(line)) return false;
  return WORKBOOK.test(line) || UPLOAD.test(line);
}

export interface PlanWorkbookChatDeps {
  currentPlan(): Promise<{ name: string }>;
  secret: string;
  base: string;
  clock: Clock;
}

/** The card answering the request: the links for a coordinator or admin, a refusal for staff. */
export async function planWorkbookCard(
  deps: PlanWorkbookChatDeps,
  who: { personId: string; role: Role },
  language: string,
  t: Translate,
  rtl: boolean,
): Promise<AdaptiveCard> {
  if (!PLAN_WORKBOOK_ROLES.has(who.role)) return adaptiveCard([textBlock(t('channel:planWorkbook.coordinatorsOnly'))], { rtl });
  const plan = await deps.currentPlan();
  const link = (path: string): string => dashboardLink({ base: deps.base, secret: deps.secret, personId: who.personId, language, now: deps.clock.now(), path });
  const intro = t('channel:planWorkbook.chatIntro', { plan: plan.name });
  return adaptiveCard(
    [
      textBlock(intro),
      {
        type: 'ActionSet',
        actions: [
          { type: 'Action.OpenUrl', title: t('channel:planWorkbook.download'), url: link(PLAN_WORKBOOK_DOWNLOAD_PATH) },
          { type: 'Action.OpenUrl', title: t('channel:planWorkbook.openPage'), url: link(PLAN_WORKBOOK_PAGE_PATH) },
        ],
      },
    ],
    { rtl, fallbackText: intro },
  );
}
