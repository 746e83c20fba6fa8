// Quality: the organisation's distribution, recent changes, and a template's quality over time with its trend.

import { get, inPicked } from '../api.js';
import { badge, h, section, table, when } from '../dom.js';

export const name = 'quality';

const RATINGS = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'];
const LEVEL = { GREEN: 3, YELLOW: 2, RED: 1, UNKNOWN: 0 };

export async function render() {
  const [summary, templates] = await Promise.all([
    get(inPicked('/api/v1/templates/quality-summary')),
    get(inPicked('/api/v1/templates?size=100')),
  ]);
  const trends = await Promise.all(templates.items.filter((t) => t.status !== 'DRAFT').slice(0, 20)
    .map((t) => get(`/api/v1/templates/${t.id}/quality-trend?days=30`)));
  return h('div', {},
    h('h1', {}, 'Quality'),
    section('Distribution', distribution(summary)),
    section('Per template, last 30 days', table('Quality over time and the trend verdict',
      ['Template', 'Now', 'Trend', 'Over time'],
      trends.map((t) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/templates/${t.templateId}` }, `${t.name} (${t.language})`)),
        h('td', {}, badge(t.quality, 'quality')),
        h('td', {}, t.trend),
        h('td', {}, chart(t)))), 'No templates yet.')),
    section('Recent quality changes', table('Latest changes', ['Template', 'From', 'To', 'When'],
      summary.recentQualityChanges.map((c) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/templates/${c.templateId}` }, c.name)),
        h('td', {}, badge(c.from, 'quality')), h('td', {}, badge(c.to, 'quality')), h('td', {}, when(c.at)))),
      'No quality changes yet.')));
}

function distribution(summary) {
  const total = Math.max(summary.total, 1);
  return h('div', {},
    h('p', {}, `${summary.total} templates.`),
    h('ul', { class: 'bars', 'aria-label': 'Templates by quality' }, RATINGS.map((rating) => {
      const count = summary.byQuality[rating] ?? 0;
      const bar = h('span', { class: `bar quality-${rating.toLowerCase()}` });
      bar.style.width = `${Math.round((count / total) * 100)}%`;
      return h('li', {}, h('span', { class: 'bar-label' }, `${rating}: ${count}`), h('span', { class: 'track' }, bar));
    })));
}

/** A step line of the ratings over the window, drawn with SVG; the table cell says the same in words. */
function chart(trend) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 240;
  const height = 48;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const words = trend.points.map((p) => `${p.rating} ${new Date(p.at).toLocaleDateString()}`).join(', ');
  svg.setAttribute('aria-label', words || 'no observations in the window');
  const from = new Date(trend.from).getTime();
  const span = Math.max(new Date(trend.to).getTime() - from, 1);
  const points = trend.points.map((p) => [((new Date(p.at).getTime() - from) / span) * width,
    height - 6 - (LEVEL[p.rating] ?? 0) * 12]);
  if (points.length > 0) {
    const line = document.createElementNS(ns, 'polyline');
    const steps = points.flatMap(([x, y], i) => (i === 0 ? [[x, y]] : [[x, points[i - 1][1]], [x, y]]));
    steps.push([width, points[points.length - 1][1]]);
    line.setAttribute('points', steps.map(([x, y]) => `${x.toFixed(1)},${y}`).join(' '));
    line.setAttribute('class', 'line');
    svg.append(line);
  }
  return svg;
}
