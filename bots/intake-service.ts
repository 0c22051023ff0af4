/**
 * The path of every customer message: store it (idempotently) → run the dialog step under the
 * conversation's row lock → carry out its effects → store the replies → commit → publish →
 * deliver the replies on the customer's own channel. Anything interrupted is finished later
 * from the stored rows (`retryUnfinished`).
 */
import type { Database } from '../db/client';
import type { Complaint } from '../db/complaints';
import type { CalendarOps } from '../db/domain/calendar';
import { conversationMessages, getMessage, lockConversation, openConversation, setMessageStatus, storeInbound, storeOutbound, unfinishedMessages, updateConversation, type Conversation, type Message } from '../db/conversations';
import { customerForIdentity, updateCustomer } from '../db/customers';
import { getTenant, tenantClock, type Tenant } from '../db/tenants';
import type { Triage } from '../nlp/triage';
import { ownAttachments, storeAttachment } from './attachments';
import { applyEffect, type EffectScope } from './effects';
import { botLanguages, type BotLang } from './engine/catalogue';
import { restoreState } from './engine/state';
import { step } from './engine/step';
import type { EngineContext, EngineInput, Reply } from './engine/types';
import type { IntakeEvent, Log, Publish } from './events';
import type { AdapterRegistry } from './registry';
import type { ChannelAddress, InboundMessage } from './types';

export interface IntakeDeps {
  db: Database;
  dataDir: string;
  triage: Triage;
  adapters: AdapterRegistry;
  publish: Publish;
  now: () => Date;
  log: Log;
  publicUrl?: string;
  /** Queues the staff notifications of a routine answer or an escalation, inside the transaction. */
  staffNotice?: (tx: Database, kind: 'routine_answer' | 'escalated', complaint: Complaint, tenant: Tenant) => Promise<void>;
}

export type IntakeService = ReturnType<typeof createIntakeService>;

const asLang = (l: string | null | undefined): BotLang => ((botLanguages as readonly string[]).includes(l ?? '') ? (l as BotLang) : 'en');

