/**
 * The account resources over Tencent SES (docs/providers/resources.md): one module per
 * resource, gathered here. Lists page by Offset/Limit (groups.ts `offsetOf`, `page`).
 */
import type { ProviderResources } from '@mailbridge/core/provider';
import type { RequestContext } from './client.js';
import { domainOperations } from './domains.js';
import { senderOperations } from './senders.js';
import { statsOperations } from './stats.js';
import { suppressionOperations } from './suppression.js';
import { templateOperations } from './templates.js';

/** The resource operations of the Tencent SES provider. */
export function resourceOperations(context: RequestContext): ProviderResources {
  return {
    templates: templateOperations(context),
    senders: senderOperations(context),
    domains: domainOperations(context),
    suppression: suppressionOperations(context),
    stats: statsOperations(context),
  };
}

/** A Unix-seconds timestamp as a Date (absent or 0: none). */
export function fromSeconds(seconds: number | undefined): Date | undefined {
  return seconds ? new Date(seconds * 1000) : undefined;
}
