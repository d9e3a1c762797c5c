import { canonicalJson, EventStore } from '@coprod/event-store';
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { ChainBreak, verifyChain } from './verify-chain';

/**
 * A signed statement of the chain's head at a moment: publish or file it elsewhere, and any later
 * truncation or rewriting of history up to it can be proven.
 */
export interface Checkpoint {
  position: number;
  hash: string;
  count: number;
  createdAt: string;
  algorithm: 'Ed25519';
  /** The signer's public key: base64 of its DER (SPKI) encoding. */
  publicKey: string;
  /** Ed25519 signature, base64, over the canonical JSON of every other field. */
  signature: string;
}

/** A signing key pair as PEM text (PKCS#8 private key, SPKI public key), ready to store. */
export interface SigningKeys {
  privateKey: string;
  publicKey: string;
}

export type CheckpointVerification =
  | { ok: true; position: number; count: number }
  | { ok: false; problem: string; firstBreak?: ChainBreak };

/** Creates a fresh Ed25519 key pair for signing checkpoints. */
export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Verifies the whole chain and signs its head; refuses to vouch for a chain that is already broken. */
export async function createCheckpoint(
  store: EventStore,
  privateKey: KeyObject | string,
  options: { clock?: () => Date; upTo?: number } = {},
): Promise<Checkpoint> {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`checkpoints are signed with Ed25519; the key given is ${key.asymmetricKeyType ?? 'not asymmetric'}`);
  }
  const chain = await verifyChain(store, { upTo: options.upTo });
  if (!chain.ok) {
    const { position, problem } = chain.firstBreak;
    throw new Error(`cannot sign a checkpoint over a broken chain: event at position ${position}: ${problem}`);
  }
  const unsigned = {
    position: chain.head.position,
    hash: chain.head.hash,
    count: chain.count,
    createdAt: (options.clock ?? (() => new Date()))().toISOString(),
    algorithm: 'Ed25519' as const,
    publicKey: publicKeyText(createPublicKey(key)),
  };
  const signature = sign(null, Buffer.from(canonicalJson(unsigned), 'utf8'), key).toString('base64');
  return { ...unsigned, signature };
}

/**
 * Checks a checkpoint against the store: the signature holds (and, when trusted keys are given, is by
 * one of them), the store still reaches the checkpoint's position, the chain verifies up to it, and
 * the event there still has the hash that was signed.
 */
export async function verifyAgainstCheckpoint(
  store: EventStore,
  checkpoint: Checkpoint,
  options: { trustedPublicKeys?: readonly string[] } = {},
): Promise<CheckpointVerification> {
  const signatureProblem = checkSignature(checkpoint, options.trustedPublicKeys);
  if (signatureProblem) return { ok: false, problem: signatureProblem };
  const signed = `the checkpoint of ${checkpoint.createdAt}`;

  const head = await store.headPosition();
  if (head < checkpoint.position) {
    return {
      ok: false,
      problem: `the store ends at position ${head} but ${signed} covers position ${checkpoint.position}: events were removed from the end`,
    };
  }
  const chain = await verifyChain(store, { upTo: checkpoint.position });
  if (!chain.ok) {
    return {
      ok: false,
      problem: `the chain breaks at position ${chain.firstBreak.position} before ${signed}: ${chain.firstBreak.problem}`,
      firstBreak: chain.firstBreak,
    };
  }
  if (chain.head.position !== checkpoint.position) {
    return {
      ok: false,
      problem: `there is no event at position ${checkpoint.position}, which ${signed} signed: events were removed`,
    };
  }
  if (chain.head.hash !== checkpoint.hash) {
    return {
      ok: false,
      problem:
        `the event at position ${checkpoint.position} has hash ${chain.head.hash} but ${signed} signed ${checkpoint.hash}: ` +
        'history up to the checkpoint was rewritten',
    };
  }
  if (chain.count !== checkpoint.count) {
    return {
      ok: false,
      problem: `${chain.count} events lead up to position ${checkpoint.position} but ${signed} counted ${checkpoint.count}: events were removed or inserted`,
    };
  }
  return { ok: true, position: checkpoint.position, count: checkpoint.count };
}

function checkSignature(checkpoint: Checkpoint, trusted: readonly string[] | undefined): string | undefined {
  if (checkpoint.algorithm !== 'Ed25519') return `checkpoints are signed with Ed25519, not ${String(checkpoint.algorithm)}`;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return 'the checkpoint\'s public key cannot be read: the checkpoint is damaged';
  }
  if (trusted && !trusted.some((key) => sameKey(key, publicKey))) {
    return 'the checkpoint was signed by a key that is not among the trusted keys';
  }
  const { signature, ...unsigned } = checkpoint;
  const valid = verify(null, Buffer.from(canonicalJson(unsigned), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  return valid ? undefined : 'the checkpoint\'s signature does not verify: the checkpoint was altered after it was signed';
}

function publicKeyText(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

function sameKey(text: string, key: KeyObject): boolean {
  try {
    const candidate = text.includes('BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return publicKeyText(candidate) === publicKeyText(key);
  } catch {
    return false;
  }
}
