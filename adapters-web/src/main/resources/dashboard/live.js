// The live feed: a ticket from the API (the socket upgrade cannot carry the token), then
// /ws/events?ticket=...; reconnects with a fresh ticket when the socket drops.
//
// Every connect() starts a new generation; a ticket answer, a socket or a timer of an older one is
// ignored, so signing out while a ticket is on its way can never leave a socket (or a second
// reconnect loop) carrying the previous user's events into the next user's page.

import { ApiError, post } from './api.js';

const KEEPALIVE_MILLIS = 30000;

let socket = null;
let generation = 0;
let stopped = true;
let retry = null;
let keepalive = null;

/**
 * Opens the feed. {@code onEvent} gets each event, {@code onState} the feed's state, {@code onReopen}
 * is called when the feed opens again after a gap (events may have been missed), {@code onExpired}
 * when the API no longer accepts the session.
 */
export function connect(onEvent, onState, onReopen, onExpired) {
  disconnect();
  stopped = false;
  generation += 1;
  open({ generation, onEvent, onState, onReopen, onExpired, opened: false }, 1000);
}

export function disconnect() {
  stopped = true;
  generation += 1;
  clearTimeout(retry);
  clearInterval(keepalive);
  if (socket) {
    const old = socket;
    socket = null;
    old.close();
  }
}

const current = (feed) => !stopped && feed.generation === generation;

async function open(feed, backoff) {
  if (!current(feed)) {
    return;
  }
  feed.onState('connecting');
  let ticket;
  try {
    ({ ticket } = await post('/api/v1/ws-tickets'));
  } catch (error) {
    if (!current(feed)) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      feed.onExpired();
      return;
    }
    reconnect(feed, backoff);
    return;
  }
  if (!current(feed)) {
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const mine = new WebSocket(`${scheme}://${location.host}/ws/events?ticket=${encodeURIComponent(ticket)}`);
  socket = mine;
  let wait = backoff;
  mine.addEventListener('open', () => {
    if (socket !== mine) {
      return;
    }
    wait = 1000;
    feed.onState('live');
    // Proxies close sockets that stay silent; the server ignores what a browser sends.
    clearInterval(keepalive);
    keepalive = setInterval(() => mine.readyState === WebSocket.OPEN && mine.send('keepalive'), KEEPALIVE_MILLIS);
    if (feed.opened) {
      feed.onReopen();
    }
    feed.opened = true;
  });
  mine.addEventListener('message', (message) => {
    if (socket === mine) {
      feed.onEvent(JSON.parse(message.data));
    }
  });
  mine.addEventListener('close', () => {
    if (socket === mine) {
      clearInterval(keepalive);
      socket = null;
      reconnect(feed, wait);
    }
  });
}

function reconnect(feed, backoff) {
  if (!current(feed)) {
    return;
  }
  feed.onState('offline');
  clearTimeout(retry);
  retry = setTimeout(() => open(feed, Math.min(backoff * 2, 30000)), backoff);
}
