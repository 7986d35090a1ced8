/**
 * `@mailbridge/core/schema`: the validation half of the adapter kit. `z` is zod 4's `zod/mini`,
 * the one copy bundled in core; `parseConfig`, `credentialsSchema` and `transportConfigShape`
 * build an adapter's config schema; `optionsParser` reads its provider options; `schemaIssues`
 * and `issuesFromZod` word any zod failure as mailbridge `Issue`s; `DriftedActions` holds
 * spelt-out action types to their schemas. It is a separate entry because its declarations
 * name zod's types (an adapter author has zod as a devDependency), while `@mailbridge/core`
 * and `@mailbridge/core/provider` name none: an application that installs an adapter type-checks
 * without zod.
 */

import * as z from './zod.js';

export { record as dataRecord } from '../message/schema.js';
export { credentialsSchema, parseConfig, transportConfigShape } from './config-schema.js';
export type { DriftedActions } from './drifted-actions.js';
export { optionsParser } from './options.js';
export type { IssuesFromZodOptions } from './zod-issues.js';
export { issuesFromZod, schemaIssues } from './zod-issues.js';
/** zod 4's `zod/mini`, the builders and checks adapters use (zod.ts lists them). */
export { z };
