# 命令行的帮助：help-命令 是命令的简介（.long：--help 的长说明，.after：选项之后的文字），
# help-命令--参数 是某个选项的说明，help-arg-参数 是命令没有自己的说明时所用的。

help-flag-help = 显示帮助
help-flag-version = 显示版本
help-heading-usage = 用法：
help-heading-commands = 命令：
help-heading-arguments = 参数：
help-heading-options = 选项：
help-usage-options = [选项]
help-usage-command = 命令
help-list-separator = 、
help-possible = [可选：{ $values }]
help-possible-heading = 可选的值：
help-possible-item = { $value }：
help-default = [默认：{ $value }]
help-value-name-INPUT = 输入
help-value-name-DIR = 文件夹
help-value-name-FILE = 文件
help-value-name-PATH = 路径
help-value-name-N = 数目
help-value-name-NAME = 名称
help-value-name-DATE = 日期
help-value-name-LANG = 语言
help-value-name-LIST = 列表
help-value-name-FONTS = 字体
help-value-name-OUT = 输出
help-value-name-KIND = 文种
help-value-name-FORMAT = 格式
help-value-name-YEAR = 年份
help-value-name-HALF = 半年
help-value-name-CODE = 代码
help-value-name-PORT = 端口
help-value-name-WHAT = 内容
help-value-name-DENY = 什么
help-value-name-SHELL = shell
help-value-name-OUT-yaml = 输出.yaml
help-value-name-NEW-yaml = 新文件.yaml

cli-error = 错误：
cli-error-no-value = `{ $arg }` 需要一个值，但没有给出
cli-error-bad-value = `{ $value }` 不是 `{ $arg }` 可用的值
cli-error-unknown-argument = 没有这个选项或参数：`{ $arg }`
cli-error-unknown-command = 没有这个命令：`{ $command }`
cli-error-no-equals = `{ $arg }` 的值要用等号紧接着写
cli-error-too-many = `{ $arg }` 只要一个值，多出了 `{ $value }`
cli-error-number-of-values = `{ $arg }` 的值的个数不对
cli-error-repeated = `{ $arg }` 只能写一次
cli-error-conflict = `{ $arg }` 不能和 { $other } 一起用
cli-error-missing = 缺少必需的参数：{ $args }
cli-error-missing-command = `{ $command }` 后面要写一个命令
cli-error-not-utf8 = 参数中有无效的 UTF-8 文字
cli-error-did-you-mean-command = 提示：有一个相近的命令：`{ $names }`
cli-error-did-you-mean-argument = 提示：有一个相近的选项：`{ $names }`
cli-error-did-you-mean-value = 提示：有一个相近的值：`{ $names }`
cli-error-dash-dash = 提示：要把 `{ $arg }` 当作值，写成 `-- { $arg }`
cli-error-option-help = `--{ $option }`：{ $help }
cli-error-more = 更多说明请运行 `{ $command } --help`。

help-value-kind-combined = 总结、问题和计划，同范文
help-value-kind-summary = 只要总结和问题
help-value-kind-plan = 单独的下一期计划
help-value-docx-fonts-windows = 仿宋、黑体、楷体、宋体：每台中文 Windows 和 WPS 都有
help-value-docx-fonts-gb2312 = 仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体：很多单位为公文安装的字体
help-value-docx-fonts-free = nianbao 随附的免费 Fandol 字体（FandolFang、FandolHei、FandolKai、FandolSong）：在打开 DOCX 的电脑上安装它们
help-value-format-md = Markdown：DIR/<输入名>.md
help-value-format-pdf = PDF：DIR/<输入名>.pdf
help-value-format-docx = 供 WPS 和 Word 使用的 DOCX：DIR/<输入名>.docx

