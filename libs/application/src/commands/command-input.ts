/** One field of a request that cannot be accepted, and every reason why. */
export interface InvalidInputField {
  /** Dotted path of the field, e.g. `personal.fields.name` or `attendees.0.participantId`. */
  field: string;
  problems: string[];
}

/** Input refused before anything reads or records it; every way in answers it as the caller's mistake. */
export class InvalidInput extends Error {
  override readonly name: string = 'InvalidInput';
  constructor(
    readonly fields: InvalidInputField[],
    /** What was refused, without the fields: `RegisterProject was not recorded`. */
    readonly summary = 'the request was refused',
  ) {
    super(`${summary}: ${fields.map((f) => `${f.field} ${f.problems.join('; ')}`).join('; ')}`);
  }
}

/** A command's data holds something no record should: nothing of it was recorded. */
export class InvalidCommandInput extends InvalidInput {
  override readonly name = 'InvalidCommandInput';
  constructor(
    readonly commandType: string,
    fields: InvalidInputField[],
  ) {
    super(fields, `${commandType} was not recorded`);
  }
}

/** Deepest nesting of objects and arrays a command's data may have; the data itself is level 1. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that would reach an object's prototype when copied onto another object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings and overrides (U+202A–U+202E). */
const NEVER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/g;
/** The same, and the bidi isolates (U+2066–U+2069), which have no place in an id or a name. */
const NEVER_IN_NAMES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Fields that identify or name something: `id`, `name`, `title`, and any `...Id` or `...Ids`. */
const NAMING_FIELD = /^(id|name|title)$|Ids?$/;

/**
 * Checks the data of any command, from any way in (HTTP, CLI, imports), before it is decided on:
 * no control characters but tab and newline, no bidi overrides (nor isolates in ids and names),
 * no keys that reach a prototype, and no nesting deeper than MAX_INPUT_DEPTH. Walks without
 * recursion, so deep data is refused rather than overflowing the stack.
 * @throws InvalidCommandInput listing every field that fails, with what to do about it.
 */
export function checkCommandInput(commandType: string, data: unknown): void {
  const problems = new Map<string, string[]>();
  // Depth-first in document order (a stack, pushed in reverse), so fields are listed as written.
  const pending: Visit[] = [{ value: data, path: [], depth: 1 }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    if ('problem' in visit) {
      const field = fieldOf(visit.path);
      problems.set(field, [...(problems.get(field) ?? []), visit.problem]);
      continue;
    }
    const { value, path, depth } = visit;
    if (typeof value === 'string') {
      for (const problem of textProblems(value, isNaming(path)).reverse()) pending.push({ path, problem });
    } else if (value === null || typeof value !== 'object') {
      continue;
    } else if (depth > MAX_INPUT_DEPTH) {
      pending.push({ path, problem: `is nested deeper than ${MAX_INPUT_DEPTH} levels; send flatter data` });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) pending.push({ value: value[i], path: [...path, String(i)], depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i];
        const at = [...path, key];
        if (FORBIDDEN_KEYS.has(key)) {
          pending.push({ path: at, problem: `"${key}" is not allowed as a field name; remove it` });
          continue;
        }
        pending.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
        for (const problem of textProblems(key, true).reverse()) pending.push({ path: at, problem: `its name ${problem}` });
      }
    }
  }
  if (problems.size > 0) {
    throw new InvalidCommandInput(
      commandType,
      [...problems].map(([field, list]) => ({ field, problems: list })),
    );
  }
}

type Visit = { value: unknown; path: string[]; depth: number } | { path: string[]; problem: string };

/** What is wrong with one piece of text, one problem per character it must not hold. */
function textProblems(text: string, naming: boolean): string[] {
  const found = text.match(naming ? NEVER_IN_NAMES : NEVER);
  return found ? [...new Set(found)].map(describeCharacter) : [];
}

function describeCharacter(char: string): string {
  const code = codePoint(char);
  const value = char.codePointAt(0)!;
  if (value >= 0x202a && value <= 0x202e) {
    return `contains the bidirectional control character ${code}, which can make text show in a different order than it was written; remove it`;
  }
  if (value >= 0x2066 && value <= 0x2069) {
    return `contains the bidirectional isolate character ${code}, which is not allowed in an id or a name; remove it`;
  }
  return `contains the control character ${code}; remove it`;
}

/** `U+001B` for the escape character. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isNaming(path: string[]): boolean {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    if (!/^\d+$/.test(path[i])) return NAMING_FIELD.test(path[i]);
  }
  return false;
}

function fieldOf(path: string[]): string {
  return path.length === 0 ? 'data' : path.join('.');
}
