import { RuleTester } from 'eslint';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { layers } from '../../tools/eslint-layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const SRC = join(import.meta.dirname, '../../src');
const at = (file: string, code: string) => ({ filename: join(SRC, file), code });

new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } }).run('tieline/layers', layers, {
  valid: [
    at('core/summarize-ties.ts', "import { x } from './model';"),
    at('core/ties-map/index.ts', "import { x } from '../model';"),
    at('ui/tie-groups.tsx', "import { x } from '../core/model';"),
    at('content/index.ts', "import { x } from '../ui/translate'; import { y } from '../platform/browser';"),
    at('platform/browser.ts', "import browser from 'webextension-polyfill';"),
    at('storage/open-db.ts', "import { openDB } from 'idb';"),
    at('ui/ties-map.tsx', "import { layoutTiesMap } from '../core/ties-map';"),
    at('core/ties-map/layout.ts', "import { drawNodes } from './nodes';"),
  ],
  invalid: [
    { ...at('core/model.ts', "import { browser } from '../platform/browser';"), errors: 1 },
    { ...at('core/model.ts', "export * from '../storage/notes';"), errors: 1 },
    { ...at('core/model.ts', "const m = import('../content/index');"), errors: 1 },
    { ...at('ui/note-editor.tsx', "import { openNoteChannel } from '../messaging/note-port';"), errors: 1 },
    { ...at('ui/tie-groups.tsx', "import { t } from '../platform/i18n';"), errors: 1 },
    { ...at('content/index.ts', "import browser from 'webextension-polyfill';"), errors: 1 },
    { ...at('popup/index.tsx', "import { openDB } from 'idb';"), errors: 1 },
    { ...at('background/index.ts', "import { Popup } from '../popup/index';"), errors: 1 },
    { ...at('core/model.ts', "import { x } from '../../tools/serve.mjs';"), errors: 1 },
    { ...at('ui/ties-map.tsx', "import { drawNodes } from '../core/ties-map/nodes';"), errors: 1 },
    { ...at('content/index.ts', "import { scan } from '../core/matcher/scan';"), errors: 1 },
  ],
});
