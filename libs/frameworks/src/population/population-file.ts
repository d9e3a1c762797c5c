import { readFileSync } from 'node:fs';
import { DataFileError, FileProblem, parseDataFile } from '../framework/data-file';
import { PopulationProfile, populationProfileSchema } from './population.schema';

/** A population profile file that cannot be used: `problems` lists every problem with its line, column and field. */
export class PopulationFileError extends DataFileError {
  override readonly name = 'PopulationFileError';
  constructor(file: string, problems: FileProblem[]) {
    super(file, problems, 'population profile');
  }
}

/** Parses and validates a local population profile written in YAML; `fileName` is used in error messages. */
export function parsePopulationProfile(text: string, fileName: string): PopulationProfile {
  return parseDataFile(populationProfileSchema, text, fileName, (file, problems) => new PopulationFileError(file, problems));
}

/** Reads, parses and validates one population profile file. */
export function loadPopulationFile(path: string): PopulationProfile {
  return parsePopulationProfile(readFileSync(path, 'utf8'), path);
}

/** A group's share of the local population, or null when the profile does not give one. */
export function populationShare(profile: PopulationProfile, groupId: string): number | null {
  return profile.groups.find((group) => group.id === groupId)?.share ?? null;
}
