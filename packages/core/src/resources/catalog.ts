/**
 * The views of what the account stores for sending: templates, sending domains and sender
 * addresses. Each checks its input before any request.
 */
import { statelessTest } from '../capabilities/fields.js';
import { invalidInput, unsupported } from '../errors.js';
import {
  checkTemplateInput,
  rejectUnknownKeys,
  requireAddress,
  requireId,
  requireTemplateId,
} from './check.js';
import type { Kit } from './kit.js';
import type { Domain, Sender, SenderInput } from './types.js';
import type { Domains, Senders, Templates } from './view.js';

/** `mailer.templates`. Ids are numeric where the provider references templates by id. */
export function templatesView(k: Kit): Templates {
  const t = k.ops?.templates;
  const caps = k.caps?.templates;
  const byId = k.provider.capabilities.content.template === 'id';
  const templateId = (id: unknown) => requireTemplateId(id, k.id, byId);
  const input = (value: unknown) => checkTemplateInput(value, k.id, caps?.nameMaxLength);
  return {
    list: (o) => k.list('templates.list', t?.list, o),
    get: async (id, o) => k.value(k.need(t?.get, 'templates.get')(templateId(id)), o),
    async create(value, o) {
      const f = k.allowed(caps?.create, t?.create, 'templates.create');
      return k.value(f(input(value)), o);
    },
    async update(id, value, o) {
      const f = k.allowed(caps?.update, t?.update, 'templates.update');
      await k.value(f(templateId(id), input(value)), o);
    },
    async delete(id, o) {
      const f = k.allowed(caps?.delete, t?.delete, 'templates.delete');
      await k.value(f(templateId(id)), o);
    },
  };
}

/** `mailer.domains`. */
export function domainsView(k: Kit): Domains {
  const d = k.ops?.domains;
  return {
    list: (o) => k.list('domains.list', d?.list, o),
    get: async (id, o) => k.value(k.need(d?.get, 'domains.get')(requireId(id, 'id', k.id)), o),
    async create(name, o) {
      const f = k.allowed(k.caps?.domains.create, d?.create, 'domains.create');
      return k.value(f(requireDomain(name, k.id)), o);
    },
    async delete(id, o) {
      const f = k.allowed(k.caps?.domains.delete, d?.delete, 'domains.delete');
      await k.value(f(requireId(id, 'id', k.id)), o);
    },
  };
}

/** `mailer.senders`: statuses the API leaves out come from the sender's domain. */
export function sendersView(k: Kit, domains: Domains): Senders {
  const s = k.ops?.senders;
  return {
    list: (o) =>
      withDomainStatus(k.list<Sender>('senders.list', s?.list, o), () => domains.list(o)),
    async create(input, o) {
      const f = k.allowed(k.caps?.senders.create, s?.create, 'senders.create');
      rejectUnknownKeys<SenderInput>(input, { address: true, name: true }, k.id);
      const { address, name } = (input ?? {}) as Partial<SenderInput>;
      const checked = requireAddress(address, ['address'], k.id);
      if (name !== undefined && !k.caps?.senders.name) {
        throw unsupported(k.id, 'senders.name', `${k.id} stores no display name with an address`);
      }
      if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
        throw invalidInput([{ path: ['name'], message: 'expected a non-empty string' }], k.id);
      }
      // The name a sender shows in From: the provider's sender-name shape (capabilities.from).
      const shape = k.provider.capabilities.from.namePattern;
      if (name !== undefined && shape !== undefined && !statelessTest(shape.pattern, name)) {
        throw invalidInput(
          [{ path: ['name'], message: `${k.id} expects ${shape.description}` }],
          k.id,
        );
      }
      return k.value(f({ address: checked, ...(name === undefined ? {} : { name }) }), o);
    },
    async delete(id, o) {
      const f = k.allowed(k.caps?.senders.delete, s?.delete, 'senders.delete');
      await k.value(f(requireId(id, 'id', k.id)), o);
    },
  };
}

/** A domain name: labels of letters, digits and hyphens, with at least one dot. */
function requireDomain(name: unknown, provider: string): string {
  if (typeof name === 'string' && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(name)) return name;
  throw invalidInput([{ path: ['name'], message: 'expected a domain name' }], provider);
}

/**
 * Fill the status of senders the API lists without one (Tencent's ListEmailAddress) from their
 * domain's verification: mail goes out from an address only when its domain is verified. The
 * domains are listed once, on the first such sender.
 */
async function* withDomainStatus(
  senders: AsyncIterable<Sender>,
  domains: () => AsyncIterable<Domain>,
): AsyncGenerator<Sender, void, undefined> {
  let byName: Map<string, Domain> | undefined;
  for await (const sender of senders) {
    if (sender.providerStatus !== undefined) {
      yield sender;
      continue;
    }
    if (!byName) {
      byName = new Map();
      for await (const d of domains()) byName.set(d.name.toLowerCase(), d);
    }
    const domain = byName.get(sender.address.split('@')[1]?.toLowerCase() ?? '');
    yield {
      ...sender,
      status: domain?.status ?? 'failed',
      providerStatus: domain ? `domain:${domain.providerStatus}` : 'domain:missing',
    };
  }
}
