"""The faust-streaming worker: the app and its agents (`app`), the at-least-once consumer it runs on
(`consumer`), the wire format in and out (`codec`), and runtime rules from the compacted topic (`rules`)."""
