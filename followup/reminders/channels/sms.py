"""SMS through an HTTP gateway, as Bangladesh's gateways take it (SSL Wireless, BulkSMSBD …): one POST
of a JSON or form body with the API key, the sender id, the number and the text, in Unicode (Bangla
needs UCS-2 SMS: the gateways' "unicode" flag, SOBHA_SMS_EXTRA). The field names are settings, so
another gateway is a matter of configuration. A 2xx answer means accepted; anything else, a time-out
or a refused connection is a ChannelError, retried with back-off. The API key is never logged nor
written in an error: errors name the gateway's host only."""

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from followup.reminders.channels.base import Channel, ChannelError, Message

# Our names -> the gateway's field names (SSL Wireless' API v3 by default).
DEFAULT_FIELDS = {
    "api_key": "api_token",
    "sender": "sid",
    "to": "msisdn",
    "text": "sms",
    "reference": "csms_id",
}


class HttpSmsChannel(Channel):
    name = "sms"
    label = _("SMS")
    missing_address = _("No mobile number: add it to the official's record.")

    def __init__(self, config: dict | None = None):
        self.config = config or settings.SOBHA_SMS

    def address_for(self, official) -> str:
        return official.mobile

    def wanted_by(self, preference) -> bool:
        return preference is None or preference.by_sms

    def payload(self, message: Message, *, address: str, reference: str) -> dict:
        names = {**DEFAULT_FIELDS, **self.config.get("FIELDS", {})}
        values = {
            "api_key": self.config["API_KEY"],
            "sender": self.config.get("SENDER_ID", ""),
            "to": address,
            "text": message.short_text,
            "reference": reference,
        }
        return {
            **self.config.get("EXTRA", {}),
            **{names[key]: value for key, value in values.items() if names[key]},
        }

    def send(self, message: Message, *, address: str, reference: str) -> None:
        data = self.payload(message, address=address, reference=reference)
        if self.config.get("FORMAT", "json") == "json":
            body = json.dumps(data, ensure_ascii=False).encode()
            content_type = "application/json; charset=utf-8"
        else:
            body = urllib.parse.urlencode(data).encode()  # UTF-8, percent-encoded
            content_type = "application/x-www-form-urlencoded; charset=utf-8"
        request = urllib.request.Request(
            self.config["URL"], data=body, method="POST", headers={"Content-Type": content_type}
        )
        host = urllib.parse.urlsplit(self.config["URL"]).hostname
        try:
            with urllib.request.urlopen(request, timeout=self.config.get("TIMEOUT", 10)) as response:
                response.read(4096)
        except urllib.error.HTTPError as error:
            error.close()
            raise ChannelError(f"the SMS gateway {host} answered {error.code}") from None
        except (urllib.error.URLError, OSError) as error:  # refused, unreachable, timed out
            reason = getattr(error, "reason", error)
            raise ChannelError(f"the SMS gateway {host} was not reached: {self._redact(reason)}") from None

    def _redact(self, text) -> str:
        text = str(text)
        key = self.config.get("API_KEY", "")
        return text.replace(key, "***") if key else text
