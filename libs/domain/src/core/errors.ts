/**
 * Why a command was refused. `kind` lets the edges answer well: `not_found` (404),
 * `conflict` (409: the record is not in a state that allows it), `rule` (422: it makes no sense),
 * `forbidden` (403: not by this person).
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'rule' | 'forbidden';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `expense.already_paid`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const ruleBroken = (code: string, message: string) => new DomainError('rule', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
