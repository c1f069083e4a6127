#!/usr/bin/env python3
"""Validates an OCFL storage root with ocfl-py (the independent validator the
tests use) and prints what it found: objects, valid objects, every error and
warning. Exit 0 only when the root and every object are valid.

ocfl-py's own `ocfl-validate.py` reports a storage root valid when its objects
are not (it counts only traversal errors), so this asks for both."""

import logging
import sys

import ocfl


def main(root):
    logging.disable(logging.CRITICAL)
    store = ocfl.StorageRoot(root=root)
    root_ok = store.validate(log_warnings=True, log_errors=True, check_digests=True)
    print(f"objects {store.num_objects} valid {store.good_objects}")
    log = str(store.log).strip()
    if log:
        print(log)
    for path, messages in store.errors:
        print(messages)
    return 0 if root_ok and store.num_objects == store.good_objects else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
