/**
 * The rules CreateReceiverDetailWithData applies to recipient data (docs/providers/tencent-ses.md
 * "Recipient groups"), written once for both ways a group is filled: the upload answers a
 * refusal with the error code, the seed (seed.ts) with a 400 naming the entry's path.
 */
import { looksLikeHtml, readTemplateData } from './content.js';

/** TemplateData of one row, in bytes of its JSON text. */
const MAX_ROW_DATA_BYTES = 800;

/** A row's data read: its variable names (sorted), or the error code and what is wrong. */
export type RowData =
  | { readonly ok: true; readonly keys: readonly string[] }
  | { readonly ok: false; readonly code: string; readonly problem: string };

/**
 * Read one row's TemplateData: at most 800 bytes, a JSON object of string values, no HTML
 * markup in a value. `problem` completes a sentence that starts with the field's name.
 */
export function readRowData(data: string): RowData {
  if (Buffer.byteLength(data) > MAX_ROW_DATA_BYTES) {
    return {
      ok: false,
      code: 'InvalidParameterValue.TemplateDataLenLimit',
      problem: `is over ${MAX_ROW_DATA_BYTES} bytes`,
    };
  }
  const parsed = readTemplateData(data);
  if (!parsed.ok) {
    return {
      ok: false,
      code: 'InvalidParameterValue.TemplateDataError',
      problem: 'must be a JSON object string of string values',
    };
  }
  if (Object.values(parsed.data).some(looksLikeHtml)) {
    return {
      ok: false,
      code: 'InvalidParameterValue.InValidTemplateData',
      problem: 'must not contain HTML',
    };
  }
  return { ok: true, keys: Object.keys(parsed.data).sort() };
}

/**
 * Why a row cannot join a group (InvalidParameterValue.TemplateDataInconsistent), or undefined:
 * every row of a group uses the same variable names, and a group filled without data takes no
 * row with data (nor the reverse). `group` is the names the group's rows use (undefined when
 * they carry no data), `filled` whether it holds rows; `row` the row's names (undefined: no
 * data). The answer completes a sentence that starts with the row's name.
 */
export function variablesMismatch(
  filled: boolean,
  group: readonly string[] | undefined,
  row: readonly string[] | undefined,
): string | undefined {
  if (!filled || (group === undefined && row === undefined)) return undefined;
  if (group === undefined) return 'carries data, but the group was filled without data';
  if (row === undefined) {
    return `carries no data, but the group's rows use variables ${group.join(',')}`;
  }
  if (group.join('\u0000') === row.join('\u0000')) return undefined;
  return `uses variables ${row.join(',')}; the group uses ${group.join(',')}`;
}
