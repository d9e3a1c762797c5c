import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Source files `npm run build` leaves out (tsconfig.build.json): they have no compiled twin to compare. */
const NOT_BUILT = [
  /\.spec\.ts$/,
  /\.fixture\.ts$/,
  /\.d\.ts$/,
  /^libs\/domain\/src\/core\/(spec|properties)\.ts$/,
  /^libs\/event-store\/src\/contract\//,
];

function sourcesUnder(root: string, folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...sourcesUnder(root, path));
    } else if (entry.name.endsWith('.ts') && !NOT_BUILT.some((pattern) => pattern.test(path))) {
      found.push(path);
    }
  }
  return found;
}

/**
 * Why the compiled program in `dist/` cannot stand for the sources, or undefined when it can: a
 * suite that spawns `coprod` tests whatever `dist/` holds, so a missing or older build would pass
 * or fail on old code. Each source file is compared with its own compiled twin.
 */
export function compiledProgramProblem(root = ROOT): string | undefined {
  if (!existsSync(join(root, 'dist', 'apps', 'cli', 'src', 'main.js'))) return 'dist/ holds no compiled coprod';
  for (const source of [...sourcesUnder(root, 'apps'), ...sourcesUnder(root, 'libs')]) {
    const compiled = join(root, 'dist', source.replace(/\.ts$/, '.js'));
    if (!existsSync(compiled)) return `${source} has no compiled twin in dist/ (a file added since the last build)`;
    if (statSync(compiled).mtimeMs < statSync(join(root, source)).mtimeMs) return `${source} changed after ${relative(root, compiled)} was built`;
  }
  return undefined;
}

/**
 * Refuses to run a suite against a compiled program that is missing or older than the sources, naming
 * the first file that shows it and what to do; call it in `beforeAll` of every suite that spawns `coprod`.
 */
export function requireCompiledProgram(): void {
  const problem = compiledProgramProblem();
  if (problem) throw new Error(`this suite runs the compiled coprod, and ${problem}: run \`npm run build\` first, then run the suite again`);
}
