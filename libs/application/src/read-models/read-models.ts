export { ReadModels } from '@coprod/projections';

/** Injection token of the process's read models. */
export const READ_MODELS = Symbol('READ_MODELS');
