import { apiUrl } from './api.js';

/** One EventSource for the whole app; pages subscribe to event names. */

type Listener = (data: unknown) => void;

const listeners = new Map<string, Set<Listener>>();
let source: EventSource | null = null;
let connected = false;
const statusListeners = new Set<(up: boolean) => void>();

function dispatch(event: string, raw: string): void {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  for (const l of listeners.get(event) ?? []) l(data);
}

function setStatus(up: boolean): void {
  connected = up;
  for (const l of statusListeners) l(up);
}

function ensure(): void {
  if (source) return;
  source = new EventSource(apiUrl('/api/live', {}, true));
  source.onopen = () => setStatus(true);
  source.onerror = () => setStatus(false);
  for (const name of ['alert', 'alert-updated', 'counts', 'gap']) {
    source.addEventListener(name, (e) => dispatch(name, (e as MessageEvent<string>).data));
  }
}

export function onLive(event: string, listener: Listener): () => void {
  ensure();
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function onLiveStatus(listener: (up: boolean) => void): () => void {
  ensure();
  statusListeners.add(listener);
  listener(connected);
  return () => statusListeners.delete(listener);
}

/** Reconnect (e.g. after the token changed). */
export function restartLive(): void {
  source?.close();
  source = null;
  ensure();
}

/** An `alert` event carries the alert itself, or `{ alert }` when it came through an SSE channel. */
export function alertOf(data: unknown): { id: string } & Record<string, unknown> {
  const d = data as Record<string, unknown>;
  return (d && typeof d.alert === 'object' && d.alert ? d.alert : d) as { id: string } & Record<string, unknown>;
}
