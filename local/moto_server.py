"""moto server on loopback, quiet (it logs every request otherwise)."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from moto.server import ThreadedMotoServer


def _exit_with(parent_pid: int) -> None:
    """Stop when the stack that started this server is gone, however it ended (even SIGKILL),
    so no moto process outlives its `make run`."""
    while True:
        try:
            os.kill(parent_pid, 0)
        except OSError:
            os._exit(0)
        time.sleep(1)


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4566
    if len(sys.argv) > 2:
        threading.Thread(target=_exit_with, args=(int(sys.argv[2]),), name="parent-watch", daemon=True).start()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    from local.moto_atomic import make_moto_atomic

    make_moto_atomic()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        server._thread.join()  # type: ignore[union-attr]  # serve until terminated
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
