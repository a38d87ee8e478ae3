#!/usr/bin/env python3
"""A Helix client nobody on the team wrote, using only the standard library.

Usage: helix_client.py HELIX_URL OAUTH_URL CLIENT_ID TOKEN BROADCASTER_ID [BAN_USER_ID [EXPECTED_CHATTERS]]

TOKEN must belong to CLIENT_ID and to a moderator (or the broadcaster) of BROADCASTER_ID,
with the scopes moderator:read:chatters and moderator:manage:banned_users. BAN_USER_ID, when
given, must not be banned yet: the script bans it. Prints one `ok ...` line per check and
exits 1 at the first failure.
"""

import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def call(method, url, headers=None, body=None):
    """Returns (status, headers, parsed JSON or None); HTTP errors are answers, not exceptions."""
    data = None
    headers = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw, answer_headers = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, answer_headers = error.code, error.read(), error.headers
    parsed = json.loads(raw) if raw else None
    return status, answer_headers, parsed


class Helix:
    def __init__(self, base, client_id, token):
        self.base = base.rstrip("/")
        self.client_id = client_id
        self.token = token

    def url(self, path, params=None):
        query = urllib.parse.urlencode(params or {}, doseq=True)
        return f"{self.base}/{path}" + (f"?{query}" if query else "")

    def request(self, method, path, params=None, body=None, headers=None):
        if headers is None:
            headers = {"Authorization": f"Bearer {self.token}", "Client-Id": self.client_id}
        return call(method, self.url(path, params), headers, body)


def check_error_bodies(helix):
    status, headers, body = helix.request("GET", "users", headers={"Client-Id": helix.client_id})
    check(status == 401, f"missing token: status {status}")
    check(body == {"error": "Unauthorized", "status": 401, "message": "OAuth token is missing"},
          f"missing token: body {body}")
    print("ok missing token answers 401 OAuth token is missing")

    status, _, body = helix.request(
        "GET", "users", headers={"Authorization": f"Bearer {helix.token}", "Client-Id": "x" * 30})
    check(status == 401, f"bad client id: status {status}")
    check(body == {"error": "Unauthorized", "status": 401, "message": "Client ID and OAuth token do not match"},
          f"bad client id: body {body}")
    print("ok wrong client id answers 401 Client ID and OAuth token do not match")


def check_rate_headers(helix):
    _, first, _ = helix.request("GET", "users")
    status, second, body = helix.request("GET", "users")
    check(status == 200, f"users: status {status} {body}")
    for name in ("Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset"):
        check(second.get(name) is not None, f"missing header {name}")
    limit = int(second["Ratelimit-Limit"])
    before, after = int(first["Ratelimit-Remaining"]), int(second["Ratelimit-Remaining"])
    # The bucket refills continuously, so two requests need not show two different counts;
    # each one has taken a point from a bucket of `limit`.
    check(0 <= before < limit and 0 <= after < limit, f"remaining {before} then {after} of {limit}")
    reset = int(second["Ratelimit-Reset"])
    check(reset >= int(time.time()) - 1, f"reset {reset} is in the past")
    print(f"ok rate headers: limit {limit}, remaining {before} then {after}, reset {reset}")


def check_chatters(helix, broadcaster_id, moderator_id, expected):
    params = {"broadcaster_id": broadcaster_id, "moderator_id": moderator_id, "first": 100}
    logins, pages, total, cursor = [], 0, None, None
    while True:
        if cursor:
            params["after"] = cursor
        status, _, body = helix.request("GET", "chat/chatters", params)
        check(status == 200, f"chatters: status {status} {body}")
        pages += 1
        total = body["total"]
        logins += [chatter["user_login"] for chatter in body["data"]]
        cursor = body["pagination"].get("cursor")
        if not cursor:
            break
        check(pages < 1000, "chatters: pagination does not end")
    check(len(logins) == len(set(logins)), "chatters: a chatter appears twice")
    check(len(logins) == total, f"chatters: {len(logins)} listed but total {total}")
    if expected is not None:
        check(total == expected, f"chatters: total {total}, expected {expected}")
    print(f"ok chatters: {total} over {pages} pages, no duplicates")


def check_ban(helix, broadcaster_id, moderator_id, user_id):
    params = {"broadcaster_id": broadcaster_id, "moderator_id": moderator_id}
    body = {"data": {"user_id": user_id, "reason": "python interop"}}
    status, headers, answer = helix.request("POST", "moderation/bans", params, body)
    check(status == 200, f"ban: status {status} {answer}")
    ban = answer["data"][0]
    check(ban["user_id"] == user_id and ban["broadcaster_id"] == broadcaster_id, f"ban: {ban}")
    check(ban["moderator_id"] == moderator_id, f"ban: moderator {ban['moderator_id']}")
    check(ban["end_time"] is None, f"ban: end_time {ban['end_time']}")
    check(headers.get("Ratelimit-Remaining") is not None, "ban: no rate headers")
    print(f"ok banned {user_id}")

    status, _, answer = helix.request("POST", "moderation/bans", params, body)
    check(status == 400 and answer["error"] == "Bad Request", f"second ban: {status} {answer}")
    print("ok banning again answers 400")


def main(argv):
    if len(argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    helix_url, oauth_url, client_id, token, broadcaster_id = argv[1:6]
    ban_user = argv[6] if len(argv) > 6 else None
    expected = int(argv[7]) if len(argv) > 7 else None
    helix = Helix(helix_url, client_id, token)
    try:
        status, _, validated = call(
            "GET", oauth_url.rstrip("/") + "/validate", {"Authorization": f"OAuth {token}"})
        check(status == 200, f"validate: status {status} {validated}")
        check(validated["client_id"] == client_id, f"validate: client {validated['client_id']}")
        moderator_id = validated["user_id"]
        print(f"ok token of {validated['login']} validates")
        check_error_bodies(helix)
        check_rate_headers(helix)
        check_chatters(helix, broadcaster_id, moderator_id, expected)
        if ban_user:
            check_ban(helix, broadcaster_id, moderator_id, ban_user)
    except Failure as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError, urllib.error.URLError) as error:
        print(f"FAIL unexpected answer: {error!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
