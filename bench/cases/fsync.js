'use strict';
/** Case 1, limit: how many durable flushes per second this disk allows (write one page, fsync, repeat). */
const fs = require('node:fs');
const path = require('node:path');
const { runCase, medianOf, workFolder, SCALE } = require('../lib/measure');

runCase(async () => {
  const file = path.join(workFolder('fsync'), 'fsync.bin');
  const fd = fs.openSync(file, 'w');
  const page = Buffer.alloc(4096, 7);
  const seconds = SCALE >= 100_000 ? 2 : 0.2;
  const rate = await medianOf(async () => {
    let count = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round(seconds * 1e9));
    let now = start;
    while (now < end) {
      fs.writeSync(fd, page, 0, page.length, (count % 16) * 4096);
      fs.fsyncSync(fd);
      count += 1;
      now = process.hrtime.bigint();
    }
    return count / (Number(now - start) / 1e9);
  });
  fs.closeSync(fd);
  return { fsyncPerSecond: { value: rate.median, unit: 'fsync/s', runs: rate.runs } };
});
