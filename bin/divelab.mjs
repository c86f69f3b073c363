#!/usr/bin/env node
/**
 * @file The `divelab` command. `divelab run script.py [args]` runs Python like `python script.py`;
 * `divelab run notebook.ipynb [--inplace]` runs a notebook. Builds the engine first when out/engine/ is missing
 * or older than its sources (one line on stderr says so).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ensureEngineBuilt, OUT } from './engine-build.mjs';

try {
  // Tests set DIVELAB_SKIP_BUILD=1 after building once, so that one test run exercises one build and no rebuild
  // notice lands in a test's stderr when someone edits the sources meanwhile.
  if (process.env.DIVELAB_SKIP_BUILD !== '1' || !existsSync(join(OUT, 'cli.js'))) ensureEngineBuilt();
} catch (e) {
  process.stderr.write(`divelab: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(70);
}
const { main } = await import(pathToFileURL(join(OUT, 'cli.js')).href);
process.exitCode = await main(process.argv.slice(2));
