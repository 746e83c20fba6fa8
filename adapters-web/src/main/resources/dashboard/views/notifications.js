// Notifications: each channel's health, and the recent failures and dead letters.

import { currentSession, get, inPicked } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'notifications';

export async function render() {
  if (!currentSession().organizationId) {
    return h('div', {}, h('h1', {}, 'Notifications'),
      h('p', {}, 'The notifications view shows one organisation\'s channels: pick an organisation at the top of the page.'));
  }
  const [health, dead, failed] = await Promise.all([
    get(inPicked('/api/v1/notifications/health')),
    get(inPicked('/api/v1/notifications?status=DEAD&size=20')),
    get(inPicked('/api/v1/notifications?status=FAILED&size=20')),
  ]);
  return h('div', {},
    h('h1', {}, 'Notifications'),
    section('Channel health', table('Per channel', ['Channel', 'Last delivered', 'Last failure', 'Last error',
      'Waiting', 'Dead'],
    health.channels.map((c) => h('tr', {},
      h('th', { scope: 'row' }, c.channel), h('td', {}, when(c.lastSuccess)), h('td', {}, when(c.lastFailure)),
      h('td', {}, c.lastError ?? '—'), h('td', {}, c.backlog), h('td', {}, c.dead))), 'No channel configured.')),
    section('Recent failures and dead letters', table('Notifications that failed', ['Notification', 'Channel',
      'Status', 'Attempts', 'Last error', 'Created'],
    [...dead.items, ...failed.items].map((n) => h('tr', {},
      h('th', { scope: 'row' }, n.title), h('td', {}, n.channel), h('td', {}, badge(n.status)),
      h('td', {}, `${n.attempts}/${n.maxAttempts}`), h('td', {}, n.lastError ?? '—'), h('td', {}, when(n.createdAt)))),
    'No failed notifications.')));
}
