#!/usr/bin/env python3
"""A tiny XMPP client for the dist proofs: it does what a Jitsi Meet page does first.

Logs in anonymously to DOMAIN on HOST:PORT (STARTTLS; the test Prosody's self-signed certificate is not
checked), sends the 2015 conference IQ for ROOM@conference.DOMAIN to focus.DOMAIN and re-sends it after 1, 2,
4 ... s while the answer says ready='false', as the client does, then joins the room. Prints each answer. Exit
status 0 once the focus answered ready='true' and is an occupant of the room (both of its streams work), 1
otherwise.

    conference-probe.py --port C2S_PORT --domain DOMAIN [--host 127.0.0.1] [--room probe] [--timeout 60]
"""
import argparse
import re
import socket
import ssl
import sys
import time

STREAM = ("<?xml version='1.0'?><stream:stream to='{}' xmlns='jabber:client' "
          "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")


class Stream:
    def __init__(self, sock, deadline):
        self.sock = sock
        self.buf = ""
        self.deadline = deadline

    def send(self, text):
        self.sock.sendall(text.encode())

    def until(self, pattern):
        """Reads until the regex matches the unread text; returns the match and drops what it consumed."""
        rx = re.compile(pattern, re.S)
        while True:
            m = rx.search(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return m
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %r in time; unread: %r" % (pattern, self.buf[-300:]))
            self.sock.settimeout(left)
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("server closed the stream; unread: %r" % self.buf[-300:])
            self.buf += data.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--domain", required=True)
    ap.add_argument("--room", default="probe")
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    deadline = time.monotonic() + a.timeout

    s = Stream(socket.create_connection((a.host, a.port), timeout=10), deadline)
    s.send(STREAM.format(a.domain))
    s.until(r"</stream:features>")
    s.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    s.until(r"<proceed[^>]*/>")
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    s.sock = ctx.wrap_socket(s.sock, server_hostname=a.domain)
    s.buf = ""
    s.send(STREAM.format(a.domain))
    features = s.until(r"<stream:features.*?</stream:features>").group(0)
    if "ANONYMOUS" not in features:
        print("no SASL ANONYMOUS on %s: %s" % (a.domain, features))
        return 1
    s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='ANONYMOUS'/>")
    s.until(r"<success[^>]*(/>|>.*?</success>)")
    s.send(STREAM.format(a.domain))
    s.until(r"</stream:features>")
    s.send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>")
    jid = s.until(r"<jid>([^<]+)</jid>").group(1)
    s.until(r"</iq>")
    print("logged in anonymously as %s" % jid)

    room = "%s@conference.%s" % (a.room, a.domain)
    wait = 1
    for n in range(1, 100):
        iq_id = "conf%d" % n
        s.send("<iq type='set' id='%s' to='focus.%s'><conference xmlns='http://jitsi.org/protocol/focus' "
               "room='%s'/></iq>" % (iq_id, a.domain, room))
        reply = s.until(r"<iq[^>]*id=['\"]%s['\"][^>]*?(/>|>.*?</iq>)" % iq_id).group(0)
        print("focus answered: %s" % reply)
        if re.search(r"type=['\"]result['\"]", reply) and re.search(r"ready=['\"]true['\"]", reply):
            # ready='true' is also the answer of a focus user with a password (2015 override): join the room
            # as the client does next and see the focus there.
            s.send("<presence to='%s/probe'><x xmlns='http://jabber.org/protocol/muc'/></presence>" % room)
            s.until(r"<presence[^>]*from=['\"]%s/focus['\"]" % re.escape(room))
            print("joined %s: the focus is there as %s/focus" % (room, room))
            s.send("</stream:stream>")
            return 0
        if time.monotonic() + wait > deadline:
            break
        time.sleep(wait)
        wait = min(wait * 2, 8)
    print("the focus never answered ready='true'")
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, TimeoutError, ConnectionError) as e:
        print("conference-probe: %s" % e)
        sys.exit(1)
