import { createHash } from 'node:crypto';

/**
 * The id of the n-th event a command records, derived from the command id: a repeated command
 * produces the same ids, so the store recognises the retry and nothing is recorded twice.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hex = createHash('sha256').update(`${commandId}\u0000${index}`).digest('hex');
  // Shape it as an RFC 4122 UUID (version 8, custom) so every store accepts it.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
