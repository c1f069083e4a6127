# The command line's help: help-COMMAND is a command's summary (.long: the
# longer text of --help, .after: what follows the options), help-COMMAND--ARG an
# option's, help-arg-ARG an option's wherever a command has none of its own.

help-flag-help = Print help
help-flag-version = Print version
help-heading-usage = Usage:{" "}
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-usage-options = [OPTIONS]
help-usage-command = COMMAND
help-list-separator = {", "}
help-possible = [possible values: { $values }]
help-possible-heading = Possible values:
help-possible-item = { $value }:
help-default = [default: { $value }]
help-value-name-INPUT = INPUT
help-value-name-DIR = DIR
help-value-name-FILE = FILE
help-value-name-PATH = PATH
help-value-name-N = N
help-value-name-NAME = NAME
help-value-name-DATE = DATE
help-value-name-LANG = LANG
help-value-name-LIST = LIST
help-value-name-FONTS = FONTS
help-value-name-OUT = OUT
help-value-name-KIND = KIND
help-value-name-FORMAT = FORMAT
help-value-name-YEAR = YEAR
help-value-name-HALF = HALF
help-value-name-CODE = CODE
help-value-name-PORT = PORT
help-value-name-WHAT = WHAT
help-value-name-DENY = DENY
help-value-name-SHELL = SHELL
help-value-name-OUT-yaml = OUT.yaml
help-value-name-NEW-yaml = NEW.yaml

cli-error = error:{" "}
cli-error-no-value = a value is required for '{ $arg }' but none was supplied
cli-error-bad-value = invalid value '{ $value }' for '{ $arg }'
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-error-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-number-of-values = wrong number of values for '{ $arg }'
cli-error-repeated = the argument '{ $arg }' cannot be used multiple times
cli-error-conflict = the argument '{ $arg }' cannot be used with { $other }
cli-error-missing = the following required arguments were not provided: { $args }
cli-error-missing-command = '{ $command }' requires a subcommand but one was not provided
cli-error-not-utf8 = invalid UTF-8 was detected in one or more arguments
cli-error-did-you-mean-command = tip: a similar subcommand exists: '{ $names }'
cli-error-did-you-mean-argument = tip: a similar argument exists: '{ $names }'
cli-error-did-you-mean-value = tip: a similar value exists: '{ $names }'
cli-error-dash-dash = tip: to pass '{ $arg }' as a value, use '-- { $arg }'
cli-error-option-help = --{ $option }: { $help }
cli-error-more = For more information, try '{ $command } --help'.

help-value-kind-combined = Summary, problems and plan, like the seed
help-value-kind-summary = The summary and problems only
help-value-kind-plan = A standalone plan for the next period
help-value-docx-fonts-windows = 仿宋, 黑体, 楷体, 宋体: on every Chinese Windows and in WPS
help-value-docx-fonts-gb2312 = 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体: what many offices install for 公文
help-value-docx-fonts-free = The free Fandol fonts nianbao carries (FandolFang, FandolHei, FandolKai, FandolSong): install them where the DOCX is opened
help-value-format-md = Markdown: DIR/<stem>.md
help-value-format-pdf = PDF: DIR/<stem>.pdf
help-value-format-docx = DOCX for WPS and Word: DIR/<stem>.docx

