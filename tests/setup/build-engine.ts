/** @file vitest globalSetup for the engine tests: rebuilds out/engine/ once when it is older than its sources. */
// @ts-expect-error plain JS module shared with bin/divelab.mjs
import { ensureEngineBuilt } from '../../bin/engine-build.mjs';

export default function setup(): void {
  (ensureEngineBuilt as (log: (line: string) => void) => boolean)((line) => console.log(line));
}
