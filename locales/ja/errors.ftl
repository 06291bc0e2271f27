# errors のメッセージ (id は "errors-" で始まる)。
