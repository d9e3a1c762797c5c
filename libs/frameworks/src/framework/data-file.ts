import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { z } from 'zod';

/** One thing wrong in a data file, placed where the author can find it (1-based line and column). */
export interface FileProblem {
  line: number;
  column: number;
  /** Field path such as `outcomes[2].indicators[0]`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** A YAML data file that cannot be used, with every problem found in it. */
export class DataFileError extends Error {
  constructor(
    /** The file as the caller named it. */
    readonly file: string,
    readonly problems: FileProblem[],
    what: string,
  ) {
    super(describeProblems(file, problems, what));
  }
}

function describeProblems(file: string, problems: FileProblem[], what: string): string {
  const lines = problems.map((p) => `${file} line ${p.line}, column ${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  if (lines.length === 1) return lines[0];
  return [`${file} is not a usable ${what}; fix these ${lines.length} problems and load it again:`, ...lines].join('\n');
}

type Segment = string | number;

/** `['outcomes', 2, 'indicators', 0]` → `outcomes[2].indicators[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/** The YAML node at `path`, or the deepest existing ancestor (where a missing field belongs); keys point at the key. */
function locate(doc: Document, path: readonly Segment[], atKey: boolean): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = (doc.contents as Node | null) ?? null;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return found;
      const next = atKey && last ? pair.key : (pair.value ?? pair.key);
      node = next;
      found = (next as Node | null) ?? found;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      found = node as Node;
    } else {
      return found;
    }
  }
  return found;
}

function positionOf(lineCounter: LineCounter, offset: number | undefined): { line: number; column: number } {
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

function describeValue(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a set of fields';
  if (typeof input === 'string') return `the text "${input}"`;
  return `${typeof input} ${String(input)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a set of fields (name: value)',
};

/** Plain-language messages for the problems a hand-written YAML file usually has. */
const plainMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing; add it';
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return `expected ${expected}, found ${describeValue(issue.input)}`;
    }
    case 'invalid_value':
      return `${describeValue(issue.input)} is not allowed (allowed: ${issue.values.map(String).join(', ')})`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
      return undefined;
    default:
      return undefined;
  }
};

function problemsFromIssues(issues: z.core.$ZodIssue[], doc: Document, lineCounter: LineCounter): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is Segment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const node = locate(doc, [...path, key], true);
        problems.push({
          ...positionOf(lineCounter, node?.range?.[0]),
          path: formatPath([...path, key]),
          message: `"${key}" is not a field here; check its spelling or remove it`,
        });
      }
      continue;
    }
    const node = locate(doc, path, false);
    problems.push({ ...positionOf(lineCounter, node?.range?.[0]), path: formatPath(path), message: issue.message });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Parses YAML `text` and validates it against `schema`. Returns the value, or throws the error built by
 * `fail` with every syntax or validation problem, each with its line, column and field path.
 */
export function parseDataFile<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  fail: (file: string, problems: FileProblem[]) => DataFileError,
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw fail(
      file,
      doc.errors.map((error) => ({
        ...positionOf(lineCounter, error.pos[0]),
        path: '',
        message: `YAML syntax: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const result = schema.safeParse(doc.toJS(), { error: plainMessages });
  if (!result.success) throw fail(file, problemsFromIssues(result.error.issues, doc, lineCounter));
  return result.data;
}
