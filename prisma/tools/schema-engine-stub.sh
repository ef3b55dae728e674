#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to point at an executable;
# it never runs it. Migrations go through prisma/tools/schema-engine.ts (wasm) instead.
exit 1
