import { CommandPermission } from '@coprod/domain';
import { Permission } from '@coprod/privacy/access/permissions';
import { ALL_DECIDERS } from '../commands/deciders';

/** Every permission a decider can ask for is one the access model grants. */
const granted: readonly Permission[] = [] as CommandPermission[];
void granted;

type Declaring = { permissions?: Readonly<Record<string, CommandPermission | undefined>>; corrections?: { rules: Readonly<Record<string, { corrects: string }>>; recordedBy: Readonly<Record<string, string>> } };

/**
 * The permission each command type needs, as its decider declares it (`record` unless it says
 * more). A correction needs the permission of the command that recorded the event it corrects.
 */
const PERMISSIONS: ReadonlyMap<string, Permission> = new Map(
  (ALL_DECIDERS as readonly Declaring[]).flatMap((decider) => {
    const declared = Object.entries(decider.permissions ?? {}).map(([type, permission]) => [type, permission ?? 'record'] as const);
    const corrections = Object.entries(decider.corrections?.rules ?? {}).map(
      ([type, rule]) => [type, decider.permissions?.[decider.corrections!.recordedBy[rule.corrects]] ?? 'record'] as const,
    );
    return [...declared, ...corrections];
  }),
);

/** The permission a command type needs; every other command of the record needs `record`. */
export function permissionForCommand(type: string): Permission {
  return PERMISSIONS.get(type) ?? 'record';
}
