import { ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Someone the test provider can sign in, with the claims it gives them. */
export interface TestAccount {
  name: string;
  roles: string[];
  /** The participant record a member of staff is linked to, as the council's directory holds it. */
  coprod_participant?: string;
}

/**
 * How the provider misbehaves: an ID token forged in one way (a stranger's key, a nonce nobody sent, an
 * expiry in the past), a state changed on its way back, or going down once it has sent the browser back.
 */
export type Misbehaviour = 'none' | 'wrong-key' | 'wrong-nonce' | 'expired' | 'tampered-state' | 'down-after-redirect';

/** A real OpenID Connect provider (oidc-provider 9) in its own process on a loopback port. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Starts it (again, on the same port and issuer): a provider that was down comes back. */
  start(): Promise<void>;
  /** Stops it: a provider that is down. */
  stop(): Promise<void>;
  misbehave(how: Misbehaviour): Promise<void>;
}

/** A free loopback port, so a provider can be configured before it is started. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Prepares a provider for one relying party (the service at `serviceBase`) and these accounts; it
 * listens once `start()` is called. Its signing key is new on every start, as after a key rotation.
 */
export async function testOidcProvider(serviceBase: string, accounts: Record<string, TestAccount>): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const settings = {
    port,
    issuer,
    clientId: 'coprod-web',
    clientSecret: 'a-client-secret-for-tests-only-0123456789',
    redirectUri: `${serviceBase}/sign-in/oidc/callback`,
    postLogoutRedirectUri: `${serviceBase}/signed-out`,
    accounts,
  };
  let child: ChildProcess | undefined;
  const ask = (message: object) =>
    new Promise<void>((resolve, reject) => {
      if (!child) return reject(new Error('the test provider is not running'));
      child.once('message', () => resolve());
      child.send(message);
    });
  return {
    issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    start: () =>
      new Promise<void>((resolve, reject) => {
        let printed = '';
        const started = fork(join(__dirname, 'oidc-provider-process.mjs'), [], {
          env: { ...process.env, OIDC_TEST_SETTINGS: JSON.stringify(settings), NODE_NO_WARNINGS: '1' },
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        });
        started.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
        started.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
        const timer = setTimeout(() => reject(new Error(`the test provider did not start in 20 s:\n${printed}`)), 20_000);
        started.once('message', () => {
          clearTimeout(timer);
          child = started;
          resolve();
        });
        started.once('exit', (code) => {
          clearTimeout(timer);
          if (child !== started) reject(new Error(`the test provider exited with ${code}:\n${printed}`));
        });
      }),
    stop: async () => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await exited;
    },
    misbehave: (how) => ask({ misbehaviour: how }),
  };
}
