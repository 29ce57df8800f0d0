/**
 * The headless command line `zone-returns`. Each command lives in its own module, loaded only
 * when asked for, and returns the process exit code.
 */
export type CommandModule = { run(args: string[]): Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  check: { summary: 'check <return.json> — 计算派生指标并校验一张报表，输出 JSON', load: () => import('./check') },
  'import-ledger': {
    summary: 'import-ledger <file> [--sheet 名称] [--mapping mapping.json] — 读取台账，输出映射后的行、问题和所用映射',
    load: () => import('./import-ledger'),
  },
  export: { summary: 'export <return.json> -o <file.xlsx> — 生成报送工作簿', load: () => import('./export') },
  collect: {
    summary: 'collect <工作簿或文件夹...> [--city 晋城市] [--period 2024-03-q] — 市局汇总：校验、取代、汇总并排名，输出 JSON',
    load: () => import('./collect'),
  },
  verify: { summary: 'verify <file.xlsx> — 校验报送工作簿的完整性并输出报表标识', load: () => import('./verify') },
};

function usage(): string {
  return ['用法: zone-returns <命令> [参数]', '', ...Object.values(commands).map((c) => `  ${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`未知命令「${name}」。\n${usage()}\n`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}
