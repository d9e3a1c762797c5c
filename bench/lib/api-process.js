'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

/** Starts the API (and the web interface it serves) in its own process on `dataDir`; resolves once it listens. */
function serve(dataDir) {
  const child = spawn(process.execPath, [path.join(__dirname, 'serve.js'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /@@port (\d+)/.exec(out);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the API process exited with code ${code} before listening`)));
  });
}

module.exports = { serve };
