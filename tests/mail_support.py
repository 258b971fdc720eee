"""A real SMTP server on 127.0.0.1 for the e-mail channel's tests: aiosmtpd in its own thread, with a test CA
(trustme) for STARTTLS or implicit TLS, optional AUTH, and every accepted message kept as parsed e-mail."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support import free_port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class MailHandler:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


@dataclass
class MailServer:
    host: str
    port: int
    handler: MailHandler
    ca_file: Path

    @property
    def received(self) -> list[Received]:
        return self.handler.received


def _authenticator(user: str, password: str):
    def check(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
        ok = ok and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    return check


@contextmanager
def mail_server(
    tmp_path: Path, *, security: str = "starttls", user: str | None = None, password: str | None = None
) -> Iterator[MailServer]:
    """security: "starttls" (offered and required), "tls" (implicit), "none" (plain, no STARTTLS offered)."""
    ca = trustme.CA()
    ca_file = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    handler = MailHandler()
    kwargs: dict[str, Any] = {"hostname": "127.0.0.1", "port": free_port()}
    if security == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    elif security == "tls":
        kwargs.update(ssl_context=context)
    if user is not None:
        kwargs.update(authenticator=_authenticator(user, password or ""), auth_require_tls=security != "none")
    controller = Controller(handler, **kwargs)
    controller.start()
    try:
        yield MailServer("127.0.0.1", kwargs["port"], handler, ca_file)
    finally:
        controller.stop()
