/*
 * A process that follows an event store file with the projection runtime, from the TypeScript
 * sources, and reports the position its read models have reached until it is killed.
 * Usage: node follow-log.child.js EVENTS_FILE READ_MODELS_FILE
 */
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const alias = /^@coprod\/([a-z-]+)(\/.*)?$/.exec(request);
  return resolveFilename.call(this, alias ? join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const { SqliteEventStore } = require('../../../libs/event-store/src/sqlite/sqlite-event-store');
const { ALL_PROJECTIONS, openReadModelDatabase, ProjectionRuntime } = require('@coprod/projections');

const [eventsFile, readModelsFile] = process.argv.slice(2);
const store = new SqliteEventStore({ file: eventsFile, pollIntervalMs: 20 });
const runtime = new ProjectionRuntime(store, openReadModelDatabase(readModelsFile), ALL_PROJECTIONS);
runtime.start();
let reported = -1;
setInterval(() => {
  const position = runtime.currentPosition();
  if (position !== reported) process.stdout.write(`position ${(reported = position)}\n`);
}, 5);
