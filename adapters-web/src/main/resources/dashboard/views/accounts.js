// Accounts: each WABA of the organisation and whether Meta's webhooks reach Warden for it.

import { currentSession, get } from '../api.js';
import { h, section, table, when } from '../dom.js';

export const name = 'accounts';

export async function render() {
  const organizationId = currentSession().organizationId;
  if (!organizationId) {
    return h('div', {}, h('h1', {}, 'Accounts'),
      h('p', {}, 'A super admin has no organisation of their own; the accounts view shows one organisation\'s WABAs.'));
  }
  const accounts = await get(`/api/v1/organizations/${organizationId}/whatsapp-accounts?size=100`);
  const health = await Promise.all(accounts.items.map((a) =>
    get(`/api/v1/whatsapp-accounts/${a.wabaId}/webhook-health`)));
  return h('div', {},
    h('h1', {}, 'Accounts'),
    section('Webhook health', table('Per WhatsApp Business Account', ['Account', 'Last webhook', 'Last reconcile',
      'Changes webhooks missed', 'Alert'],
    accounts.items.map((a, i) => {
      const w = health[i];
      const missed = w.missed.reduce((sum, m) => sum + m.count, 0);
      return h('tr', {},
        h('th', { scope: 'row' }, `${a.name} (${a.wabaId})`),
        h('td', {}, when(w.lastWebhookReceivedAt)),
        h('td', {}, w.lastReconcile ? [w.lastReconcile.status, ' ', when(w.lastReconcile.finishedAt
          ?? w.lastReconcile.startedAt)] : 'never'),
        h('td', {}, missed === 0 ? 'none' : w.missed.filter((m) => m.count > 0)
          .map((m) => `${m.field}: ${m.count}`).join(', ')),
        h('td', {}, w.alertOpen ? 'open' : 'none'));
    }), 'No WhatsApp Business Account is registered.')));
}