export function createIntakeService(deps: IntakeDeps) {
  const { db, log } = deps;

  /** The InboundHandler every adapter is started with. Resolves once stored (and normally answered). */
  async function receive(m: InboundMessage): Promise<{ id: string }> {
    const customer = await customerForIdentity(db, m.tenantId, m.channel, m.from.externalId, {
      name: m.from.name ?? null, phone: m.from.phone ?? null, email: m.from.email ?? null,
    });
    if (m.from.phone && !customer.phone) await updateCustomer(db, m.tenantId, customer.id, { phone: m.from.phone });
    const conversation = await openConversation(db, {
      tenantId: m.tenantId, customerId: customer.id, channel: m.channel, address: { ...m.address },
    });
    const attachmentIds: string[] = [];
    for (const a of m.attachments) {
      if (a.attachmentId) attachmentIds.push(...(await ownAttachments(db, m.tenantId, conversation.id, [a.attachmentId])));
      else if (a.data) {
        try {
          attachmentIds.push((await storeAttachment(db, deps.dataDir, { tenantId: m.tenantId, conversationId: conversation.id, data: a.data, fileName: a.fileName })).id);
        } catch (error) {
          log.warn({ err: error, channel: m.channel }, 'attachment refused');
        }
      }
    }
    const { message, duplicate } = await storeInbound(db, {
      tenantId: m.tenantId, conversationId: conversation.id, channel: m.channel, channelMessageId: m.channelMessageId,
      text: m.text.slice(0, 100_000), attachments: attachmentIds, at: m.receivedAt, meta: { languageCode: m.from.languageCode ?? null },
    });
    if (duplicate) return { id: String(message.id) };
    deps.publish(messageEvent(message));
    await processMessage(message.id).catch(async (error: unknown) => {
      log.error({ err: error, messageId: message.id }, 'processing failed; will retry from the stored row');
      await setMessageStatus(db, message.id, 'failed').catch(() => undefined);
    });
    return { id: String(message.id) };
  }

  async function processMessage(messageId: number): Promise<void> {
    const events: IntakeEvent[] = [];
    const result = await db.transaction(async (tx) => {
      const message = await getMessage(tx, messageId);
      if (!message || message.direction !== 'in' || message.status === 'processed') return null;
      const conversation = await lockConversation(tx, message.conversationId);
      const languageCode = (message.meta as { languageCode?: string | null }).languageCode ?? undefined;
      const customerPhone = await phoneFromPlatform(tx as unknown as Database, conversation);
      const advanced = await advance(tx as unknown as Database, conversation, {
        type: 'message', text: message.text, attachmentIds: message.attachments,
        hints: { phone: customerPhone ?? undefined, languageCode },
      }, events);
      await setMessageStatus(tx, message.id, 'processed');
      return advanced;
    });
    if (!result) return;
    for (const e of events) deps.publish(e);
    for (const m of result.stored) deps.publish(messageEvent(m));
    await deliver(result.conversation, result.stored);
  }

  /**
   * The desk speaks first (a proposal, a status change, a delay): the dialog takes `input` under
   * the conversation's lock, and its replies are stored, published and delivered like any other.
   */
  async function notify(tenantId: string, conversationId: string, input: EngineInput): Promise<Message[]> {
    const events: IntakeEvent[] = [];
    const result = await db.transaction(async (tx) => {
      const conversation = await lockConversation(tx, conversationId);
      if (conversation.tenantId !== tenantId) return null;
      return advance(tx as unknown as Database, conversation, input, events);
    });
    if (!result) return [];
    for (const e of events) deps.publish(e);
    for (const m of result.stored) deps.publish(messageEvent(m));
    await deliver(result.conversation, result.stored);
    return result.stored;
  }

  /** One dialog step and the effects it asks for (their results fed back in), inside `tx`. */
  async function advance(tx: Database, conversation: Conversation, first: EngineInput, events: IntakeEvent[]): Promise<{ conversation: Conversation; stored: Message[] }> {
    const tenant = await getTenant(tx, conversation.tenantId);
    const now = deps.now();
    const scope: EffectScope = { tx, tenant, conversation, now, patch: {}, events, staffNotices: [], formatTime: (at, lang) => formatTime(tenant, at, lang) };
    let state = restoreState(conversation.botState, asLang(conversation.language));
    const withPeople = conversation.state === 'waiting' || conversation.state === 'assigned';
    const ctx = engineContext(tenant, withPeople, now);
    let input: EngineInput | null = first;
    const replies: Reply[] = [];
    for (let round = 0; input && round < 6; round++) {
      const out = step(state, input, ctx);
      state = out.state;
      replies.push(...out.replies);
      input = null;
      scope.conversation = { ...conversation, ...scope.patch, botState: state as unknown as Record<string, unknown>, language: state.lang };
      for (const effect of out.effects) input = (await applyEffect(effect, scope)) ?? input;
    }
    for (const n of scope.staffNotices) await deps.staffNotice?.(tx, n.kind, n.complaint, tenant);
    await updateConversation(tx, conversation.id, { ...scope.patch, botState: state as unknown as Record<string, unknown>, language: state.lang });
    const stored: Message[] = [];
    for (const r of replies) {
      stored.push(await storeOutbound(tx, {
        tenantId: tenant.tenantId, conversationId: conversation.id, channel: conversation.channel, text: r.text,
        sender: 'bot', quickReplies: r.quickReplies, lang: r.lang, at: now,
      }));
    }
    return { conversation: { ...conversation, ...scope.patch }, stored };
  }

  /** Sends stored replies in order; one that fails stays `pending` and is retried later. */
  async function deliver(conversation: Conversation, outbound: Message[]): Promise<void> {
    const adapter = deps.adapters.get(conversation.channel, conversation.tenantId);
    if (!adapter) {
      if (outbound.length) log.warn({ channel: conversation.channel, conversationId: conversation.id }, 'no adapter running for this channel; replies stay pending');
      return;
    }
    for (const m of outbound) {
      try {
        const meta = m.meta as { quickReplies?: string[]; lang?: string | null };
        const sent = await adapter.send(conversation.address as unknown as ChannelAddress, {
          id: String(m.id), text: m.text, quickReplies: meta.quickReplies?.length ? meta.quickReplies : undefined,
          lang: meta.lang ?? undefined, from: m.sender === 'agent' ? 'agent' : 'bot',
        });
        await setMessageStatus(db, m.id, 'sent', `out:${conversation.channel}:${m.id}:${sent.externalMessageId}`.slice(0, 300));
      } catch (error) {
        log.warn({ err: error, messageId: m.id, channel: conversation.channel }, 'delivery failed; will retry');
        return; // keep the order: later replies wait for this one
      }
    }
  }

  /** Finishes what a crash or a failure interrupted: unprocessed inbound, unsent outbound. */
  async function retryUnfinished(olderThanMs = 5_000): Promise<number> {
    const rows = await unfinishedMessages(db, new Date(deps.now().getTime() - olderThanMs), 200);
    for (const m of rows) {
      try {
        if (m.direction === 'in') await processMessage(m.id);
        else {
          const conversation = (await db.query.conversations.findFirst({ where: (c, { eq }) => eq(c.id, m.conversationId) }))!;
          await deliver(conversation, [m]);
        }
      } catch (error) {
        log.warn({ err: error, messageId: m.id }, 'retry failed');
      }
    }
    return rows.length;
  }

  function engineContext(tenant: Tenant, withPeople: boolean, now: Date): EngineContext {
    const clock = tenantClock(tenant);
    const base = deps.publicUrl ?? '';
    return {
      company: tenant.name,
      privacyUrl: tenant.privacyNoticeUrl ?? `${base}/privacy`,
      personWhen: (lang) => formatTime(tenant, personExpectedAt(clock.calendar, tenant, now), lang),
      detectLanguage: (text) => deps.triage.detectLanguage(text),
      classify: (text) => deps.triage.classify(text),
      withPeople,
    };
  }

  /** Read inside the message's transaction: PGlite has one connection, which the transaction holds. */
  async function phoneFromPlatform(tx: Database, conversation: Conversation): Promise<string | null> {
    if (!['whatsapp', 'whatsapp_cloud', 'telegram'].includes(conversation.channel)) return null;
    const row = await tx.query.customers.findFirst({ where: (c, { eq }) => eq(c.id, conversation.customerId) });
    return row?.phone ?? null;
  }

  async function history(tenantId: string, conversationId: string): Promise<Message[]> {
    return (await conversationMessages(db, tenantId, conversationId)).filter((m) => !m.internal);
  }

  return { receive, processMessage, notify, deliver, retryUnfinished, history };
}

