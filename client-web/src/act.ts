// A request whose failure the person should see as a notice.

import { connection } from './connection';
import { OfflineError } from './errors';
import { t } from './i18n';
import { toast } from './views/toast';
import type { AnswerTo, Request } from './wire';

/** Sends a request; a refusal (or being offline) shows as a toast and rejects. */
export async function act<R extends Request>(frame: R): Promise<AnswerTo<R['type']>> {
  try {
    return await connection.request(frame);
  } catch (error) {
    toast(describeFailure(error));
    throw error;
  }
}

/** What to tell the person about a failed request, in their language. */
export function describeFailure(error: unknown): string {
  if (error instanceof OfflineError) return t('status-offline');
  return error instanceof Error ? error.message : String(error);
}
