// Regenerates the client into a temporary file and fails when it differs from the committed
// src/ticketing-client.ts (openapi.json or nswag.json changed without regenerating, or the generated
// file was edited by hand). Run by `npm run check`, which CI runs after `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STALE = 'the committed client is stale: run scripts/update-client.sh';
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const committedPath = join(packageDir, 'src', 'ticketing-client.ts');
const nswag = join(packageDir, 'node_modules', 'nswag', 'bin', 'nswag.js');

function check(freshPath) {
    // Same configuration as `npm run generate`; only the output path (nswag.json variable ClientOutput) differs.
    const run = spawnSync(
        process.execPath,
        [nswag, 'run', 'nswag.json', '/runtime:Net100', `/variables:ClientOutput=${freshPath}`],
        { cwd: packageDir, encoding: 'utf8' });
    if (run.error || run.status !== 0 || !existsSync(freshPath)) {
        process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}\n`);
        console.error(`check: NSwag failed to regenerate the client${run.error ? `: ${run.error.message}` : ''}`);
        return 2;
    }

    if (!existsSync(committedPath)) {
        console.error(`check: src/ticketing-client.ts is missing; ${STALE}`);
        return 1;
    }

    const fresh = readFileSync(freshPath, 'utf8');
    const committed = readFileSync(committedPath, 'utf8');
    if (fresh !== committed) {
        const freshLines = fresh.split('\n');
        const committedLines = committed.split('\n');
        let line = 0;
        while (line < freshLines.length && freshLines[line] === committedLines[line]) line++;
        console.error(`check: ${STALE}`);
        console.error(`  first difference at src/ticketing-client.ts line ${line + 1}:`);
        console.error(`    committed:   ${JSON.stringify(committedLines[line] ?? '<end of file>')}`);
        console.error(`    regenerated: ${JSON.stringify(freshLines[line] ?? '<end of file>')}`);
        return 1;
    }

    console.log('check: src/ticketing-client.ts is up to date with openapi.json and nswag.json');
    return 0;
}

const workDir = mkdtempSync(join(tmpdir(), 'ticketing-client-'));
try {
    process.exitCode = check(join(workDir, 'ticketing-client.ts'));
} finally {
    rmSync(workDir, { recursive: true, force: true });
}
