/**
 * The send drivers by name, as tables and the command line name them. Each driver module is
 * imported only when that driver runs, so a process's RSS and CPU are its client's own.
 */
import type { SendDriver } from './driver.js';

/** The drivers by name; each import happens only when that driver runs. */
export const SEND_DRIVERS = {
  'raw-undici': async (o: string) => (await import('./raw-undici.js')).createRawDriver(o, false),
  'raw-undici+tc3': async (o: string) => (await import('./raw-undici.js')).createRawDriver(o, true),
  'raw-undici DirectMail form': async (o: string) =>
    (await import('./raw-undici-rpc.js')).createRawRpcDriver(o, false),
  'raw-undici+rpc': async (o: string) =>
    (await import('./raw-undici-rpc.js')).createRawRpcDriver(o, true),
  'mailbridge tencent-ses': async (o: string) =>
    (await import('./mailbridge-tencent.js')).createMailbridgeTencent(o),
  'mailbridge aliyun-dm': async (o: string) =>
    (await import('./mailbridge-aliyun.js')).createMailbridgeAliyun(o),
  'tencentcloud-sdk-nodejs-ses': async (o: string) =>
    (await import('./sdk-tencent.js')).createSdkTencent(o),
  '@alicloud/dm20151123': async (o: string) => (await import('./sdk-dm.js')).createSdkDm(o),
  '@alicloud/pop-core': async (o: string) => (await import('./sdk-pop.js')).createSdkPop(o),
} as const satisfies Record<string, (origin: string) => Promise<SendDriver>>;

/** What-if drivers (not in the main tables): the proposed fixes, measured through public APIs. */
export const WHATIF_DRIVERS = {
  'tencent-ses typed client, default signer': async (o: string) =>
    (await import('./whatif-tencent.js')).createWhatIfTencent(o, false),
  'tencent-ses typed client, sha256-js signer': async (o: string) =>
    (await import('./whatif-tencent.js')).createWhatIfTencent(o, true),
} as const satisfies Record<string, (origin: string) => Promise<SendDriver>>;

export type SendDriverName = keyof typeof SEND_DRIVERS | keyof typeof WHATIF_DRIVERS;

/** Every driver `send.js` can run. */
export const ALL_DRIVERS = { ...SEND_DRIVERS, ...WHATIF_DRIVERS };

/** What one run reports. */
export interface SendResult {
  readonly driver: string;
  readonly n: number;
  readonly c: number;
  readonly sendsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerSend: number;
  readonly peakRssMb: number;
}
