import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fromPackageRoot } from '../core/paths.js';

/**
 * A knowledge file's refusals, one test per edit: the shipped file (a path from the package root),
 * changed by the edit, must fail to parse with an error naming the file and the field (the key).
 * Text that is not JSON must fail too, saying so.
 */
export function refusesEachEdit(
  file: string,
  parse: (file: string, text: string) => unknown,
  // biome-ignore lint/suspicious/noExplicitAny: an edit may break the file's shape in any way.
  edits: Record<string, (data: any) => void>,
): void {
  it.each(Object.entries(edits))(`${file}: refuses a bad %s`, (field, edit) => {
    const data = JSON.parse(readFileSync(fromPackageRoot(file), 'utf8'));
    edit(data);
    expect(() => parse(file, JSON.stringify(data))).toThrow(`${file}: ${field}: `);
  });
  it(`${file}: refuses text that is not JSON`, () => {
    expect(() => parse(file, '{ "id": ')).toThrow(`${file}: not JSON`);
  });
}
