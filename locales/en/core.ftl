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
