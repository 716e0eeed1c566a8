// After ncc: report the bundle's size (cold start is a feature; keep an eye on it).
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
const dir = new URL('../dist/', import.meta.url).pathname;
let total = 0;
for (const f of readdirSync(dir)) total += statSync(join(dir, f)).size;
console.log(`dist/: ${(statSync(join(dir, 'index.js')).size / 1024).toFixed(0)} KiB index.js, ${(total / 1024).toFixed(0)} KiB in all`);
