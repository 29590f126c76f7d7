/**
 * The Teams turn: each activity handled once and never lost (src/database/handled-once.ts), the sender checked (tenant, role),
 * what they did turned into a core Turn, the engine's neutral replies rendered as Adaptive Cards —
 * a submitted form's card updated in place, an Action.Execute answered in the invoke response.
 * Installing Nabo in a channel makes it the staff channel; in a personal chat Nabo says hello.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { ourLanguage } from '../../src/conversation/engine';
import type { ReplyBatch } from '../../src/conversation/replies';
import { directionOf } from '../../src/i18n/i18n';
import type { Logger } from '../../src/logging/logger';
import { asLanguage, type KnownIdentity, type Role } from '../../src/people/people-service';
import type { Language } from '../../src/plan-data/plan-file';
import { DEFAULT_LEASE_MS } from '../../src/database/handled-once';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import { resolveAccess, tenantAllowed, type Access } from './access';
import { readInbound, type Inbound } from './activity-input';
import { isRoleCommand, runRoleCommand } from './admin-commands';
import { cardTexts, type CardTexts } from './card-texts';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/adaptive-card';
import { asLink, cardAttachment, renderMessages, renderOneCard, summaryOf, type RenderContext } from './cards/render-batch';
import { REPORT_ROLES, reportLink } from './tab/report-link';
import { isProgressTable } from './cards/table-elements';
import type { TeamsConfig } from './config';
import { BatchedActivityLedger } from './activity-ledger';
import { activityKey } from './processed-updates';
import { addressOf } from './proactive/conversation-reference';
import { statusOf } from './proactive/proactive-sender';
import type { StaffChannel } from './proactive/staff-channel';
import { tenantRefusal } from './refusals';
import { DASHBOARD_ROLES, dashboardLink } from './tab/signed-link';
import { asksForPlanWorkbook, planWorkbookCard } from './tab/plan-workbook-chat';
import { ActivityTypes } from './sdk';
import { TurnRunner, type TurnBase } from './turn-runner';

export interface TeamsBotDeps {
  nabo: Nabo;
  config: TeamsConfig;
  logger: Logger;
  clock: Clock;
  staffChannel: StaffChannel;
  /** Where the dashboard is reached from a browser (public URL, or the local server). */
  dashboardBase(): string;
  /** How long a handler holds an activity before a redelivery may take it over (default 30 s). */
  updateLeaseMs?: number;
}

type StoredIdentity = { personId: string; role: Role } | null;
type Allowed = Extract<Access, { allowed: true }>;

/** "Anna Jensen" → "Anna"; Teams sends display names, Nabo keeps first names only. */
const firstNameOf = (name: string | undefined): string | undefined =>
  name
    ?.trim()
    .split(/[\s,]+/)[0]
    ?.slice(0, 64) || undefined;

export class TeamsBot {
  private readonly runner: TurnRunner;

  private readonly handled: BatchedActivityLedger;

  private readonly textsByLanguage = new Map<Language, CardTexts>();

  constructor(private readonly deps: TeamsBotDeps) {
    this.runner = new TurnRunner(deps.nabo);
    this.handled = new BatchedActivityLedger(deps.nabo.database, deps.clock, deps.updateLeaseMs ?? DEFAULT_LEASE_MS, deps.logger);
  }

  /** Writes the pending "handled" marks; later activities are marked at once (the channel is stopping). */
  close(): Promise<void> {
    return this.handled.close();
  }

  /** Handles one activity; never throws (CloudAdapter would answer 500 and Teams retry). */
  async onTurn(context: TurnContext): Promise<void> {
    const a = context.activity;
    const invoke = a.type === ActivityTypes.Invoke;
    // Leased before handling, done after: a crash mid-turn leaves the activity to its redelivery.
    const key = a.id && a.conversation?.id ? activityKey(a.conversation.id, a.id) : null;
    try {
      const claim = key ? await this.handled.begin(key) : 'mine';
      if (claim !== 'mine') {
        // 'busy': another instance is answering it right now and will reply.
        this.deps.logger.debug('teams activity already handled', { type: a.type, claim });
        if (invoke) await this.invokeReply(context);
        return;
      }
      await this.handle(context, a, invoke);
      if (key) await this.handled.finish(key);
    } catch (err) {
      this.deps.logger.error('teams turn failed', { err, type: a.type, status: statusOf(err) });
      if (key) await this.handled.abandon(key).catch(() => undefined);
      if (invoke) await this.invokeReply(context).catch(() => undefined);
    }
  }

