"""Settings checked against the components the stages registered: feed kinds and delivery channels.

The core's config module checks what it can know alone (types, unknown keys, secrets, rule syntax); the
checks that need the stages' registries are added here, so `wirewatch config check` and every command
report both in one list.
"""

from __future__ import annotations

from pathlib import Path

from wirewatch import config
from wirewatch.config import ConfigError, ConfigProblem
from wirewatch.processors.steps import STEPS
from wirewatch.producers.kinds import kind_problem
from wirewatch.settings import DeliverySettings, Settings
from wirewatch.sinks.alerts.aggregate import Counted
from wirewatch.sinks.alerts.channels import CHANNEL_TYPES, RESERVED_NAMES, channel_names
from wirewatch.sinks.alerts.policy import PolicyError, RulePolicy
from wirewatch.sinks.alerts.template import TemplateError, check_template


def component_problems(settings: Settings) -> list[ConfigProblem]:
    problems = []
    for i, feed in enumerate(settings.feeds):
        if kind := kind_problem(feed):
            problems.append(ConfigProblem(f"feeds[{i}].{kind[0]}", kind[1]))
    for name in settings.pipeline.steps:
        if name not in STEPS:
            problems.append(
                ConfigProblem(
                    "pipeline.steps",
                    f"processing step {name!r} is not one of {', '.join(STEPS.names()) or '(none registered)'}",
                )
            )
    problems.extend(_channel_name_problems(settings.delivery))
    for name, hook in settings.delivery.webhooks.items():
        if hook.template is not None:
            try:
                check_template(hook.template)
            except TemplateError as exc:
                problems.append(ConfigProblem(f"delivery.webhooks.{name}.template", str(exc)))
    known = set(channel_names(settings.delivery))
    for i, rule in enumerate(settings.rules):
        try:
            RulePolicy.of(rule)
            if rule.type != "match":
                Counted.of(rule)
            elif rule.params:
                raise PolicyError(f"{', '.join(sorted(rule.params))}: only for the counted rule types (type = ...)")
        except PolicyError as exc:
            problems.append(ConfigProblem(f"rules[{i}]", f"rule {rule.name!r}: {exc}"))
        for channel in rule.channels:
            if channel in known:
                continue
            if channel in CHANNEL_TYPES and (requires := CHANNEL_TYPES.get(channel).requires):
                problems.append(ConfigProblem(f"rules[{i}].channels", f"channel {channel!r} needs {requires}"))
            else:
                problems.append(
                    ConfigProblem(
                        f"rules[{i}].channels", f"unknown channel {channel!r} (known: {', '.join(sorted(known))})"
                    )
                )
    return problems


def _channel_name_problems(delivery: DeliverySettings) -> list[ConfigProblem]:
    """A channel name is what a rule says: one name, one channel, across every channel section."""
    problems = []
    seen: dict[str, str] = {}
    for section in ("webhooks", "slack", "teams", "email"):
        for name in getattr(delivery, section):
            key = f"delivery.{section}.{name}"
            if name in RESERVED_NAMES:
                problems.append(ConfigProblem(key, f"{name!r} is a built-in channel name"))
            elif name in seen:
                problems.append(ConfigProblem(key, f"channel name {name!r} is also {seen[name]}"))
            seen.setdefault(name, key)
    return problems


def check_config(path: str | Path | None = None) -> tuple[Settings, list[ConfigProblem]]:
    """Load the configuration and collect every problem, the core's and the components'."""
    settings, problems = config.check_config(path)
    return settings, problems + component_problems(settings)


def load_settings(path: str | Path | None = None) -> Settings:
    """Load and check the configuration; raise ConfigError listing every problem."""
    settings, problems = check_config(path)
    if problems:
        raise ConfigError(problems, settings.source_path)
    return settings
