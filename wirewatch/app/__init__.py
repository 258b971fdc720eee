"""The composition root: the CLI, the embedded runner, the dashboard and the services' start-up.

Only this layer sees every stage (wirewatch.producers, wirewatch.processors, wirewatch.sinks) and wires
them together through the core's ports; the core and the stages never import it.
"""
