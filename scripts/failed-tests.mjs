// Lists the failed tests of a vitest JSON report, one per line, so the last lines a CI log keeps
// (often only its tail is shown) name what failed, not just which tier.
//   node scripts/failed-tests.mjs REPORT.json [TIER]
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const [file, tier = 'vitest'] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log(`  ${tier}: no report at ${file ?? '(none given)'}: the run stopped before writing it`);
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const lines = [];
for (const suite of report.testResults ?? []) {
  const where = relative(process.cwd(), suite.name);
  const failed = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
  // A file that failed outside its tests (an import error, a hook) has no failed assertion.
  if (failed.length === 0 && suite.status === 'failed') lines.push(`${where}: ${firstLine(suite.message)}`);
  for (const t of failed) lines.push(`${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
}
const shown = lines.slice(0, 15);
for (const l of shown) console.log(`  ${tier}: ${l}`);
if (lines.length > shown.length) console.log(`  ${tier}: … and ${lines.length - shown.length} more in ${file}`);

function firstLine(text) {
  // Failure messages carry ANSI colours and the whole stack; the first line says what went wrong.
  const plain = stripVTControlCharacters(String(text ?? 'no message'));
  return (
    plain
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim()
      .slice(0, 240) ?? 'no message'
  );
}
