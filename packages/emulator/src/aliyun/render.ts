import type { EmuResponse } from '../types.js';
import type { DmFormat } from './params.js';

/**
 * An integer written into JSON as a bare number literal with every digit kept, such as an
 * `EnvId` above 2^53 (real DirectMail answers `"EnvId":600000…` unquoted; clients must keep it
 * exact, docs/providers/aliyun-dm.md "Responses").
 */
export class RawNumber {
  readonly digits: string;
  constructor(digits: string | bigint) {
    this.digits = String(digits);
  }
}

/** A response value: JSON-like, plus RawNumber. */
export type DmValue =
  | string
  | number
  | boolean
  | null
  | RawNumber
  | readonly DmValue[]
  | { readonly [key: string]: DmValue };

/** Result fields of a successful action, in answer order (RequestId is added in front). */
export type DmBody = { readonly [key: string]: DmValue };

function toJson(value: DmValue): string {
  if (value instanceof RawNumber) return value.digits;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  const fields = Object.entries(value as DmBody).map(
    ([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`,
  );
  return `{${fields.join(',')}}`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<key>…</key>`; an array repeats the element once per item, as DirectMail's XML does. */
function xmlElement(key: string, value: DmValue): string {
  if (Array.isArray(value)) return value.map((item) => xmlElement(key, item)).join('');
  if (value instanceof RawNumber) return `<${key}>${value.digits}</${key}>`;
  if (value !== null && typeof value === 'object') {
    return `<${key}>${xmlChildren(value as DmBody)}</${key}>`;
  }
  return `<${key}>${value === null ? '' : escapeXml(String(value))}</${key}>`;
}

function xmlChildren(body: DmBody): string {
  return Object.entries(body)
    .map(([key, value]) => xmlElement(key, value))
    .join('');
}

const PROLOG = "<?xml version='1.0' encoding='UTF-8'?>";
/**
 * openapi-core compares the XML content type to exactly this string (docs/providers/aliyun-dm.md
 * "Signatures", V3).
 */
const XML_TYPE = 'text/xml;charset=utf-8';
const JSON_TYPE = 'application/json;charset=utf-8';

function respond(status: number, format: DmFormat, text: string, requestId: string): EmuResponse {
  return {
    status,
    headers: {
      'content-type': format === 'XML' ? XML_TYPE : JSON_TYPE,
      'x-acs-request-id': requestId,
    },
    body: text,
  };
}

/**
 * A success answer (docs/providers/aliyun-dm.md "Responses"): JSON is a flat object led by
 * `RequestId`; XML has the root `<{Action}Response>`.
 */
export function successResponse(
  action: string,
  format: DmFormat,
  requestId: string,
  body: DmBody,
): EmuResponse {
  const full: DmBody = { RequestId: requestId, ...body };
  const text =
    format === 'XML'
      ? `${PROLOG}<${action}Response>${xmlChildren(full)}</${action}Response>`
      : toJson(full);
  return respond(200, format, text, requestId);
}

export interface DmErrorFields {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly hostId: string;
  readonly requestId: string;
}

/**
 * An error answer (docs/providers/aliyun-dm.md "Responses"): `{RequestId, HostId, Code, Message,
 * Recommend}` in JSON, `<Error>…</Error>` in XML. `Recommend` mimics the gateway's diagnosis link.
 */
export function errorResponseOf(format: DmFormat, fields: DmErrorFields): EmuResponse {
  const body: DmBody = {
    RequestId: fields.requestId,
    HostId: fields.hostId,
    Code: fields.code,
    Message: fields.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(fields.code)}&product=Dm&requestId=${fields.requestId}`,
  };
  const text = format === 'XML' ? `${PROLOG}<Error>${xmlChildren(body)}</Error>` : toJson(body);
  return respond(fields.status, format, text, fields.requestId);
}
