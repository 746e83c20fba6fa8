// Campaigns: state, sending progress, every hold (cause, since, by whom), pause and resume.

import { get, inPicked, post, scoped } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'campaigns';

export async function render(params, context) {
  const campaigns = await get(inPicked('/api/v1/campaigns?size=100'));
  // A server that reports no sending progress gets no Progress column at all.
  const showProgress = campaigns.items.some((c) => c.progress);
  return h('div', {},
    h('h1', {}, 'Campaigns'),
    section('All campaigns', table('Campaigns, newest first', ['Campaign', 'State',
      showProgress ? 'Progress' : null, 'Holds', 'Updated', 'Action'].filter(Boolean),
      campaigns.items.map((c) => h('tr', { dataset: { campaign: c.id } },
        h('th', { scope: 'row' }, c.name, h('br'), h('a', { href: `#/templates/${c.templateId}` }, 'template')),
        h('td', { class: 'status' }, badge(c.status)),
        showProgress ? h('td', {}, progress(c)) : null,
        h('td', {}, holds(c.holds)),
        h('td', {}, when(c.updatedAt)),
        h('td', {}, action(c, context)))),
      'No campaigns yet.')));
}

// The parts of a campaign's recipients, in the order the bar shows them.
const PARTS = [['sent', 'sent'], ['failed', 'failed'], ['held', 'held'], ['skipped', 'skipped'],
  ['remaining', 'to send']];

/**
 * How far a campaign's sending got: a bar for the share done with (sent, failed or skipped; held
 * messages may still go) and each count in words. A dash for a campaign the API gives no progress.
 */
function progress(campaign) {
  const p = campaign.progress;
  if (!p) {
    return '—';
  }
  const count = (part) => (Number.isFinite(p[part]) ? p[part] : 0);
  const total = PARTS.reduce((sum, [part]) => sum + count(part), 0);
  if (total === 0) {
    return 'no recipients';
  }
  const done = count('sent') + count('failed') + count('skipped');
  return h('div', { class: 'progress' },
    h('progress', { max: total, value: done, 'aria-label': `${campaign.name}: ${done} of ${total} done with` }),
    h('ul', { class: 'plain counts' }, PARTS.filter(([part]) => count(part) > 0).map(([part, label]) =>
      h('li', { dataset: { part } }, h('span', { class: `dot ${part}`, 'aria-hidden': 'true' }),
        `${count(part)} ${label}`))));
}

function holds(items) {
  if (items.length === 0) {
    return 'none';
  }
  return h('ul', { class: 'plain' }, items.map((hold) => h('li', {},
    h('strong', {}, hold.cause), hold.detail ? ` (${hold.detail})` : '', ' since ', when(hold.since),
    hold.by ? ` by ${hold.by}` : ' by Warden')));
}

function action(campaign, context) {
  if (!context.canWrite) {
    return '—';
  }
  const verb = campaign.status === 'RUNNING' ? 'pause' : campaign.status === 'PAUSED' ? 'resume' : null;
  if (!verb) {
    return '—';
  }
  return h('button', {
    type: 'button', class: 'write', dataset: { action: verb },
    'aria-label': `${verb === 'pause' ? 'Pause' : 'Resume'} ${campaign.name}`,
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await post(scoped(`/api/v1/campaigns/${campaign.id}/${verb}`, campaign.organizationId));
        context.notice(`${campaign.name}: ${verb === 'pause' ? 'paused' : 'resumed'}.`);
        await context.refresh();
      } catch (error) {
        event.target.disabled = false;
        context.notice(`Could not ${verb} ${campaign.name}: ${error.message}`, 'error');
      }
    },
  }, verb === 'pause' ? 'Pause' : 'Resume');
}
