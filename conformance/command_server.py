"""irctest server controller that starts any server from a shell command.

Written for chatshell's IRC door; not part of irctest.  Unlike irctest's external_server controller, it starts a fresh server
for every test, like irctest's own ngircd/inspircd controllers do, so state
left by one test (registered nicks, channels with keys, bans, topics, limits)
cannot leak into the next.

Environment:
  IRCTEST_SERVER_COMMAND   shell command (run with /bin/sh -c, in its own
                           process group, killed with SIGTERM after each test).
                           Placeholders: {hostname} {port} {dir} (an empty
                           temporary directory for this test), {password}.
  IRCTEST_SERVER_PASSWORD_COMMAND
                           optional; used instead of IRCTEST_SERVER_COMMAND
                           when a test needs a connection password
                           ("testpassword"). Without it those tests are
                           skipped as not implemented by the controller.
  IRCTEST_SOFTWARE_NAME    name irctest reports (default "chatshell").
  IRCTEST_SERVER_SASL_MECHS  space-separated, e.g. "PLAIN" (default none).
"""

import os
import shlex
from typing import Optional, Type

from irctest.basecontrollers import BaseServerController, DirectoryBasedController
from irctest.runner import NotImplementedByController


class CommandServerController(BaseServerController, DirectoryBasedController):
    software_name = os.environ.get("IRCTEST_SOFTWARE_NAME", "chatshell")
    supported_sasl_mechanisms = set(
        os.environ.get("IRCTEST_SERVER_SASL_MECHS", "").split()
    )
    supports_sts = False

    def run(
        self,
        hostname: str,
        port: int,
        *,
        password: Optional[str],
        ssl: bool,
        run_services: bool,
        faketime: Optional[str],
        websocket_hostname: Optional[str],
        websocket_port: Optional[int],
    ) -> None:
        if websocket_hostname is not None or websocket_port is not None:
            raise NotImplementedByController("Websocket")
        if ssl:
            raise NotImplementedByController("TLS")
        if run_services:
            raise NotImplementedByController("services")
        template = os.environ.get("IRCTEST_SERVER_COMMAND")
        if not template:
            raise RuntimeError("Please set IRCTEST_SERVER_COMMAND.")
        if password is not None:
            template = os.environ.get("IRCTEST_SERVER_PASSWORD_COMMAND")
            if not template:
                raise NotImplementedByController("connection password")
        assert self.proc is None
        self.hostname = hostname
        self.port = port
        self.create_config()  # makes self.directory
        assert self.directory
        command = template.format(
            hostname=shlex.quote(hostname),
            port=port,
            dir=shlex.quote(str(self.directory)),
            password=shlex.quote(password or ""),
        )
        self.proc = self.execute(["/bin/sh", "-c", command], proc_name="server")


def get_irctest_controller_class() -> Type[CommandServerController]:
    return CommandServerController
