import type { EmuRequest } from '../types.js';

/** Where a parameter arrived: the URL query string or the urlencoded POST body. */
export type ParamSource = 'query' | 'body';

/**
 * The parameters of one RPC request: the union of the query string and an
 * `application/x-www-form-urlencoded` body (docs/providers/aliyun-dm.md "Transport"). A body value
 * wins over a query value of the same name, as openapi-core builds its signed map that way.
 */
export class DmParams {
  readonly query: ReadonlyMap<string, string>;
  readonly body: ReadonlyMap<string, string>;
  readonly all: ReadonlyMap<string, string>;

  constructor(query: ReadonlyMap<string, string>, body: ReadonlyMap<string, string>) {
    this.query = query;
    this.body = body;
    this.all = new Map([...query, ...body]);
  }

  /** The value, or undefined when absent. An empty string is a present value. */
  get(name: string): string | undefined {
    return this.all.get(name);
  }

  /** The value, with an empty string treated as absent (for optional business fields). */
  opt(name: string): string | undefined {
    const value = this.all.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  source(name: string): ParamSource | undefined {
    if (this.body.has(name)) return 'body';
    return this.query.has(name) ? 'query' : undefined;
  }
}

/** Decode `a=b&c=d` (`+` is a space, as in form encoding); the first of repeated keys wins. */
export function parseForm(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}

function header(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Is the body a urlencoded form? A POST without a content type but with a body counts too. */
function isForm(req: EmuRequest): boolean {
  const type = header(req, 'content-type');
  if (type === undefined) return req.body.length > 0;
  return type.toLowerCase().includes('application/x-www-form-urlencoded');
}

/** Read the query string and, for a form POST, the body. */
export function readParams(req: EmuRequest): DmParams {
  const query = parseForm(req.url.search.slice(1));
  const body =
    req.method.toUpperCase() === 'POST' && isForm(req)
      ? parseForm(req.body.toString('utf8'))
      : new Map<string, string>();
  return new DmParams(query, body);
}

/** A request header as one string (the first when repeated). */
export function headerValue(req: EmuRequest, name: string): string | undefined {
  return header(req, name.toLowerCase());
}

/** Is this a V3 (ACS3-HMAC-SHA256) request? */
export function isV3(req: EmuRequest): boolean {
  return headerValue(req, 'authorization')?.startsWith('ACS3-') ?? false;
}

/**
 * The action: the `Action` parameter, else the `x-acs-action` header. With `signedOnly`, a v1
 * request must name it in a parameter: there the header is informational and not signed
 * (docs/providers/aliyun-dm.md "Transport"), while V3 signs it.
 */
export function actionOf(
  req: EmuRequest,
  params: DmParams,
  signedOnly = false,
): string | undefined {
  const header = signedOnly && !isV3(req) ? undefined : headerValue(req, 'x-acs-action');
  return params.get('Action') ?? header;
}

/** The API version: the `Version` parameter, else (V3) the signed `x-acs-version` header. */
export function versionOf(req: EmuRequest, params: DmParams): string | undefined {
  return params.get('Version') ?? (isV3(req) ? headerValue(req, 'x-acs-version') : undefined);
}

export type DmFormat = 'JSON' | 'XML';

/**
 * The response format. `Format` is matched case-insensitively (openapi sends `json`). Without it a
 * v1 request gets XML, the documented DirectMail default (docs/providers/aliyun-dm.md "Transport");
 * a V3 request (no Format parameter at all) gets JSON, which is what openapi-core parses. An
 * unknown value gives undefined (the caller answers InvalidParameter.Format).
 */
export function formatOf(req: EmuRequest, params: DmParams): DmFormat | undefined {
  const format = params.get('Format');
  if (format === undefined) return isV3(req) ? 'JSON' : 'XML';
  const upper = format.toUpperCase();
  return upper === 'JSON' || upper === 'XML' ? upper : undefined;
}
