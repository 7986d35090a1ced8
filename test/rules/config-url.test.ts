/**
 * A provider URL (`MAIL_URL=tencent-ses://ap-guangzhou?timeoutMs=5000`) says nothing that is
 * then ignored: a port, a path, a key given twice, a `region` beside the host's, or an
 * `insecure` value other than 1/true/0/false is `invalid_input` naming it, at construction.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { fromConfig } from '@mailbridge/core';
import { rejectedMailError } from '@mailbridge/core/testing';
import { tencentSes } from '@mailbridge/tencent-ses';
import { describe, expect, it } from 'vitest';

const ADAPTERS = [aliyunDm, tencentSes];
const KEYS = '&endpoint=http://127.0.0.1:1';

describe.each(['tencent-ses://ap-guangzhou', 'aliyun-dm://cn-hangzhou'])('%s', (base) => {
  it.each([
    ['a port', `${base.replace(/$/, ':8080')}?timeoutMs=1`, 'port'],
    ['a path', `${base}/eu?timeoutMs=1`, 'path'],
    ['a key given twice', `${base}?timeoutMs=1000&timeoutMs=2000`, 'timeoutMs'],
    ['a region beside the host', `${base}?region=ap-hongkong`, 'region'],
    ['insecure=yes', `${base}?insecure=yes`, 'insecure'],
  ])('refuses %s, naming it', async (_what, url, key) => {
    const error = await rejectedMailError(async () => fromConfig(`${url}${KEYS}`, ADAPTERS));
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: [key] }] });
  });
});
