// C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that reorder a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text bound for the terminal with control characters made visible (`\x1b`, `\u202e`), so a bad
 * input line quoted in an error cannot move the cursor, recolour or rewrite what the person reads.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
