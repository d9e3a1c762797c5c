'use strict';
/** Serves the product's API (createApi) on the data folder `argv[2]`, on a free loopback port it prints. */
const { product } = require('./register');
const { productEnv } = require('./application');

Object.assign(process.env, productEnv(process.argv[2]));
const { createApi } = product('apps/api/src/main');

createApi({ logger: false })
  .then(async (app) => {
    await app.listen(0, '127.0.0.1');
    process.stdout.write(`@@port ${app.getHttpServer().address().port}\n`);
    process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
  })
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
