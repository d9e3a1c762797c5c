/**
 * Seals personal fields before events are stored and opens them when read. The command path
 * depends on this port only; libs/privacy provides the encrypting implementation.
 */
export interface PersonalDataProtector {
  seal(data: Record<string, unknown>, eventId: string): Promise<Record<string, unknown>>;
  open(data: Record<string, unknown>, eventId: string): Promise<Record<string, unknown>>;
  /** Destroys a person's key: everything sealed under it can never be opened again. False if no key was held. */
  forget(subjectId: string): Promise<boolean>;
}

export const PERSONAL_DATA_PROTECTOR = Symbol('PERSONAL_DATA_PROTECTOR');
