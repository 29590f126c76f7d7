/**
 * The progress report's download link: the dashboard's signed link (signed-link.ts, the one link
 * builder) pointed at /tab/report.xlsx, with the plan and the period it is for. The token says who
 * asks and expires after 15 minutes like every dashboard link; the plan and period are not secret
 * (any coordinator may fetch any plan's report), so they travel in the clear.
 */
import { dashboardLink } from './signed-link';

/** Where the workbook is served. */
export const REPORT_PATH = '/tab/report.xlsx';

/** Who may produce the report: coordinators and admins (staff read progress, but do not report). */
export const REPORT_ROLES: ReadonlySet<string> = new Set(['coordinator', 'admin']);

/** A signed link to the workbook of `plan` (key) for `period` (specCode), valid for 15 minutes. */
export function reportLink(o: { base: string; secret: string; personId: string; language: string; now: Date; plan: string; period: string }): string {
  return `${dashboardLink({ ...o, path: REPORT_PATH })}&plan=${encodeURIComponent(o.plan)}&period=${encodeURIComponent(o.period)}`;
}
