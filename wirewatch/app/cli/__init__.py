"""The `wirewatch` command line: the parser and the embedded-mode commands in `main`, one module per
group of distributed-mode commands, what they share in `common`."""
