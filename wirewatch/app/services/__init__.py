"""Start-up of the distributed services that wire several parts together (the producer)."""
