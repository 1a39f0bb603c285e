// The layers of src/ as an ESLint rule: which folder may import which. Relative specifiers are resolved by
// path alone, so an import the rule cannot resolve to a file is still judged by the folder it names (a
// resolver-based rule skips what it cannot resolve, and would pass a wrong import in silence).
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Folder under src/ → folders under src/ it may import (besides itself). */
export const ALLOWED = {
  core: [],
  ui: ['core'],
  platform: ['core'],
  messaging: ['core', 'platform'],
  storage: ['core'],
  background: ['core', 'storage', 'messaging', 'platform'],
  content: ['core', 'messaging', 'platform', 'ui'],
  card: ['core', 'messaging', 'platform', 'ui'],
  popup: ['core', 'messaging', 'platform', 'ui'],
  options: ['core', 'messaging', 'platform', 'ui'],
  data: [],
};

/** Folders entered only through their index.ts. */
const DOORS = ['core/matcher', 'core/ties-map'];

/** Packages only one folder may import. */
const OWNED_PACKAGES = { 'webextension-polyfill': 'platform', idb: 'storage' };

function folderOf(path) {
  const rel = relative(SRC, path);
  if (rel.startsWith('..') || rel === '') return null;
  return rel.split(sep)[0];
}

function isInside(path, folder) {
  const rel = relative(join(SRC, folder), path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers of src/: each folder imports only the folders below it' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = folderOf(file);
    if (from === null) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const owner = OWNED_PACKAGES[spec] ?? OWNED_PACKAGES[spec.split('/')[0]];
      if (owner && owner !== from) {
        context.report({ node, message: `Only src/${owner}/ may import '${spec}' (this is src/${from}/).` });
        return;
      }
      if (!spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const to = folderOf(target);
      const door = DOORS.find((d) => isInside(target, d) && !isInside(file, d));
      const enteredBy = door && relative(join(SRC, door), target).replace(/\.[jt]sx?$/, '');
      if (door && enteredBy !== '' && enteredBy !== 'index') {
        context.report({ node, message: `Import src/${door}/ through its index ('${spec}' reaches inside).` });
        return;
      }
      if (to === null) {
        context.report({ node, message: `src/${from}/ imports '${spec}', outside src/.` });
        return;
      }
      if (to === from) return;
      const allowed = ALLOWED[from];
      if (!allowed) {
        context.report({ node, message: `src/${from}/ is not a known layer; add it to tools/eslint-layers.js.` });
      } else if (!allowed.includes(to)) {
        context.report({
          node,
          message: `src/${from}/ may not import src/${to}/ ('${spec}'); it may import ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'only itself'}.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
