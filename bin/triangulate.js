#!/usr/bin/env node
// The built CLI (npm install builds it; npm run build rebuilds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('triangulate: not built yet: run "npm install" (or "npm run build") in the checkout\n');
  process.exit(2);
}
await import(main);
