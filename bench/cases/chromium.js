'use strict';
/**
 * Case 5, peer: headless Chromium (/usr/bin/chromium through playwright-core) printing the HTML twin
 * of the same case study to PDF. Cold is launching the browser and the first print; warm is the median
 * of later prints in the same browser. Memory is the peak resident size of the browser's process tree.
 */
const fs = require('node:fs');
const path = require('node:path');
const { product } = require('../lib/register');
const { runCase, median, msSince, workFolder, RUNS } = require('../lib/measure');
const { workFile } = require('../lib/stores');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

runCase(async () => {
  const { chromium } = product('node_modules/playwright-core');
  const html = fs.readFileSync(workFile('case-study.html'), 'utf8');
  let start = process.hrtime.bigint();
  const context = await chromium.launchPersistentContext(path.join(workFolder('chromium'), 'profile'), { executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  const browserPid = findBrowserPid();
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(browserPid))), 20);
  const print = async () => {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, tagged: true });
    await page.close();
    return pdf;
  };
  const first = await print();
  const cold = msSince(start);
  const warm = [];
  for (let run = 0; run < Math.max(RUNS, 5); run += 1) {
    start = process.hrtime.bigint();
    await print();
    warm.push(msSince(start));
    peakKb = Math.max(peakKb, treeRssKb(browserPid));
  }
  clearInterval(sampler);
  await context.close();
  return {
    coldMs: { value: cold, unit: 'ms' },
    warmMs: { value: median(warm), unit: 'ms', runs: warm },
    browserPeakRssMb: { value: peakKb / 1024, unit: 'MB' },
    pdfBytes: { value: first.length, unit: 'bytes' },
  };
});

/** The Chromium process this process started (its direct child running /usr/bin/chromium or its wrapper). */
function findBrowserPid() {
  const children = childrenOf(process.pid);
  const browser = children.find((pid) => /chrom/.test(readProc(pid, 'cmdline')));
  if (!browser) throw new Error('could not find the Chromium process that playwright-core started');
  return browser;
}

function childrenOf(pid) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, 'stat');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) pids.push(Number(entry));
  }
  return pids;
}

/** Resident memory of a process and all its descendants, in KB (shared pages counted in each). */
function treeRssKb(pid) {
  const match = /VmRSS:\s+(\d+)/.exec(readProc(pid, 'status'));
  return (match ? Number(match[1]) : 0) + childrenOf(pid).reduce((sum, child) => sum + treeRssKb(child), 0);
}

function readProc(pid, file) {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}
