'use strict';
/**
 * Prints where a `node --cpu-prof` profile spent its time: `node bench/lib/profile-summary.js FILE [N] [--inclusive]`.
 * Self time by default; with --inclusive, time spent in each function and everything it called.
 */
const fs = require('node:fs');

const args = process.argv.slice(2);
const inclusive = args.includes('--inclusive');
const [file, top = '25'] = args.filter((a) => a !== '--inclusive');
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(libs|apps|node_modules|bench)\//, '$1/')}:${lineNumber + 1}`;
};
const totals = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const seen = new Set();
  for (let node = id; node !== undefined; node = inclusive ? parent.get(node) : undefined) {
    const key = label(byId.get(node));
    if (!seen.has(key)) totals.set(key, (totals.get(key) ?? 0) + us);
    seen.add(key);
  }
});
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}
