// Summarises a V8 .cpuprofile: self time by package/file and by function (top N).
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const area = (url) => {
  if (!url) return '(native/vm)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return `npm:${m[1]}`;
  const w = /\/(packages|apps)\/([^/]+)\/src\/(.*)$/.exec(url);
  if (w) return `${w[1]}/${w[2]}/${w[3].split('/').slice(0, -1).join('/') || '.'}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^.*\/work\/main\//, '');
};
const sum = (keyOf) => {
  const m = new Map();
  for (const [id, t] of self) {
    const n = byId.get(id);
    const k = keyOf(n);
    m.set(k, (m.get(k) ?? 0) + t);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};
const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
console.log('\n== self time by area');
for (const [k, t] of sum((n) => area(n.callFrame.url)).slice(0, top)) console.log(pct(t), k);
console.log('\n== self time by function');
for (const [k, t] of sum(
  (n) => `${n.callFrame.functionName || '(anon)'}  ${area(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
).slice(0, top))
  console.log(pct(t), k);
