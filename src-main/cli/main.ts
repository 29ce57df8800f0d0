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
  verify: { summary: 'verify <file.xlsx> — 校验报送工作簿的完整性并输出报表标识', load: () => import('./verify') },
  bulletin: {
    summary: 'bulletin <报送工作簿.xlsx | 报表.json …> [--style 样式] [--reference 参照.json|.xlsx] [-o 通报.docx] [--text] — 起草通报（情况分析）的数字句子',
    load: () => import('./bulletin'),
  },
  serve: { summary: 'serve [--data 目录] [--database postgres://…] [--host 127.0.0.1] [--port N] — 启动报送服务器', load: () => import('./serve') },
  server: { summary: 'server enroll|revoke|list — 报送服务器管理：发放报送码、停用设备、列出设备和报送', load: () => import('./server-admin') },
  enroll: { summary: 'enroll --server URL --code 报送码 --key-file F — 用报送码登记本设备', load: () => import('./collect-enroll') },
  push: { summary: 'push <file.xlsx> --server URL --key-file F — 向报送服务器报送工作簿', load: () => import('./collect-push') },
  status: { summary: 'status --server URL --key-file F — 查看本设备报送的状态', load: () => import('./collect-status') },
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
