import { DeciderRegistry } from '@coprod/application';
import * as activity from './activity.dto';
import * as correction from './correction.dto';
import * as decision from './decision.dto';
import * as expense from './expense.dto';
import * as measure from './measure.dto';
import * as participant from './participant.dto';
import * as project from './project.dto';
import * as quote from './quote.dto';
import * as survey from './survey.dto';

export * from './activity.dto';
export * from './correction.dto';
export * from './decision.dto';
export * from './expense.dto';
export * from './measure.dto';
export * from './participant.dto';
export * from './project.dto';
export * from './quote.dto';
export * from './survey.dto';

const EXPORTED: Readonly<Record<string, unknown>> = { ...activity, ...correction, ...decision, ...expense, ...measure, ...participant, ...project, ...quote, ...survey };

/**
 * The DTO that validates the body of `POST /api/commands/{CommandType}`, for every command type:
 * the class named `<CommandType>Dto` in the feature's DTO file, so adding a command adds one class.
 */
export const COMMAND_DTOS: Readonly<Record<string, new () => object>> = Object.fromEntries(
  new DeciderRegistry()
    .commandTypes()
    .filter((type) => typeof EXPORTED[`${type}Dto`] === 'function')
    .map((type) => [type, EXPORTED[`${type}Dto`] as new () => object]),
);
