# 各命令自己的用语：状态行、拒绝的理由、服务器的答复。命令用 --lang 指定的语言，
# 否则用文档的语言，再否则用用户系统的语言。

## 检查之后

run-summary = { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告
error-prefix = 错误：

## build、watch、next、rollup、import

wrote = 已写出 { $path }
not-built = 未生成（{ $total } 个中的 { $failed } 个）：{ $names }
list-and = { $rest } 和 { $last }
outputs-shared = { $inputs } 都会写出 { $outputs }，未写出任何文件
    .hint = 给其中的输入改名，或用 -o 把它们分别生成到不同的文件夹
no-file-name = `{ $path }` 没有文件名
exists-no-force = `{ $path }` 已存在，nianbao 不会覆盖它（要替换，请加 --force）
watching = 正在监视 { $count } 个输入；按 Ctrl-C 停止
watch-kept = 保留上一次无误的输出，等待下一次修改
cannot-watch = 无法监视 `{ $path }`：{ $error }
rollup-missing-count = 注意：统计数字“{ $count }”在 { $total } 个输入中有 { $missing } 个没有：{ $names }
import-no-text = `{ $path }` 中没有文字，什么也没有写
import-too-large = 由 `{ $path }` 生成的输入将有 { $size } MB，超过 nianbao 能读的 { $limit } MB，什么也没有写
    .hint = 把文档分成几部分导入（一年的总结远比这小）
import-check-here = 请核对写出的 YAML 中这一处
import-would-not-load = 写出的输入无法读入：请报告这份文档
import-unreadable = 无法读取其内容

## archive

archive-list-problems = 警告：列出时发现 { $count } 个问题；请运行 `nianbao archive verify --dir { $dir }`
archive-migrated = 已把 { $dir } 中的 { $documents } 份文档（{ $versions } 个版本）迁移为 OCFL 1.1 存储库
archive-stored = 已归档 { $path }（第 { $version } 版，sha512 { $sha512 }）
archive-exists = `{ $path }` 已经归档，归档的文件永不覆盖
    .hint = 要归档更正后的文档，请加 --replace：它成为下一个版本，之前的版本都保留
archive-verified = 已核验 { $dir } 中的 { $documents } 份文档、{ $versions } 个版本、{ $files } 个文件：是有效的 OCFL 1.1 存储库，每条记录都与其文件相符
archive-not-verified = `{ $dir }` 中的归档未通过核验：{ $count } 个问题

## fonts

fonts-fallback = （随附；只在各角色的字体缺少某个汉字时载入）
fonts-none = 无
fonts-from = 来自 { $origin }
fonts-loaded = 已载入 { $count } 个字体；各角色按以下顺序查找，先找到的已安装字体优先：

## serve

serve-serving = 正在 { $url } 提供 { $path }（按 Ctrl-C 停止）
serve-no-runtime = 无法启动服务器：{ $error }
serve-cannot-listen = 无法在 { $address } 上监听：{ $error }（可能有别的程序占用了这个端口：试试 --port 0）
serve-stopped = 服务器已停止：{ $error }
serve-no-browser = 无法启动浏览器：请自行打开 { $url }
serve-drafts = { $files } 个文件却有 { $drafts } 份草稿：请重新载入页面
serve-has-errors = 输入有错误：请先改正
serve-unknown-format = 未知的格式 `{ $format }`：可用 md、pdf 或 docx
serve-too-large = 草稿有 { $size } MB；nianbao 能读的输入最大 { $limit } MB：请把它分成一个文件夹中的几个文件
serve-changed = 页面读取之后，文件已被其他程序修改：请重新载入（您的修改仍在页面中；请先从 YAML 标签页复制出来）
serve-not-regular = 这里已不是一个普通文件（被换成了链接或文件夹）；nianbao 只提供文件本身
serve-no-file = 没有第 { $index } 个文件
serve-bad-host = Host 头必须是 127.0.0.1 或 localhost 加这个端口
serve-other-site = 拒绝来自其他网站的请求
serve-not-json = 写入请求必须以 application/json 发送
serve-not-utf8 = 有文件不是 UTF-8 编码
serve-start = nianbao 已启动，页面地址 { $url } （文件夹：{ $folder }）。关闭此窗口即退出。
serve-folder-name = 年报
serve-no-folder = 找不到存放文件的文件夹：请先进入一个文件夹，再在那里运行 nianbao
serve-no-input = 没有选定要编辑的文件：请回到首页，打开或新建一份
serve-outside = “{ $name }”不是这个文件夹中的文件：nianbao 只读写它所在文件夹里的文件
serve-no-such-input = 文件夹中没有“{ $name }”（也许已被移走或改名）：请回到首页重新选择
serve-exists = 文件夹中已有“{ $name }”，nianbao 没有覆盖它：请在“打开”中打开它，或先把它改名
serve-new-no-organisation = 请填写单位名称
serve-new-bad-half = 半年只能是上半年或下半年
serve-new-bad-kind = 未知的文种 `{ $kind }`
serve-import-not-base64 = 上传的文件不完整：请重新选择文件
serve-image-too-large = 图片太大：印章和签名章图片最大 { $limit } MB
serve-image-format = 这个文件不是 PNG 或 SVG 图片：请把印章存为 PNG（透明背景）或 SVG 再选择

## 引擎

templates-missing = 模板文件夹 `{ $path }` 不存在
previous-has-errors = 上一期的输入有错误：未核对其计划的落实情况
    .hint = 请运行 `nianbao check { $path }`
missing-glyph = 没有字体含有“{ $char }”（U+{ $code }）的字形
    .hint = 用 --font-path DIR 加入含有它的字体，或换一种写法；否则它会印成一个空框

## import --dry-run：读出了什么

import-read-as = 读取方式：{ $how }；什么也没有写（--dry-run）
import-wrote = 已写出 { $path }（读取方式：{ $how }）
found-title = 标题：{ $title }（{ $how ->
    [written] 原文所写
   *[derived] 自动生成
  }）
found-meta = 单位：{ $organisation }；年度：{ $year }{ $half }；语言：{ $lang }
found-lang-zh = 中文
found-lang-en = 英文
found-half = ，{ $half ->
    [1] 上半年
   *[other] 下半年
  }
found-ending = 落款：{ $signature }；日期：{ $date }
found-opening = 开头：1 段
found-parts = 部分：{ $count } 个
found-part = { $n }. { $role }：{ $heading } — { $holds }
found-nothing = 空
found-intro = 导语 { $n } 段
found-points = 要点 { $n } 条
found-items = 条目 { $n } 条
found-blocks = 正文块 { $n } 个
found-sections = 小节 { $n } 个
found-counts = 统计数字：{ $count } 个
found-attachments = 附件：{ $count } 个
role-work = 工作
role-problems = 问题
role-plans = 计划
role-other = 其他
rollup-wrote = 已写出 { $path }（{ $inputs } 个输入的 { $counts } 个统计数字）
next-has-errors = `{ $path }` 有错误；请先运行 `nianbao check { $path }`
fonts-face = { $family }（{ $style }，字重 { $weight }）
fonts-fallback-role = 后备字体
notes-separator = ；

## new：新建文档

new-todo = 待补充。
new-date-comment = 成文日期：定稿时改为实际日期
new-header = 由 `nianbao new` 新建。请把“{ $todo }”换成实际内容；`nianbao check` 会列出还没写完的地方。
new-prompt = { $prompt }：
new-prompt-default = { $prompt }（{ $default }）：
new-prompt-choose = { $prompt }（用 ↑ ↓ 选择，回车确认）：
new-year-not-a-number = 年份 `{ $year }` 要写成数字，如 2026
new-ask-organisation = 单位名称
new-ask-year = 年份
new-ask-period = 期间
new-period-year = 全年
new-period-first-half = 上半年
new-period-second-half = 下半年
new-ask-kind = 文种
new-kind-combined = 年度工作总结及下一年工作计划
new-kind-summary = 年度工作总结
new-kind-summary-first-half = 上半年工作总结
new-kind-summary-second-half = 下半年工作总结
new-kind-plan = 工作计划
new-kind-combined-first-half = 上半年工作总结和下半年工作计划
new-kind-combined-second-half = 下半年工作总结和下一年上半年工作计划
new-kind-half = 半年总结和下半年计划
new-ask-areas = 主要工作（用顿号或逗号分开，如：思想引领、服务职工、自身建设）
new-ask-signature = 落款
new-ask-date = 成文日期
new-missing = 新建文档需要 { $what }：在终端里运行 nianbao new 回答提问，或用 { $flags } 给出
new-bad-date = 日期 `{ $date }` 不是“年-月-日”（如 2026-12-08）
new-bad-year = 年份 `{ $year }` 不在 1900–2100 之间
new-wrote = 已新建 { $path }
new-next = 下一步：nianbao serve "{ $path }" 在浏览器中填写，或直接编辑这个文件后运行 nianbao check
