# 运行无法继续的原因：读不了或写不了的文件、拒绝的写入、编辑器的拒绝、模板和字体。
# 没有文档可依时，用用户的语言（LC_ALL、LC_MESSAGES、LANG）。

## 运行失败时的最后一行

run-failed = 无法继续
run-failed-one-error = 有 1 处错误，无法继续
run-failed-errors = 有 { $errors } 处错误，无法继续

## 读不了或写不了的文件：io-error，动作是下面的 io-* 之一

io-error = 无法{ $action } `{ $path }`：{ $source }
io-reason-not-found = 没有这个文件或文件夹
io-reason-permission = 没有权限
io-reason-exists = 已经存在
io-reason-is-folder = 这是一个文件夹，不是文件
io-reason-not-folder = 路径中有一部分不是文件夹
io-reason-full = 磁盘已满
io-reason-read-only = 磁盘是只读的
io-reason-invalid-data = 内容不是有效的文字（UTF-8）
io-reason-not-empty = 文件夹不是空的
io-reason-too-large = 文件太大
io-read = 读取
io-write = 写入
io-create = 创建
io-remove = 删除
io-open = 打开
io-clear = 清空
io-stage = 暂存
io-commit = 提交
io-keep-copy = 备份
io-create-folder = 创建文件夹
io-read-folder = 读取文件夹
io-open-lock = 打开锁文件
io-take-lock = 锁定
io-stage-version = 暂存版本到
io-commit-version = 提交版本到

## nianbao 拒绝的写入

output-hard-links =
    `{ $path }` 有 { $names } 个名称（硬链接）；写入新文件会让其他名称仍指向旧的内容
      = help: 把它复制为单独的文件（cp --remove-destination）后使用，或用 -o 写到别处
output-not-regular =
    `{ $path }` { $what ->
        [link] 是符号链接
        [folder] 是文件夹
       *[other] 不是普通文件
    }；nianbao 只替换普通文件
      = help: 删去它，或用 -o 写到别处
load-folder-without-yaml = 文件夹 `{ $path }` 中没有 .yaml 文件
load-link-outside = `{ $path }` 链接到文件夹之外的文件；nianbao 只读文件夹自己的文件：请把文件复制到文件夹中

## 编辑器的拒绝（nianbao serve）

edit-not-yaml = YAML 有语法错误：{ $detail }
edit-not-yaml-at = YAML 第 { $line } 行第 { $column } 列有错误：{ $message }
edit-not-yaml-help = { $said }；{ $hint }
edit-reads-back-differently = 写入后读回的内容会不同
edit-no-way = 没有办法写入
edit-cannot-write = 这项修改在这里写入会改动其他文字（{ $reason }）：请在 YAML 标签页中修改
edit-no-value = { $path } 处没有值
edit-not-a-value = { $path } 处是列表或映射，不是一个值
edit-no-key = 只有映射中的条目才有键
edit-key-used = 这里已经有 `{ $key }`
edit-not-a-list = { $path } 不是可以添加条目的列表（或带键的映射）
edit-whole-document = 不能删除或移动整个文档
edit-count-bad-name = `{ $name }` 不能作数字的名字：名字以文字或 _ 开头，只含文字、数字、_ 和 -（如 生日慰问、困难职工_2）
edit-count-name-used = 已经有名为 `{ $name }` 的数字，请换一个名字
edit-no-count = 没有名为 `{ $name }` 的数字
edit-no-figure = “{ $text }”不是带单位的数字（如 25户、411人、8.5万元、1000余份）
edit-figure-changes = “{ $text }”设为统计数字后会印成“{ $written }”，与原文不同，没有修改
edit-count-name = 数字

## 读回 DOCX

docx-bad-character = { $part }：有 XML 不允许的字符

## 模板

template-folder-unreadable = 无法读取模板文件夹：{ $detail }
    .hint = --templates 要指明一个文件夹；nianbao 仓库中的 `templates/` 是内置的模板
template-unreadable = 无法读取模板：{ $detail }
template-error = 模板错误：{ $detail }
    .hint = 请检查上面指出的模板；使用说明的“模板与字体”和 Templates 页（docs/src/en/templates.md）列出了内置的模板和它们得到的数据

## 字体（nianbao fonts、--font-path）

font-role-title = 标题 title（小标宋 bold Song）
font-role-song = 宋体 Song（页码）
font-role-fang = 仿宋 FangSong（正文）
font-role-hei = 黑体 Hei（一级标题）
font-role-kai = 楷体 Kai（二级标题和段中标题）
font-role-serif = 衬线体 serif（英文文档）
font-carried = nianbao 自带（{ $what }）
font-folder-missing = 字体文件夹 `{ $path }` 不存在
    .hint = --font-path 要指明一个放有 .ttf、.otf、.ttc 或 .otc 文件的文件夹
font-folder-not-folder = 字体文件夹 `{ $path }` 不是文件夹
    .hint = { font-folder-missing.hint }
font-unreadable = `{ $path }` 不是可以读取的字体
    .hint = 请用 TrueType 或 OpenType 字体（.ttf .otf .ttc .otc）；不读 WOFF
font-carried-broken = 自带的字体 { $file } 已损坏
