// Runs before every test file (jest setupFiles): a deployment's EVENTSTORE_CONNECTION_STRING in the
// shell that runs `npm test` must not reach any test, in process or spawned. Tests against a real
// server run only through `npm run test:eventstoredb`, which reads COPROD_TEST_EVENTSTORE instead.
import { DEPLOYMENT_STORE_VARIABLE } from './deployment-store';

delete process.env[DEPLOYMENT_STORE_VARIABLE];

// A test machine runs many suites at once, so a server's event loop can run late for reasons of its own:
// no test but the load-shedding suite (which sets its own limits) should see a request shed for that.
process.env.COPROD_MAX_LAG_MS ??= '60000';

// A council's own disclosure settings in the shell would change every published figure the tests expect.
delete process.env.COPROD_DISCLOSURE_FILE;
