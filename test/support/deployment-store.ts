/** The variable that points coprod at a deployment's EventStoreDB. No test inherits it. */
export const DEPLOYMENT_STORE_VARIABLE = 'EVENTSTORE_CONNECTION_STRING';

/**
 * The environment a test hands to coprod: `base` without the deployment's connection string, then
 * `explicit` on top, so that only a test that names a server on purpose reaches one.
 */
export function withoutDeploymentStore(base: NodeJS.ProcessEnv, explicit: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  delete env[DEPLOYMENT_STORE_VARIABLE];
  return { ...env, ...explicit };
}
