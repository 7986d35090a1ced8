/**
 * SendEmail attachments (docs/providers/tencent-ses-limits.md "The limits"): at most 10, FileName up to
 * 255 characters, base64 Content, all together at most 4 MB raw. FileURL is "not open".
 */
import { decodeBase64 } from './content.js';
import { fail } from './errors.js';
import { checkKnown, optObjects, optString, type Params, reqString } from './params.js';

const MAX_ATTACHMENTS = 10;
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
/**
 * The doc's "Attachment Types" page was not retrieved (docs/providers/tencent-ses.md "Could not confirm"), so the refused
 * types here are an assumption: executables and scripts, which mail services commonly refuse.
 */
const REFUSED_EXTENSIONS = ['exe', 'bat', 'cmd', 'com', 'scr', 'pif', 'vbs', 'js', 'msi', 'jar'];

export interface Attachments {
  readonly list: readonly { readonly name: string; readonly size: number }[];
  readonly bytes: number;
}

export function readAttachments(params: Params): Attachments {
  const items = optObjects(params, 'Attachments') ?? [];
  if (items.length > MAX_ATTACHMENTS) {
    fail(
      'FailedOperation.TooManyAttachments',
      `${items.length} attachments; at most ${MAX_ATTACHMENTS}`,
    );
  }
  const list = items.map((item, i) => readOne(item, i));
  const bytes = list.reduce((sum, a) => sum + a.size, 0);
  if (bytes > MAX_ATTACHMENT_BYTES) {
    fail('FailedOperation.AttachContentToolarge', `attachments total ${bytes} bytes; at most 4 MB`);
  }
  return { list, bytes };
}

function readOne(item: Params, i: number): { name: string; size: number } {
  const where = `Attachments.${i}.`;
  checkKnown(item, ['FileName', 'Content', 'FileURL'], where);
  const name = reqString(item, 'FileName', where);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (name.length === 0 || [...name].length > 255 || REFUSED_EXTENSIONS.includes(ext)) {
    fail('FailedOperation.InvalidAttachName', `attachment name "${name}" is not allowed`);
  }
  if (optString(item, 'FileURL', where) !== undefined) {
    // "Feature not open" (docs/providers/tencent-ses.md "Data types"): the closest documented code is the URL one.
    fail(
      'FailedOperation.FileURLNotExist',
      'attachments by FileURL are not available; send Content',
    );
  }
  const content = reqString(item, 'Content', where);
  const bytes = decodeBase64(content);
  if (bytes === undefined) {
    fail('InvalidParameterValue.AttachContentIsWrong', `${where}Content is not valid base64`);
  }
  return { name, size: bytes.length };
}
