/**
 * Complaint statuses (wire names) and the transitions allowed between them (INTERFACES.md).
 *
 *   received → answered | evaluating
 *   answered → closed (customer approves the routine answer) | evaluating (rejects it)
 *   evaluating → proposed
 *   proposed → closed (approved) | evaluating (first rejection: second round) | escalated (second rejection)
 *   closed → evaluating (a satisfaction score of 1 or 2 reopens it, seed 002)
 *   escalated → evaluating (a supervisor reopens it) | closed (settled outside, e.g. by the ombudsman)
 */
export const complaintStatuses = ['received', 'answered', 'evaluating', 'proposed', 'closed', 'escalated'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const allowedTransitions: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  received: ['answered', 'evaluating'],
  answered: ['closed', 'evaluating'],
  evaluating: ['proposed'],
  proposed: ['closed', 'evaluating', 'escalated'],
  closed: ['evaluating'],
  escalated: ['evaluating', 'closed'],
};

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** Customer-facing labels, in the complaint's language (seed 003: Received → Being evaluated → Completed). */
export const statusLabels: Readonly<Record<string, Readonly<Record<ComplaintStatus, string>>>> = {
  en: { received: 'Received', answered: 'Answered', evaluating: 'Being evaluated', proposed: 'Solution proposed', closed: 'Closed', escalated: 'Open — escalated' },
  it: { received: 'Ricevuto', answered: 'Risposta inviata', evaluating: 'In valutazione', proposed: 'Soluzione proposta', closed: 'Chiuso', escalated: 'Aperto — inoltrato' },
  ro: { received: 'Primită', answered: 'Răspuns trimis', evaluating: 'În evaluare', proposed: 'Soluție propusă', closed: 'Închisă', escalated: 'Deschisă — escaladată' },
  fa: { received: 'دریافت شد', answered: 'پاسخ داده شد', evaluating: 'در حال بررسی', proposed: 'راه‌حل پیشنهاد شد', closed: 'بسته شد', escalated: 'باز — ارجاع‌شده' },
  ru: { received: 'Получена', answered: 'Дан ответ', evaluating: 'На рассмотрении', proposed: 'Предложено решение', closed: 'Закрыта', escalated: 'Открыта — передана выше' },
  pt: { received: 'Recebida', answered: 'Respondida', evaluating: 'Em avaliação', proposed: 'Solução proposta', closed: 'Encerrada', escalated: 'Aberta — escalada' },
};

export function statusLabel(status: ComplaintStatus, lang: string): string {
  return (statusLabels[lang] ?? statusLabels.en!)[status];
}