  private async handle(context: TurnContext, a: Activity, invoke: boolean): Promise<void> {
    if (a.type === ActivityTypes.ConversationUpdate) return await this.onConversationUpdate(context);
    const inbound = readInbound(a);
    if (inbound.kind === 'ignore') {
      if (invoke) await this.invokeReply(context);
      return;
    }
    const { access, known } = await this.access(a);
    if (!access.allowed) return await this.refuse(context, access.reason);
    if (inbound.kind === 'text' && access.role === 'admin' && isRoleCommand(inbound.text)) return await this.roleCommand(context, inbound.text);
    if (inbound.kind === 'text' && asksForPlanWorkbook(inbound.text) && (await this.planWorkbook(context, access))) return;
    const base = this.turnBase(a, access);
    // After the turn the stored role is the one access decided (the engine stores it), so a person read
    // at the start of the turn needs no second read for the links; a first contact was created by the turn.
    const owner = (): Promise<StoredIdentity> => (known ? Promise.resolve({ personId: known.person.id, role: access.role }) : this.stored(base.externalId));
    await this.deliver(context, await this.runner.run(base, inbound, known), inbound, owner);
  }

  private async stored(objectId: string | undefined): Promise<StoredIdentity> {
    if (!objectId) return null;
    // One joined statement: Prisma's nested `select` of the person is a second query, on every turn.
    const rows = await this.deps.nabo.database.db.$queryRaw<{ personId: string; role: string }[]>`
      SELECT i."personId" AS "personId", p."role" AS "role"
      FROM "ChannelIdentity" i JOIN "Person" p ON p."id" = i."personId"
      WHERE i."channel" = 'teams' AND i."externalId" = ${objectId}`;
    const row = rows[0];
    return row ? { personId: row.personId, role: row.role as Role } : null;
  }

  /**
   * Who may do what, and the sender's identity as stored (null: not yet; undefined: not read). The
   * identity is read once here, with the person and the conversation, and the engine's turn takes
   * it instead of reading it again.
   */
  private async access(a: Activity): Promise<{ access: Access; known?: KnownIdentity | null }> {
    const { config } = this.deps;
    const first = resolveAccess(a, config);
    if (!first.allowed) return { access: first };
    const known = await this.deps.nabo.services.people.lookUp('teams', first.objectId);
    // The stored role only matters for someone the configuration does not name (a promoted coordinator).
    const named = config.admins.has(first.objectId) || config.coordinators.has(first.objectId);
    const storedRole = named ? undefined : (known?.person.role as Role | undefined);
    return { access: storedRole === undefined ? first : resolveAccess(a, config, storedRole), known };
  }

  /** The adapter's own texts in one language; the translations never change while the process runs. */
  private texts(language: Language): CardTexts {
    let texts = this.textsByLanguage.get(language);
    if (!texts) {
      texts = cardTexts(language, this.deps.nabo.translations.translator(language));
      this.textsByLanguage.set(language, texts);
    }
    return texts;
  }

  private turnBase(a: Activity, access: Allowed): TurnBase {
    const type = a.conversation?.conversationType;
    // Only a personal chat is a way to reach the person later; a channel thread is everyone's.
    const address = !type || type === 'personal' ? (addressOf(a) ?? undefined) : undefined;
    return {
      channel: 'teams',
      externalId: access.objectId,
      firstName: firstNameOf(a.from?.name),
      clientLanguage: ourLanguage(a.locale) ? a.locale?.slice(0, 35) : undefined,
      role: access.role,
      address,
    };
  }

  private async refuse(context: TurnContext, reason: string): Promise<void> {
    this.deps.logger.warn('teams sender refused', { reason });
    const language = ourLanguage(context.activity.locale) ?? 'da';
    await this.sendText(context, tenantRefusal(context.activity.locale, this.deps.nabo.translations), language);
  }

  private async roleCommand(context: TurnContext, text: string): Promise<void> {
    const language = ourLanguage(context.activity.locale) ?? 'da';
    const answer = await runRoleCommand(
      text,
      { db: this.deps.nabo.database.db, people: this.deps.nabo.services.people },
      this.deps.nabo.translations.translator(language),
    );
    this.deps.logger.info('teams role command', { by: 'admin' });
    await this.sendText(context, answer, language);
  }

  private async sendText(context: TurnContext, text: string, language: Language): Promise<void> {
    const rtl = directionOf(language) === 'rtl';
    if (context.activity.type === ActivityTypes.Invoke) {
      const card = renderOneCard([{ kind: 'text', text }], { texts: this.texts(language), rtl });
      return this.invokeReply(context, card);
    }
    await context.sendActivities(renderMessages([{ kind: 'text', text }], { texts: this.texts(language), rtl }));
  }

