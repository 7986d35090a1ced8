/**
 * Writes an adapter's `src/action-types.ts`: the request and response type of every action of
 * its table, spelt out, so the published declarations describe the raw client without naming zod
 * (users install no zod: core bundles it). The adapter's `actions.ts` holds the table's schemas
 * to these types at compile time, so a schema change fails `pnpm typecheck` until this is run:
 *
 *   node scripts/action-types.mjs tencent-ses
 *   node scripts/action-types.mjs aliyun-dm
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADAPTERS = {
  'tencent-ses': {
    table: 'TABLE',
    types: 'TencentSesActionTypes',
    what: 'Tencent Cloud SES',
  },
  'aliyun-dm': {
    table: 'TABLE',
    types: 'AliyunDmActionTypes',
    what: 'DirectMail',
  },
};

const name = process.argv[2];
const adapter = ADAPTERS[name];
if (!adapter)
  throw new Error(`usage: node scripts/action-types.mjs ${Object.keys(ADAPTERS).join('|')}`);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'packages', name);
const ts = createRequire(join(root, 'package.json'))('typescript');

// A probe module: each action's z.input / z.output, which the checker resolves for us.
const probe = join(root, 'src', '__action-types-probe.ts');
writeFileSync(
  probe,
  `import type { z } from '@mailbridge/core/provider';
import { ${adapter.table} } from './actions.js';
export type Table = typeof ${adapter.table};
export type Probe = { [A in keyof Table]: { input: z.input<Table[A]['request']>; output: z.output<Table[A]['response']> } };
`,
);
try {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  );
  const program = ts.createProgram([probe], config.options);
  const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(probe));
  if (errors.length > 0) {
    const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    throw new Error(`the action table does not type-check:\n${text.join('\n')}`);
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe);
  const alias = source.statements.find(
    (s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'Probe',
  );
  const probeType = checker.getTypeAtLocation(alias.name);
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;
  const tableAlias = source.statements.find(
    (s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'Table',
  );
  // In table order, as the adapter's actions.ts lists them.
  const names = checker
    .getPropertiesOfType(checker.getTypeAtLocation(tableAlias.name))
    .map((p) => p.name);
  const entries = names.map((actionName) => {
    const action = probeType.getProperty(actionName);
    const entry = checker.getTypeOfSymbolAtLocation(action, alias);
    const part = (key) => {
      const text = checker.typeToString(
        checker.getTypeOfSymbolAtLocation(entry.getProperty(key), alias),
        alias,
        flags,
      );
      if (/\bz\.|\$Zod|Zod[A-Z]/.test(text))
        throw new Error(`${action.name}.${key} still names zod: ${text}`);
      return text;
    };
    return `  ${action.name}: { input: ${part('input')}; output: ${part('output')} };`;
  });
  const out = `/**
 * The request (\`input\`, as callers write it) and the parsed response (\`output\`) of every
 * ${adapter.what} action, spelt out so the published types stand alone (core bundles its
 * validation library, so a user's project has none of its types). Generated from the
 * action table by \`node scripts/action-types.mjs ${name}\`; actions.ts fails to compile when
 * the table and this file disagree.
 */

/** Request and response types of each action, by action name. */
// biome-ignore format: generated, one line per action keeps it short
export interface ${adapter.types} {
${entries.join('\n')}
}
`;
  writeFileSync(join(root, 'src', 'action-types.ts'), out);
  console.log(`wrote packages/${name}/src/action-types.ts (${entries.length} actions)`);
} finally {
  rmSync(probe, { force: true });
}