help-arg-inputs = 输入的 YAML 文件
help-arg-format = 写出哪些格式，用逗号分开：md、pdf、docx（全部：md,pdf,docx）
help-arg-lang = 消息的语言（默认：文档的语言，即 `meta.lang`）
help-arg-deny = `--deny warnings`：把所有警告当作错误
help-arg-previous = 上一期的输入，用来核对其计划的落实（默认：输入旁边的 `<上一期>.yaml`，如 2019.yaml、2022-H1.yaml；没有时，输入旁边同一单位上一期的、以标题命名的输入）
help-arg-font_paths = 另外使用这个文件夹中的字体（可重复）；它们优先于已安装的字体
help-arg-no_system_fonts = 不找已安装的字体；只用 --font-path 和随附的字体
help-arg-output = 文档写到哪个文件夹
help-arg-kind = 哪一份文档：总结、问题和计划（同范文），只要总结，或只要计划
help-arg-docx_fonts = DOCX 使用的中文字体名：windows（仿宋、黑体、楷体、宋体）、gb2312（仿宋_GB2312、楷体_GB2312、方正小标宋简体）或 free（nianbao 随附的 Fandol 字体）
help-arg-templates = 模板文件夹；与内置模板同名的文件（report.md、part.md、block.md、closing.md、attachments.md、appendix.md、style.typ、style-en.typ）替换内置的
help-arg-timings = 显示每一步用了多长时间
help-arg-keep_going = 即使其他输入有错误或读不了，也生成没有错误的输入的文档；最后列出失败的输入（退出码 1；有输入读不了或写不了时为 2）
help-arg-jobs = 同时生成几份文档（默认：每个处理器核心一份）
help-arg-dir = 归档文件夹

