# What `nianbao archive` says: why it refuses to write, and the problems
# `archive verify` finds (archive-* of nianbao's records, ocfl-* of the OCFL
# storage). Said in the user's language (LC_ALL, LC_MESSAGES, LANG).

## Writing

archive-other-document = `{ $path }` holds another document (`{ $id }`)
archive-other-document-not = `{ $path }` holds another document (`{ $id }`), not `{ $expected }`
archive-not-a-document = `{ $path }` exists and is not an archived document
archive-foreign-files = `{ $path }` holds files and is not an archive: archive into an empty or new folder
archive-not-a-folder = `{ $path }` is not a folder (a link?): the archive follows no links
archive-not-regular = `{ $path }` is not a regular file: the archive holds no links
archive-waiting = waiting for another nianbao writing to `{ $path }` to finish
archive-docx-not-well-formed = the DOCX is not well-formed ({ $detail }); nothing was archived
archive-none = `{ $path }` holds no archive (no { $declaration })
archive-not-inventory = `{ $path }` is not an OCFL inventory: { $detail }
archive-file-too-large = larger than the archive reads

## Checking nianbao's records

archive-unknown-format = an unknown record format `{ $format }`
archive-wrong-place = its record is of { $year } { $organisation } ({ $kind }), whose place is `{ $expected }`
archive-wrong-id = the object's id `{ $id }` is not its record's `{ $expected }`
archive-missing-file = the record names `{ $logical }`, which the version does not hold
archive-unnamed-file = `{ $path }` is not named by its record
archive-file-not-well-formed = `{ $logical }` is not well-formed: { $detail }
archive-input-differs = the archived input is of { $year } { $organisation }, its record of { $record_year } { $record_organisation }
archive-input-unreadable = the archived input does not read as a nianbao input
archive-no-xmp = holds no XMP metadata (not a PDF/A)
# $what: the XMP field (title, …).
archive-xmp-differs = its { $what } is `{ $found }`, its record says `{ $wanted }`

## The earlier format (manifest.json)

archive-not-manifest = `{ $path }` is not a nianbao archive manifest: { $detail }
archive-outside = outside the archive: { $path }
archive-needs-migration =
    `{ $path }` holds an archive in nianbao's earlier format (manifest.json)
      = help: turn it into the OCFL archive first: nianbao archive migrate --dir { $path }
archive-legacy-unverified =
    the archive in `{ $path }` does not verify against its manifest; nothing was migrated:
    { $problems }

## Checking the OCFL storage

ocfl-root-declaration = the storage root's declaration does not say `ocfl_1.1`
ocfl-no-root = missing: not an OCFL 1.1 storage root
ocfl-not-utf8 = { $kind ->
        [folder] a folder
       *[file] a file
    } whose name is not UTF-8: no OCFL path can name it
ocfl-empty-folder = an empty folder in the storage hierarchy
ocfl-link = a link: the archive holds no links
ocfl-extensions-folders = the extensions folder holds only folders
ocfl-outside-object = a file outside any object (not listed in an inventory)
ocfl-sidecar-altered = altered: its sha512 differs from its sidecar's
ocfl-object-declaration = the object's declaration does not say `ocfl_object_1.1`
ocfl-not-inventory = not an OCFL inventory: { $detail }
ocfl-unknown-type = an unknown inventory type `{ $kind }`
ocfl-digest = digests in `{ $algorithm }`: the archive writes sha512
ocfl-versions = versions are not v1, v2… up to the head
ocfl-not-in-object = not part of the object (not a version, inventory or declaration)
ocfl-version-inventory-differs = differs from the object's inventory (the head's must be identical)
ocfl-not-in-version = not part of the version (not its content or inventory)
ocfl-not-content-path = not a content path of a version (vN/content/…)
ocfl-altered = altered: its sha512 differs from the inventory's
ocfl-unlisted = unlisted: in the object, not in its inventory
ocfl-unknown-digest = { $name } names a digest the manifest does not hold
ocfl-bad-logical-path = { $name }: `{ $path }` is not a valid logical path
ocfl-empty-content-folder = an empty folder in a version's content
# A version's inventory against the object's.
ocfl-other-id = names the object `{ $id }`, the object's inventory `{ $object }`
ocfl-other-digest = digests in `{ $algorithm }`, the object's inventory in `{ $object }`
ocfl-other-head = its head is `{ $head }`, not `{ $expected }`
ocfl-other-record = its record of { $name } is not the object's inventory's
ocfl-other-manifest = its manifest lists content under { $digest }… that the object's does not
