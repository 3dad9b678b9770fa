"""The loopback LLM server for benchmarks, with Nagle's algorithm off on its sockets.

The stock server (``aicmo_kernel.testing.llm_server``) writes a response's headers and body in
separate sends; on a kept-alive connection Nagle's algorithm holds the body back until the
client's delayed ACK arrives, about 40 ms later. That stall is the server's, not the client's,
and would hide every client-side difference this benchmark looks for, so the benchmark server
sets TCP_NODELAY (``--stock`` keeps the stall, to show it).
"""

from __future__ import annotations

import sys

from aicmo_kernel.testing import llm_server

if __name__ == "__main__":
    argv = sys.argv[1:]
    if "--stock" in argv:
        argv.remove("--stock")
    else:
        llm_server._Handler.disable_nagle_algorithm = True
    raise SystemExit(llm_server.main(argv))
