import { readFileSync } from 'node:fs';
import { DataFileError, FileProblem, parseDataFile } from './data-file';
import { Framework, frameworkSchema } from './framework.schema';

/** A framework file that cannot be used: `problems` lists every problem with its line, column and field path. */
export class FrameworkFileError extends DataFileError {
  override readonly name = 'FrameworkFileError';
  constructor(file: string, problems: FileProblem[]) {
    super(file, problems, 'framework file');
  }
}

/** Parses and validates a framework written in YAML; `fileName` is used in error messages. */
export function parseFramework(text: string, fileName: string): Framework {
  return parseDataFile(frameworkSchema, text, fileName, (file, problems) => new FrameworkFileError(file, problems));
}

/** Reads, parses and validates one framework file. */
export function loadFrameworkFile(path: string): Framework {
  return parseFramework(readFileSync(path, 'utf8'), path);
}
