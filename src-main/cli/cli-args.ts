/** Flags of the collection commands: `--name value` pairs and positional arguments, with a Chinese message for anything else. */
export interface ParsedArgs {
  flags: Map<string, string>;
  positional: string[];
}

export function parseFlags(argv: string[], known: readonly string[], booleans: readonly string[] = []): ParsedArgs | string {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.includes(name)) {
      flags.set(name, 'true');
      continue;
    }
    if (!known.includes(name)) return `不认识的参数「${arg}」。`;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return `--${name} 后面要写一个值。`;
    flags.set(name, value);
  }
  return { flags, positional };
}

export function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
