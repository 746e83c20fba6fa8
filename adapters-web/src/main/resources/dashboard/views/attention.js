// Attention: what needs someone now. Critical templates, open alerts by severity, pending category changes.

import { get, post, scoped } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'attention';

const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

export async function render(params, context) {
  const [critical, alerts, templates] = await Promise.all([
    get('/api/v1/templates/critical?size=100'),
    get('/api/v1/alerts?state=OPEN&sort=-severity&size=100'),
    get('/api/v1/templates?size=100&sort=-updatedAt'),
  ]);
  const pending = templates.items.filter((t) => t.pendingCategory);
  return h('div', {},
    h('h1', {}, 'Needs attention'),
    section('Critical templates', criticalTable(critical.items)),
    section('Open alerts', alertTables(alerts.items, context)),
    section('Pending category changes', pendingTable(pending)));
}

function templateLink(id, label) {
  return h('a', { href: `#/templates/${id}` }, label);
}

function criticalTable(items) {
  return table('Templates that cannot send, or soon will not', ['Template', 'Status', 'Quality', 'Reason', 'Since',
    'Campaigns affected', 'What to do'],
  items.map((t) => h('tr', { dataset: { criticalTemplate: t.templateId } },
    h('th', { scope: 'row' }, templateLink(t.templateId, `${t.name} (${t.language})`)),
    h('td', { class: 'status' }, badge(t.status)),
    h('td', {}, badge(t.quality, 'quality')),
    h('td', {}, t.reasons.map((r) => r.reason).join(', ')),
    h('td', {}, when(t.since)),
    h('td', {}, t.campaignsAffected),
    h('td', {}, t.action))),
  'No template needs attention.');
}

function alertTables(items, context) {
  if (items.length === 0) {
    return h('p', { class: 'empty' }, 'No open alerts.');
  }
  return SEVERITY_ORDER.filter((severity) => items.some((a) => a.severity === severity)).map((severity) =>
    table(`${severity} alerts`, ['Alert', 'Template', 'Message', 'Count', 'Last raised', 'Action'],
      items.filter((a) => a.severity === severity).map((a) => h('tr', { dataset: { alert: a.id } },
        h('th', { scope: 'row' }, badge(a.severity, 'severity'), ' ', a.type),
        h('td', {}, a.templateId ? templateLink(a.templateId, 'open') : a.subject.key),
        h('td', {}, a.message),
        h('td', {}, a.count),
        h('td', {}, when(a.lastRaisedAt)),
        h('td', {}, context.canWrite ? h('button', {
          type: 'button',
          class: 'write',
          'aria-label': `Acknowledge ${a.type} alert`,
          onclick: async (event) => {
            event.target.disabled = true;
            try {
              await post(scoped(`/api/v1/alerts/${a.id}/acknowledge`, a.organizationId));
              context.notice('Alert acknowledged.');
              await context.refresh();
            } catch (error) {
              event.target.disabled = false;
              context.notice(`Could not acknowledge: ${error.message}`, 'error');
            }
          },
        }, 'Acknowledge') : '—'))), ''));
}

function pendingTable(items) {
  return table('Category changes Meta announced', ['Template', 'Category now', 'Changes to', 'Effective',
    'Change allowed'],
  items.map((t) => h('tr', {},
    h('th', { scope: 'row' }, templateLink(t.id, `${t.name} (${t.language})`)),
    h('td', {}, t.category),
    h('td', {}, t.pendingCategory.category),
    h('td', {}, when(t.pendingCategory.effectiveAt)),
    h('td', {}, t.allowCategoryChange ? 'yes' : 'no, campaigns will be held'))),
  'No category change pending.');
}
