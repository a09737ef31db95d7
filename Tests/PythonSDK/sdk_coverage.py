"""Which functions of the installed official SDK (onlyfans-sdk) Fanout answers.

Enumerates every endpoint function of the SDK's modules (not the `iter_*`
helpers, which page through those), calls each through the SDK against a
running Fanout (FANOUT_URL, a throwaway server: calls that write do write),
and prints a table by module. A function is *answered* when Fanout routes
it: any answer but a 404 of type ROUTE_NOT_FOUND or a 405 (a 400 for the
placeholder arguments, or a 404 for an id that does not exist, is an
answer). A 5xx fails the run whatever the module. Exits non-zero when a
function of a module Fanout implements (REQUIRED, as issue 30 scopes it) is
missing; the others are listed for what they are.

    FANOUT_URL=... FANOUT_CREDENTIALS=demo.json python sdk_coverage.py [--markdown] [--readme README.md]

`--readme FILE` also fails unless FILE holds the markdown table as printed.
"""
import importlib
import importlib.metadata
import inspect
import json
import os
import sys
import typing

from onlyfans_sdk import OFAuthClient, OFAuthError

MODULES = [
    "account", "self", "messages", "mass_messages", "user_lists", "vault", "vault_lists", "upload", "subscribers",
    "users", "earnings", "analytics", "posts", "promotions", "subscriptions", "link", "dynamic_rules",
    "vault_media", "vault_stats", "vault_store", "vault_cache",
]
# What Fanout implements: whole modules, and the named functions of others.
REQUIRED_MODULES = {"messages", "mass_messages", "user_lists", "vault", "vault_lists", "upload", "subscribers", "users",
                    "earnings"}
REQUIRED_FUNCTIONS = {
    "account": {"whoami", "list_connections", "delete_connections", "invalidate_connections",
                "get_connection_settings", "update_connection_settings", "get_org_settings", "update_org_settings"},
    "self": {"list_selfs", "update_self"},
    "analytics": {"list_mass_messages_buyers", "list_mass_messages_charts", "list_mass_messages_sents"},
}
MISSING_ID = "999999999"


def required(module, name):
    return module in REQUIRED_MODULES or name in REQUIRED_FUNCTIONS.get(module, set())


def placeholder(parameter):
    """A value of the parameter's type: path ids that exist nowhere, small
    values elsewhere (Fanout answers them, often with a 400)."""
    if parameter.name.endswith("_id") or parameter.name in ("part_number",):
        return "conn_missing" if parameter.name == "connection_id" else MISSING_ID
    annotation = parameter.annotation
    origin = typing.get_origin(annotation)
    if annotation in (int, float) or origin is None and annotation is bool:
        return False if annotation is bool else 1
    if annotation is str:
        return "x"
    if origin in (list, typing.List):
        return []
    if origin in (dict, typing.Dict):
        return {}
    return "x"


def endpoint_functions():
    for module_name in MODULES:
        try:
            module = importlib.import_module(f"onlyfans_sdk.{module_name}")
        except ImportError:
            continue
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_") or name.startswith("iter_"):
                continue
            if "client" not in inspect.signature(function).parameters:
                continue
            yield module_name, name, function


def call(client, function):
    """(status, error type) of one call with placeholder arguments."""
    arguments = {p.name: placeholder(p) for p in inspect.signature(function).parameters.values()
                 if p.name != "client" and p.default is inspect.Parameter.empty}
    try:
        function(client, **arguments)
        return 200, None
    except OFAuthError as error:
        return error.status, error.code  # Fanout sends its error type as `code` too


def main():
    markdown = "--markdown" in sys.argv
    with open(os.environ["FANOUT_CREDENTIALS"]) as file:
        organization = json.load(file)["organizations"][0]
    results = {}
    with OFAuthClient(api_key=organization["apiKey"], base_url=os.environ["FANOUT_URL"],
                      connection_id=organization["connections"][0]["id"]) as client:
        for module, name, function in endpoint_functions():
            status, kind = call(client, function)
            missing = status == 405 or (status == 404 and kind == "ROUTE_NOT_FOUND")
            results.setdefault(module, []).append((name, status, kind, missing))
    failures = []
    # A required function the installed SDK no longer has (renamed) is a failure too.
    for module, names in REQUIRED_FUNCTIONS.items():
        enumerated = {call[0] for call in results.get(module, [])}
        failures += [f"{module}.{name}: not in the installed SDK" for name in sorted(names - enumerated)]
    rows = []
    for module, calls in results.items():
        answered = [c for c in calls if not c[3]]
        missing = [c for c in calls if c[3]]
        missing_required = [c for c in missing if required(module, c[0])]
        crashed = [c for c in calls if c[1] >= 500]
        failures += [f"{module}.{c[0]}: not served" for c in missing_required]
        failures += [f"{module}.{c[0]}: HTTP {c[1]}" for c in crashed]
        scope = "all" if module in REQUIRED_MODULES else (
            f"{len(REQUIRED_FUNCTIONS[module])} named" if module in REQUIRED_FUNCTIONS else "none")
        names = ", ".join(c[0] for c in missing) or "–"
        # The README's table: names when few, else how many.
        short = names if len(missing) <= 3 or missing_required else f"{len(missing)} functions"
        rows.append((module, len(calls), len(answered), scope, short, names))
    table = ["| SDK module | functions | answered | required | not served |", "|---|---|---|---|---|"]
    table += ["| " + " | ".join(str(cell) for cell in row[:5]) + " |" for row in rows]
    if "--readme" in sys.argv:
        readme = open(sys.argv[sys.argv.index("--readme") + 1]).read()
        if "\n".join(table) not in readme:
            failures.append("the README's table is not this run's: paste `scripts/sdk-coverage --markdown`")
    if markdown:
        print("\n".join(table))
    else:
        print(f"onlyfans-sdk {importlib.metadata.version('onlyfans-sdk')} against {os.environ['FANOUT_URL']}")
        print(f"{'module':<15} {'functions':>9} {'answered':>9}  {'required':<9} not served")
        for module, count, answered, scope, _, missing in rows:
            print(f"{module:<15} {count:>9} {answered:>9}  {scope:<9} {missing}")
        total = sum(r[1] for r in rows)
        print(f"{'all':<15} {total:>9} {sum(r[2] for r in rows):>9}")
    if failures:
        print("\n".join(["", "FAILED:"] + failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
