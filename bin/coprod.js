#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(entry)) {
  console.error('coprod is not built yet: run `npm install` (it builds) or `npm run build` in the project folder');
  process.exit(1);
}
require(entry).runCli(process.argv).catch((error) => {
  console.error(`coprod: ${error.message}`);
  process.exit(1);
});
