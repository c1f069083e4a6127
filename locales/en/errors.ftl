# Why a run cannot go on: files that cannot be read or written, refused
# writes, the editor's refusals, templates and fonts. Said in the user's
# language (LC_ALL, LC_MESSAGES, LANG) where no document tells.

## The closing line of a failed run

run-failed = could not go on
run-failed-one-error = could not go on because of 1 error
run-failed-errors = could not go on because of { $errors } errors

## A file that cannot be read or written: io-error with one of the io-* actions

io-error = cannot { $action } `{ $path }`: { $source }
io-reason-not-found = no such file or folder
io-reason-permission = permission denied
io-reason-exists = it exists already
io-reason-is-folder = it is a folder, not a file
io-reason-not-folder = a part of the path is not a folder
io-reason-full = the disk is full
io-reason-read-only = the disk is read-only
io-reason-invalid-data = the content is not valid text (UTF-8)
io-reason-not-empty = the folder is not empty
io-reason-too-large = the file is too large
io-read = read
io-write = write
io-create = create
io-remove = remove
io-open = open
io-clear = clear
io-stage = stage
io-commit = commit
io-keep-copy = keep a copy of
io-create-folder = create the folder
io-read-folder = read the folder
io-open-lock = open the lock
io-take-lock = take the lock
io-stage-version = stage a version in
io-commit-version = commit a version of

## Writes nianbao refuses

output-hard-links =
    `{ $path }` has { $names } names (hard links); writing a new file would leave the others with the old text
      = help: copy it to a file of its own (cp --remove-destination) and use that one, or write elsewhere with -o
output-not-regular =
    `{ $path }` is { $what ->
        [link] a symbolic link
        [folder] a folder
       *[other] not a regular file
    }; nianbao replaces only regular files
      = help: remove it, or write elsewhere with -o
load-folder-without-yaml = the folder `{ $path }` holds no .yaml file
load-link-outside = `{ $path }` is a link to a file outside the folder; nianbao reads only the folder's own files: copy the file into the folder instead

## The editor's refusals (nianbao serve)

edit-not-yaml = the YAML does not parse: { $detail }
edit-not-yaml-at = the YAML does not parse at line { $line }, column { $column }: { $message }
edit-not-yaml-help = { $said }; { $hint }
edit-reads-back-differently = it would read back differently
edit-no-way = no way to write it
edit-cannot-write = this change cannot be written here without changing other text ({ $reason }): edit it in the YAML tab
edit-no-value = no value at { $path }
edit-not-a-value = { $path } holds a list or a mapping, not a value
edit-no-key = only an entry of a mapping has a key
edit-key-used = `{ $key }` is already used here
edit-not-a-list = { $path } is not a list (or a mapping, with a key) to add to
edit-whole-document = the whole document cannot be removed or moved
edit-count-bad-name = `{ $name }` cannot name a count: a name starts with a letter or _ and holds only letters, digits, _ and - (such as birthday_visits)
edit-count-name-used = a count named `{ $name }` exists already: choose another name
edit-no-count = there is no count named `{ $name }`
edit-no-figure = “{ $text }” is no figure with a unit (such as 25户, 411人, 8.5万元, 1000余份)
edit-figure-changes = “{ $text }” made a count would print as “{ $written }”, not as written: nothing was changed
edit-count-name = figure

## A DOCX read back

docx-bad-character = { $part }: a character XML does not allow

## Templates

template-folder-unreadable = cannot read the templates folder: { $detail }
    .hint = --templates takes a folder; `templates/` in nianbao's repository shows the built-in ones
template-unreadable = cannot read the template: { $detail }
template-error = template error: { $detail }
    .hint = check the template named above; the user guide's “Templates” page (docs/src/en/templates.md) lists the built-in templates and what they are given

## Fonts (nianbao fonts, --font-path)

font-role-title = title 标题 (bold Song 小标宋)
font-role-song = Song 宋体 (page numbers)
font-role-fang = FangSong 仿宋 (body)
font-role-hei = Hei 黑体 (level-1 headings)
font-role-kai = Kai 楷体 (level-2 and run-in headings)
font-role-serif = serif (English documents)
font-carried = carried by nianbao ({ $what })
font-folder-missing = the font folder `{ $path }` does not exist
    .hint = --font-path takes a folder of .ttf, .otf, .ttc or .otc files
font-folder-not-folder = the font folder `{ $path }` is not a folder
    .hint = { font-folder-missing.hint }
font-unreadable = `{ $path }` is not a font that can be read
    .hint = use TrueType or OpenType fonts (.ttf .otf .ttc .otc); WOFF is not read
font-carried-broken = the carried font { $file } is broken
