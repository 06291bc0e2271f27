# report のメッセージ (id は "report-" で始まる)。
