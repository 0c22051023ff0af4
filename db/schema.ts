/**
 * The system of record. Every table carries `tenant_id` (for `tenants` it is the key itself), and
 * every repository query filters on it. Runs unchanged on PGlite and on PostgreSQL 15+.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => tz('created_at').notNull().defaultNow();
const tenantRef = () => uuid('tenant_id').notNull().references(() => tenants.tenantId, { onDelete: 'cascade' });

export const tenants = pgTable('tenants', {
  tenantId: uuid('tenant_id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  languages: jsonb('languages').$type<string[]>().notNull().default(sql`'["en","it","ro","fa","ru","pt"]'::jsonb`),
  calendar: jsonb('calendar').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  deadlineTargets: jsonb('deadline_targets').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  responsibleEmail: text('responsible_email'),
  privacyNoticeUrl: text('privacy_notice_url'),
  /** Everything else a client company configures (external remedies, pricing, …). */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('tenants_slug_key').on(t.slug)]);

export const userRoles = ['admin', 'supervisor', 'agent', 'viewer'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** True while the password is the random one printed at start (demo agent only). */
  passwordGenerated: boolean('password_generated').notNull().default(false),
  role: text('role').$type<UserRole>().notNull(),
  /** The installation operator may create tenants and users in any tenant. */
  isOperator: boolean('is_operator').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  /** Conversations the agent takes at once before automatic assignment passes them by. */
  capacity: integer('capacity').notNull().default(5),
  /** Categories the agent's team handles; empty = every category. */
  categories: jsonb('categories').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** Online while an inbox socket keeps extending this (heartbeat), across every server process. */
  presentUntil: tz('present_until'),
  /** Round-robin order of automatic assignment: the longest-waiting agent goes first. */
  lastAssignedAt: tz('last_assigned_at'),
  lockedUntil: tz('locked_until'),
  createdAt: createdAt(),
}, (t) => [
  // Login is by e-mail alone, so an address belongs to one user in the whole installation.
  uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
  index('users_tenant_idx').on(t.tenantId),
]);

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  expiresAt: tz('expires_at').notNull(),
  revokedAt: tz('revoked_at'),
}, (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)]);

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  language: text('language'),
  createdAt: createdAt(),
  erasedAt: tz('erased_at'),
}, (t) => [index('customers_tenant_idx').on(t.tenantId), index('customers_tenant_email_idx').on(t.tenantId, t.email)]);

export const channelIdentities = pgTable('channel_identities', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  channel: text('channel').notNull(),
  externalId: text('external_id').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('channel_identities_key').on(t.tenantId, t.channel, t.externalId)]);

export const conversationStates = ['bot', 'waiting', 'assigned', 'closed'] as const;
export type ConversationState = (typeof conversationStates)[number];

export const conversations = pgTable('conversations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  channel: text('channel').notNull(),
  /** Where replies go on the channel (chat id, phone number, session id, conversation reference). */
  address: jsonb('address').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  state: text('state').$type<ConversationState>().notNull().default('bot'),
  /** The intake dialog's state (the conversation engine's, serialised). */
  botState: jsonb('bot_state').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  waitingReason: text('waiting_reason'),
  waitingSince: tz('waiting_since'),
  assignedAgentId: uuid('assigned_agent_id').references(() => users.id, { onDelete: 'set null' }),
  language: text('language'),
  lastMessageAt: tz('last_message_at'),
  createdAt: createdAt(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('conversations_queue_idx').on(t.tenantId, t.state, t.lastMessageAt),
  index('conversations_customer_idx').on(t.tenantId, t.customerId),
]);

export const messages = pgTable('messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tenantId: tenantRef(),
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  direction: text('direction').$type<'in' | 'out'>().notNull(),
  sender: text('sender').$type<'customer' | 'bot' | 'agent' | 'system'>().notNull(),
  authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
  text: text('text').notNull().default(''),
  attachments: jsonb('attachments').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** Outbound: quick replies and language; inbound: the platform's language hint. */
  meta: jsonb('meta').$type<{ quickReplies?: string[]; lang?: string | null; languageCode?: string | null }>().notNull().default(sql`'{}'::jsonb`),
  /** Internal notes are seen by agents only, never sent to the customer. */
  internal: boolean('internal').notNull().default(false),
  channel: text('channel').notNull(),
  /**
   * The platform's id of the message, made unique per channel by the adapter (e.g. bot id + update
   * id): a redelivered message hits the unique key and is stored once.
   */
  channelMessageId: text('channel_message_id'),
  /** Inbound: received → processed, or failed (retried from this row). Outbound: pending → sent. */
  status: text('status').$type<'received' | 'processed' | 'failed' | 'pending' | 'sent'>().notNull().default('received'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('messages_channel_message_key').on(t.channel, t.channelMessageId).where(sql`${t.channelMessageId} is not null`),
  index('messages_conversation_idx').on(t.conversationId, t.id),
  index('messages_tenant_status_idx').on(t.tenantId, t.status),
]);

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  storagePath: text('storage_path').notNull(),
  createdAt: createdAt(),
}, (t) => [index('attachments_conversation_idx').on(t.tenantId, t.conversationId)]);

