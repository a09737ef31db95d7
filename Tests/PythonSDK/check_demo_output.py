"""Checks what `fanout demo` printed: exactly one JSON object of organizations,
each with an API key and connections; the first has one without messages:write."""
import json
import sys

text = open(sys.argv[1]).read()
demo = json.loads(text)  # fails on anything but one JSON document
assert text.strip().count("\n") == 0, "one line, one object"
organizations = demo["organizations"]
assert len(organizations) >= 2, "at least two organizations"
for organization in organizations:
    assert organization["apiKey"].startswith("sk_sandbox_")
    for connection in organization["connections"]:
        assert connection["id"].startswith("conn_")
        assert connection["permissions"], "every connection has permissions"
assert any("messages:write" not in c["permissions"] for c in organizations[0]["connections"])
print(f"demo output ok: {len(organizations)} organizations, "
      f"{sum(len(o['connections']) for o in organizations)} connections")
