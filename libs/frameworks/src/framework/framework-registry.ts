import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { notFound } from '@coprod/domain/core/errors';
import { CouncilDisclosure, layerCouncilDisclosure } from '../disclosure/council-file';
import { Framework } from './framework.schema';
import { loadFrameworkFile } from './framework-file';

/** The framework used when a project does not name one. */
export const DEFAULT_FRAMEWORK_ID = 'west-berkshire';

const SHIPPED_DATA = join('libs', 'frameworks', 'data');

/**
 * The folder of frameworks shipped with the product. Found by walking up from this module, so it resolves
 * the same from the sources and from a compiled `dist/` tree (which holds no YAML).
 */
export function shippedDataDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, SHIPPED_DATA);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(dir) === dir) {
      throw new Error(`cannot find the shipped ${SHIPPED_DATA} folder above ${__dirname}; reinstall the product`);
    }
  }
}

/** The YAML files directly inside `dir` (sub-folders such as `population/` hold other kinds of file). */
function yamlFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`framework folder ${dir} does not exist; create it or remove it from the configured folders`);
  }
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Every framework available to this installation: the shipped ones plus any a council has added as files. */
export class FrameworkRegistry {
  private constructor(
    private readonly byId: ReadonlyMap<string, { framework: Framework; file: string }>,
    private readonly defaultId: string,
  ) {}

  /**
   * Loads the shipped frameworks and every `*.yaml` / `*.yml` file in `dirs`. Throws on the first unusable
   * file (a `FrameworkFileError` listing all its problems) and when two files declare the same id. The
   * council's disclosure settings, when given, are laid over every framework's own `disclosure:` section.
   */
  static load(dirs: readonly string[] = [], options: { defaultId?: string; disclosure?: CouncilDisclosure } = {}): FrameworkRegistry {
    const folders = [...new Set([shippedDataDir(), ...dirs].map((dir) => resolve(dir)))];
    const byId = new Map<string, { framework: Framework; file: string }>();
    for (const file of folders.flatMap(yamlFilesIn)) {
      const loaded = loadFrameworkFile(file);
      const framework: Framework = options.disclosure ? { ...loaded, disclosure: layerCouncilDisclosure(loaded.disclosure, options.disclosure) } : loaded;
      const earlier = byId.get(framework.id);
      if (earlier) {
        throw new Error(
          `framework id "${framework.id}" is declared by two files, ${earlier.file} and ${file}; ` +
            'give one of them a different id (a council adapting a shipped framework should use its own id)',
        );
      }
      byId.set(framework.id, { framework: deepFreeze(framework), file });
    }
    const defaultId = options.defaultId ?? DEFAULT_FRAMEWORK_ID;
    const registry = new FrameworkRegistry(byId, defaultId);
    registry.get(defaultId);
    return registry;
  }

  /** The framework with this id; a not-found error listing the known ids otherwise. */
  get(id: string): Framework {
    return this.entry(id).framework;
  }

  /** Whether a framework with this id is loaded. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every loaded framework, ordered by id. */
  list(): Framework[] {
    return [...this.byId.values()].map((entry) => entry.framework).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The framework used when none is named (West Berkshire's unless configured otherwise). */
  default(): Framework {
    return this.get(this.defaultId);
  }

  /** The version of a framework, recorded beside every report built from it. */
  versionOf(id: string): string {
    return this.get(id).version;
  }

  /** The file a framework was loaded from, for messages that tell a council where to look. */
  fileOf(id: string): string {
    return this.entry(id).file;
  }

  private entry(id: string): { framework: Framework; file: string } {
    const entry = this.byId.get(id);
    if (entry) return entry;
    throw notFound(
      'framework.unknown',
      `there is no framework "${id}"; known frameworks: ${[...this.byId.keys()].sort().join(', ')}`,
    );
  }
}
