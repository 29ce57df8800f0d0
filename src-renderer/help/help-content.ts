/**
 * The in-app help (帮助, F1): one page, kept true to the app as it is. Everything a clerk or a
 * bureau reads is in this one file, as plain data — to amend it, change the words here; the
 * page (help-page.tsx) only lays them out. `keys` are shown as keyboard keys.
 */
export interface HelpSection {
  /** Anchor of the section, for the table of contents. */
  id: string;
  title: string;
  /** Paragraphs, each one step or fact; a step may name keys to press. */
  items: Array<{ text: string; keys?: string[] }>;
}

export const HELP_TITLE = '帮助：开发区季度指标填报';

export const HELP_INTRO =
  '本程序在本机保存开发区的季度报表、项目台账和修改记录，生成报送给市商务局的 Excel 工作簿。数据只存在本机，请经常备份。任何时候按 F1 打开本页，按 Esc 关闭。';

/** The clerk's loop, in the order a quarter goes. */
export const CLERK_SECTIONS: HelpSection[] = [
  {
    id: 'start',
    title: '一、选择开发区和报告期',
    items: [
      { text: '第一次使用时在“设置”中选本单位（开发区或市商务局）、本开发区和填表人；以后可在“设置”中修改。' },
      { text: '“填报”页列出所选年度的各报告期：先选“年度”，再点该期的“填报”（已报送的报表为“查看”）。列表上方的“开发区”可以切换到其他开发区，为其填报。' },
      { text: '重新打开程序时，会回到上次打开的报表。' },
    ],
  },
  {
    id: 'fill',
    title: '二、填写主要指标',
    items: [
      { text: '白色单元格可填写，灰色单元格由程序计算（增速、占比、差距等），不能输入。' },
      { text: '方向键移动，直接输入即开始编辑，Enter 下移，Tab 右移，Delete 清除。', keys: ['↑', '↓', '←', '→', 'Enter', 'Tab', 'Delete'] },
      { text: 'Ctrl+Z 撤销，Ctrl+Y 恢复。', keys: ['Ctrl+Z', 'Ctrl+Y'] },
      { text: '每次修改自动保存，页眉显示“已保存”；保存失败时会说明原因，修改不会写入一半。' },
      { text: '文字材料（工作亮点、主要措施、存在问题、下步打算）在报表下方的文字框中填写，右下角显示字数和上限。' },
    ],
  },
  {
    id: 'paste',
    title: '三、从 Excel / WPS 粘贴',
    items: [
      { text: '在 Excel 或 WPS 中复制一块数据，点选报表中的起始单元格，按 Ctrl+V 粘贴。粘贴结果和不能粘贴的单元格会在报表中说明。', keys: ['Ctrl+C', 'Ctrl+V'] },
      { text: '粘贴到灰色（计算）单元格的内容不会写入。' },
    ],
  },
  {
    id: 'roster',
    title: '四、项目台账（“三个一批”）',
    items: [
      { text: '“项目台账”页是本开发区的项目清单，每行一个项目。点列标题排序，在标题下方的框中筛选。' },
      { text: '选中单元格直接输入（中文输入法亦可），Enter 保存，Esc 放弃，F2 修改原有内容。', keys: ['Enter', 'Esc', 'F2'] },
      { text: '签约、开工、投产等“是否”列可输入 是/否/√，空格键切换。' },
      { text: '从 Excel 复制项目行，点选表格后按 Ctrl+V 粘贴，超出末行的行作为新项目追加。勾选行后可“删除所选”。' },
      { text: '报表中“三个一批”项目个数、投资和“三率”按台账计算，台账一改即随之更新。' },
    ],
  },
  {
    id: 'import',
    title: '五、导入台账',
    items: [
      { text: '“导入台账”页点“选择台账文件…”，支持 .xlsx、.xls、.et（WPS）、.ods、.csv / .txt（GBK 编码自动识别）。' },
      { text: '选工作表，核对列的对应关系（可修改，下次导入表头相同的台账时沿用），看过预览后再导入。' },
      { text: '项目导入台账，指标数值（本期与上年同期）写入当前打开的报表。一次导入是一个批次，可“撤销这次导入”；导入失败时不写入任何数据。' },
    ],
  },
  {
    id: 'submit',
    title: '六、校验、导出与报送',
    items: [
      { text: '“报送”页先看“校验与合理性说明”：错误必须改正；提示可以保留，但要写合理性说明。都处理好后“标记为已校验”。' },
      { text: '导出报送工作簿：生成含封面、主要指标、项目清单、文字材料和校验结果的 Excel 工作簿，附带校验码，报送给市商务局。导出后报表锁定为只读，需改动时由审核人“退回修改”，改后再导出，版次加一。' },
      { text: '“打印 / 导出 PDF”按报送工作簿的版式打印。在 Excel / WPS 中打印报送工作簿时，项目清单为 A3 横向、每页重复表头，末行为合计。' },
      { text: '发件箱列出每次导出的文件、版次、时间和校验码，可再次另存。“核对报送工作簿”可检查一份工作簿是否被改动过。' },
    ],
  },
  {
    id: 'backup',
    title: '七、备份与恢复',
    items: [
      { text: '“备份与恢复”页“备份到文件…”把本机全部数据存为一个文件，请存到 U 盘或其他电脑上。建议每次报送后备份一次。' },
      { text: '“从备份恢复…”先显示备份的时间、开发区、报表份数和项目个数，确认后才替换本机数据。' },
      { text: '恢复前和程序升级前，程序自动另存一份当时的数据（保留最近 10 份），列在“自动备份”中，可“恢复此备份”或“另存为文件…”。' },
    ],
  },
  {
    id: 'sync',
    title: '八、联网报送',
    items: [
      { text: '在“设置 → 联网报送”中填写市商务局提供的报送服务器地址和报送码并登记。登记后，导出的报送工作簿会自动上传。' },
      { text: '没有网络时照常导出，联网后自动补传；页眉显示在线、离线或待上传的份数。不登记也可以把工作簿文件交给市商务局。' },
    ],
  },
];

/** 本单位 = 市商务局: the bureau's tabs. */
export const BUREAU_SECTIONS: HelpSection[] = [
  {
    id: 'bureau',
    title: '九、市商务局',
    items: [
      { text: '在“设置 → 本单位”中选“市商务局”和本市，程序显示市商务局的页面。' },
      { text: '收件箱：收取各开发区的报送工作簿（可一次选择多个文件，或把文件拖到窗口中），逐份核对校验码和表格；联网报送的工作簿自动收取。可“退回修改”。' },
      { text: '报送情况：各开发区各期是否已报、版次和时间。汇总：全市合计和按开发区类型的汇总。排名：各开发区的指标排名。图表：增速图，可保存为 PNG。' },
      { text: '通报：按汇总数据起草通报，可导出 Word 文档或纯文本。设置：本单位、开发区名录（可新增、更名或导入名录表）、联网报送。' },
    ],
  },
];

/** Keys that work everywhere. */
export const HELP_KEYS: Array<{ keys: string; what: string }> = [
  { keys: 'F1', what: '打开帮助' },
  { keys: 'Esc', what: '关闭帮助或对话框，放弃正在输入的单元格' },
  { keys: 'Ctrl+Z / Ctrl+Y', what: '撤销 / 恢复报表和台账中的修改' },
  { keys: 'Ctrl+V', what: '粘贴从 Excel / WPS 复制的数据' },
];