help = 把一年工作的记录（YAML）变成年度工作总结和下一年的工作计划
    .long =
        把一年工作的记录（YAML）变成年度工作总结和下一年的工作计划。

        事实以数据保存：数字是有名称的统计数字，在正文中引用；编号（一、 （一） 一是）自动生成；`check` 在文件发出之前找出常见的错误。
    .after =
        例子：
          nianbao                                   # 在浏览器中打开开始页
          nianbao new                               # 新建一份总结
          nianbao check inputs/2020.yaml
          nianbao build inputs/2020.yaml            # 写出 output/2020.md 和 output/2020.pdf
          nianbao build inputs/2020.yaml --format md
          nianbao fonts                             # 每种用途用的是哪个字体
          nianbao build inputs/*.yaml -o out --templates my-templates

        退出码：0 成功，1 输入有错误，2 用法或读写错误。

help-check = 检查输入并显示诊断；什么也不写
    .after =
        退出码：0 没有错误（可以有警告），1 输入有错误，2 文件读不了。
        `nianbao check --help` 列出所有诊断代码。
    .exit = 退出码：0 没有错误（可以有警告），1 输入有错误，2 文件读不了。
help-check--format = 诊断的显示方式：human 在标准错误上显示文字，json 在标准输出上给出一个 JSON 文档

help-build = 检查输入，把文档写到输出文件夹
    .after =
        为每个输入写出 DIR/<输入名>.md 和 DIR/<输入名>.pdf（DIR 默认为 `output`，可用 -o 指定）。
        PDF 由这份 Markdown 按公文格式（GB/T 9704）排版。
        有警告照样生成；有错误就停止，什么也不写。

        例子：
          nianbao build inputs/2020.yaml
          nianbao build inputs/2020.yaml -o out --format pdf --font-path ~/fonts

help-archive = 把定稿的文档以 PDF/A-2b 归档到 OCFL 存储库；`archive verify`、`list`、`migrate`
    .after =
        DIR 是 OCFL 1.1 存储库（https://ocfl.io）：每份文档是 DIR/<年份>/<单位>-<文种> 下的一个对象，
        其版本 v1 保存 PDF/A-2b、它的 Markdown、输入的副本和 nianbao.json（文档的说明），每个文件的
        sha512 都记在对象的清单中。只归档定稿：有错误、有（统计具体数字）之类的占位文字或没有数值的
        统计数字，都会被拒绝。已归档的文件永不改动；--replace 增加一个版本（v2、v3……），之前的都保留。
        写入时加锁，一个版本由一次改名提交：中途崩溃也停在上一次提交的状态。

        例子：
          nianbao archive inputs/2020.yaml
          nianbao archive inputs/2020.yaml --replace
          nianbao archive verify
          nianbao archive list --dir output/archive
          nianbao archive migrate --dir old-archive
help-archive--inputs = 定稿文档的输入 YAML 文件
help-archive--docx = 在 PDF/A 旁边同一版本里也保存一份 DOCX
help-archive--docx_fonts = DOCX 使用的中文字体名：windows、gb2312 或 free
help-archive--dir = 归档文件夹
help-archive--replace = 已经归档的再归档一次，作为下一个版本（之前的版本都保留）
help-archive--kind = 哪一份文档，同 `build`
help-archive--templates = 模板文件夹，同 `build`

help-archive-verify = 核验存储库（OCFL 1.1，每个 sha512），并逐条核对记录与文件：PDF 的标题、作者、日期和 PDF/A 标识，再读一遍输入（有任何问题，退出码为 1）

help-archive-list = 把归档列成表：年份、单位、文种、日期、版本、文件

help-archive-migrate = 把 nianbao 早期格式（manifest.json）的归档转为 OCFL 存储库，事先按清单核对每个文件；中断的迁移可以接着做

help-import = 把去年的文档（Word、WPS、PDF、文本或 Markdown）读成 YAML 输入
    .after =
        读 .docx 和 .pdf，装有 LibreOffice 时还读 .doc、.wps、.odt、.rtf，以及 UTF-8 或 GB18030/GBK 文本
        和 Markdown（.md）。认出标题、开头、各部分和各级标题（一、 （一） 1. 1、 （1））、一是/二是、
        标题与正文同段的写法、存在的问题、下一期的计划、附件、落款和日期。接上被分页断开的行，去掉
        网页和 PDF 带来的页眉、页脚和页码，把带单位的数字（411人、17项、8.5万元）变成有名称的统计数字。
        放不下的内容保留为段落并报告出来。

        例子：
          nianbao import 2020年工作总结.docx -o inputs/2020.yaml && nianbao check inputs/2020.yaml
help-import--file = 文档：.txt（UTF-8 或 GB18030/GBK）、.md、.docx、.pdf，装有 LibreOffice 时还有 .doc、.wps、.odt、.rtf
help-import--output = YAML 输入写到哪里
help-import--force = 已有 OUT.yaml 时替换它
help-import--dry_run = 什么也不写：在标准输出上列出读出的结构（各部分的类别和标题、各有什么、统计数字）
help-import--soffice = 用来转换 .doc、.wps、.odt、.rtf 的 LibreOffice 程序（soffice）（默认：在 PATH 或常见的安装位置中查找）
help-import--lang = 消息的语言（默认：文档的语言；中文）

help-new = 新建一份文档：按主要工作分节的框架
    .after =
        写出 <标题>.yaml（如 某某学院工会2026年工作总结及2027年工作计划.yaml）：基本信息、开头、
        每项主要工作的一个小节和一条计划、存在的问题，各处都留有要替换的占位文字。
        `nianbao check` 接受它并列出还没写完的地方。在终端里，没用选项给出的会逐项询问；
        在脚本里，--org 和 --year 必须给出。

        例子：
          nianbao new
          nianbao new --org 某某学院工会 --year 2026 --areas 思想引领、服务职工、自身建设
          nianbao new --org "Riverside Tenants' Club" --year 2026 --lang en --kind summary
help-new--org = 单位名称
help-new--year = 文档所写的年份（工作计划：计划的年份）
help-new--half = 半年文档：1（上半年）或 2（下半年）
help-new--kind = 哪一种文档
help-new--areas = 主要工作，用逗号或顿号分开（成为总结的各小节和计划的各条）
help-new--signature = 落款（默认：单位名称）
help-new--date = 成文日期，YYYY-MM-DD（默认：今天，或该期的最后一天）
help-new--lang = 文档的语言：zh（默认）或 en
help-new--output = 写到哪里（默认：当前文件夹中的 <标题>.yaml）
help-new--force = 已有 FILE 时替换它

help-next = 用这一期的计划开始下一期的输入
    .after =
        写出 NEW.yaml：期间往后推一期，这一期的每条计划成为总结的一个小节（标题和 `fulfils: <计划编号>`，
        要点留待填写），统计数字保留但不带数值，开头和问题留待填写，再下一期的计划按同样的几方面列出。
        `nianbao check NEW.yaml` 接受它并列出还没写完的地方。

        例子：
          nianbao next inputs/2020.yaml -o inputs/2021.yaml
help-next--input = 这一期的输入
help-next--output = 下一期的输入写到哪里
help-next--force = 已有 NEW.yaml 时替换它

help-rollup = 把基层工会的输入汇总成上级工会的输入（或一张 CSV 表）
    .after =
        同名的统计数字相加（同一个名称在两个输入中单位或说明不同，是错误，两处都会指出）；缺少某个数字的
        输入会列出来。写出的 YAML 以合计为统计数字（各带 `from:` 列出相加的单位），有一部分引用所有合计，
        附件是各单位的数字和合计行；它和任何输入一样可以检查和生成。--format csv 只写出这张表。

        例子：
          nianbao rollup unions/*.yaml --organisation 某某市总工会 -o federation-2021.yaml
help-rollup--inputs = 基层的输入（文件或文件夹），都是同一期的
help-rollup--output = 上级的输入（或 CSV 表）写到哪里
help-rollup--organisation = 上级工会的名称，用于其输入的基本信息和落款
help-rollup--format = yaml：上级工会的输入；csv：各单位数字的表，供电子表格使用
help-rollup--force = 已有 OUT 时替换它

help-serve = 在浏览器中用表单编辑输入，边写边检查，旁边是排好的页面
    .after =
        在 http://127.0.0.1:PORT/ 提供页面（只限本机）。表单包含整个输入（文件夹输入：一次一个文件，
        在表单上方选择）；YAML 标签页显示文件本身。每次修改都像 `nianbao check` 一样检查（每条诊断在
        对应字段旁边），停止输入后重新排版页面。保存时原地写回文件：注释、空行和键的顺序都保留。
        文件被其他程序修改时，页面重新载入（有未保存的修改时会提示）。下载：表单内容的 Markdown、PDF、DOCX。

        例子：
          nianbao serve inputs/2020.yaml --open
help-serve--input = 要编辑的输入：一个 YAML 文件，或一个文件夹输入（每个文件分别编辑和保存）；其他文件夹或不写：那个文件夹的开始页（不写：当前文件夹，或“文档”中的 年报 文件夹）
help-serve--port = 127.0.0.1 上的端口（0：任一空闲端口）
help-serve--open = 用默认浏览器打开页面

help-watch = 生成输入的文档，之后每次修改都重新生成（选项同 build）
    .after =
        像 `nianbao build` 一样生成每个输入，然后监视它们：输入文件（或文件夹输入中的文件）一改动，
        就重新检查并生成这个输入，并显示它的诊断。有错误的修改什么也不写，上一次无误的输出保留。
        按 Ctrl-C 停止。

        例子：
          nianbao watch inputs/2020.yaml -o output

help-fonts = 列出每种用途（标题、宋体、仿宋、黑体、楷体、西文）所用的字体
    .after =
        优先使用以常用名称安装的字体（仿宋_GB2312、SimSun、SimHei、KaiTi、方正小标宋……）；
        没有时用 nianbao 随附的免费字体。

help-explain = 说明一个诊断代码：含义、一个会出现它的输入、怎样改正
    .after =
        CODE 是代码（E0608）或规则名（invalid-figure）；`nianbao check --help` 列出所有代码。
        不加 --lang 时先显示中文，再显示英文。

        例子：
          nianbao explain E0608
          nianbao explain placeholder --lang en
help-explain--code = 代码（E0608）或规则名（invalid-figure）
help-explain--lang = 说明的语言（默认：用户的语言，由系统的区域设置决定）

help-completions = 显示一个 shell 补全脚本（bash、zsh、fish、powershell、elvish）
    .after =
        例子：
          nianbao completions bash > ~/.local/share/bash-completion/completions/nianbao
          nianbao completions zsh > ~/.zfunc/_nianbao
          nianbao completions fish > ~/.config/fish/completions/nianbao.fish
help-completions--shell = shell 的名称

help-man = 在标准输出上显示手册页（roff）
    .after =
        例子：
          nianbao man > ~/.local/share/man/man1/nianbao.1 && man nianbao
help-reference = 把使用说明的参考页（命令、输入字段、诊断代码）写到一个文件夹（供维护使用说明的人用）
help-reference--out = 写到哪个文件夹（docs/src/reference）
