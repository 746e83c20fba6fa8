// Accounts: each WABA of the organisation, whether Meta's webhooks reach Warden for it, its templates
// against Meta's limit, the templates Meta will archive soon for inactivity, and the archived templates Meta
// will delete unless they are unarchived.

import { ApiError, currentSession, get, inPicked, post, scoped } from '../api.js';
import { h, section, table, when } from '../dom.js';

export const name = 'accounts';

const DAY_MILLIS = 86_400_000;
// How far ahead the view warns of Meta's archive for inactivity (meta-platform.md §12: about a month's notice).
const ARCHIVAL_WARNING_DAYS = 60;
// The critical list puts these reasons first; once an item's top reason is another, no archived one follows.
const BEFORE_OTHER_REASONS = ['DISABLED', 'ARCHIVED'];

export async function render(params, context) {
  const organizationId = currentSession().organizationId;
  if (!organizationId) {
    return h('div', {}, h('h1', {}, 'Accounts'),
      h('p', {}, 'The accounts view shows one organisation\'s WABAs: pick an organisation at the top of the page.'));
  }
  const [accounts, archived, outlook] = await Promise.all([
    get(`/api/v1/organizations/${organizationId}/whatsapp-accounts?size=100`),
    archivedTemplates(),
    get(inPicked(`/api/v1/templates/archival-outlook?withinDays=${ARCHIVAL_WARNING_DAYS}`)),
  ]);
  const health = await Promise.all(accounts.items.map((a) =>
    get(`/api/v1/whatsapp-accounts/${a.wabaId}/webhook-health`)));
  return h('div', {},
    h('h1', {}, 'Accounts'),
    section('Templates and webhook health', table('Per WhatsApp Business Account', ['Account',
      'Templates of Meta\'s limit', 'Last webhook', 'Last reconcile', 'Changes webhooks missed', 'Alert'],
    accounts.items.map((a, i) => {
      const w = health[i];
      const missed = w.missed.reduce((sum, m) => sum + m.count, 0);
      return h('tr', { dataset: { account: a.wabaId } },
        h('th', { scope: 'row' }, `${a.name} (${a.wabaId})`),
        h('td', { class: 'templates' }, templateCount(a, w.templates)),
        h('td', {}, when(w.lastWebhookReceivedAt)),
        h('td', {}, w.lastReconcile ? [w.lastReconcile.status, ' ', when(w.lastReconcile.finishedAt
          ?? w.lastReconcile.startedAt)] : 'never'),
        h('td', {}, missed === 0 ? 'none' : w.missed.filter((m) => m.count > 0)
          .map((m) => `${m.field}: ${m.count}`).join(', ')),
        h('td', {}, w.alertOpen ? 'open' : 'none'));
    }), 'No WhatsApp Business Account is registered.')),
    section('Archival countdowns', h('p', {}, 'Meta archives a template after 12 months without a send, an edit, '
      + 'an appeal or an unarchive. Warden knows only the sends made through Warden: sends from elsewhere also '
      + 'count at Meta, so Meta may archive a template later than shown here.'),
    ...archivalCountdowns(outlook.items, accounts.items)),
    section('Archived templates', h('p', {}, 'Meta archives a template after 12 months without a send or an edit, '
      + 'and deletes it 28 days after the archive unless it is unarchived.'),
    archivedTable(archived, accounts.items, context)));
}

/** Count against limit, as the WABA's latest reconciliation read them from Meta's list. */
function templateCount(account, templates) {
  if (!templates) {
    return h('span', { class: 'muted' }, 'not counted yet (the next reconciliation reads it from Meta)');
  }
  const { count, limit, near } = templates;
  const full = limit > 0 && count >= limit;
  return h('div', { class: `count${near || full ? ' near' : ''}` },
    h('meter', {
      min: 0, max: Math.max(limit, count, 1), value: count, low: limit * 0.5, high: limit * 0.9, optimum: 0,
      'aria-label': `${account.name}: ${count} of ${limit} templates`,
    }),
    ` ${count} of ${limit}`,
    full ? h('strong', { class: 'warning' }, ' At the limit: Meta refuses new templates.')
      : near ? h('strong', { class: 'warning' }, ' Near the limit: delete or archive templates no longer sent.') : null,
    h('br'), h('small', {}, 'counted ', when(templates.countedAt)));
}

