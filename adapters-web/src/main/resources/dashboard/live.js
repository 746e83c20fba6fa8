// The live feed: a ticket from the API (the socket upgrade cannot carry the token), then
// /ws/events?ticket=...; reconnects with a fresh ticket when the socket drops.

import { post } from './api.js';

let socket = null;
let stopped = true;
let retry = null;

export function connect(onEvent, onState) {
  stopped = false;
  open(onEvent, onState, 1000);
}

export function disconnect() {
  stopped = true;
  clearTimeout(retry);
  if (socket) {
    socket.close();
    socket = null;
  }
}

async function open(onEvent, onState, backoff) {
  if (stopped) {
    return;
  }
  onState('connecting');
  try {
    const { ticket } = await post('/api/v1/ws-tickets');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/ws/events?ticket=${encodeURIComponent(ticket)}`);
  } catch {
    reconnect(onEvent, onState, backoff);
    return;
  }
  let wait = backoff;
  socket.addEventListener('open', () => {
    wait = 1000;
    onState('live');
  });
  socket.addEventListener('message', (message) => onEvent(JSON.parse(message.data)));
  socket.addEventListener('close', () => reconnect(onEvent, onState, wait));
}

function reconnect(onEvent, onState, backoff) {
  socket = null;
  if (stopped) {
    return;
  }
  onState('offline');
  retry = setTimeout(() => open(onEvent, onState, Math.min(backoff * 2, 30000)), backoff);
}
