/**
 * What differs between the two providers in the demo is data, not code: the config value that
 * chooses the provider, and the resources the account holds (senders, templates and their
 * variables, as the emulator seeds them; see packages/emulator/README.md "Default … seed").
 */
import type { Emulator, FaultRule } from '@mailbridge/emulator';

/** An injected provider error: the action it hits and the provider's own code. */
export type ThrottleFault = FaultRule & {
  readonly fault: { readonly kind: 'error'; readonly code: string };
};

/** The providers the demo runs, in the order it runs them. */
export const PROVIDER_IDS = ['tencent-ses', 'aliyun-dm'] as const;

/** A provider the demo knows. */
export type DemoProviderId = (typeof PROVIDER_IDS)[number];

/** Account data and the config value for one provider. */
export interface Profile {
  /** The config value a deployment would put in `MAIL_URL`: the only switch between providers. */
  url(emu: Emulator): string;
  /** The official credential variables (credentials never go in the URL). */
  readonly env: { readonly id: string; readonly secret: string; readonly token: string };
  /** A verified sender for single sends. */
  readonly sender: string;
  /** A sender allowed to send batches (DirectMail has a separate `batch` sender type). */
  readonly batchSender: string;
  /** The stored template batches use: DirectMail by name, Tencent by numeric id. */
  readonly template: string | number;
  /** The variable that template fills with the recipient's name. */
  readonly nameVariable: string;
  /** Tencent requires a batch subject; DirectMail takes the template's and refuses one. */
  readonly batchSubject?: string;
  /** The provider's own throttling answer, injected once into a send. */
  readonly throttle: ThrottleFault;
}

/** The two profiles against an emulator. */
export const PROFILES: Readonly<Record<DemoProviderId, Profile>> = {
  'tencent-ses': {
    // allowRawContent: the emulator account is seeded with Simple (raw html/text) permission;
    // real Tencent accounts are template-only until Tencent grants it.
    url: (emu) => `tencent-ses://ap-guangzhou?endpoint=${emu.url}&allowRawContent=true`,
    env: {
      id: 'TENCENTCLOUD_SECRET_ID',
      secret: 'TENCENTCLOUD_SECRET_KEY',
      token: 'TENCENTCLOUD_SESSION_TOKEN',
    },
    sender: 'Shop <noreply@mail.example.com>',
    batchSender: 'noreply@mail.example.com',
    template: 100001,
    nameVariable: 'name',
    batchSubject: 'Welcome',
    throttle: {
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'RequestLimitExceeded' },
    },
  },
  'aliyun-dm': {
    url: (emu) => `aliyun-dm://cn-hangzhou?endpoint=${emu.url}`,
    env: {
      id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
      secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
    },
    sender: 'Shop <noreply@mail.example.com>',
    batchSender: 'batch@mail.example.com',
    template: 'welcome',
    nameVariable: 'UserName',
    throttle: {
      provider: 'aliyun-dm',
      action: 'SingleSendMail',
      fault: { kind: 'error', code: 'Throttling.User', status: 400 },
    },
  },
};

/** Put the emulator's keys where a deployment puts real ones: the official env vars. */
export function useEmulatorCredentials(emu: Emulator, id: DemoProviderId): void {
  const { env } = PROFILES[id];
  const [key] = id === 'tencent-ses' ? emu.credentials.tencent : emu.credentials.aliyun;
  if (!key) throw new Error(`the emulator has no ${id} key`);
  process.env[env.id] = key.id;
  process.env[env.secret] = key.secret;
  delete process.env[env.token];
}
