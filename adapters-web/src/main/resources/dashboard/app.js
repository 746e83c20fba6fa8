// The dashboard: sign in, pick a view from the address's #fragment, keep it current from the live feed.

import { ApiError, canWrite, currentSession, get, isSuperAdmin, login, logout, pickOrganization } from './api.js';
import { connect, disconnect } from './live.js';
import { h } from './dom.js';
import { enteredValues, focusedKey, restoreFocus, restoreValues } from './focus.js';
import * as attention from './views/attention.js';
import * as template from './views/template.js';
import * as campaigns from './views/campaigns.js';
import * as quality from './views/quality.js';
import * as accounts from './views/accounts.js';
import * as notifications from './views/notifications.js';

const routes = [
  [/^#\/attention$/, attention],
  [/^#\/templates\/([0-9a-fA-F-]{36})$/, template],
  [/^#\/campaigns$/, campaigns],
  [/^#\/quality$/, quality],
  [/^#\/accounts$/, accounts],
  [/^#\/notifications$/, notifications],
];

const $ = (id) => document.getElementById(id);
let refreshTimer = null;
let burstStarted = 0;
const QUIET_MILLIS = 150;
const MAX_WAIT_MILLIS = 1000;
let rendering = Promise.resolve();
let expiryTimer = null;
// setTimeout holds at most 2^31 - 1 ms; a longer wait is taken in steps.
const LONGEST_TIMER_MILLIS = 2147483647;

function route() {
  const hash = location.hash || '#/attention';
  for (const [pattern, view] of routes) {
    const match = hash.match(pattern);
    if (match) {
      return { view, params: match.slice(1) };
    }
  }
  return { view: attention, params: [] };
}

async function render() {
  const { view, params } = route();
  const container = $('view');
  for (const link of $('nav').querySelectorAll('a')) {
    link.toggleAttribute('aria-current', location.hash.startsWith(link.getAttribute('href')));
    if (link.hasAttribute('aria-current')) {
      link.setAttribute('aria-current', 'page');
    }
  }
  try {
    const content = await view.render(params, { canWrite: canWrite(), notice, refresh });
    // A live update re-renders the view under the user's keyboard: focus goes back to the same row and
    // button when they are still there, and to the page's main region (not the document) otherwise;
    // what was typed into the view's fields stays. A new view (navigation) starts afresh, focus on main
    // if it was in the old one.
    const again = container.dataset.view === view.name && container.dataset.params === params.join('/');
    const focused = focusedKey(container);
    const entered = again ? enteredValues(container) : new Map();
    container.replaceChildren(content);
    container.dataset.view = view.name;
    container.dataset.params = params.join('/');
    restoreValues(container, entered);
    restoreFocus(container, again || !focused ? focused : { selector: null }, $('main'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut('Your session ended; sign in again.');
      return;
    }
    container.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Could not load this view: ${error.message}`));
  }
}

/** Renders the current view again, one render at a time. */
function refresh() {
  rendering = rendering.then(render, render);
  return rendering;
}

function notice(text, kind = 'info') {
  const item = h('p', { class: `notice ${kind}` }, text);
  $('notices').append(item);
  // Notices never pile up over the page: the last three stay.
  while ($('notices').childElementCount > 3) {
    $('notices').firstElementChild.remove();
  }
  setTimeout(() => item.remove(), 8000);
}

function onLiveEvent(event) {
  const picked = currentSession().organizationId;
  if (isSuperAdmin() && picked && event.organizationId !== picked) {
    return;
  }
  const to = event.detail && event.detail.to ? ` → ${event.detail.to}` : '';
  notice(`${event.subject} ${event.type}${to}`);
  const { view, params } = route();
  if (view.affectedBy && !view.affectedBy(event, params)) {
    return;
  }
  refreshSoon();
}

/**
 * Several events often arrive together (a pause holds every campaign): render once for the burst,
 * 150 ms after its last event, but never later than a second after its first, so a steady stream
 * still shows.
 */
function refreshSoon() {
  const now = Date.now();
  if (refreshTimer === null) {
    burstStarted = now;
  }
  clearTimeout(refreshTimer);
  const delay = Math.max(0, Math.min(QUIET_MILLIS, burstStarted + MAX_WAIT_MILLIS - now));
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refresh();
  }, delay);
}

/** The feed came back after a gap: what happened meanwhile never arrived, so the view is read again. */
function onLiveReopen() {
  refreshSoon();
}

function onLiveState(state) {
  const live = $('live');
  live.textContent = state;
  live.dataset.state = state;
}

async function signIn(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const session = await login($('username').value, $('password').value);
    $('password').value = '';
    $('login').hidden = true;
    $('view').hidden = false;
    $('nav').hidden = false;
    $('logout').hidden = false;
    $('live').hidden = false;
    $('who').textContent = `${session.username} (${session.role})`;
    document.body.dataset.role = session.role;
    expireAt(session.expiresAt);
    connect(onLiveEvent, onLiveState, onLiveReopen, () => signOut('Your session ended; sign in again.'));
    if (isSuperAdmin()) {
      await showOrganizations();
    }
    await refresh();
    $('main').focus();
  } catch (error) {
    $('login-error').textContent = error instanceof ApiError && error.status === 401
      ? 'Wrong username or password.' : `Sign-in failed: ${error.message}`;
  }
}

/**
 * Signs out when the token expires: the API refuses it from then on, and the live feed (whose socket
 * outlives the ticket it opened with) must not go on streaming to a page whose sign-in has ended.
 */
function expireAt(expiresAt) {
  clearTimeout(expiryTimer);
  if (!expiresAt) {
    return;
  }
  expiryTimer = setTimeout(() => {
    if (Date.now() >= expiresAt) {
      signOut('Your session ended; sign in again.');
    } else {
      expireAt(expiresAt);
    }
  }, Math.min(Math.max(0, expiresAt - Date.now()), LONGEST_TIMER_MILLIS));
}

/** A super admin has no organisation of their own: the header offers every organisation to look at. */
async function showOrganizations() {
  const organizations = [];
  for (let page = 0; ; page += 1) {
    const answer = await get(`/api/v1/organizations?size=100&page=${page}`);
    organizations.push(...answer.items);
    if (organizations.length >= answer.total || answer.items.length === 0) {
      break;
    }
  }
  $('org-pick').replaceChildren(h('option', { value: '' }, 'Every organisation'),
    ...organizations.map((o) => h('option', { value: o.id }, o.name)));
  $('org-picker').hidden = false;
}

function onOrganizationPicked() {
  pickOrganization($('org-pick').value);
  refresh();
}

function signOut(message) {
  clearTimeout(expiryTimer);
  expiryTimer = null;
  disconnect();
  clearTimeout(refreshTimer);
  refreshTimer = null;
  logout();
  $('view').replaceChildren();
  delete $('view').dataset.view;
  $('view').hidden = true;
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('live').hidden = true;
  $('who').textContent = '';
  $('org-picker').hidden = true;
  $('org-pick').replaceChildren();
  delete document.body.dataset.role;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('username').focus();
}

$('login').addEventListener('submit', signIn);
$('logout').addEventListener('click', () => signOut());
$('org-pick').addEventListener('change', onOrganizationPicked);
window.addEventListener('hashchange', () => {
  if (currentSession().token) {
    refresh();
  }
});
