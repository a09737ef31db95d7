"""A webhook receiver on a free loopback port that keeps every delivery (its
headers and exact bytes) and answers 204: what the webhook tests register at
Fanout and then check with the SDK's verifier."""
import http.server


class Receiver(http.server.ThreadingHTTPServer):
    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), Handler)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass
