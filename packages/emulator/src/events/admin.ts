/**
 * Admin routes for events, under `/__emulator/events`:
 * - `GET events` → `{events, callbacks}`
 * - `POST events/callback` `{"provider": "tencent-ses", "url": "http://…"}` (url null to stop)
 * - `POST events/open` `{"provider"?, "messageId"?, "to"?, "userAgent"?}`
 * - `POST events/click` the same plus `"url"`
 */
import type { ProviderId } from '../types.js';
import type { EmulatorEvents, EventSelector } from './log.js';

/** Answer an events route, or undefined when `route` is not one. */
export function eventsRoute(events: EmulatorEvents, route: string, body: () => unknown): unknown {
  switch (route) {
    case 'GET events':
      return { events: events.list(), callbacks: events.callbacks() };
    case 'POST events/callback': {
      const b = object(body());
      const url = b.url === null ? undefined : text(b, 'url');
      events.setCallback(provider(b), url);
      return { callbacks: events.callbacks() };
    }
    case 'POST events/open': {
      const b = object(body());
      return { events: events.open(target(b), optText(b, 'userAgent')) };
    }
    case 'POST events/click': {
      const b = object(body());
      return { events: events.click(target(b), text(b, 'url'), optText(b, 'userAgent')) };
    }
    default:
      return undefined;
  }
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function provider(b: Record<string, unknown>): ProviderId {
  if (b.provider !== 'aliyun-dm' && b.provider !== 'tencent-ses') {
    throw new TypeError('provider must be "aliyun-dm" or "tencent-ses"');
  }
  return b.provider;
}

function text(b: Record<string, unknown>, name: string): string {
  const v = b[name];
  if (typeof v !== 'string' || v === '') throw new TypeError(`${name} must be a non-empty string`);
  return v;
}

function optText(b: Record<string, unknown>, name: string): string | undefined {
  return b[name] === undefined ? undefined : text(b, name);
}

function target(b: Record<string, unknown>): EventSelector {
  return {
    ...(b.provider === undefined ? {} : { provider: provider(b) }),
    ...(b.messageId === undefined ? {} : { messageId: text(b, 'messageId') }),
    ...(b.to === undefined ? {} : { to: text(b, 'to') }),
  };
}