/** Per WABA, its templates Meta archives within the warning window, the soonest first (as the API orders them). */
function archivalCountdowns(items, accounts) {
  const byWaba = accounts.map((a) => [a, items.filter((t) => t.wabaId === a.wabaId)]).filter(([, list]) => list.length);
  if (byWaba.length === 0) {
    return [h('p', { class: 'muted', dataset: { archivalNone: '' } },
      `No template is within ${ARCHIVAL_WARNING_DAYS} days of Meta's archive, by what Warden knows.`)];
  }
  return byWaba.map(([account, list]) => table(`${account.name} (${account.wabaId})`,
    ['Template', 'Last activity Warden knows of', 'Last send through Warden', 'Archive'],
    list.map((t) => h('tr', { dataset: { archivalTemplate: t.templateId } },
      h('th', { scope: 'row' }, h('a', { href: `#/templates/${t.templateId}` }, `${t.name} (${t.language})`)),
      h('td', {}, when(t.lastActivity)),
      h('td', {}, t.lastSent ? when(t.lastSent) : 'none known'),
      h('td', { class: 'archival' }, h('strong', {}, archivalCountdown(t.archivesAround)))))));
}

function archivalCountdown(archivesAround) {
  const days = Math.ceil((new Date(archivesAround).getTime() - Date.now()) / DAY_MILLIS);
  if (days <= 0) {
    return 'due now: Meta may archive it any day unless it is sent or edited';
  }
  return `archived by Meta in about ${days === 1 ? '1 day' : `${days} days`} unless sent or edited`;
}

/**
 * The organisation's ARCHIVED templates with Meta's deletion date, from the critical list (its
 * ARCHIVED reason carries the deadline). The list is read page by page until its archived ones are past.
 */
async function archivedTemplates() {
  const archived = [];
  for (let page = 0; ; page += 1) {
    const critical = await get(inPicked(`/api/v1/templates/critical?size=100&page=${page}`));
    for (const item of critical.items) {
      const reason = item.reasons.find((r) => r.reason === 'ARCHIVED');
      if (reason) {
        archived.push({ ...item, archivedSince: reason.since, deletesAt: reason.deadline });
      }
    }
    const last = critical.items[critical.items.length - 1];
    if (!last || !BEFORE_OTHER_REASONS.includes(last.reason) || (page + 1) * 100 >= critical.total) {
      return archived.sort((a, b) => String(a.deletesAt).localeCompare(String(b.deletesAt)));
    }
  }
}

function countdown(deletesAt) {
  if (!deletesAt) {
    return 'unknown';
  }
  const days = Math.ceil((new Date(deletesAt).getTime() - Date.now()) / DAY_MILLIS);
  if (days <= 0) {
    return 'due now';
  }
  return days === 1 ? '1 day left' : `${days} days left`;
}

function archivedTable(items, accounts, context) {
  const accountName = (wabaId) => accounts.find((a) => a.wabaId === wabaId)?.name ?? wabaId;
  return table('Archived templates, the soonest deleted first', ['Template', 'Account', 'Archived', 'Meta deletes it',
    'Countdown', 'Action'],
  items.map((t) => h('tr', { dataset: { archivedTemplate: t.templateId } },
    h('th', { scope: 'row' }, h('a', { href: `#/templates/${t.templateId}` }, `${t.name} (${t.language})`)),
    h('td', {}, accountName(t.wabaId)),
    h('td', {}, when(t.archivedSince)),
    h('td', {}, when(t.deletesAt)),
    h('td', { class: 'countdown' }, h('strong', {}, countdown(t.deletesAt))),
    h('td', {}, context.canWrite ? unarchiveButton(t, context) : '—'))),
  'No template is archived.');
}

function unarchiveButton(template, context) {
  return h('button', {
    type: 'button', class: 'write', dataset: { action: 'unarchive' },
    'aria-label': `Unarchive ${template.name} (${template.language})`,
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await post(scoped(`/api/v1/templates/${template.templateId}/unarchive`, template.organizationId));
        context.notice(`${template.name}: unarchived.`);
        await context.refresh();
      } catch (error) {
        event.target.disabled = false;
        const reason = error instanceof ApiError ? error.message : String(error);
        context.notice(`Could not unarchive ${template.name}: ${reason}`, 'error');
      }
    },
  }, 'Unarchive');
}