  /** "Hent planen som regneark": signed workbook links for a coordinator (tab/plan-workbook-chat.ts); false for someone Nabo does not know yet. */
  private async planWorkbook(context: TurnContext, access: Allowed): Promise<boolean> {
    const stored = await this.stored(access.objectId);
    if (!stored) return false;
    const language = ourLanguage(context.activity.locale) ?? 'da';
    const { nabo, config, clock } = this.deps;
    const deps = { currentPlan: () => nabo.services.catalogue.currentPlan(), secret: config.tabSecret, base: this.deps.dashboardBase(), clock };
    const card = await planWorkbookCard(
      deps,
      { personId: stored.personId, role: access.role },
      language,
      nabo.translations.translator(language),
      directionOf(language) === 'rtl',
    );
    await context.sendActivity({ type: ActivityTypes.Message, summary: card.fallbackText, attachments: [cardAttachment(card)] });
    return true;
  }

  /** A signed dashboard link for staff, a coordinator or an admin; undefined for anyone else. */
  private async dashboardUrl(owner: () => Promise<StoredIdentity>, language: Language): Promise<string | undefined> {
    const stored = await owner();
    if (!stored || !DASHBOARD_ROLES.has(stored.role)) return undefined;
    return dashboardLink({
      base: this.deps.dashboardBase(),
      secret: this.deps.config.tabSecret,
      personId: stored.personId,
      language,
      now: this.deps.clock.now(),
    });
  }

  /** Signed report downloads for a coordinator or an admin; undefined for anyone else. */
  private async downloadUrl(owner: () => Promise<StoredIdentity>, language: Language): Promise<RenderContext['downloadUrl']> {
    const stored = await owner();
    if (!stored || !REPORT_ROLES.has(stored.role)) return undefined;
    const now = this.deps.clock.now();
    return (d) =>
      reportLink({
        base: this.deps.dashboardBase(),
        secret: this.deps.config.tabSecret,
        personId: stored.personId,
        language,
        now,
        plan: d.plan,
        period: d.period,
      });
  }

  private async deliver(
    context: TurnContext,
    batch: ReplyBatch,
    inbound: Exclude<Inbound, { kind: 'ignore' }>,
    owner: () => Promise<StoredIdentity>,
  ): Promise<void> {
    const progress = batch.replies.some((r) => r.kind === 'table' && isProgressTable(r));
    const language = asLanguage(batch.language);
    const downloads = batch.replies.some((r) => r.kind === 'file' && r.download);
    const ctx: RenderContext = {
      texts: this.texts(language),
      rtl: batch.direction === 'rtl',
      dashboardUrl: progress ? await this.dashboardUrl(owner, language) : undefined,
      downloadUrl: downloads ? await this.downloadUrl(owner, language) : undefined,
    };
    const a = context.activity;
    const hasFiles = batch.replies.some((r) => r.kind === 'file' && !asLink(r, ctx));
    const card = inbound.kind === 'action' && !hasFiles ? renderOneCard(batch.replies, ctx) : undefined;
    if (inbound.kind === 'action' && inbound.via === 'invoke') {
      // Universal Actions: the answer replaces the card for everyone who sees it.
      await this.invokeReply(context, card);
      if (card) return;
    } else if (card && inbound.kind === 'action' && Object.keys(inbound.values).length > 0 && a.replyToId) {
      // A submitted form: its card becomes the result, so it cannot be submitted twice by mistake.
      try {
        await context.updateActivity({ id: a.replyToId, type: ActivityTypes.Message, summary: summaryOf(batch.replies), attachments: [cardAttachment(card)] });
        return;
      } catch (err) {
        this.deps.logger.warn('teams card update failed, sending instead', { status: statusOf(err) });
      }
    }
    await context.sendActivities(renderMessages(batch.replies, ctx));
  }

  private async invokeReply(context: TurnContext, card?: AdaptiveCard): Promise<void> {
    const body = card
      ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const a = context.activity;
    const botId = a.recipient?.id;
    const added = (a.membersAdded ?? []).some((m) => m.id === botId);
    const removed = (a.membersRemoved ?? []).some((m) => m.id === botId);
    const type = a.conversation?.conversationType;
    if (removed && type === 'channel' && a.conversation?.id) return this.deps.staffChannel.forget(a.conversation.id);
    if (!added) return;
    if (!tenantAllowed(a, this.deps.config)) return this.deps.logger.warn('teams install in a tenant that is not allowed');
    if (type === 'channel') {
      await this.deps.staffChannel.remember(a);
      return;
    }
    if (type === 'personal' || !type) {
      const { access, known } = await this.access(a);
      if (!access.allowed) return;
      const batch = await this.runner.turn(this.turnBase(a, access), { kind: 'start' }, known);
      await context.sendActivities(
        renderMessages(batch.replies, {
          texts: this.texts(asLanguage(batch.language)),
          rtl: batch.direction === 'rtl',
        }),
      );
    }
  }
}
