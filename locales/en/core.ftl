# Shared words and counts. Each catalogue file's ids begin with its file name
# (core-, rules-, explain-, report-, plan-, errors-, cli-).

core-count-servers = { $n ->
    [one] { $n } server
   *[other] { $n } servers
}
