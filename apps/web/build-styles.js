#!/usr/bin/env node
'use strict';
/** Compiles the web interface's stylesheet from GOV.UK Frontend's Sass (run by `npm run build`). */
const fs = require('node:fs');
const path = require('node:path');
const sass = require('sass');

const out = path.join(__dirname, '..', '..', 'dist', 'web-assets');
fs.mkdirSync(out, { recursive: true });
const result = sass.compile(path.join(__dirname, 'assets', 'application.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ['import'],
});
fs.writeFileSync(path.join(out, 'application.css'), result.css);
console.log(`web styles: ${path.relative(process.cwd(), path.join(out, 'application.css'))} (${result.css.length} bytes)`);
