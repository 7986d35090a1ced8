/**
 * nodemailer is an optional peer dependency: it is imported the first time a message with
 * attachments is sent, so users who never attach neither install nor load it.
 */
import { MailError } from '@mailbridge/core';
import type MailComposer from 'nodemailer/lib/mail-composer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/** The two nodemailer pieces the SMTP path uses: MIME composition and one SMTP session. */
export interface SmtpLibrary {
  readonly SMTPConnection: typeof SMTPConnection;
  readonly MailComposer: typeof MailComposer;
}

/** The package users install; named in the error when it is missing. */
export const SMTP_PACKAGE = 'nodemailer';

let loading: Promise<SmtpLibrary> | undefined;

/**
 * Load nodemailer once per process. A failed load is not cached, so installing the package
 * fixes a long-running process on its next send. `importer` replaces `import()` in the
 * missing-package test; a call with one neither reads nor fills the cache.
 */
export function loadSmtpLibrary(
  importer?: (specifier: string) => Promise<unknown>,
): Promise<SmtpLibrary> {
  if (importer) return load(importer);
  loading ??= load((specifier) => import(specifier)).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(importer: (specifier: string) => Promise<unknown>): Promise<SmtpLibrary> {
  try {
    const [connection, composer] = await Promise.all([
      importer(`${SMTP_PACKAGE}/lib/smtp-connection`),
      importer(`${SMTP_PACKAGE}/lib/mail-composer`),
    ]);
    return {
      SMTPConnection: defaultOf(connection) as typeof SMTPConnection,
      MailComposer: defaultOf(composer) as typeof MailComposer,
    };
  } catch (error) {
    throw missingPackage(error);
  }
}

/** ESM gives `{ default }`; CJS through esbuild's interop may give the class itself. */
function defaultOf(module: unknown): unknown {
  const m = module as { default?: unknown };
  return m.default ?? module;
}

function missingPackage(cause: unknown): MailError {
  return new MailError(
    `aliyun-dm sends attachments over DirectMail's SMTP interface, which needs the optional package "${SMTP_PACKAGE}": install it (npm install ${SMTP_PACKAGE}); nothing was sent`,
    {
      code: 'unsupported',
      retryable: false,
      delivery: 'not_sent',
      provider: 'aliyun-dm',
      issues: [{ path: ['attachments'], message: `needs the package ${SMTP_PACKAGE}` }],
      cause,
    },
  );
}
