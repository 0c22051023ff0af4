/**
 * Tables of the second level (the inbox's work): the durable inbox event log agents resync from,
 * canned responses, work instructions and their ticks, and the notification outbox.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { complaints, tenants, users } from './schema';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => uuid('tenant_id').notNull().references(() => tenants.tenantId, { onDelete: 'cascade' });

/**
 * Everything the inbox shows live, in commit order per tenant. Sockets get each row as it is
 * written; a reconnecting agent reads the rows after the last id it saw, from any process.
 */
export const inboxEvents = pgTable('inbox_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tenantId: tenantRef(),
  type: text('type').notNull(),
  conversationId: uuid('conversation_id'),
  complaintId: uuid('complaint_id'),
  /** Only this agent sees it (a deadline warning); null = the whole tenant. */
  userId: uuid('user_id'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  at: tz('at').notNull().defaultNow(),
}, (t) => [index('inbox_events_tenant_idx').on(t.tenantId, t.id)]);

export const cannedResponses = pgTable('canned_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  lang: text('lang').notNull(),
  /** What the agent types after "/" to insert it. */
  shortcut: text('shortcut').notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('canned_responses_shortcut_key').on(t.tenantId, t.lang, t.shortcut)]);

/** Per-category checklists an agent follows on a complaint (seed 001's work instructions). */
export const workInstructions = pgTable('work_instructions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  category: text('category').notNull(),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: tz('created_at').notNull().defaultNow(),
}, (t) => [index('work_instructions_category_idx').on(t.tenantId, t.category, t.position)]);

export const checklistTicks = pgTable('checklist_ticks', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  instructionId: uuid('instruction_id').notNull().references(() => workInstructions.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  at: tz('at').notNull(),
}, (t) => [uniqueIndex('checklist_ticks_key').on(t.complaintId, t.instructionId)]);

/**
 * Every e-mail and SMS the desk sends. `dedupeKey` is unique, so a notice that two processes (or
 * a retry) both decide to send is recorded, and sent, once.
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  kind: text('kind').notNull(),
  channel: text('channel').$type<'email' | 'sms'>().notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  complaintId: uuid('complaint_id'),
  dedupeKey: text('dedupe_key').notNull(),
  status: text('status').$type<'pending' | 'sent' | 'logged' | 'failed'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: tz('created_at').notNull().defaultNow(),
  sentAt: tz('sent_at'),
}, (t) => [
  uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
  index('notifications_pending_idx').on(t.status, t.createdAt),
  index('notifications_complaint_idx').on(t.tenantId, t.complaintId),
]);
