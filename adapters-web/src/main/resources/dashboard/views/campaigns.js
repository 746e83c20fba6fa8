// Campaigns: state, every hold (cause, since, by whom), pause and resume.

import { get, post, scoped } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'campaigns';

export async function render(params, context) {
  const campaigns = await get('/api/v1/campaigns?size=100');
  return h('div', {},
    h('h1', {}, 'Campaigns'),
    section('All campaigns', table('Campaigns, newest first', ['Campaign', 'State', 'Holds', 'Updated', 'Action'],
      campaigns.items.map((c) => h('tr', { dataset: { campaign: c.id } },
        h('th', { scope: 'row' }, c.name, h('br'), h('a', { href: `#/templates/${c.templateId}` }, 'template')),
        h('td', { class: 'status' }, badge(c.status)),
        h('td', {}, holds(c.holds)),
        h('td', {}, when(c.updatedAt)),
        h('td', {}, action(c, context)))),
      'No campaigns yet.')));
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
