/**
 * Files customers send (photos, documents): checked by their bytes, not their name or declared
 * type, stored under DATA_DIR/uploads by content hash, recorded in `attachments`.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import FileType from 'file-type';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { AppError } from '../db/domain/errors';
import { attachments } from '../db/schema';

export const maxAttachmentBytes = 10 * 1024 * 1024;

/** What a complaint may carry. Never HTML, SVG or scripts: they could run if ever opened inline. */
export const allowedTypes: ReadonlySet<string> = new Set([
  'image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif',
  'application/pdf', 'audio/ogg', 'audio/mpeg', 'audio/mp4', 'video/mp4', 'video/quicktime',
]);

export interface StoredAttachment {
  id: string;
  contentType: string;
  size: number;
}

export async function storeAttachment(db: Executor, dataDir: string, input: {
  tenantId: string; conversationId: string | null; data: Buffer; fileName?: string;
}): Promise<StoredAttachment> {
  if (input.data.length === 0) throw new AppError('validation_failed', 'The file is empty.');
  if (input.data.length > maxAttachmentBytes) throw new AppError('payload_too_large', 'Files may be at most 10 MB.');
  const detected = await FileType.fromBuffer(input.data);
  if (!detected || !allowedTypes.has(detected.mime)) {
    throw new AppError('unsupported_media_type', 'Only photos, PDF documents, audio and video can be attached.');
  }
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const dir = join(dataDir, 'uploads', input.tenantId, sha256.slice(0, 2));
  await mkdir(dir, { recursive: true });
  const storagePath = join(dir, `${sha256}.${detected.ext}`);
  await writeFile(storagePath, input.data);
  const [row] = await db.insert(attachments).values({
    tenantId: input.tenantId, conversationId: input.conversationId,
    fileName: (input.fileName ?? `attachment.${detected.ext}`).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200),
    contentType: detected.mime, size: input.data.length, sha256, storagePath,
  }).returning();
  return { id: row!.id, contentType: detected.mime, size: input.data.length };
}

/** The ids among `ids` that belong to the conversation (a customer cannot attach others' files). */
export async function ownAttachments(db: Executor, tenantId: string, conversationId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return [];
  const rows = await db.select({ id: attachments.id }).from(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.conversationId, conversationId), inArray(attachments.id, valid)));
  const own = new Set(rows.map((r) => r.id));
  return valid.filter((id) => own.has(id));
}
