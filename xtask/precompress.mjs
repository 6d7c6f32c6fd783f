// Trunk's post-build hook (Trunk.toml): writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip -9) beside each built .wasm, .js, .css, .html and .svg, so
// kiosk-server sends them precompressed (tower-http ServeDir) instead of
// compressing on every request. kiosk.json is left alone: halls edit it after a
// build, and a stale compressed copy would win over their edit.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("precompress: no TRUNK_STAGING_DIR and no folder given");
  process.exit(2);
}
const WANTED = new Set([".wasm", ".js", ".css", ".html", ".svg"]);
let written = 0;
for (const name of fs.readdirSync(dir)) {
  const file = path.join(dir, name);
  if (!WANTED.has(path.extname(name)) || !fs.statSync(file).isFile()) continue;
  const data = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  // Only where it helps: a tiny file can come out larger.
  if (br.length < data.length) fs.writeFileSync(`${file}.br`, br), written++;
  if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz), written++;
}
console.log(`precompress: ${written} files written in ${dir}`);
