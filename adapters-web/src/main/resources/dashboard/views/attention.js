// Attention: what needs someone now. Critical templates, open alerts by severity, pending category changes.

import { ApiError, get, inPicked, post, scoped } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'attention';

const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const HISTORY_PAGE_SIZE = 100;
// Enough category history for any organisation seen so far; beyond it the view says it stopped reading.
const HISTORY_PAGES_READ = 20;

export async function render(params, context) {
  const [critical, alerts, pending] = await Promise.all([
    get(inPicked('/api/v1/templates/critical?size=100')),
    get(inPicked('/api/v1/alerts?state=OPEN&sort=-severity&size=100')),
    pendingCategoryChanges(),
  ]);
  return h('div', {},
    h('h1', {}, 'Needs attention'),
    section('Critical templates', criticalTable(critical.items)),
    section('Open alerts', alertTables(alerts.items, context)),
    section('Pending category changes', pendingTable(pending.templates),
      pending.complete ? null : h('p', { class: 'empty' }, `Only the newest ${HISTORY_PAGE_SIZE * HISTORY_PAGES_READ} `
        + 'lines of the category history were read: an older notice still pending is not listed.')));
}

/**
 * Every template with a category change Meta announced and has not made yet. No list filters on a
 * pending change, so the templates come from Meta's notices in the category history (whatever their
 * age or the template's last update), and each is read for whether its notice is still pending.
 */
async function pendingCategoryChanges() {
  const noticed = new Set();
  let complete = false;
  for (let page = 0; page < HISTORY_PAGES_READ; page += 1) {
    const lines = await get(inPicked(`/api/v1/templates/category-changes?size=${HISTORY_PAGE_SIZE}&page=${page}`));
    lines.items.filter((line) => line.event === 'CATEGORY_CHANGE_IMPENDING')
      .forEach((line) => noticed.add(line.templateId));
    if (lines.items.length < HISTORY_PAGE_SIZE || (page + 1) * HISTORY_PAGE_SIZE >= lines.total) {
      complete = true;
      break;
    }
  }
  const templates = await Promise.all([...noticed].map((id) => get(`/api/v1/templates/${id}`).catch((error) => {
    // Deleted from Warden since its notice: nothing is pending for it.
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  })));
  return {
    templates: templates.filter((t) => t && t.pendingCategory)
      .sort((a, b) => a.pendingCategory.effectiveAt.localeCompare(b.pendingCategory.effectiveAt)),
    complete,
  };
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
  items.map((t) => h('tr', { dataset: { pendingTemplate: t.id } },
    h('th', { scope: 'row' }, templateLink(t.id, `${t.name} (${t.language})`)),
    h('td', {}, t.category),
    h('td', {}, t.pendingCategory.category),
    h('td', {}, when(t.pendingCategory.effectiveAt)),
    h('td', {}, t.allowCategoryChange ? 'yes' : 'no, campaigns will be held'))),
  'No category change pending.');
}
