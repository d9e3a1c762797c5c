'use strict';
/** Copies of the prepared demo store, so every case starts from the same record. */
const fs = require('node:fs');
const path = require('node:path');

/** Copies the demo store prepared by bench/cases/prepare.js into `dir`. */
function copyTemplate(dir) {
  const template = path.join(process.env.BENCH_WORK_DIR, 'template');
  fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(template)) fs.copyFileSync(path.join(template, file), path.join(dir, file));
  return dir;
}

function workFile(name) {
  return path.join(process.env.BENCH_WORK_DIR, name);
}

module.exports = { copyTemplate, workFile };
