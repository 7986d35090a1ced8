import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messageOf } from '../src/aliyun/errors.js';
import { type Emulator, startEmulator } from '../src/index.js';
import { BATCH, EXTRA_SEED, SINGLE } from './helpers/aliyun-error-base.js';
import { DOCUMENTED, FAULT_ROWS } from './helpers/aliyun-error-codes.js';
import { OTHER_ROWS } from './helpers/aliyun-error-rows-other.js';
import { SEND_ROWS } from './helpers/aliyun-error-rows-send.js';
import { harness } from './helpers/aliyun-harness.js';
import { codeOf, fetchEmu, json, T0, TEST_KEY, v1Request } from './helpers/aliyun-sign.js';

/**
 * Every business error code the manuals list for SingleSendMail, BatchSendMail, the receiver APIs
 * and the statistics API (docs/providers/aliyun-dm.md "Error codes"), each produced by a realistic
 * bad request; the codes no request can cause are produced by the server's fault injection, from
 * an otherwise valid request.
 */

const ROWS = [...SEND_ROWS, ...OTHER_ROWS];

describe('DirectMail error codes', () => {
  it.each(ROWS.map((row, i) => [i, ...row] as const))(
    '#%i %s (%i) from %s',
    async (_, code, status, action, params, via) => {
      const h = harness();
      h.module.seed(EXTRA_SEED);
      const p = typeof params === 'function' ? await params(h) : params;
      const res = await h.module.handle(
        v1Request({ action, params: p, ...(via && { method: via }) }),
        h.ctx,
      );
      expect({ status: res.status, code: codeOf(res) }).toEqual({ status, code });
      if (action.endsWith('SendMail'))
        expect(h.ctx.entries.filter((e) => e.action === action)).toEqual([]);
    },
  );

  it('the table covers every documented code of these actions', () => {
    for (const [action, codes] of Object.entries(DOCUMENTED)) {
      const covered = new Set([
        ...ROWS.filter((r) => r[2] === action).map((r) => r[0]),
        ...FAULT_ROWS.filter((r) => r.action === action).map((r) => r.code),
      ]);
      expect(
        codes.filter((c) => !covered.has(c)),
        action,
      ).toEqual([]);
    }
  });

  it("the emulator's code catalogue holds every documented code (none dropped from it)", () => {
    // DOCUMENTED is written from the provider's docs, not from src/aliyun/errors.ts: a code
    // removed from the catalogue would still be answered, with a made-up message and status 400.
    const missing = [...new Set(Object.values(DOCUMENTED).flat())].filter(
      (code) => messageOf(code) === `Request failed with ${code}.`,
    );
    expect(missing).toEqual([]);
  });

  it('keeps a list 10 minutes after BatchSendMail, but lets one address go at once', async () => {
    const h = harness();
    h.module.seed(EXTRA_SEED);
    expect((await h.call('BatchSendMail', BATCH)).status).toBe(200);
    const lists = json(await h.call('QueryReceiverByParam', { KeyWord: 'full' }));
    const ReceiverId = (lists['data'] as { receiver: { ReceiverId: string }[] }).receiver[0]
      ?.ReceiverId as string;
    const detail = await h.call('DeleteReceiverDetail', { ReceiverId, Email: 'm@example.com' });
    expect(detail.status).toBe(200);
    expect(codeOf(await h.call('DeleteReceiver', { ReceiverId }))).toBe(
      'InvalidReceiverStatus.Malformed',
    );
    h.ctx.time += 10 * 60_000;
    expect((await h.call('DeleteReceiver', { ReceiverId })).status).toBe(200);
  });

  it('answers gateway errors in XML when the request asked for XML', async () => {
    const h = harness();
    const res = await h.module.handle(
      v1Request({ action: 'SingleSendMail', format: 'XML', after: { Signature: 'x' }, time: T0 }),
      h.ctx,
    );
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('DirectMail codes only fault injection produces (through the server)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({
      aliyunKeys: [TEST_KEY],
      seed: { aliyun: EXTRA_SEED },
      startTime: T0 + 60 * 60_000,
    });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  const call = async (action: string, params: Record<string, string>) => {
    const res = await fetchEmu(v1Request({ action, params, host: emu.host, time: Date.now() }));
    const body = JSON.parse(res.text.replace(/"EnvId":(\d+)/g, '"EnvId":"$1"'));
    return { status: res.status, body: body as Record<string, unknown> };
  };
  const valid = async (action: string): Promise<Record<string, string>> => {
    if (action === 'SingleSendMail') return SINGLE;
    if (action === 'BatchSendMail') return BATCH;
    if (action === 'CreateReceiver') return { ReceiversName: 'fresh', ReceiversAlias: 'f@x.com' };
    if (action === 'SenderStatisticsDetailByParam') {
      return { StartTime: '2025-03-01 00:00', EndTime: '2025-03-01 09:00' };
    }
    const found = await call('QueryReceiverByParam', { KeyWord: 'full' });
    const lists = (found.body['data'] as { receiver: { ReceiverId: string }[] }).receiver;
    const id = { ReceiverId: lists[0]?.ReceiverId ?? 'missing' };
    return action === 'DeleteReceiverDetail' ? { ...id, Email: 'm@example.com' } : id;
  };

  it.each(FAULT_ROWS.map((r) => [r.action, r.code, r] as const))(
    '%s → %s (fault)',
    async (action, code, r) => {
      const params = await valid(action);
      const before = emu.outbox.length;
      emu.inject({ provider: 'aliyun-dm', action, fault: { kind: 'error', code } });
      const faulted = await call(action, params);
      expect({ status: faulted.status, code: faulted.body['Code'] }).toEqual({
        status: r.status,
        code,
      });
      expect(faulted.body).toMatchObject({ RequestId: expect.any(String), HostId: emu.host });
      expect(emu.outbox.length).toBe(before);
      // The same request without the fault is accepted: the code came from the injection alone.
      expect((await call(action, params)).status).toBe(200);
    },
  );
});
