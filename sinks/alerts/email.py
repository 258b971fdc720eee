"""E-mail over SMTP: one message per alert (or per digest), plain text and HTML, through the user's relay.

`security = "starttls"` (the default, port 587) upgrades the connection before anything else is said;
`"tls"` speaks TLS from the first byte (port 465); `"none"` is for a relay on this machine only (the config
refuses it elsewhere, and with credentials). Certificates are verified against the system's CAs, or `ca_file`.
The stdlib's smtplib does the protocol, in a worker thread so the event loop keeps running.

Every feed-supplied string is escaped in the HTML part and kept on one line in headers (no header injection).
The Message-ID is derived from the alert and its state, so a retried delivery carries the same one and mail
systems that deduplicate by it show the message once.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from wirewatch.errors import DeliveryError
from wirewatch.models import Alert
from wirewatch.settings import EmailSettings
from wirewatch.sinks.alerts.messages import Links, Message, message, message_key, plain_text

log = logging.getLogger(__name__)


def html_body(msg: Message) -> str:
    e = html.escape
    parts = [
        '<!doctype html><html><body style="font-family:sans-serif">',
        f'<h2 style="font-size:16px">{e(msg.subject)}</h2>',
    ]
    for entry in msg.items:
        parts.append(f'<h3 style="font-size:14px;margin-bottom:4px">{e(entry.kind)}: {e(entry.title)}</h3>')
        parts.append('<table cellpadding="2">')
        parts.append(f'<tr><th align="left">Time</th><td>{e(entry.at)}</td></tr>')
        parts.extend(f'<tr><th align="left">{e(label)}</th><td>{e(value)}</td></tr>' for label, value in entry.facts)
        parts.append("</table>")
        links = []
        if entry.link:
            links.append(f'<a href="{e(entry.link)}">Open in wirewatch</a>')
        if entry.source_url and entry.source_url.startswith(("https://", "http://")):
            links.append(f'<a href="{e(entry.source_url)}">Original</a>')
        if links:
            parts.append(f"<p>{' · '.join(links)}</p>")
    if msg.more:
        parts.append(f"<p>… and {msg.more} more alerts.</p>")
    parts.extend(f"<p>{e(note)}</p>" for note in msg.notes)
    parts.append("</body></html>")
    return "\n".join(parts)


def email_message(msg: Message, settings: EmailSettings, key: str) -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = msg.subject  # one line already (messages._one_line)
    mail["From"] = settings.sender
    mail["To"] = ", ".join(settings.to)
    mail["Date"] = formatdate(localtime=False)
    domain = settings.sender.rpartition("@")[2] or "wirewatch"
    mail["Message-ID"] = f"<{hashlib.sha256(key.encode('utf-8')).hexdigest()[:40]}@{domain}>"
    mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to alerts
    mail.set_content(plain_text(msg))
    mail.add_alternative(html_body(msg), subtype="html")
    return mail


class EmailNotifier:
    def __init__(self, name: str, settings: EmailSettings, links: Links | None = None) -> None:
        self.name = name
        self._settings = settings
        self._links = links or Links()

    async def deliver(self, alert: Alert) -> None:
        await self.send([alert])

    async def send(self, alerts: list[Alert], heading: str | None = None, notes: list[str] | None = None) -> None:
        msg = message(alerts, self._links, heading=heading, notes=notes)
        mail = email_message(msg, self._settings, message_key(alerts))
        await asyncio.to_thread(self._send, mail)

    def _send(self, mail: EmailMessage) -> None:
        s = self._settings
        where = f"email {self.name} ({s.host}:{s.port})"
        try:
            context = ssl.create_default_context(cafile=str(s.ca_file) if s.ca_file else None)
            smtp: smtplib.SMTP
            if s.security == "tls":
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            with smtp:
                if s.security == "starttls":
                    smtp.starttls(context=context)  # raises when the server does not offer it: never falls back
                if s.username is not None and s.password is not None:
                    smtp.login(s.username, s.password)
                refused = smtp.send_message(mail)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"{where}: authentication refused ({exc.smtp_code})") from exc
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(f"{where}: SMTP {exc.smtp_code}") from exc
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"{where}: every recipient refused ({', '.join(sorted(exc.recipients))})") from exc
        except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
            raise DeliveryError(f"{where}: {type(exc).__name__}: {exc}") from exc
        if refused:  # the others took it: a retry would send it to them twice, so this is logged, not failed
            log.warning("%s: recipients refused: %s", where, ", ".join(sorted(refused)))
