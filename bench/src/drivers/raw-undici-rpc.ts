/**
 * The DirectMail counterparts of the raw drivers: SingleSendMail as an RPC v1 form POST over a
 * bare undici Agent (the core's pool settings), `JSON.parse` of the answer. `sign: true` is
 * "raw undici + signing"; `sign: false` the DirectMail-shaped ceiling, the same form unsigned,
 * which separates what DirectMail's request and answer cost on this mock from what signing costs.
 */
import { Agent } from 'undici';
import { rpcFormBody } from '../rpc.js';
import { expectId, FROM, HTML, KEY, type SendDriver, SUBJECT, to } from './driver.js';

export function createRawRpcDriver(origin: string, sign: boolean): SendDriver {
  const agent = new Agent({
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 60_000,
    connections: 128,
  });
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  return {
    async send(index) {
      const body = rpcFormBody(
        'SingleSendMail',
        {
          AccountName: FROM,
          AddressType: '1',
          ReplyToAddress: 'false',
          ToAddress: to(index),
          Subject: SUBJECT,
          HtmlBody: HTML,
          FromAlias: 'Shop',
        },
        KEY,
        sign,
      );
      const res = await agent.request({ origin, path: '/', method: 'POST', headers, body });
      const json = JSON.parse(await res.body.text()) as { EnvId?: unknown };
      expectId(json.EnvId, 'EnvId');
    },
    close: () => agent.close(),
  };
}
