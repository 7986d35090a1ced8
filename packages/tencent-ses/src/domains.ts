/**
 * Sending domains over SES ("email identities", docs/providers/resources.md §2): ListEmailIdentities,
 * GetEmailIdentity (records and their check), CreateEmailIdentity, DeleteEmailIdentity. The id
 * is the domain name.
 */
import type { DnsRecord, Domain } from '@mailbridge/core';
import type { ProviderDomains } from '@mailbridge/core/provider';
import type { ActionOutput } from './actions.js';
import { mappedOperation, type RequestContext } from './client.js';
import { offsetOf, page } from './groups.js';

type Records = ActionOutput<'GetEmailIdentity'>;

/** `Attributes` as neutral records: each with the value to publish and whether it was found. */
function recordsOf(out: Records): DnsRecord[] {
  return (out.Attributes ?? []).map((a) => ({
    type: a.Type ?? '',
    name: a.SendDomain ?? '',
    value: a.ExpectedValue ?? '',
    ...(a.Status === undefined ? {} : { verified: a.Status }),
  }));
}

/** A domain from a records answer: verified when SES says it may send. */
function fromRecords(name: string, out: Records): Domain {
  const ok = out.VerifiedForSendingStatus === true;
  return {
    id: name,
    name,
    status: ok ? 'verified' : 'pending',
    providerStatus: `VerifiedForSendingStatus ${ok}`,
    records: recordsOf(out),
  };
}

/** The domain operations. */
export function domainOperations(context: RequestContext): ProviderDomains {
  return {
    list: (cursor, pageSize) => {
      const offset = offsetOf(cursor);
      return mappedOperation(
        context,
        'ListEmailIdentities',
        { Offset: offset, Limit: pageSize },
        (out) =>
          page(
            offset,
            out.EmailIdentities ?? [],
            out.Total,
            (d): Domain => ({
              id: d.IdentityName ?? '',
              name: d.IdentityName ?? '',
              // SendingEnabled: the domain passed verification.
              status: d.SendingEnabled ? 'verified' : 'pending',
              providerStatus: `SendingEnabled ${d.SendingEnabled === true}`,
            }),
          ),
      );
    },
    get: (id) =>
      mappedOperation(context, 'GetEmailIdentity', { EmailIdentity: id }, (out) =>
        fromRecords(id, out),
      ),
    create: (name) =>
      mappedOperation(context, 'CreateEmailIdentity', { EmailIdentity: name }, (out) =>
        fromRecords(name, out),
      ),
    delete: (id) =>
      mappedOperation(context, 'DeleteEmailIdentity', { EmailIdentity: id }, () => undefined),
  };
}
