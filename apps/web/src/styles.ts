import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The interface's stylesheet: built by `npm run build` into dist/web-assets; compiled from the Sass
 * sources on first use when running from the sources (tests), never on each request.
 */
export function compiledStyles(root: string): string {
  const built = join(root, 'dist', 'web-assets', 'application.css');
  if (existsSync(built)) return readFileSync(built, 'utf8');
  // The compiler is a build tool: required only where no build exists.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sass = require('sass') as typeof import('sass');
  return sass.compile(join(root, 'apps', 'web', 'assets', 'application.scss'), {
    style: 'compressed',
    importers: [new sass.NodePackageImporter()],
    quietDeps: true,
  }).css;
}
