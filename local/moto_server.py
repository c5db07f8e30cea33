"""moto server on loopback, quiet (it logs every request otherwise)."""

from __future__ import annotations

import logging
import sys

from moto.server import ThreadedMotoServer


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4566
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