export const suppliers = pgTable('suppliers', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  name: text('name').notNull(),
  email: text('email'),
  /** Running scorecard figures, updated with every attributed resolution (seed 000). */
  scorecard: jsonb('scorecard').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('suppliers_tenant_name_key').on(t.tenantId, t.name)]);

export const complaints = pgTable('complaints', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  /** `K7QX-M2PD`, unique across the installation. */
  code: text('code').notNull(),
  /** argon2id hash of the 6-digit PIN. */
  pinHash: text('pin_hash').notNull(),
  status: text('status').notNull(),
  severity: text('severity'),
  category: text('category'),
  confidence: real('confidence'),
  language: text('language').notNull().default('en'),
  channel: text('channel').notNull(),
  customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  product: text('product'),
  placeOfConsumption: text('place_of_consumption'),
  orderRef: text('order_ref'),
  description: text('description').notNull(),
  supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
  round: smallint('round').notNull().default(1),
  receivedAt: tz('received_at').notNull(),
  dueAt: tz('due_at'),
  dueStage: text('due_stage'),
  /** Outer bound for a first substantive answer (seed 004), fixed at receipt. */
  firstAnswerDueAt: tz('first_answer_due_at'),
  firstAnsweredAt: tz('first_answered_at'),
  /** When the current stage's clock started; with `dueAt` it places the 80% warning. */
  stageStartedAt: tz('stage_started_at'),
  /** 80% of the current stage's working time: the assigned agent is warned from here. */
  warnAt: tz('warn_at'),
  warnedAt: tz('warned_at'),
  breachedAt: tz('breached_at'),
  firstAnswerBreachedAt: tz('first_answer_breached_at'),
  /** The agent working on the complaint (the conversation's, or the call-centre agent's). */
  assignedAgentId: uuid('assigned_agent_id').references(() => users.id, { onDelete: 'set null' }),
  closedAt: tz('closed_at'),
  createdAt: createdAt(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('complaints_code_key').on(t.code),
  index('complaints_tenant_status_idx').on(t.tenantId, t.status, t.receivedAt),
  index('complaints_due_idx').on(t.dueAt).where(sql`${t.dueAt} is not null and ${t.breachedAt} is null`),
  index('complaints_warn_idx').on(t.warnAt).where(sql`${t.warnAt} is not null and ${t.warnedAt} is null`),
  index('complaints_first_answer_idx').on(t.firstAnswerDueAt).where(sql`${t.firstAnsweredAt} is null and ${t.firstAnswerBreachedAt} is null`),
  index('complaints_supplier_idx').on(t.tenantId, t.supplierId),
  index('complaints_customer_idx').on(t.tenantId, t.customerId),
]);

export const complaintEvents = pgTable('complaint_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tenantId: tenantRef(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  type: text('type').notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  reason: text('reason'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  at: tz('at').notNull(),
}, (t) => [index('complaint_events_complaint_idx').on(t.tenantId, t.complaintId, t.id)]);

export const resolutions = pgTable('resolutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  round: smallint('round').notNull(),
  rootCause: text('root_cause'),
  responsibility: text('responsibility'),
  supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
  correctiveAction: text('corrective_action'),
  remedy: text('remedy').notNull(),
  text: text('text').notNull(),
  decision: text('decision').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
  decisionReason: text('decision_reason'),
  proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  proposedAt: tz('proposed_at').notNull(),
  decidedAt: tz('decided_at'),
}, (t) => [index('resolutions_complaint_idx').on(t.tenantId, t.complaintId, t.round)]);

export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  round: smallint('round').notNull(),
  score: smallint('score').notNull(),
  comment: text('comment'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('surveys_complaint_round_key').on(t.complaintId, t.round)]);

export const predefinedAnswers = pgTable('predefined_answers', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantRef(),
  category: text('category').notNull(),
  lang: text('lang').notNull(),
  keywords: jsonb('keywords').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  text: text('text').notNull(),
  priority: integer('priority').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [index('predefined_answers_lookup_idx').on(t.tenantId, t.category, t.lang)]);
