# nianbao import 对所读文件的说明：文件为什么不能读，读的是什么，漏掉了什么。
# 与 ../en/import.ftl 的键一一对应（测试检查）。

## 不能导入的文件（运行以代码 2 结束，什么也不写）

import-save-as = 请在 WPS 或 Word 中打开它，“另存为” .docx 后再导入
import-file-too-large = `{ $file }` 超过 { $limit_mb } MB，比任何一份年度文件都大，nianbao 不导入；什么也没有写
import-unknown = `{ $file }` 既不是文本（UTF-8、GB18030/GBK），也不是 nianbao 能读的文件（.docx、.pdf，装有 LibreOffice 时还有 .doc、.wps、.odt、.rtf）；什么也没有写
import-corrupt = `{ $file }` 不是完好的 .docx 文件，无法读取（{ $detail }）；{ import-save-as }；什么也没有写
import-encrypted = `{ $file }` 设有打开密码（已加密），nianbao 不能读；请在 WPS 或 Word 中去掉密码（文件 → 文档加密 / 保护文档）后另存为 .docx 再导入；什么也没有写
import-unpacked = `{ $file }` 解压后超过 { $limit_mb } MB 的文字，不像一份年度文件（可能是“压缩炸弹”），未读取；什么也没有写
import-bad-pdf = `{ $file }` 不是可以读取的 PDF（{ $detail }）；什么也没有写
import-pdf-password = `{ $file }` 设有打开密码，nianbao 不能读；请去掉密码后再导入；什么也没有写
import-scanned = `{ $file }`（{ $pages } 页）没有可以提取的文字，多半是扫描件或图片；请先用文字识别（OCR）软件识别出文字（如 WPS 的“图片转文字”、Adobe Acrobat 的“识别文本”），再导入识别出的 .docx 或文本；什么也没有写
import-no-unicode = `{ $file }` 的字体没有给出文字的编码，提取不出文字；请找来它的 Word 原件，或先用文字识别（OCR）软件识别后再导入；什么也没有写
import-needs-office = 读 .{ $ext } 文件要用 LibreOffice，本机没有找到；{ import-save-as }（或安装 LibreOffice，或用 --soffice 指明 soffice 的位置）；什么也没有写
import-no-soffice = --soffice 指明的 `{ $path }` 不是可以运行的程序；什么也没有写
import-office-failed = LibreOffice 没能把 `{ $file }` 转换为 .docx（{ $detail }）；这个 .{ $ext } 文件可能已损坏或设有密码；{ import-save-as }；什么也没有写
import-office-timeout = LibreOffice 转换 `{ $file }` 超过 { $seconds } 秒仍未完成，已停止；{ import-save-as }；什么也没有写
# 读取器失败的细节（放在上面的括号里）。
import-detail-not-pdf = 文件开头不像 PDF
import-detail-pdf-structure = 无法读取它的结构

## 读了什么，漏掉了什么

import-note-docx = Word 文档（.docx）
import-note-converted = .{ $ext } 文件，由 LibreOffice 转换为 .docx
import-note-pdf = PDF，{ $pages } 页
import-note-images = 未导入的图片 { $count } 张，分别在这些段落之后：{ $places }
import-note-running = 页眉页脚已去掉（{ $pages } 页）：{ $text }
import-note-unmapped = 字体未给出编码的 { $count } 个字符未导入

## 导入时的猜测（警告），和所写 YAML 开头的注释

import-text-empty = 文件中没有文字
import-no-year = 标题、正文和日期中都没有年份：meta.year 设为 2020，请改正
import-no-date = 文末没有日期：日期设为该时期的最后一天（{ $date }），不显示
import-no-part = 没有找到部分（一、……）：开头之后的文字作为一个没有标题的部分
import-header = 由 `nianbao import` 导入。数字是从正文中找出的，名称可随意修改。

## 导入时对文档的说明

import-control-dropped = 这一行里的控制字符已去掉
import-furniture-dropped = 已去掉网页上的附加内容：{ $text }
import-half-width = 半角标点已改为全角（第 { $columns } 列）：{ $line }
import-after-date = 日期之后的文字，已作为附件的正文保留：{ $text }
import-heading-not-numbered = 设为 { $level } 级标题但没有编号，已作为段落保留（{ $text }）
import-no-part-level = 文档中没有“一、”这一级：其中的（一）读作一个无标题部分的各节
import-table-before-part = 第一部分之前的表格：其文字已作为开头的段落保留
import-no-level-above = “{ $text }”之上没有“1.”这一级，已作为带编号的段落保留
import-after-plan-item = 计划条目之后的段落，已并入这一条
import-read-as-point = “{ $text }”读作要点“{ $expected }是{ $rest }”
