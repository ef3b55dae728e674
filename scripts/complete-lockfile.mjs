// The npm registry these machines reach lacks some platform-specific optional packages (for
// example @biomejs/cli-win32-x64). `npm install` then leaves them out of package-lock.json and
// `npm ci` refuses the lock as out of sync. This adds the missing entries as optional packages
// restricted to their platform, which npm ci skips on other platforms without fetching them.
// Run after `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
let added = 0;

function platformOf(name) {
  const os = ["android", "darwin", "linux", "win32", "freebsd", "openbsd", "sunos", "aix", "netbsd"].find((o) =>
    name.includes(o),
  );
  const cpu = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "mips64el"].find((c) =>
    new RegExp(`[-_]${c}(\\b|-|$)`).test(name),
  );
  return { os, cpu, musl: name.includes("musl") };
}

for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const prefix = key === "" ? "" : `${key}/`;
    const candidates = [`${prefix}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const { os, cpu, musl } = platformOf(name);
    if (!os || !cpu) continue;
    packages[`node_modules/${name}`] = {
      version: version.replace(/^[\^~]/, ""),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(musl ? { libc: ["musl"] } : {}),
    };
    added += 1;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform-specific optional entries`);
