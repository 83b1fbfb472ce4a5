"""What a process Hamish spawns (the index helper, the import worker) does first.

It leaves Ctrl+C to its parent, which decides what an interruption means, and it ends at once
when its parent ends, however the parent ended (a kill, a crash): a helper must not hold the
index's writer lock, nor a worker go on parsing, for a process that is gone. The parent's
sentinel (`multiprocessing.parent_process()`) is a pipe on POSIX and a process handle on
Windows, so this holds on every platform, even while the main thread is busy.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading


def follow_parent() -> None:
    """Ignore SIGINT, and end this process as soon as its parent has ended."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        # SIGKILL rather than an exit: no cleanup may run that waits for the main thread.
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

    threading.Thread(target=watch, name="hamish-parent-watch", daemon=True).start()
