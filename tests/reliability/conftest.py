"""tests/reliability: hostile input, faults, security and load. Every test is bounded and local (127.0.0.1)."""


def pytest_configure(config) -> None:
    # Long tests still run by default; `-m "not slow"` leaves them out of a quick local run.
    config.addinivalue_line("markers", "slow: a long reliability test (seconds to minutes); runs in CI by default")
