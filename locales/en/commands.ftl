# The commands' own words: status lines, refusals, the server's answers. A
# command speaks the language of --lang, else of its document, else the user's.

## After checking

run-summary = { $files -> 
    [one] 1 file
   *[other] { $files } files
  }: { $errors -> 
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings -> 
    [one] 1 warning
   *[other] { $warnings } warnings
  }
error-prefix = error:{" "}

## build, watch, next, rollup, import

wrote = wrote { $path }
not-built = not built ({ $failed } of { $total }): { $names }
list-and = { $rest } and { $last }
outputs-shared = { $inputs } would { $count -> 
    [2] both
   *[other] all
  } write { $outputs }; nothing was written
    .hint = rename the inputs apart, or build them into different folders with -o
no-file-name = `{ $path }` has no file name
exists-no-force = `{ $path }` exists; nianbao does not overwrite it (add --force to replace it)
watching = watching { $count } { $count -> 
    [one] input
   *[other] inputs
  }; Ctrl-C to stop
watch-kept = kept the last good output; waiting for the next change
cannot-watch = cannot watch `{ $path }`: { $error }
rollup-missing-count = note: count “{ $count }” is not in { $missing } of { $total } inputs: { $names }
import-no-text = `{ $path }` holds no text; nothing was written
import-too-large = the input made from `{ $path }` would be { $size } MB, more than the { $limit } MB nianbao reads; nothing was written
    .hint = import the document in parts (a year's report is far smaller)
import-check-here = check this place in the YAML written
import-would-not-load = the input written would not load: please report this document
import-unreadable = its contents could not be read

## archive

archive-list-problems = warning: { $count -> 
    [one] 1 problem
   *[other] { $count } problems
  } found while listing; run `nianbao archive verify --dir { $dir }`
archive-migrated = migrated { $documents -> 
    [one] 1 document
   *[other] { $documents } documents
  } ({ $versions -> 
    [one] 1 version
   *[other] { $versions } versions
  }) in { $dir } to an OCFL 1.1 storage root
archive-stored = archived { $path } (version { $version }, sha512 { $sha512 })
archive-exists = `{ $path }` is archived already and is never overwritten
    .hint = to archive a corrected document, add --replace: it becomes the next version, and the earlier ones are kept
archive-verified = { $documents -> 
    [one] 1 document
   *[other] { $documents } documents
  }, { $versions -> 
    [one] 1 version
   *[other] { $versions } versions
  }, { $files } files verified in { $dir }: a valid OCFL 1.1 storage root, and every record matches its files
archive-not-verified = the archive in `{ $dir }` does not verify: { $count -> 
    [one] 1 problem
   *[other] { $count } problems
  }

## fonts

fonts-fallback = (carried; loaded only for ideographs the role fonts lack)
fonts-none = none
fonts-from = from { $origin }
fonts-loaded = { $count } font faces loaded; chains, first installed name wins:

## serve

serve-serving = serving { $path } on { $url } (Ctrl-C to stop)
serve-no-runtime = cannot start the server: { $error }
serve-cannot-listen = cannot listen on { $address }: { $error } (another program may use the port: try --port 0)
serve-stopped = the server stopped: { $error }
serve-no-browser = could not start a browser: open { $url } yourself
serve-drafts = { $drafts } drafts for { $files } files: reload the page
serve-has-errors = the input has errors: correct them first
serve-unknown-format = unknown format `{ $format }`: md, pdf or docx
serve-too-large = the draft is { $size } MB; nianbao reads inputs up to { $limit } MB: split it into a folder of files
serve-changed = the file was changed by another program since the page read it: reload it (your edits are still in the page; copy them from the YAML tab first)
serve-not-regular = this is no longer a regular file (a link or a folder stands in its place); nianbao serves only the file itself
serve-no-file = no file { $index }
serve-bad-host = the Host header must be 127.0.0.1 or localhost with this port
serve-other-site = requests from other sites are refused
serve-not-json = a write must be sent as application/json
serve-not-utf8 = a file is not UTF-8
serve-start = nianbao is running at { $url } (folder: { $folder }). Close this window to quit.
serve-folder-name = Annual reports
serve-no-folder = no folder to keep the documents in was found: go to a folder and run nianbao there
serve-no-input = no document is chosen to edit: go back to the start page and open or create one
serve-outside = “{ $name }” is not a file of this folder: nianbao reads and writes only the files of its folder
serve-no-such-input = the folder has no “{ $name }” (it may have been moved or renamed): choose again on the start page
serve-exists = the folder has a “{ $name }” already, and nianbao does not overwrite it: open it under Open, or rename it first
serve-new-no-organisation = enter the organisation's name
serve-new-bad-half = a half-year is the first half or the second half
serve-new-bad-kind = unknown kind of document `{ $kind }`
serve-import-not-base64 = the file uploaded is incomplete: choose the file again
serve-image-too-large = the image is too large: a seal or 签名章 image is at most { $limit } MB
serve-image-format = this file is not a PNG or SVG image: save the seal as PNG (with a transparent background) or SVG and choose it again

## The engine

templates-missing = the templates folder `{ $path }` does not exist
previous-has-errors = last period's input has errors: its plans are not checked
    .hint = run `nianbao check { $path }`
missing-glyph = no font has a glyph for “{ $char }” (U+{ $code })
    .hint = add a font that has it with --font-path DIR, or write the character another way; it would print as an empty box

## import --dry-run: what was found

import-read-as = read as { $how }; nothing written (--dry-run)
import-wrote = wrote { $path } (read as { $how })
found-title = title: { $title } ({ $how ->
    [written] as written
   *[derived] derived
  })
found-meta = organisation: { $organisation }; year: { $year }{ $half }; language: { $lang }
found-lang-zh = Chinese
found-lang-en = English
found-half = , half { $half }
found-ending = signature: { $signature }; date: { $date }
found-opening = opening: 1 paragraph
found-parts = parts: { $count }
found-part = { $n }. { $role }: { $heading } — { $holds }
found-nothing = nothing
found-intro = { $n ->
    [one] 1 intro
   *[other] { $n } intros
  }
found-points = { $n ->
    [one] 1 point
   *[other] { $n } points
  }
found-items = { $n ->
    [one] 1 item
   *[other] { $n } items
  }
found-blocks = { $n ->
    [one] 1 block
   *[other] { $n } blocks
  }
found-sections = { $n ->
    [one] 1 section
   *[other] { $n } sections
  }
found-counts = counts: { $count }
found-attachments = attachments: { $count }
role-work = work
role-problems = problems
role-plans = plans
role-other = other
rollup-wrote = wrote { $path } ({ $counts } counts from { $inputs } inputs)
next-has-errors = `{ $path }` has errors; run `nianbao check { $path }` first
fonts-face = { $family } ({ $style }, weight { $weight })
fonts-fallback-role = fallback
notes-separator = ;{" "}

## new: a new document

new-todo = TODO.
new-date-comment = the document date: change it when the document is done
new-header = Started by `nianbao new`. Replace each “{ $todo }” with what was done; `nianbao check` lists what is left.
new-prompt = { $prompt }:{" "}
new-prompt-default = { $prompt } [{ $default }]:{" "}
new-prompt-choose = { $prompt } (↑ ↓ to choose, Enter to confirm):{" "}
new-year-not-a-number = the year `{ $year }` is to be written in digits, e.g. 2026
new-ask-organisation = Organisation
new-ask-year = Year
new-ask-period = Period
new-period-year = the whole year
new-period-first-half = first half
new-period-second-half = second half
new-ask-kind = Document
new-kind-combined = annual report with next year's plan
new-kind-summary = annual report
new-kind-summary-first-half = First-half summary
new-kind-summary-second-half = Second-half summary
new-kind-plan = plan
new-kind-combined-first-half = First-half summary and second-half plan
new-kind-combined-second-half = Second-half summary and next year's first-half plan
new-kind-half = Half-year summary and second-half plan
new-ask-areas = Main areas of work (separated by commas, e.g. Membership, Events, Finance)
new-ask-signature = Signature
new-ask-date = Date
new-missing = a new document needs { $what }: run nianbao new on a terminal to be asked, or give { $flags }
new-bad-date = the date `{ $date }` is not year-month-day (e.g. 2026-12-08)
new-bad-year = the year `{ $year }` is not within 1900–2100
new-wrote = wrote { $path }
new-next = next: nianbao serve "{ $path }" to fill it in in the browser, or edit the file and run nianbao check
