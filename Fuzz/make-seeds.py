#!/usr/bin/env python3
"""Writes the seed corpus under Fuzz/corpus/ (small real-shaped inputs, plus
the inputs that once crashed the server). Run again after changing it; the
files are kept in the repository."""
import os, struct, zlib

here = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    folder = os.path.join(here, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def box(kind, content):
    return struct.pack(">I", 8 + len(content)) + kind + content


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x80\x40\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def mp4(brand=b"isom"):
    ftyp = box(b"ftyp", brand + struct.pack(">I", 512) + b"isomiso2mp41")
    mvhd = box(b"mvhd", b"\0\0\0\0" + struct.pack(">IIII", 0, 0, 1000, 5500) + b"\0" * 80)
    tkhd = box(b"tkhd", b"\0\0\0\3" + b"\0" * 72 + struct.pack(">II", 320 << 16, 240 << 16))
    mvhd1 = box(b"mvhd", b"\1\0\0\0" + b"\0" * 16 + struct.pack(">IQ", 600, 6000) + b"\0" * 80)
    return ftyp + box(b"free", b"") + box(b"mdat", b"\7" * 64) + box(b"moov", mvhd + box(b"trak", tkhd)), \
        ftyp + box(b"moov", mvhd1 + box(b"trak", box(b"tkhd", b"\1" + b"\0" * 95)))


write("media-probe", "tiny.png", png(2, 2))
write("media-probe", "tiny.gif", b"GIF89a\x02\x00\x02\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,"
      b"\x00\x00\x00\x00\x02\x00\x02\x00\x00\x02\x02D\x01\x00;")
write("media-probe", "tiny.jpg", b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\1\1\0\0\1\0\1\0\0"
      + b"\xff\xdb" + struct.pack(">H", 67) + b"\0" + bytes(range(1, 65))
      + b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 2, 3, 3) + b"\1\x22\0\2\x11\1\3\x11\1"
      + b"\xff\xda" + struct.pack(">H", 12) + b"\3\1\0\2\x11\3\x11\0\x3f\0" + b"\xd2\xcf\x20" + b"\xff\xd9")
write("media-probe", "vp8x.webp", b"RIFF" + struct.pack("<I", 30) + b"WEBPVP8X" + struct.pack("<I", 10) + b"\0\0\0\0"
      + (639).to_bytes(3, "little") + (479).to_bytes(3, "little") + b"\0" * 8)
write("media-probe", "vp8l.webp", b"RIFF" + struct.pack("<I", 26) + b"WEBPVP8L" + struct.pack("<I", 10) + b"\x2f"
      + struct.pack("<I", (99) | (49 << 14)) + b"\0" * 9)
write("media-probe", "vp8.webp", b"RIFF" + struct.pack("<I", 30) + b"WEBPVP8 " + struct.pack("<I", 10) + b"\0\0\0\x9d\x01\x2a"
      + struct.pack("<HH", 64, 48) + b"\0" * 8)
small, version1 = mp4()
write("media-probe", "tiny.mp4", small)
write("media-probe", "version1.mp4", version1)
write("media-probe", "tiny.mov", mp4(b"qt  ")[0])
write("media-probe", "tiny.m4a", box(b"ftyp", b"M4A " + b"\0\0\0\0" + b"M4A mp42isom") + box(b"mdat", b"\0" * 16))
write("media-probe", "tiny.mp3", b"ID3\4\0\0\0\0\0\0" + b"\xff\xfb\x90\x64" + b"\0" * 60)
write("media-probe", "frame.mp3", b"\xff\xfb\x90\x64" + b"\0" * 60)
write("media-probe", "tiny.ogg", b"OggS\0\2" + b"\0" * 40)
write("media-probe", "tiny.flac", b"fLaC\0\0\0\x22" + b"\0" * 40)
write("media-probe", "tiny.wav", b"RIFF" + struct.pack("<I", 36) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8)
      + b"data\0\0\0\0")
