// Template detail: status timeline, versions with a side-by-side diff, category and its switch,
// parameter preview.

import { get, patch, post, scoped } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'template';

/** Only this template's own events redraw the page (a comparison or preview on screen stays). */
export function affectedBy(event, [id]) {
  return event.subject === 'template' && event.id === id;
}

export async function render([id], context) {
  const [template, history, versions, category] = await Promise.all([
    get(`/api/v1/templates/${id}`),
    get(`/api/v1/templates/${id}/status-history?size=50`),
    get(`/api/v1/templates/${id}/versions?size=100`),
    get(`/api/v1/templates/${id}/category-info`),
  ]);
  return h('div', { dataset: { template: id } },
    h('p', {}, h('a', { href: '#/attention' }, '← Attention')),
    h('h1', {}, `${template.name} (${template.language})`),
    h('p', { class: 'facts' }, 'Status ', h('span', { id: 'template-status' }, badge(template.status)),
      ' · quality ', badge(template.quality, 'quality'), ' · category ', template.category),
    section('Status timeline', timeline(history.items)),
    section('Versions', versionPicker(id, versions.items)),
    section('Category', categoryPanel(id, template, category, context)),
    section('Parameter preview', previewForm(id, versions.items[0], template)));
}

function timeline(items) {
  if (items.length === 0) {
    return h('p', { class: 'empty' }, 'No history yet.');
  }
  return h('ol', { class: 'timeline' }, items.map((e) => h('li', {
    class: [e.stale ? 'stale' : '', e.kind === 'UNRECOGNISED' ? 'unrecognised' : ''].join(' ').trim() || undefined,
  },
  when(e.at), ' ', h('strong', {}, e.event), ' ',
  e.previous || e.current ? `${e.previous ?? '—'} → ${e.current ?? '—'}` : '',
  e.reason ? ` (${e.reason})` : '', ' · ', e.source,
  e.stale ? h('span', { class: 'tag' }, 'stale: arrived after a newer change') : '',
  e.kind === 'UNRECOGNISED' ? h('span', { class: 'tag' }, 'not recognised: changed nothing') : '')));
}

function versionPicker(id, versions) {
  const list = table('Every version, newest first', ['Version', 'Category', 'Author', 'Note', 'Made'],
    versions.map((v) => h('tr', {},
      h('th', { scope: 'row' }, `v${v.number}`), h('td', {}, v.category), h('td', {}, v.author ?? '—'),
      h('td', {}, v.note ?? ''), h('td', {}, when(v.createdAt)))), 'No versions.');
  if (versions.length < 2) {
    return list;
  }
  const options = (selected) => versions.map((v) => h('option', { value: v.number, selected: v.number === selected },
    `v${v.number}`));
  const from = h('select', { id: 'diff-from' }, options(versions[1].number));
  const to = h('select', { id: 'diff-to' }, options(versions[0].number));
  const result = h('div', { id: 'diff-result', 'aria-live': 'polite' });
  const form = h('form', {
    class: 'inline',
    onsubmit: async (event) => {
      event.preventDefault();
      const diff = await get(`/api/v1/templates/${id}/versions/diff?from=${from.value}&to=${to.value}`);
      result.replaceChildren(diffTable(diff));
    },
  }, h('label', { for: 'diff-from' }, 'Compare'), from, h('label', { for: 'diff-to' }, 'with'), to,
  h('button', { type: 'submit', id: 'diff-compare' }, 'Compare'));
  return [list, form, result];
}

function diffTable(diff) {
  if (diff.identical) {
    return h('p', {}, `v${diff.from} and v${diff.to} are identical.`);
  }
  return table(`What changed from v${diff.from} to v${diff.to}`, ['Component', 'Field', `v${diff.from}`,
    `v${diff.to}`],
  diff.components.flatMap((c) => c.fields.map((f) => h('tr', { class: `change-${f.change.toLowerCase()}` },
    h('th', { scope: 'row' }, c.component), h('td', {}, f.field),
    h('td', { class: 'before' }, f.before ?? '(none)'), h('td', { class: 'after' }, f.after ?? '(none)')))), '');
}

function categoryPanel(id, template, info, context) {
  const facts = h('dl', {},
    h('dt', {}, 'Category'), h('dd', {}, info.category),
    h('dt', {}, 'Meta reported'), h('dd', {}, info.metaReported ? [info.metaReported.category, ' ',
      when(info.metaReported.at)] : '—'),
    h('dt', {}, 'Pending change'), h('dd', {}, info.pendingChange ? [info.pendingChange.category, ' from ',
      when(info.pendingChange.effectiveAt)] : 'none'),
    h('dt', {}, 'Awaiting consent'), h('dd', {}, info.awaitingConsent ? 'yes' : 'no'));
  const label = 'Allow Meta to change the category without holding campaigns';
  if (!context.canWrite) {
    return [facts, h('p', {}, `${label}: ${info.allowCategoryChange ? 'yes' : 'no'}`)];
  }
  const toggle = h('input', {
    type: 'checkbox', id: 'allow-category-change', role: 'switch', class: 'write',
    checked: info.allowCategoryChange,
    onchange: async (event) => {
      try {
        await patch(scoped(`/api/v1/templates/${id}/allow-category-change`, template.organizationId),
          { allow: event.target.checked });
        context.notice('Category policy saved.');
      } catch (error) {
        event.target.checked = !event.target.checked;
        context.notice(`Could not save: ${error.message}`, 'error');
      }
    },
  });
  return [facts, h('p', { class: 'switch' }, toggle, h('label', { for: 'allow-category-change' }, label))];
}

function previewForm(id, latest, template) {
  if (!latest) {
    return h('p', { class: 'empty' }, 'No content to preview.');
  }
  const fields = [];
  for (const component of latest.components) {
    const key = component.type === 'HEADER' ? 'header' : component.type === 'BODY' ? 'body' : null;
    if (!key || !component.examples) {
      continue;
    }
    for (const [parameter, example] of Object.entries(component.examples)) {
      const inputId = `p-${key}-${parameter}`;
      fields.push(h('label', { for: inputId }, `${key} {{${parameter}}}`),
        h('input', { id: inputId, value: example, dataset: { part: key, parameter } }));
    }
  }
  const output = h('div', { class: 'preview', 'aria-live': 'polite' });
  return h('form', {
    class: 'stack',
    onsubmit: async (event) => {
      event.preventDefault();
      const values = { header: {}, body: {} };
      event.target.querySelectorAll('input[data-part]').forEach((input) => {
        values[input.dataset.part][input.dataset.parameter] = input.value;
      });
      try {
        const rendered = await post(scoped(`/api/v1/templates/${id}/preview`, template.organizationId), values);
        output.replaceChildren(...rendered.components.map((c) => h('p', {}, h('strong', {}, c.type), ' ',
          c.text ?? (c.buttons || []).map((b) => b.text).join(' | '))));
      } catch (error) {
        output.replaceChildren(h('p', { class: 'error' }, error.message));
      }
    },
  }, fields, h('button', { type: 'submit' }, 'Preview'), output);
}
