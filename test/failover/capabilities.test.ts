/**
 * A composite of the real adapters keeps the README's capability matrix and the core's checks
 * meaningful: every matrix row renders for it, each cell is what some member offers, and the
 * core check against its capabilities never refuses a message a member accepts.
 */
import { aliyunDm, capabilities as aliyunDmCapabilities } from '@mailbridge/aliyun-dm';
import { type Capabilities, failover, type MessageInput } from '@mailbridge/core';
import { checkMessage, normalizeMessage } from '@mailbridge/core/provider';
import { tencentSes, tencentSesCapabilities } from '@mailbridge/tencent-ses';
import { describe, expect, it } from 'vitest';
import { COLUMNS, ROWS } from '../docs/capability-matrix.js';

const credentials = { id: 'AKIDexample', secret: 'example-secret' };
const composite = failover([
  tencentSes({ region: 'ap-guangzhou', credentials }),
  aliyunDm({ region: 'cn-hangzhou', credentials }),
]);
const caps = composite.capabilities;
const members: readonly Capabilities[] = [tencentSesCapabilities({}), aliyunDmCapabilities];

const accepts = (message: MessageInput, c: Capabilities) => {
  try {
    checkMessage(normalizeMessage(message), c);
    return true;
  } catch {
    return false;
  }
};

describe('failover over Tencent SES and DirectMail: capabilities', () => {
  it('every README matrix row renders a cell for the composite', () => {
    const column = { ...(COLUMNS[0] as (typeof COLUMNS)[number]), title: 'failover', base: caps };
    for (const row of ROWS) expect(row.cell(caps, column)).toMatch(/\S/);
  });

  it('limits are the largest of the members, switches on when any member has them', () => {
    for (const field of ['to', 'cc', 'bcc'] as const) {
      expect(caps.recipients[field]).toBe(Math.max(...members.map((m) => m.recipients[field])));
    }
    expect(caps.recipients.cc).toBeGreaterThan(0); // Tencent has cc, DirectMail has not
    expect(caps.content.html).toBe(true); // DirectMail sends raw html, Tencent by default not
    expect(caps.schedule.timed).toBe(true); // Tencent schedules batches, DirectMail cannot
    expect(caps.groups).toEqual(members[0]?.groups);
    expect(Object.keys(caps.rateLimits)).toContain('tencent-ses/SendEmail');
    expect(Object.keys(caps.rateLimits)).toContain('aliyun-dm/SingleSendMail');
  });

  it('the core check never refuses a message one member accepts', () => {
    const base = { from: 'Shop <noreply@mail.example.com>', to: 'a@example.com', subject: 'Hi' };
    const messages: MessageInput[] = [
      { ...base, html: '<p>hi</p>' },
      { ...base, cc: 'c@example.com', template: { id: 100001 } },
      { ...base, to: Array.from({ length: 80 }, (_, i) => `r${i}@example.com`), text: 'x' },
      { ...base, template: { id: 100001 }, attachments: [{ filename: 'a.txt', content: 'hi' }] },
      { ...base, bcc: ['b1@example.com', 'b2@example.com'], text: 'x' },
    ];
    let acceptedBySome = 0;
    for (const message of messages) {
      if (members.some((m) => accepts(message, m))) {
        acceptedBySome += 1;
        expect(accepts(message, caps), JSON.stringify(message)).toBe(true);
      }
    }
    expect(acceptedBySome).toBeGreaterThanOrEqual(4);
  });
});
