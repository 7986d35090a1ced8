/**
 * What the cold-import and footprint sections compare: core + one adapter (as a user installs
 * and imports them) against each official SDK and undici alone.
 */

/** Cold import candidates: the specifiers a user's program would import. */
export const IMPORTS: readonly { label: string; specifiers: string[] }[] = [
  { label: 'undici alone', specifiers: ['undici'] },
  {
    label: 'mailbridge core + tencent-ses',
    specifiers: ['@mailbridge/core', '@mailbridge/tencent-ses'],
  },
  {
    label: 'mailbridge core + aliyun-dm',
    specifiers: ['@mailbridge/core', '@mailbridge/aliyun-dm'],
  },
  { label: 'tencentcloud-sdk-nodejs-ses', specifiers: ['tencentcloud-sdk-nodejs-ses'] },
  { label: '@alicloud/dm20151123', specifiers: ['@alicloud/dm20151123'] },
  { label: '@alicloud/pop-core', specifiers: ['@alicloud/pop-core'] },
];

/** Footprint candidates: the packages a user would install (dependencies follow). */
export const FOOTPRINTS: readonly (readonly [string, readonly string[]])[] = [
  ['mailbridge core + tencent-ses', ['@mailbridge/tencent-ses']],
  ['mailbridge core + aliyun-dm', ['@mailbridge/aliyun-dm']],
  ['tencentcloud-sdk-nodejs-ses', ['tencentcloud-sdk-nodejs-ses']],
  ['@alicloud/dm20151123', ['@alicloud/dm20151123']],
  ['@alicloud/pop-core', ['@alicloud/pop-core']],
  ['undici alone', ['undici']],
];
