"""A socket activator as small as systemd's is for one socket with StandardInput=socket.

usage: activate.py SOCKET TIMES REPORT PROGRAM [ARG...]

Binds and listens on SOCKET (mode 0600), then TIMES times: waits until a client connects, starts
PROGRAM with the listening socket as its standard input (stdout and stderr inherited), and waits
for it to exit. The socket keeps listening between runs, so no client is refused while no program
runs, and its file stays when this script exits, as systemd's does until the socket unit stops.
Each program's pid and exit status are appended to REPORT, one line per run; this script itself
prints nothing, so what appears on stdout and stderr is the program's.
"""

import os
import select
import socket
import sys

path, times, report, program = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(path)
os.chmod(path, 0o600)
listener.listen(64)
for _ in range(times):
    select.select([listener], [], [])
    pid = os.fork()
    if pid == 0:
        os.dup2(listener.fileno(), 0)
        os.execv(program[0], program)
    _, status = os.waitpid(pid, 0)
    with open(report, "a") as out:
        print(pid, os.waitstatus_to_exitcode(status), file=out)
