# What `nianbao import` says about the files it reads: why a file cannot be
# read, how one was read, and what was left out of it.

## Files that cannot be imported (the run exits 2 and writes nothing)

import-save-as = open it in WPS or Word, "Save As" .docx and import that
import-file-too-large = `{ $file }` is larger than { $limit_mb } MB, more than any year's report; nianbao imports documents up to that size; nothing was written
import-unknown = `{ $file }` is neither text (UTF-8, GB18030/GBK) nor a file nianbao reads (.docx, .pdf, and with LibreOffice .doc, .wps, .odt, .rtf); nothing was written
import-corrupt = `{ $file }` is not a sound .docx file and cannot be read ({ $detail }); { import-save-as }; nothing was written
import-encrypted = `{ $file }` is protected by a password (encrypted) and nianbao cannot read it; remove the password in WPS or Word, save it as .docx and import that; nothing was written
import-unpacked = `{ $file }` unpacks to more than { $limit_mb } MB of text, which no year's report holds (it may be a zip bomb); it was not read; nothing was written
import-bad-pdf = `{ $file }` is not a PDF that can be read ({ $detail }); nothing was written
import-pdf-password = `{ $file }` is protected by a password and nianbao cannot read it; remove the password and import it again; nothing was written
import-scanned = `{ $file }` ({ $pages } pages) holds no text to extract: it is most likely scanned or made of images; recognise its text with an OCR program first (WPS "image to text", Adobe Acrobat "Recognize Text") and import the .docx or text it makes; nothing was written
import-no-unicode = `{ $file }`'s fonts do not say which characters they draw, so no text can be extracted; find its Word original, or recognise it with an OCR program first; nothing was written
import-needs-office = reading a .{ $ext } file needs LibreOffice, which was not found on this computer; { import-save-as } (or install LibreOffice, or give the place of soffice with --soffice); nothing was written
import-no-soffice = `{ $path }` given with --soffice is not a program that can be run; nothing was written
import-office-failed = LibreOffice could not convert `{ $file }` to .docx ({ $detail }); the .{ $ext } file may be damaged or protected by a password; { import-save-as }; nothing was written
import-office-timeout = LibreOffice did not finish converting `{ $file }` in { $seconds } seconds and was stopped; { import-save-as }; nothing was written
# A reader's failure, shown in the brackets above.
import-detail-not-pdf = it does not start as a PDF does
import-detail-pdf-structure = its structure cannot be read

## How a file was read, and what was left out

import-note-docx = a Word document (.docx)
import-note-converted = a .{ $ext } file, converted to .docx by LibreOffice
import-note-pdf = a PDF of { $pages } pages
import-note-images = { $count } images left out, after these paragraphs: { $places }
import-note-running = running header or footer dropped ({ $pages } pages): { $text }
import-note-unmapped = { $count } characters whose fonts give no Unicode left out

## What import had to guess (warnings), and the comment the YAML starts with

import-text-empty = the file holds no text
import-no-year = no year in the title, the text or the date: meta.year is set to 2020; change it
import-no-date = no date at the end: the date is set to the period's last day ({ $date }) and not shown
import-no-part = no part (一、…) found: the text after the opening is one part without a heading
import-header = Imported by `nianbao import`. Counts were found in the text: rename them as you like.

## What import says of a document it read

import-control-dropped = control characters dropped from this line
import-furniture-dropped = page furniture dropped: { $text }
import-half-width = half-width punctuation made full-width (column { $columns }): { $line }
import-after-date = text after the date, kept as an attachment's text: { $text }
import-heading-not-numbered = formatted as a heading of level { $level } but not numbered: kept as a paragraph ({ $text })
import-no-part-level = no part 一、 in the document: its （一） headings are read as the sections of one part without a heading
import-table-before-part = a table before the first part: its text kept as a paragraph of the opening
import-no-level-above = “{ $text }” has no 1. level above it: kept as a paragraph with its number
import-after-plan-item = a paragraph after a plan item: kept with it
import-read-as-point = “{ $text }” read as the point “{ $expected }是{ $rest }”
