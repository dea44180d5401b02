// The moderation routes of /api/v1 (docs/protocol.md section 10, "Moderation"): reports, the audit log, a channel's
// moderation log and settings. Actions themselves go over the WebSocket (`moderate`).

import { call } from '../api';
import type {
  AuditEntry,
  ChannelUpdate,
  ConversationId,
  ConversationSummary,
  ModLogEntry,
  NewReport,
  Report,
  ReportResolution,
  ReportState,
} from '../protocol';

// The server is the other end of the contract: its bodies have the documented shapes (docs/protocol.md).

export async function fileReport(report: NewReport): Promise<Report> {
  return (await call('POST', '/reports', report)) as Report;
}

/** The queue: open and claimed reports first (oldest first), then closed ones (newest first). */
export async function listReports(state?: ReportState, limit = 200): Promise<Report[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (state) query.set('state', state);
  return (await call('GET', `/reports?${query}`)) as Report[];
}

export async function claimReport(id: number): Promise<Report> {
  return (await call('POST', `/reports/${id}/claim`)) as Report;
}

export async function resolveReport(id: number, resolution: ReportResolution): Promise<Report> {
  return (await call('POST', `/reports/${id}/resolve`, resolution)) as Report;
}

export async function dismissReport(id: number, note: string): Promise<Report> {
  return (await call('POST', `/reports/${id}/dismiss`, { note })) as Report;
}

export async function noteReport(id: number, body: string): Promise<Report> {
  return (await call('POST', `/reports/${id}/notes`, { body })) as Report;
}

export interface AuditQuery {
  action?: string;
  before?: number;
  limit?: number;
}

/** The audit log, newest first (staff). */
export async function listAudit(query: AuditQuery): Promise<AuditEntry[]> {
  const params = new URLSearchParams();
  if (query.action) params.set('action', query.action);
  if (query.before !== undefined) params.set('before', String(query.before));
  params.set('limit', String(query.limit ?? 100));
  return (await call('GET', `/audit?${params}`)) as AuditEntry[];
}

/** A channel's moderation log, newest first. */
export async function channelModlog(id: ConversationId): Promise<ModLogEntry[]> {
  return (await call('GET', `/channels/${id}/modlog`)) as ModLogEntry[];
}

/** A conversation as the person sees it: one of theirs, or a channel they can find (else `not_found`). */
export async function getConversation(id: ConversationId): Promise<ConversationSummary> {
  return (await call('GET', `/conversations/${id}`)) as ConversationSummary;
}

export async function updateChannel(id: ConversationId, update: ChannelUpdate): Promise<void> {
  await call('PATCH', `/channels/${id}`, update);
}
