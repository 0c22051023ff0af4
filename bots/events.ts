/** What the intake tells the rest of the system (the inbox) after each committed change. */
export type IntakeEvent =
  | { type: 'message'; tenantId: string; conversationId: string; message: { id: number; direction: 'in' | 'out'; sender: string; text: string; attachments: string[]; at: string; internal?: boolean; authorUserId?: string | null } }
  | { type: 'conversation_waiting'; tenantId: string; conversationId: string; reason: string; complaintId: string | null }
  | { type: 'complaint_created'; tenantId: string; complaintId: string; code: string; severity: string | null; category: string | null }
  | { type: 'complaint_changed'; tenantId: string; complaintId: string; status: string }
  | { type: 'conversation_assigned'; tenantId: string; conversationId: string; agentId: string; by: 'auto' | 'claim' | 'reply' }
  | { type: 'conversation_released'; tenantId: string; conversationId: string; by: string }
  | { type: 'conversation_closed'; tenantId: string; conversationId: string; complaintId: string | null; reason: string }
  | { type: 'deadline_warning'; tenantId: string; complaintId: string; userId: string; stage: string; dueAt: string }
  | { type: 'deadline_breached'; tenantId: string; complaintId: string; stage: string; dueAt: string };

export type Publish = (event: IntakeEvent) => void;

export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
