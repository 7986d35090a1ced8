/**
 * `@mailbridge/tencent-ses/portable`: the pure-JS SHA-256 of `@aws-crypto/sha256-js` behind the
 * signer's `Checksum` interface, for runtimes without `node:crypto`. A separate entry point so
 * that only the users who import it install and load that package and its chain (`@aws-sdk/types`,
 * `@smithy/*`, `tslib`: about 2.6 MB installed); it is an optional peer dependency of this
 * package, so install it beside: `npm i @aws-crypto/sha256-js`.
 *
 * @example
 * ```ts
 * import { createTencentSesClient, createTc3Signer } from '@mailbridge/tencent-ses';
 * import { Sha256Js } from '@mailbridge/tencent-ses/portable';
 *
 * const client = createTencentSesClient({ region: 'ap-guangzhou', signer: createTc3Signer(Sha256Js) });
 * ```
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import type { ChecksumConstructor } from './signer.js';

/** The portable pure-JS SHA-256 (`@aws-crypto/sha256-js`), for runtimes without node:crypto. */
export const Sha256Js: ChecksumConstructor = Sha256;
