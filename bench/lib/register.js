'use strict';
/**
 * Lets the benchmarks require the product's TypeScript sources directly: each `.ts` file is compiled
 * by swc (the compiler the test suite uses) when first required, and `@coprod/<lib>` resolves to
 * `libs/<lib>/src`, as in tsconfig.json. So a benchmark always measures the code in the working tree.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const { transformSync } = require(require.resolve('@swc/core', { paths: [root] }));

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = transformSync(source, { ...options, filename });
    module._compile(code, filename);
  };
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveCoprod(request, parent, ...rest) {
    const match = /^@coprod\/([^/]+)(\/.*)?$/.exec(request);
    if (match) request = path.join(root, 'libs', match[1], 'src', match[2] ?? '');
    return resolveFilename.call(this, request, parent, ...rest);
  };
  process.setSourceMapsEnabled?.(true);
}

require(require.resolve('reflect-metadata', { paths: [root] }));

/** Requires a product module by its path from the repository root, e.g. `libs/event-store/src`. */
function product(relative) {
  return require(path.join(root, relative));
}

module.exports = { product, root };
