// The connection status in the top bar and the offline banner.

import { byId } from '../dom';
import { connection } from '../connection';
import { localize } from '../i18n';
import { state } from '../state';

export function renderStatus(): void {
  const status = byId('status');
  const conn = connection.status;
  status.hidden = !state.me;
  status.dataset.state = conn;
  localize(status, conn === 'online' ? 'status-online' : 'status-connecting');
  byId('offline').hidden = !(state.me && conn === 'offline');
}
