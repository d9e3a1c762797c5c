'use strict';
/**
 * Case 6: the API's resident memory with the large store loaded: createApi() on it, read models
 * caught up, then outcome queries over HTTP; resident size now and at peak.
 */
const fs = require('node:fs');
const path = require('node:path');
const { product } = require('../lib/register');
const { productEnv } = require('../lib/application');
const { runCase } = require('../lib/measure');
const { CASE_STUDY_PROJECT } = require('../lib/report');

runCase(async () => {
  Object.assign(process.env, productEnv(path.join(process.env.BENCH_WORK_DIR, process.argv[2])));
  const { createApi } = product('apps/api/src/main');
  const app = await createApi({ logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  for (let i = 0; i < 20; i += 1) {
    const response = await fetch(`${base}/api/projects/${CASE_STUDY_PROJECT}/outcomes`);
    if (!response.ok) throw new Error(`outcome query answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
  await app.close();
  return { rssMb: { value: kb('VmRSS') / 1024, unit: 'MB' }, peakRssMb: { value: kb('VmHWM') / 1024, unit: 'MB' } };
});
