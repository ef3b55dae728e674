// `npm run web` runs the web process from a bundle of its own modules built here (dist/web/,
// git-ignored), on plain node: under tsx the process also carried tsx's loader thread and
// compiled ~235 TypeScript files at every start, ~50 MB of its ~150 MB resident memory
// (bench/webhook-throughput.ts, webRssMaxMb). `npm start`, the workers, the CLI and the tests
// stay on tsx. Takes well under a second, so it runs before every `npm run web`. The V8 flags it
// runs with are in package.json's "web" script (README, "Deployment", says why).
//
// Packages stay external (node_modules is loaded as usual); code splitting keeps each lazily
// imported module (Slack, web chat, sandbox, the customer page) in a chunk of its own, so a
// package it imports is loaded only when it is. import.meta.url (and dirname/filename) keep
// naming the source file in each module: agencies/, prisma/migrations and the web chat script
// are found relative to it, and a script's "am I the entry point" check stays false.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = path.join(root, "dist/web");

/** Replaces import.meta.url/dirname/filename in each of the repository's .ts files by its own. */
const keepSourceLocations = {
  name: "keep-source-locations",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: { main: "bots/main.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [keepSourceLocations],
  write: false,
});
// Nothing is deleted and each file is replaced whole (written beside, then renamed): a web process
// already running from dist/web/ imports its lazy chunks later, and chunk names carry a hash of
// their content, so a rebuild by a second `npm run web` on the same checkout leaves them in place.
await mkdir(outdir, { recursive: true });
for (const file of outputFiles) {
  const partial = `${file.path}.${process.pid}.partial`;
  await writeFile(partial, file.contents);
  await rename(partial, file.path);
}