help-arg-inputs = Input YAML files
help-arg-format = What to write, comma-separated: md, pdf, docx (md,pdf,docx for all)
help-arg-lang = The language of the messages (default: the document's, `meta.lang`)
help-arg-deny = `--deny warnings` turns every warning into an error
help-arg-previous = Last period's input, to check that its plans are fulfilled (default: `<previous period>.yaml` beside the input, e.g. 2019.yaml, 2022-H1.yaml, else the input beside it of the same organisation and the period before, named after its title)
help-arg-font_paths = Also use the fonts in this folder (repeatable); they come before installed ones
help-arg-no_system_fonts = Do not look for installed fonts; use only --font-path and the carried fonts
help-arg-output = Where the documents go
help-arg-kind = Which document: the summary with problems and plan (like the seed), the summary only, or the plan only
help-arg-docx_fonts = The East-Asian font names the DOCX asks for: windows (仿宋, 黑体, 楷体, 宋体), gb2312 (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体) or free (the Fandol fonts nianbao carries)
help-arg-templates = A folder of templates; a file named like a built-in one (report.md, part.md, block.md, closing.md, attachments.md, appendix.md, style.typ, style-en.typ) replaces it
help-arg-timings = Print how long each stage took
help-arg-keep_going = Make the documents of the inputs without errors even when others have some, or cannot be read at all; the failed inputs are listed at the end (exit 1; 2 when one could not be read or written)
help-arg-jobs = How many documents to make at once (default: one per core)
help-arg-dir = The archive folder

help = Turns YAML records of a year's work into the year-end work summary (年度工作总结) and next year's plan
    .long =
        Turns YAML records of a year's work into the year-end work summary (年度工作总结) and next year's plan.

        The facts are kept as data: counts are named figures referenced from the text, numbering (一、 （一） 一是) is generated, and `check` finds what offices get wrong before the document goes out.
    .after =
        Examples:
          nianbao                                   # the start page in the browser
          nianbao new                               # start a new summary
          nianbao check inputs/2020.yaml
          nianbao build inputs/2020.yaml            # writes output/2020.md and output/2020.pdf
          nianbao build inputs/2020.yaml --format md
          nianbao fonts                             # which font serves each role
          nianbao build inputs/*.yaml -o out --templates my-templates

        Exit codes: 0 success, 1 the input has errors, 2 usage or I/O failure.

help-check = Validate inputs and print diagnostics; writes nothing
    .after =
        Exit codes: 0 no errors (warnings allowed), 1 errors in an input, 2 a file cannot be read.
        `nianbao check --help` lists every diagnostic code.
    .exit = Exit codes: 0 no errors (warnings allowed), 1 errors in an input, 2 a file cannot be read.
help-check--format = How to print diagnostics: human text on stderr, or one JSON document on stdout

help-build = Validate inputs and write the documents to the output folder
    .after =
        Writes DIR/<input stem>.md and DIR/<input stem>.pdf for each input (DIR is `output`
        unless -o says). The PDF is typeset from that Markdown in the style of a 公文 (GB/T 9704).
        Warnings are printed and do not stop a build; errors do, and then nothing is written.

        Examples:
          nianbao build inputs/2020.yaml
          nianbao build inputs/2020.yaml -o out --format pdf --font-path ~/fonts

help-archive = Archive final documents as PDF/A-2b in an OCFL storage root; `archive verify`, `list`, `migrate`
    .after =
        DIR is an OCFL 1.1 storage root (https://ocfl.io): each document is an object at
        DIR/<year>/<organisation>-<kind>, whose version v1 holds the PDF/A-2b, its Markdown, a
        copy of its input and nianbao.json (what the document is), each with its sha512 in the
        object's inventory. Only final documents are archived: errors, placeholders such as
        （统计具体数字） and counts without values are refused. Nothing archived is changed;
        --replace adds a version (v2, v3…) and keeps the earlier ones. Writers take a lock, and a
        version is committed by one rename: a crash leaves the last committed state.

        Examples:
          nianbao archive inputs/2020.yaml
          nianbao archive inputs/2020.yaml --replace
          nianbao archive verify
          nianbao archive list --dir output/archive
          nianbao archive migrate --dir old-archive
help-archive--inputs = Input YAML files of final documents
help-archive--docx = Keep a DOCX beside the PDF/A, in the same version
help-archive--docx_fonts = The DOCX's East-Asian font names: windows, gb2312 or free
help-archive--dir = The archive folder
help-archive--replace = Archive again what is archived already, as its next version (the earlier ones are kept)
help-archive--kind = Which document, as for `build`
help-archive--templates = A folder of templates, as for `build`

help-archive-verify = Validate the storage root (OCFL 1.1, every sha512) and check each record against its files: the PDF's title, author, date and PDF/A identification, the input read again (exit 1 on any problem)

help-archive-list = Print the archive as a table: year, organisation, kind, date, version, file

help-archive-migrate = Turn an archive of nianbao's earlier format (manifest.json) into the OCFL storage root, after checking every file against the manifest; an interrupted migration goes on

help-import = Read last year's document (Word, WPS, PDF, text or Markdown) into a YAML input
    .after =
        Reads .docx and .pdf, with LibreOffice also .doc, .wps, .odt and .rtf, and UTF-8 or
        GB18030/GBK text and Markdown (.md). Recognises the title, the opening, the parts and
        headings (一、 （一） 1. 1、 （1）), 一是/二是 points, run-in headings, the problems, the next
        period's plan, attachments, the signature and the date. Joins lines broken by page breaks,
        drops a web page's or PDF's running headers, footers and page numbers, and turns figures
        with units (411人, 17项, 8.5万元) into named counts. What it cannot place is kept as a
        paragraph and reported.

        Example:
          nianbao import 2020年工作总结.docx -o inputs/2020.yaml && nianbao check inputs/2020.yaml
help-import--file = The document: .txt (UTF-8 or GB18030/GBK), .md, .docx, .pdf, or with LibreOffice .doc, .wps, .odt, .rtf
help-import--output = Where to write the YAML input
help-import--force = Replace OUT.yaml if it exists
help-import--dry_run = Write nothing: print the structure found (parts with their roles and headings, what each holds, the counts) on standard output
help-import--soffice = The LibreOffice program (soffice) that converts .doc, .wps, .odt and .rtf (default: found on PATH or in the usual install folders)
help-import--lang = The language of the messages (default: the document's; Chinese)

help-new = Start a new document: its skeleton, with a section for each area of work
    .after =
        Writes <title>.yaml (e.g. 某某学院工会2026年工作总结及2027年工作计划.yaml): meta, an opening,
        a summary section and a plan item for each area of work, problems, each with a placeholder
        to replace. `nianbao check` accepts it and lists what is left. On a terminal, what is not
        given as an option is asked; in a script, --org and --year are required.

        Examples:
          nianbao new
          nianbao new --org 某某学院工会 --year 2026 --areas 思想引领、服务职工、自身建设
          nianbao new --org "Riverside Tenants' Club" --year 2026 --lang en --kind summary
help-new--org = The organisation (单位名称)
help-new--year = The year the document covers (a plan: the year planned)
help-new--half = A half-year document: 1 (上半年) or 2 (下半年)
help-new--kind = Which document
help-new--areas = The main areas of work, separated by commas or 、 (the summary's sections and the plan's items)
help-new--signature = The name under the text (default: the organisation)
help-new--date = The document date, YYYY-MM-DD (default: today, or the period's end)
help-new--lang = The document's language: zh (default) or en
help-new--output = Where to write (default: <title>.yaml in the current folder)
help-new--force = Replace FILE if it exists

help-next = Start the next period's input from this one's plans
    .after =
        Writes NEW.yaml: the period advanced, a summary section for each of this period's
        plans (its title and `fulfils: <plan id>`, points left to fill), the counts without
        values, an opening and a problem to write, and the plan of the period after it in the
        same areas. `nianbao check NEW.yaml` accepts it and lists what is left.

        Example:
          nianbao next inputs/2020.yaml -o inputs/2021.yaml
help-next--input = This period's input
help-next--output = Where to write the next period's input
help-next--force = Replace NEW.yaml if it exists

help-rollup = Add up grassroots unions' inputs into a federation's input (or a CSV table)
    .after =
        Counts of the same name are added up (a name given different units or labels in two
        inputs is an error naming both places); inputs that lack a count are listed. The YAML
        written has the totals as counts (each with `from:` the unions it adds up), a part that
        references every total, and an attachment with every union's figures and a total row;
        it checks and builds like any input. --format csv writes the table alone.

        Example:
          nianbao rollup unions/*.yaml --organisation 某某市总工会 -o federation-2021.yaml
help-rollup--inputs = The grassroots inputs (files or folders), all of one period
help-rollup--output = Where to write the federation's input (or the CSV table)
help-rollup--organisation = The federation's name, for its input's meta and signature
help-rollup--format = yaml: the federation's input; csv: the per-union table for a spreadsheet
help-rollup--force = Replace OUT if it exists

help-serve = Edit an input in a form in the browser, checked as you type, its pages beside it
    .after =
        Serves a page on http://127.0.0.1:PORT/ (this computer only). The form holds the whole
        input (a folder input: one file at a time, chosen above the form); the YAML tab shows
        the file itself. Every change is checked as in `nianbao check`
        (each diagnostic beside its field) and the pages are typeset again when typing stops.
        Save writes the file in place: comments, blank lines and the order of keys are kept.
        When the file is changed by another program, the page reloads it (or, with unsaved
        edits, says so). Downloads: Markdown, PDF, DOCX of what the form holds.

        Example:
          nianbao serve inputs/2020.yaml --open
help-serve--input = The input to edit: a YAML file, or a folder input (each file edited and saved on its own); another folder, or none: the start page of that folder (none: this one, or 年报 in Documents)
help-serve--port = The port on 127.0.0.1 (0: any free port)
help-serve--open = Open the page in the default browser

help-watch = Build the inputs, then again whenever one changes (the same options as build)
    .after =
        Builds every input as `nianbao build` does, then watches them: when an input file
        (or a file of a folder input) changes, that input is checked and built again and its
        diagnostics printed. An edit with errors writes nothing, so the last good output stays.
        Ctrl-C stops.

        Example:
          nianbao watch inputs/2020.yaml -o output

help-fonts = List the font that serves each role (title, Song, FangSong, Hei, Kai, serif)
    .after =
        Installed fonts under the customary names (仿宋_GB2312, SimSun, SimHei, KaiTi,
        方正小标宋 …) are preferred; otherwise the free fonts nianbao carries serve.

help-explain = Explain a diagnostic code: what it means, an input that shows it, how to fix it
    .after =
        CODE is a code (E0608) or a rule name (invalid-figure); `nianbao check --help` lists them.
        Without --lang the page is printed in Chinese, then in English.

        Examples:
          nianbao explain E0608
          nianbao explain placeholder --lang en
help-explain--code = The code (E0608) or rule name (invalid-figure)
help-explain--lang = The page's language (default: the user's, from the locale)

help-completions = Print a shell completion script (bash, zsh, fish, powershell, elvish)
    .after =
        Examples:
          nianbao completions bash > ~/.local/share/bash-completion/completions/nianbao
          nianbao completions zsh > ~/.zfunc/_nianbao
          nianbao completions fish > ~/.config/fish/completions/nianbao.fish
help-completions--shell = The shell

help-man = Print the manual page (roff) on standard output
    .after =
        Example:
          nianbao man > ~/.local/share/man/man1/nianbao.1 && man nianbao
help-reference = Write the guide's reference pages (commands, input fields, diagnostic codes) into a folder (for the guide's maintainers)
help-reference--out = The folder to write them into (docs/src/reference)
