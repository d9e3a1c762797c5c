'use strict';
/**
 * The source files a scope (or a narrowed run) names, found in the working tree the way StrykerJS reads
 * its `mutate` patterns: `**` any folders, `*` any part of a name, a leading `!` leaves files out. The
 * table needs the list to say which of a scope's files have been run and which have not.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Files under `root` that match any positive pattern and no `!` pattern, as sorted paths relative to root. */
function filesOf(root, patterns) {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => matcher(p.slice(1)));
  const found = new Set();
  for (const pattern of include) {
    const match = matcher(pattern);
    for (const file of walk(root, fixedPrefix(pattern))) if (match(file) && !exclude.some((out) => out(file))) found.add(file);
  }
  return [...found].sort();
}

/** A test of a relative path against one glob pattern. */
function matcher(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (pattern.startsWith('**/', i)) {
      source += '(?:[^/]+/)*';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`);
  return (file) => re.test(file);
}

/** The folders of a pattern before its first wildcard: the only part of the tree worth walking. */
function fixedPrefix(pattern) {
  const parts = pattern.split('/');
  const fixed = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?[{]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

function walk(root, folder) {
  const at = path.join(root, folder);
  if (!fs.existsSync(at)) return [];
  if (fs.statSync(at).isFile()) return [folder];
  const out = [];
  for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(root, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

module.exports = { filesOf, matcher };