/**
 * When a person will pick up a handed-off conversation: within the tenant's pick-up time during
 * working hours (default 60 working minutes), otherwise as soon as the team is back.
 */
export function personExpectedAt(calendar: CalendarOps, tenant: Pick<Tenant, 'settings'>, now: Date): Date {
  const minutes = Number((tenant.settings as { pickUpMinutes?: unknown }).pickUpMinutes ?? 60);
  const span = (Number.isFinite(minutes) && minutes > 0 ? minutes : 60) * 60_000;
  return calendar.isWorkingTime(now) ? calendar.addWorkingTime(now, span) : calendar.nextWorkingStart(now);
}

const locales: Record<string, string> = { en: 'en-GB', it: 'it-IT', ro: 'ro-RO', fa: 'fa-IR', ru: 'ru-RU', pt: 'pt-BR' };

export function formatTime(tenant: Pick<Tenant, 'calendar'>, at: Date, lang: string): string {
  const timeZone = (tenant.calendar as { timeZone?: string }).timeZone ?? 'UTC';
  return new Intl.DateTimeFormat(locales[lang] ?? 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

function messageEvent(m: Message): IntakeEvent {
  return {
    type: 'message', tenantId: m.tenantId, conversationId: m.conversationId,
    message: { id: m.id, direction: m.direction, sender: m.sender, text: m.text, attachments: m.attachments, at: m.createdAt.toISOString() },
  };
}
