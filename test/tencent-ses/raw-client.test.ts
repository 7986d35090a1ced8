/**
 * The typed raw client of @mailbridge/tencent-ses against the emulator: the standalone
 * `createTencentSesClient` with temporary (STS) credentials from an async function, the
 * template actions end to end, response parsing of the read actions, and how an action the
 * server does not offer and bad parameters fail; and the delivery status query over it.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import {
  createTencentSesClient,
  getDeliveryStatus,
  type TencentSesConfig,
} from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

const PERMANENT = { id: 'AKIDpermanent0001', secret: 'permanent-secret-0001' };
const TEMPORARY = { id: 'AKIDtemporary0001', secret: 'temporary-secret-01', token: 'sts-token-01' };

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ tencentKeys: [PERMANENT, TEMPORARY] });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const client = (credentials: TencentSesConfig['credentials'] = { ...PERMANENT }) =>
  createTencentSesClient(
    { region: 'ap-hongkong', endpoint: emu.tencentEndpoint, credentials, retries: 0 },
    { mailer: { retry: { minDelayMs: 1, maxDelayMs: 5 } } },
  );
const requests = (action: string) => emu.requests['tencent-ses'][action] ?? 0;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('credentials', () => {
  it('sends X-TC-Token for temporary credentials from an async function, fresh per call', async () => {
    let calls = 0;
    const ses = client(async () => {
      calls++;
      return { ...TEMPORARY };
    });
    const first = await ses.ListEmailAddress();
    await ses.ListEmailAddress();
    expect(first.EmailSenders?.map((s) => s.EmailAddress)).toContain('noreply@mail.example.com');
    expect(first.RequestId).toEqual(expect.any(String));
    expect(calls).toBe(2);
    await ses.close();
  });

  it('a temporary key without its token is an auth error the provider names', async () => {
    const ses = client({ id: TEMPORARY.id, secret: TEMPORARY.secret });
    const error = await failure(ses.ListEmailAddress());
    expect(error).toMatchObject({
      code: 'auth',
      providerCode: 'AuthFailure.TokenFailure',
      delivery: 'not_sent',
      action: 'ListEmailAddress',
    });
    expect(error.message).not.toContain(TEMPORARY.secret);
    await ses.close();
  });
});

describe('template actions end to end', () => {
  it('creates, reads, updates, lists and deletes a template', async () => {
    const ses = client();
    const { TemplateID } = await ses.CreateEmailTemplate({
      TemplateName: '验证码 otp',
      TemplateContent: { Html: b64('<p>码 {{code}} 😀</p>'), Text: b64('码 {{code}}') },
    });
    expect(TemplateID).toEqual(expect.any(Number));
    const got = await ses.GetEmailTemplate({ TemplateID });
    expect(got.TemplateName).toBe('验证码 otp');
    expect(Buffer.from(got.TemplateContent?.Html ?? '', 'base64').toString()).toBe(
      '<p>码 {{code}} 😀</p>',
    );
    await ses.UpdateEmailTemplate({
      TemplateID,
      TemplateName: 'otp-2',
      TemplateContent: { Text: b64('Code {{code}}') },
    });
    const listed = await ses.ListEmailTemplates({ Offset: 0, Limit: 100 });
    expect(listed.TemplatesMetadata?.find((t) => t.TemplateID === TemplateID)).toMatchObject({
      TemplateName: 'otp-2',
    });
    await ses.DeleteEmailTemplate({ TemplateID });
    const gone = await failure(ses.GetEmailTemplate({ TemplateID }));
    expect(gone).toMatchObject({
      code: 'not_found',
      providerCode: 'InvalidParameterValue.TemplateNotExist',
    });
    await ses.close();
  });
});

describe('read actions', () => {
  it('parses identities and statistics', async () => {
    const ses = client();
    const identities = await ses.ListEmailIdentities();
    expect(identities.EmailIdentities?.map((i) => i.IdentityName)).toContain('mail.example.com');
    const day = new Date(emu.now()).toISOString().slice(0, 10);
    const report = await ses.GetStatisticsReport({ StartDate: day, EndDate: day });
    expect(Array.isArray(report.DailyVolumes)).toBe(true);
    await ses.close();
  });
});

describe('failures', () => {
  it('an action the server does not offer is unsupported, not sent', async () => {
    const ses = client();
    const error = await failure(ses.DeleteBlackList({ EmailAddressList: ['a@example.com'] }));
    expect(error).toMatchObject({
      code: 'unsupported',
      providerCode: 'UnsupportedOperation',
      delivery: 'not_sent',
      action: 'DeleteBlackList',
    });
    await ses.close();
  });

  it('bad parameters are invalid_input before any request', async () => {
    const ses = client();
    const error = await failure(ses.ListEmailTemplates({ Offset: 0, Limit: 500 }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['ListEmailTemplates', 'Limit']);
    expect(requests('ListEmailTemplates')).toBe(0);
    await ses.close();
  });
});

describe('delivery status', () => {
  const send = async (ses: ReturnType<typeof client>, to: string) =>
    (
      await ses.SendEmail({
        FromEmailAddress: 'noreply@mail.example.com',
        Destination: [to],
        Subject: 'status',
        Template: { TemplateID: 100001, TemplateData: '{"name":"Ann"}' },
      })
    ).MessageId;

  it('reads GetSendEmailStatus by message id and by recipient, codes kept', async () => {
    const ses = client();
    const messageId = await send(ses, 'status@example.com');
    const byMessage = await getDeliveryStatus(ses, { messageId, date: new Date(emu.now()) });
    expect(byMessage).toEqual([
      expect.objectContaining({
        messageId,
        recipient: 'status@example.com',
        state: 'delivered',
        sendStatus: 0,
        deliverStatus: 1,
      }),
    ]);
    const byRecipient = await getDeliveryStatus(ses, {
      recipient: 'status@example.com',
      date: new Date(emu.now()),
    });
    expect(byRecipient.map((r) => r.messageId)).toEqual([messageId]);
    await ses.close();
  });

  it('takes the day from the MessageId when no date is given', async () => {
    const ses = client();
    const messageId = await send(ses, 'nodate@example.com');
    const rows = await getDeliveryStatus(ses, { messageId });
    expect(rows.map((r) => [r.recipient, r.state])).toEqual([['nodate@example.com', 'delivered']]);
    await ses.close();
  });
});
