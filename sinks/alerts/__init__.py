"""Alert delivery: channel types registered by name (`channels`), the notifiers that do the I/O
(`notifiers`), retries and bookkeeping once for all of them (`delivery`), and the service that delivers the
distributed pipeline's alerts topic (`service`)."""
