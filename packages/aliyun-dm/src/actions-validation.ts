/**
 * Address validation: single checks and validation files (`@alicloud/dm20151123` 1.9.0 request
 * and response models; limits in docs/providers/aliyun-dm-limits.md, "Validation").
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { bool, dmObject, listOf, num, reqStr, str } from './schemas.js';

const fileStatus = {
  FileId: str,
  FileName: str,
  Status: str,
  Percentage: str,
  UploadTime: str,
  CompleteTime: str,
  TotalNum: str,
  ProcessedNum: str,
  ValidNum: str,
  InvalidNum: str,
  UnknownNum: str,
  CatchAllNum: str,
  DoNotMailNum: str,
};
const fileId = { FileId: reqStr };

/** ValidateEmail, CheckDisposable, the validation-file actions and the quota. */
export const VALIDATION_ACTIONS = {
  ValidateEmail: action(
    'read',
    {
      Email: reqStr,
      CheckGraylist: z.optional(z.boolean()),
      // Seconds; 60 by default. A positive whole number (the SDK gives no upper bound).
      Timeout: z.optional(z.int().check(z.gte(1))),
    },
    {
      Status: str,
      SubStatus: str,
      LocalPart: str,
      DomainPart: str,
      Provider: str,
      IsFreeMail: bool,
    },
  ),
  CheckDisposable: action(
    'read',
    { Email: reqStr },
    { IsDisposable: str, IsFormatValid: str, IsMxValid: str, IsOkToSend: str },
  ),
  // Submits a file (already uploaded, by URL) for validation: it costs quota, so not a read.
  SendValidateFile: action(
    'write',
    {
      FileUrl: reqStr,
      FileName: reqStr,
      // The column of the addresses, counted from 1.
      AddressColumn: z.int().check(z.gte(1)),
      HasHeaderRow: z.boolean(),
      RemoveDuplicate: z.boolean(),
    },
    { FileId: str },
  ),
  GetValidateFile: action('read', fileId, { FileUrl: str }),
  GetValidateFileStatus: action('read', fileId, fileStatus),
  ListValidateFile: action(
    'read',
    {
      // RFC 3339 UTC times.
      StartTime: reqStr,
      EndTime: reqStr,
      FileKeyword: z.optional(reqStr),
      Page: z.optional(z.int().check(z.gte(1))),
      PageSize: z.optional(z.int().check(z.gte(1))),
    },
    {
      Files: listOf(dmObject({ ...fileStatus, IsDownloadable: bool })),
      HasNext: bool,
      Page: num,
      PageSize: num,
      TotalPages: num,
      TotalSize: num,
    },
  ),
  DeleteValidateFile: action('write', fileId, {}),
  GetValidationQuota: action('read', {}, { TotalQuota: num, UsedQuota: num }),
} as const;
