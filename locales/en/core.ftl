# Shared words and counts. Each catalogue file's ids begin with its file name
# (core-, rules-, explain-, report-, plan-, errors-, cli-).

core-count-servers = { $n ->
    [one] { $n } server
   *[other] { $n } servers
}

# The headings of a rule's explanation (`topocert explain`).
core-heading-what = What it does
core-heading-why = Why Lync cares
core-heading-fix = How to fix
core-heading-example = Example

# Operating-system errors, shown in languages other than English (in English the
# system's own words are shown). $text: one of the core-os-* texts; $code: the
# system's error number.
core-os-error = { $text } (os error { $code })
core-os-not-found = No such file or directory
core-os-permission-denied = Permission denied
core-os-is-a-directory = Is a directory
core-os-not-a-directory = Not a directory
core-os-already-exists = File exists
core-os-storage-full = No space left on device
core-os-read-only = Read-only file system
