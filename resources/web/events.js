// The live event stream (/api/events, Server-Sent Events). One EventSource for the whole page;
// pages subscribe to event types. The browser reconnects by itself after a dropped connection
// (sending Last-Event-ID, so the server replays what was missed or answers "resync"); when the
// server refused the connection (restart, expired session) this module reconnects itself with
// a growing pause, and every listener of "resync" reloads what it shows.

const TYPES = ['hello', 'resync', 'stream.started', 'stream.state', 'stream.ended',
  'player.joined', 'player.left', 'stats', 'engine', 'import.started', 'import.progress',
  'import.finished', 'check', 'log', 'changed'];

const listeners = new Map(); // type -> Set of functions
let source = null;
let retryTimer = 0;
let retryDelay = 1000;
let wasDown = false;
let instance = '';
let missed = false; // a new EventSource sends no Last-Event-ID: what happened meanwhile is lost
const status = { connected: false };
const statusListeners = new Set();

function emit(type, data) {
  for (const fn of listeners.get(type) || []) {
    try { fn(data); } catch (e) { console.error(e); }
  }
}

function setStatus(connected) {
  if (status.connected === connected) return;
  status.connected = connected;
  for (const fn of statusListeners) fn({ ...status });
}

// fn(data) for every event of type; returns the function that unsubscribes.
export function on(type, fn) {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type).add(fn);
  return () => listeners.get(type).delete(fn);
}

// fn({connected}) when the connection comes or goes; "reconnected" is announced
// through the "reconnected" pseudo event.
export function onStatus(fn) {
  statusListeners.add(fn);
  return () => statusListeners.delete(fn);
}
export const current = () => ({ ...status });

export function connect() {
  if (source) return;
  clearTimeout(retryTimer);
  // Log lines of every level: the logs page filters them; there are none below the server's own.
  source = new EventSource('/api/events?log=debug', { withCredentials: true });
  source.addEventListener('open', () => {
    retryDelay = 1000;
    setStatus(true);
    if (wasDown) {
      wasDown = false;
      emit('reconnected', {});
    }
    if (missed) {
      missed = false;
      emit('resync', {});
    }
  });
  for (const type of TYPES) {
    source.addEventListener(type, (ev) => {
      let data = {};
      try { data = ev.data ? JSON.parse(ev.data) : {}; } catch { return; }
      if (type === 'hello') {
        // A new instance after our own reconnect (no Last-Event-ID then): reload everything.
        const restarted = instance && data.instance !== instance;
        instance = data.instance;
        if (restarted) emit('resync', {});
      }
      emit(type, data);
    });
  }
  source.addEventListener('error', () => {
    if (!source) return;
    wasDown = true;
    setStatus(false);
    if (source.readyState === EventSource.CLOSED) {
      // Refused (HTTP error, e.g. 401 after a restart, or 404 on an AceHub without events):
      // the browser gives up, so try again ourselves, then reload the page's data.
      source = null;
      probeAndRetry();
    }
  });
}

async function probeAndRetry() {
  const abort = new AbortController();
  try {
    // fetch resolves with the headers; the stream itself is not wanted here.
    const res = await fetch('/api/events', { credentials: 'same-origin', signal: abort.signal });
    if (res.status === 401) emit('unauthorized', {}); // a restart or an expired session
  } catch { /* server down: keep trying */ }
  abort.abort();
  missed = true;
  retryTimer = setTimeout(() => {
    connect();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

// keepTrouble: the connection was lost (e.g. the session ended with a restart): the next
// connect() still announces "reconnected".
export function disconnect(keepTrouble = false) {
  clearTimeout(retryTimer);
  if (source) source.close();
  source = null;
  if (!keepTrouble) wasDown = false;
  setStatus(false);
}
