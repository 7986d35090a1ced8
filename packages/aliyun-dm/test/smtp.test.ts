/**
 * The SMTP path's pure parts: the `smtp` config (hosts, ports, TLS) and the reply-code table,
 * row by row, with the `delivery` rule (a reply is a refusal; silence after the body is unknown).
 * The wire behaviour against the emulator is in test/aliyun-dm/smtp.test.ts.
 */
import { thrownMailError as failure } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { SMTP_HOSTS } from '../src/smtp/config.js';
import { classifyReply, SMTP_REPLY_TABLE, smtpError } from '../src/smtp/errors.js';

const credentials = { id: 'id', secret: 'secret' };
const login = { user: 'noreply@mail.example.com', password: 'pw' };

describe('smtp config', () => {
  it.each(Object.entries(SMTP_HOSTS))('region %s -> %s:465, implicit TLS', (region, host) => {
    const { smtp } = resolveConfig({ region, credentials, smtp: { credentials: login } });
    expect(smtp).toMatchObject({ host, port: 465, secure: true, requireTls: false });
  });

  it('ports 25 and 80 require STARTTLS off loopback; plain SMTP only to loopback', () => {
    const at = (host: string, port: number) =>
      resolveConfig({
        region: 'cn-hangzhou',
        credentials,
        smtp: { credentials: login, host, port },
      }).smtp;
    expect(at('smtpdm.aliyun.com', 80)).toMatchObject({ secure: false, requireTls: true });
    expect(at('smtpdm.aliyun.com', 25)).toMatchObject({ secure: false, requireTls: true });
    expect(at('127.0.0.1', 2525)).toMatchObject({ secure: false, requireTls: false });
  });

  it('no smtp key: no SMTP path (attachments are refused at send, naming smtp)', () => {
    expect(resolveConfig({ region: 'cn-hangzhou', credentials }).smtp).toBeUndefined();
  });

  it.each([
    [{ credentials: login, pass: 'x' }, 'smtp'],
    [{ credentials: { user: 'a@b.c' } }, 'smtp.credentials'],
    [{ credentials: login, port: 70_000 }, 'smtp.port'],
    [{ credentials: login, host: 'smtp://x' }, 'smtp.host'],
    [{}, 'smtp.credentials'],
  ])('%j is refused naming %s', (smtp, path) => {
    const error = failure(() => resolveConfig({ region: 'cn-hangzhou', credentials, smtp }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path.join('.'))).toContainEqual(
      expect.stringContaining(path),
    );
  });

  it('a credentials function is called with the sender address', async () => {
    const seen: string[] = [];
    const { smtp } = resolveConfig({
      region: 'cn-hangzhou',
      credentials,
      smtp: {
        credentials: (sender: string) => {
          seen.push(sender);
          return login;
        },
      },
    });
    expect(await smtp?.credentials('noreply@mail.example.com')).toEqual(login);
    expect(seen).toEqual(['noreply@mail.example.com']);
  });
});

describe('SMTP reply codes', () => {
  it.each(Object.entries(SMTP_REPLY_TABLE))('%s -> %j', (reply, cls) => {
    // 550/551/553 name a recipient when they answer RCPT TO.
    expect(classifyReply(Number(reply), 'RCPT TO')).toEqual(cls);
  });

  it.each([
    [550, 'MAIL FROM', 'rejected'],
    [553, 'DATA', 'rejected'],
    [450, 'RCPT TO', 'provider_unavailable'],
    [451, 'DATA', 'provider_unavailable'],
    [599, 'DATA', 'rejected'],
  ])('%s to %s -> %s (the rule for codes the table does not name)', (reply, command, code) => {
    const cls = classifyReply(reply, command);
    expect(cls.code).toBe(code);
    expect(cls.retryable).toBe(reply < 500);
  });

  it('any reply is a refusal: not_sent, even after the message body went out', () => {
    const error = smtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' }, true);
    expect(error).toMatchObject({ code: 'rejected', delivery: 'not_sent', providerCode: '554' });
  });

  it('an AUTH failure is the neutral auth code, never retried', () => {
    const error = smtpError({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, false);
    expect(error).toMatchObject({ code: 'auth', retryable: false, delivery: 'not_sent' });
  });

  it.each([
    ['ECONNECTION', false, 'network', 'not_sent'],
    ['ETIMEDOUT', false, 'timeout', 'not_sent'],
    ['ECONNECTION', true, 'network', 'unknown'],
    ['ETIMEDOUT', true, 'timeout', 'unknown'],
  ] as const)('no reply (%s), body started %s -> %s / %s', (code, started, neutral, delivery) => {
    expect(smtpError({ code }, started)).toMatchObject({ code: neutral, delivery });
  });
});
