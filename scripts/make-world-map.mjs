// Converts Natural Earth 1:110m land (TopoJSON from the npm package world-atlas)
// into resources/map/land-110m.json: {"source":..,"rings":[[lon,lat,lon,lat,...],...]},
// coordinates rounded to 0.01 degree (about 1 km, far below 1:110m's detail).
//
// Run it outside the repository (the packages are not checked in):
//   mkdir /tmp/wa && cd /tmp/wa && npm install world-atlas@2 topojson-client@3
//   node /path/to/repo/scripts/make-world-map.mjs /tmp/wa /path/to/repo/resources/map/land-110m.json
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [modulesDir, outPath] = process.argv.slice(2);
if (!modulesDir || !outPath) {
  console.error("usage: node make-world-map.mjs NPM_DIR OUT.json");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modulesDir), "package.json"));
const topojson = require("topojson-client");
const atlasPackage = require("world-atlas/package.json");
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/land-110m.json"), "utf8"));
const land = topojson.feature(topology, topology.objects.land);

const round = (v) => Math.round(v * 100) / 100;
const rings = [];
for (const feature of land.features ?? [land]) {
  const geometry = feature.geometry;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const flat = [];
      for (const [lon, lat] of ring) flat.push(round(lon), round(lat));
      if (flat.length >= 8) rings.push(flat);
    }
  }
}
const out = {
  source: `Natural Earth 1:110m land, public domain, via npm world-atlas ${atlasPackage.version} (land-110m.json)`,
  rings,
};
writeFileSync(outPath, JSON.stringify(out));
const points = rings.reduce((n, r) => n + r.length / 2, 0);
console.log(`${outPath}: ${rings.length} rings, ${points} points`);
