// Runs before every test file (jest setupFiles): a deployment's EVENTSTORE_CONNECTION_STRING in the
// shell that runs `npm test` must not reach any test, in process or spawned. Tests against a real
// server run only through `npm run test:eventstoredb`, which reads COPROD_TEST_EVENTSTORE instead.
import { DEPLOYMENT_STORE_VARIABLE } from './deployment-store';

delete process.env[DEPLOYMENT_STORE_VARIABLE];
