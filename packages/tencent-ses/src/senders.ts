/**
 * Sender addresses over SES: ListEmailAddress (one unpaged list), CreateEmailAddress (with an
 * optional display name), DeleteEmailAddress. The id is the address. The list states no
 * verification, so the core fills it from the address's domain (ListEmailIdentities).
 */
import type { Sender } from '@mailbridge/core';
import type { ProviderSenders } from '@mailbridge/core/provider';
import { mappedOperation, type RequestContext } from './client.js';
import { fromSeconds } from './resources.js';

/** The sender operations. */
export function senderOperations(context: RequestContext): ProviderSenders {
  return {
    list: () =>
      mappedOperation(context, 'ListEmailAddress', {}, (out) => ({
        items: (out.EmailSenders ?? []).map((s): Sender => {
          const createdAt = fromSeconds(s.CreatedTimestamp);
          return {
            id: s.EmailAddress ?? '',
            address: s.EmailAddress ?? '',
            ...(s.EmailSenderName ? { name: s.EmailSenderName } : {}),
            // Filled from the domain by the core (no providerStatus: the API states none).
            status: 'pending',
            ...(createdAt ? { createdAt } : {}),
          };
        }),
      })),
    create: (input) =>
      mappedOperation(
        context,
        'CreateEmailAddress',
        {
          EmailAddress: input.address,
          ...(input.name === undefined ? {} : { EmailSenderName: input.name }),
        },
        (): Sender => ({
          id: input.address,
          address: input.address,
          ...(input.name === undefined ? {} : { name: input.name }),
          status: 'pending',
          providerStatus: 'created',
        }),
      ),
    delete: (id) =>
      mappedOperation(context, 'DeleteEmailAddress', { EmailAddress: id }, () => undefined),
  };
}