write("media-probe", "tiny.webm", b"\x1a\x45\xdf\xa3" + b"\x9f\x42\x86\x81\x01" + b"\0" * 30)
# Issue 29, item 1: a box whose 64-bit size is near Int.max stopped the server.
write("media-probe", "crash-box-size-overflow.mp4", b"\0\0\0\x18ftypisom\0\0\2\0isomiso2" + b"\0\0\0\1free" + b"\x7f" + b"\xff" * 7)

# Issue 29, item 2: a tip of 99999999999999999 stopped the server.
for name, body in [("tip", "tip=5&text=thanks"), ("price", "text=hi&price=4.50&media=1&media=2&previewMediaCount=1"),
                   ("scheduled", "scheduledAt=2026-12-24T18%3A00&price=0.5"), ("crash-huge-tip", "tip=99999999999999999"),
                   ("encoded", "text=a+b%20c%26d&tip=%35")]:
    write("console-form", name, body)

for name, text in [("limit", "20"), ("offset-null", "null"), ("negative", "-1"), ("huge", "99999999999999999999999"),
                   ("date", "2026-11-22"), ("datetime", "2026-11-22T18:37:32Z"), ("price", "4.5"), ("true", "true"),
                   ("exp", "1e300")]:
    write("parameters", name, text)

for name, text in [("seconds", "120"), ("date", "Wed, 21 Oct 2015 07:28:00 GMT"), ("crash-1e300", "1e300"), ("inf", "inf"),
                   ("nan", "nan"), ("negative", "-5"), ("huge", "99999999999999999999999999"),
                   ("far-date", "Fri, 31 Dec 9999 23:59:59 GMT")]:
    write("retry-after", name, text)
# Found by scripts/fuzz: Foundation's DateFormatter trapped on this HTTP-date.
write("retry-after", "crash-non-ascii-date", b"Wed, 21\xdf\xb0\x9c\x8b\xdf\xcd\xcf\xce5 07:28:00 GMT")

for name, text in [("full", "postgresql://fan%40out:p%2Fss@db.example:6543/fanout?sslmode=require"),
                   ("socket", "postgres://fanout@/fanout?host=/var/run/postgresql&port=5433"),
                   ("encoded-socket", "postgresql://fanout:secret@%2Ftmp%2Fpg%2F:6000/fanout"),
                   ("big-port", "postgres://u@h:99999999999999999999/d")]:
    write("postgres-url", name, text)

# client-wire: what a server answers the Swift client: dates, money as text,
# and 25 bytes read as a Double, three Ints and flags (an upload plan).
for name, data in [("date", "2026-12-07T19:35:46+00:00"), ("date-fraction", "2026-12-07T19:35:46.123Z"), ("day", "2026-12-07"),
                   ("price", "9.99"), ("negative", "-12.50"), ("two-points", "1.2.3"),
                   ("plan-11mib", struct.pack(">qqqB", 11 * 1024 * 1024, 5 * 1024 * 1024, 3, 0)),
                   ("plan-parts-only", struct.pack(">qqqB", 3000, 0, 2, 1)),
                   ("plan-huge", struct.pack(">qqqB", 2**62, 1, 10_000, 0))]:
    write("client-wire", name, data)

# webhook-signature: id, timestamp, signature header, secret and body,
# separated by NUL; an even length makes the harness add the right signature.
delivery = b"msg_p5jXN8AQM9LWM0D4loKWxJek\x001790000000\x00v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\x00whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\x00"
write("webhook-signature", "signed-even", delivery + b'{"type":"webhook.test"}' + (b" " if len(delivery + b'{"type":"webhook.test"}') % 2 else b""))
write("webhook-signature", "signed-odd", delivery + b'{"type":"webhook.test"}' + (b"" if len(delivery + b'{"type":"webhook.test"}') % 2 else b" "))
write("webhook-signature", "stale", b"msg_1\x001614265330\x00v1,AAAA v2,BBBB\x00whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\x00{}")
write("webhook-signature", "raw-secret", b"msg_1\x001790000100\x00v1,\x00MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\x00{}")
