import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError, FileProblem, parseDataFile } from '../framework/data-file';
import { SensitivityOverrides, sensitivityOverridesSchema } from './sensitivity';

/** The publication threshold a council sets, with why (printed in the method section beside the threshold). */
export interface ThresholdSetting {
  value: number;
  reason: string;
}

/**
 * A council's disclosure settings, one file for every framework and project: which dimensions are
 * protected or shown and the threshold, each change with its reason. It sits above the framework file's
 * `disclosure:` section, which sits above the documented defaults.
 */
export const councilDisclosureSchema = z.strictObject({
  threshold: z
    .strictObject({
      value: z.number().int().min(1),
      reason: z.string().trim().min(1, "say why, for the report's method section"),
    })
    .optional(),
  dimensions: sensitivityOverridesSchema,
});

export type CouncilDisclosure = z.output<typeof councilDisclosureSchema>;

/** What disclosure control runs under for one framework once the council's file is laid over it. */
export interface EffectiveDisclosure {
  dimensions: SensitivityOverrides;
  /** Present only when the council's file sets the threshold. */
  threshold?: ThresholdSetting;
}

/** A council disclosure file that cannot be used: `problems` lists every problem with its line, column and key. */
export class DisclosureFileError extends DataFileError {
  override readonly name = 'DisclosureFileError';
  constructor(file: string, problems: FileProblem[]) {
    super(file, problems, 'disclosure settings file');
  }
}

/** Parses and validates a council's disclosure settings written in YAML; `fileName` is used in error messages. */
export function parseCouncilDisclosure(text: string, fileName: string): CouncilDisclosure {
  const settings = parseDataFile(councilDisclosureSchema, text, fileName, (file, problems) => new DisclosureFileError(file, problems));
  if (!settings.threshold && Object.keys(settings.dimensions).length === 0) {
    throw new DisclosureFileError(fileName, [
      { line: 1, column: 1, path: '', message: 'changes nothing: set `threshold` or at least one of `dimensions`, or stop naming the file' },
    ]);
  }
  return settings;
}

/** Reads, parses and validates the council's disclosure settings file. */
export function loadCouncilDisclosureFile(path: string): CouncilDisclosure {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the disclosure settings file ${path} (COPROD_DISCLOSURE_FILE): ${(error as Error).message}`);
  }
  return parseCouncilDisclosure(text, path);
}

/**
 * A framework's disclosure section with the council's settings laid over it, dimension by dimension:
 * council file, then framework file, then the defaults. Each dimension the council sets is marked as
 * its setting, so the method section says whose reason it prints.
 */
export function layerCouncilDisclosure(
  framework: EffectiveDisclosure | undefined,
  council: CouncilDisclosure | undefined,
): EffectiveDisclosure | undefined {
  if (!council) return framework;
  const dimensions: SensitivityOverrides = { ...(framework?.dimensions ?? {}) };
  for (const [dimension, change] of Object.entries(council.dimensions)) {
    if (change) dimensions[dimension as keyof SensitivityOverrides] = { ...change, setBy: 'council' };
  }
  return { dimensions, ...(council.threshold ? { threshold: council.threshold } : {}) };
}
