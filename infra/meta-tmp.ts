import { build } from 'esbuild';
import { LAMBDA_BUNDLING } from './bundling/lambda.ts';
const entry = process.argv[2]!;
const r = await build({ ...LAMBDA_BUNDLING, mainFields: [...LAMBDA_BUNDLING.mainFields], external: [...LAMBDA_BUNDLING.external], banner: { js: LAMBDA_BUNDLING.banner }, entryPoints: [entry], bundle: true, write: false, metafile: true, logLevel: 'error' });
const out = Object.values(r.metafile.outputs)[0]!;
console.log('total', out.bytes);
const groups = new Map<string, number>();
for (const [k, v] of Object.entries(out.inputs)) { const g = k.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace(/^(shared|functions)\/([^/]+\/[^/]+).*/, '$1/$2'); groups.set(g, (groups.get(g) ?? 0) + v.bytesInOutput); }
for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, +(process.argv[3] ?? 30))) console.log(String(v).padStart(8), k);
if (process.argv[4]) for (const [k, v] of Object.entries(out.inputs).filter(([k]) => k.includes(process.argv[4]!)).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log(String(v.bytesInOutput).padStart(8), k);
